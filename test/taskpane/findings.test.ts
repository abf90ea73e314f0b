import {
  filterFindings,
  groupFindings,
  hasFix,
  isImeComposing,
  isSelectable,
  normaliseForSearch,
} from '../../src/taskpane/view/findings';
import { finding } from './fixtures';

const sample = [
  finding({ cell: 'G7', row: 7 }),
  finding({
    cell: 'D5',
    row: 5,
    code: 'enum-error',
    field: 'type',
    value: '워크샵',
    fix: '워크숍',
    message: {
      ko: "'유형'의 값 '워크샵'은(는) 목록에 없습니다 (제안: '워크숍').",
      en: "'Forum type': '워크샵' is not in the list (did you mean '워크숍'?).",
    },
  }),
  finding({ cell: 'G5', row: 5 }),
  finding({ severity: 'warning', code: 'long-meeting', cell: 'F9', row: 9, value: 10 }),
  finding({
    severity: 'error',
    code: 'missing-sheet',
    sheet: '기본정보',
    cell: null,
    row: null,
    field: null,
    value: null,
  }),
  finding({ severity: 'warning', code: 'composition-gender', sheet: '협치회의 구성', cell: null, row: null }),
];

describe('groupFindings', () => {
  it('groups by severity in order, then by row, with counts', () => {
    const groups = groupFindings(sample);
    expect(groups.map((g) => [g.severity, g.count])).toEqual([
      ['error', 4],
      ['warning', 2],
      ['info', 0],
    ]);
    const errors = groups[0];
    expect(errors.rows.map((r) => [r.sheet, r.row, r.findings.length])).toEqual([
      ['기본정보', null, 1],
      ['숙의공론장', 5, 2],
      ['숙의공론장', 7, 1],
    ]);
    // Within a row the findings keep the engine's order.
    expect(errors.rows[1].findings.map((f) => f.cell)).toEqual(['D5', 'G5']);
  });

  it('puts every finding in exactly one group', () => {
    const groups = groupFindings(sample);
    expect(groups.reduce((n, g) => n + g.rows.reduce((m, r) => m + r.findings.length, 0), 0)).toBe(
      sample.length,
    );
  });
});

describe('filterFindings', () => {
  it('matches message, cell, value and code, ignoring case, width and spaces', () => {
    expect(filterFindings(sample, 'g7', 'ko').map((f) => f.cell)).toEqual(['G7']);
    expect(filterFindings(sample, '워크 샵', 'ko').map((f) => f.cell)).toEqual(['D5']);
    expect(filterFindings(sample, 'ＬＯＮＧ', 'en').map((f) => f.code)).toEqual(['long-meeting']);
    expect(filterFindings(sample, 'did you mean', 'en')).toHaveLength(1);
    expect(filterFindings(sample, 'did you mean', 'ko')).toHaveLength(0);
  });
  it('returns everything for an empty or blank query', () => {
    expect(filterFindings(sample, '  ', 'ko')).toHaveLength(sample.length);
  });
  it('normalises full-width text', () => {
    expect(normaliseForSearch('ＷＧ  회의')).toBe('wg회의');
  });
});

describe('finding affordances', () => {
  it('offers a fix only where the finding carries one', () => {
    expect(sample.filter(hasFix).map((f) => f.cell)).toEqual(['D5']);
    expect(hasFix(finding({ fix: 0 }))).toBe(true);
  });
  it('can select any finding with a sheet', () => {
    expect(isSelectable(sample[4])).toBe(true);
    expect(isSelectable(finding({ sheet: null, cell: null, row: null }))).toBe(false);
  });
});

describe('isImeComposing', () => {
  it('recognises composition by the native flag or by keyCode 229', () => {
    expect(isImeComposing({ nativeEvent: { isComposing: true }, keyCode: 13 })).toBe(true);
    expect(isImeComposing({ nativeEvent: { isComposing: false }, keyCode: 229 })).toBe(true);
    expect(isImeComposing({ nativeEvent: { isComposing: false }, keyCode: 13 })).toBe(false);
    expect(isImeComposing({ keyCode: 13 })).toBe(false);
  });
});
