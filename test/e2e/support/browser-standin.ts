// What the e2e page loads in place of Microsoft's office.js: the Office.js stand-in holding the
// example workbook, exposed on window so the tests can act as the user and inspect the sheet.
import { exampleInitialWorkbook } from '../../../devtools/preview/example';
import { installOfficeStandIn } from '../../standins/office-js';
import { newestStandard, standardByVersion } from '../../../src/standard';
import type { OfficeStandIn } from '../../standins/office-js';

export interface E2eConfig {
  rows?: number;
  displayLanguage?: string;
  /** Requirement sets the stand-in host claims beyond ExcelApi 1.14 (e.g. NestedAppAuth 1.1). */
  requirementSets?: Record<string, string>;
  /** The standard version of the example workbook (default the newest). */
  standard?: string;
  /** Document settings the workbook opens with (e.g. a receipt planted by whoever edited the file). */
  settings?: Record<string, unknown>;
  /** Start from a blank workbook (the city desk's) instead of the example district workbook. */
  blank?: boolean;
}

declare global {
  interface Window {
    __delibE2e?: E2eConfig;
    __standIn?: OfficeStandIn;
  }
}

const config = window.__delibE2e ?? {};
const standard = (config.standard && standardByVersion(config.standard)) || newestStandard;
const workbook = config.blank
  ? { sheets: [{ name: 'Sheet1' }] }
  : exampleInitialWorkbook({ rows: config.rows ?? 12 }, standard);
window.__standIn = installOfficeStandIn(
  window,
  { ...workbook, settings: { ...workbook.settings, ...config.settings } },
  {
    displayLanguage: config.displayLanguage ?? 'ko-KR',
    requirementSets: config.requirementSets,
  },
);
