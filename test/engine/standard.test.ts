// The standard as data: the registry's invariants, the finding catalog against the rules, and
// version 2021.2 (standard §7) — its columns, lists, and a 2021.1 workbook using its values.
import { validateWorkbook, type Finding } from '../../src/engine';
import { RESERVED_KEYS } from '../../src/engine/compile';
import { rules } from '../../src/engine/rules';
import {
  findingCatalog,
  findingCodes,
  newestStandard,
  registry,
  standardByVersion,
} from '../../src/standard';
import { standard2021_1 } from '../../src/standard/2021.1';
import { standard2021_2 } from '../../src/standard/2021.2';
import type { Standard } from '../../src/standard/types';
import { INFO, forum, resetIds, workbook, type BuildOptions } from './build';

beforeEach(resetIds);

const findingsOf = (opts: BuildOptions): Finding[] => validateWorkbook(workbook(opts)).report.findings;

describe('the registry', () => {
  it('lists 2021.1 and 2021.2 in release order; absent means the first, new workbooks the newest', () => {
    expect(registry.versions.map((s) => s.version)).toEqual(['2021.1', '2021.2']);
    expect(registry.absent).toBe(standard2021_1);
    expect(registry.newest).toBe(standard2021_2);
    expect(newestStandard).toBe(standard2021_2);
    expect(standardByVersion('2021.2')).toBe(standard2021_2);
    expect(standardByVersion('2021.3')).toBeUndefined();
  });

  // SharePoint's lists follow the newest standard and hold every version's rows; an unknown version
  // is checked against the newest. Both rely on a version only adding to the one before.
  it.each(
    registry.versions
      .slice(1)
      .map((s, i) => [registry.versions[i].version, s.version, registry.versions[i], s]),
  )('%s ⊆ %s: columns, keys and list values are kept', (_a, _b, older, newer) => {
    const o = older as Standard;
    const n = newer as Standard;
    for (const table of ['forums', 'council'] as const) {
      const keys = n.sheets[table].columns.map((c) => c.key);
      expect(keys.slice(0, o.sheets[table].columns.length)).toEqual(
        o.sheets[table].columns.map((c) => c.key),
      );
    }
    for (const [name, values] of Object.entries(o.enums)) {
      const now = new Set((n.enums[name] ?? []).map((v) => v.value));
      for (const v of values) expect(now.has(v.value)).toBe(true);
    }
  });

  it.each(registry.versions.map((s) => [s.version, s]))('%s is well formed', (_v, standard) => {
    const s = standard as Standard;
    expect(s.sheets.info.fields.filter((f) => f.selectsStandard)).toHaveLength(1);
    for (const table of [s.sheets.forums, s.sheets.council]) {
      const keys = table.columns.map((c) => c.key);
      expect(new Set(keys).size).toBe(keys.length);
      for (const k of keys) expect(RESERVED_KEYS).not.toContain(k);
      for (const c of table.columns) if (c.type === 'enum') expect(s.enums[c.enum!]).toBeDefined();
      expect(keys).toContain(table.idKey);
      for (const k of [...(table.duplicateKeys ?? []), table.periodDateKey ?? table.idKey])
        expect(keys).toContain(k);
    }
    for (const values of Object.values(s.enums))
      expect(values.filter((v) => v.fallback).length).toBeLessThanOrEqual(1);
  });
});

describe('the finding catalog', () => {
  it('is the list of codes: every code has a rule (or the data or summary --check that reports it)', () => {
    const fromData = registry.versions.flatMap((s) =>
      [...s.sheets.forums.columns, ...s.sheets.council.columns].flatMap((c) =>
        c.warnAbove ? [c.warnAbove.code] : [],
      ),
    );
    const reported = new Set([...rules.flatMap((r) => r.codes), ...fromData, 'summary-inconsistent']);
    expect([...reported].sort()).toEqual([...findingCodes].sort());
  });

  it('says everything in both languages with the same placeholders', () => {
    const names = (s: string) => [...s.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();
    for (const [code, def] of Object.entries(findingCatalog)) {
      for (const t of [def.title, def.message]) {
        expect({ code, ko: t.ko.length > 0, en: t.en.length > 0 }).toEqual({ code, ko: true, en: true });
      }
      expect({ code, ko: names(def.message.ko) }).toEqual({ code, ko: names(def.message.en) });
    }
  });
});

describe('standard 2021.2 (§7)', () => {
  const v2 = (over: Parameters<typeof forum>[0] = {}) => forum(over);
  const opts = (forums: ReturnType<typeof forum>[]): BuildOptions => ({ standard: standard2021_2, forums });

  it('adds 단계, 진행방식 and 관련 의제 after 비고, and six types before 기타', () => {
    const headers = standard2021_2.sheets.forums.columns.map((c) => c.header);
    expect(headers.slice(-4)).toEqual(['비고', '단계', '진행방식', '관련 의제']);
    const types = standard2021_2.enums.forumType.map((t) => t.value);
    expect(types.slice(types.indexOf('교육'))).toEqual([
      '교육',
      '토론회',
      '설명회',
      '총회',
      '포럼',
      '컨설팅',
      '성과공유회',
      '기타',
    ]);
  });

  it('a clean 2021.2 workbook has no finding; the new columns are optional', () => {
    const forums = [
      v2({ stage: '계획수립', format: '대면', agenda: '마을 의제', type: '토론회' }),
      v2({ stage: '환류', format: '병행', agenda: '가'.repeat(200), type: '성과공유회' }),
      v2({}),
    ];
    const v = validateWorkbook(workbook(opts(forums)));
    expect(v.report.standard).toBe('2021.2');
    expect(v.report.findings).toEqual([]);
    expect(v.forums[0].get('stage')).toBe('계획수립');
    expect(v.forums[2].get('format')).toBeNull();
    expect(v.report.metrics.byType['토론회'].meetings).toBe(1);
  });

  it('the new lists and the 관련 의제 length fire, with fixes for near misses', () => {
    const f = findingsOf(
      opts([
        v2({ stage: '계획' }),
        v2({ format: '비대면' }),
        v2({ format: '화상회의' }),
        v2({ agenda: '가'.repeat(201) }),
      ]),
    );
    expect(f.map((x) => [x.code, x.field, x.fix])).toEqual([
      ['enum-error', 'stage', '계획수립'],
      ['enum-error', 'format', '온라인'],
      ['enum-error', 'format', null],
      ['constraint-error', 'agenda', null],
    ]);
  });

  it('in a 2021.1 workbook a 2021.2 type is an enum-error with 기타 as the fix, naming 2021.2', () => {
    for (const type of ['토론회', '설명회', '총회', '포럼', '컨설팅', '성과공유회']) {
      resetIds();
      const f = findingsOf({ forums: [forum({ type })] });
      expect(f).toMatchObject([{ code: 'enum-error', field: 'type', fix: '기타', value: type }]);
      expect(f[0].message.ko).toContain('2021.2');
      expect(f[0].message.en).toContain('2021.2');
      expect(f[0].message.en).toContain('2021.1');
    }
    // A 2021.1 near miss keeps its own fix; a stranger gets none.
    resetIds();
    expect(
      findingsOf({ forums: [forum({ type: '워크샵' }), forum({ type: '회식' })] }).map((x) => x.fix),
    ).toEqual(['워크숍', null]);
  });

  it('a 2021.1 workbook with 2021.2 columns reports them as extra (kept), not as checks', () => {
    const headers = standard2021_2.sheets.forums.columns.map((c) => c.header);
    const f = findingsOf({ headers, forums: [forum({ stage: '아무거나' })] });
    expect(f.map((x) => [x.code, x.value])).toEqual([
      ['extra-column', '단계'],
      ['extra-column', '진행방식'],
      ['extra-column', '관련 의제'],
    ]);
  });

  it('표준버전 2021.2 on a workbook without the new columns is fine: they are optional', () => {
    const v = validateWorkbook(workbook({ info: { ...INFO, 표준버전: '2021.2' }, forums: [forum()] }));
    expect(v.report.standard).toBe('2021.2');
    expect(v.report.findings).toEqual([]);
  });
});
