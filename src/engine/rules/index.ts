// The rule registry: every finding the engine reports comes from one of these (summary-inconsistent
// comes from the consolidated-table check, src/engine/summary-check.ts). Order is report order.
import type { FindingCode } from '../../standard/types';
import { attendanceRule } from './attendance';
import { computedRule } from './computed';
import { councilRule } from './council';
import { datesRule } from './dates';
import { duplicateRowRule } from './duplicate-row';
import { headersRule } from './headers';
import { infoRule } from './info';
import { numberingRule } from './numbering';
import { hiddenSheetRule, missingSheetRule } from './sheets';
import { standardVersionRule } from './standard-version';
import type { Rule } from './types';
import { valuesRule } from './values';

export const workbookRules = [missingSheetRule, hiddenSheetRule, standardVersionRule];
export const infoReader = infoRule;
export const headerReader = headersRule;
export const cellRule = valuesRule;
export const rowRules = [datesRule, attendanceRule, computedRule];
export const tableRules = [numberingRule, duplicateRowRule];
export const councilRules = [councilRule];

export const rules: readonly Rule[] = [
  ...workbookRules,
  infoRule,
  headersRule,
  valuesRule,
  ...rowRules,
  ...tableRules,
  ...councilRules,
];

/** Codes the engine's rules may report, plus codes the standard's data attaches (warnAbove). */
export function ruleCodes(): Set<FindingCode> {
  return new Set(rules.flatMap((r) => r.codes));
}
