// 협치회의 구성: members are read like any table, then the council's composition (./composition.ts,
// the same figures the report and the city's table show) is checked against the standard's thresholds.
import type { Standard } from '../standard/types';
import type { CouncilRecord, Finding } from './report';
import type { SheetSnapshot } from './snapshot';
import { columnLetter, isBlankCell } from './snapshot';
import { makeFinding } from './findings';
import { readField, type FieldValue } from './fields';
import type { TableLayout } from './locate';
import { RowIndex, repeatFinding } from './tablewide';
import { councilComposition, type CouncilComposition, type GenderCounts } from './composition';

export interface CouncilResult {
  members: CouncilRecord[];
  composition: CouncilComposition;
  findings: Finding[];
}

export function readCouncil(standard: Standard, sheet: SheetSnapshot, layout: TableLayout): CouncilResult {
  const members: CouncilRecord[] = [];
  const findings: Finding[] = [];
  const ids = new RowIndex<number>();
  if (!layout.headerRow) return { members, composition: councilComposition(members, standard), findings };
  for (let r = layout.headerRow + 1; r <= sheet.rows.length; r++) {
    const cells = sheet.rows[r - 1];
    if (!cells || layout.present.every((p) => isBlankCell(cells[p.column]))) continue;
    const record: CouncilRecord = {
      row: r,
      id: null,
      name: null,
      sector: null,
      gender: null,
      field: null,
      appointedOn: null,
    };
    const fields = record as unknown as Record<string, FieldValue>;
    for (const { def, column } of layout.present) {
      const place = { sheet: sheet.name, column: columnLetter(column), row: r };
      // A member's name is personal data: a finding about it never carries the value itself.
      const before = findings.length;
      fields[def.key] = readField(standard, def, cells[column], place, findings);
      if (def.key === 'name')
        for (let i = before; i < findings.length; i++) findings[i] = { ...findings[i], value: null };
    }
    if (record.id !== null) ids.add(record.id, r);
    members.push(record);
  }
  const idKey = standard.sheets.council.idKey;
  const idColumn = { sheet: sheet.name, column: layout.columns.get(idKey) };
  for (const m of members) {
    const first = m.id === null ? null : ids.firstBefore(m.id, m.row);
    if (first !== null)
      findings.push(repeatFinding(standard, 'duplicate-id', idColumn, idKey, m.row, m.id!, first));
  }
  const c = councilComposition(members, standard);
  return {
    members,
    composition: c,
    findings: [...findings, ...compositionFindings(standard, sheet.name, c)],
  };
}

function percent(share: number): string {
  return `${(Math.round(share * 1000) / 10).toFixed(1)}%`;
}

function compositionFindings(standard: Standard, sheet: string, c: CouncilComposition): Finding[] {
  const rule = standard.council;
  if (c.members === 0) return [];
  const place = { sheet, cell: null, row: null, field: null };
  const out: Finding[] = [];
  const civilian = c.civilianShare!;
  if (civilian < rule.civilian.minShare) {
    out.push(
      makeFinding(standard, 'composition-civilian', { ...place, field: rule.sectorKey }, percent(civilian), {
        min: percent(rule.civilian.minShare),
      }),
    );
  }
  for (const gender of standard.enums.gender) {
    const key = (Object.keys(rule.genders) as (keyof GenderCounts)[]).find(
      (k) => rule.genders[k] === gender.value,
    );
    const share = (key ? c.byGender[key] : 0) / c.members;
    if (share < rule.gender.minShare) {
      out.push(
        makeFinding(standard, 'composition-gender', { ...place, field: rule.genderKey }, percent(share), {
          gender: gender.label.ko,
          genderEn: gender.label.en,
          min: percent(rule.gender.minShare),
        }),
      );
    }
  }
  return out;
}
