// Metrics as data: the one lookup (definitions compiled, groupings, 총계/평균) and the one formatter,
// and the engine's figures by 2021.2's 단계 and 진행방식.
import { revalidateRows, validateWorkbook } from '../../src/engine';
import {
  consolidateFigures,
  groupLabel,
  groupingFigures,
  groupsOf,
  metricPlan,
  metricValue,
  tableMetrics,
} from '../../src/engine/metric-values';
import { excelNumberFormat, formatFigure, formatMetric, roundFigure } from '../../src/engine/metric-format';
import { standard2021_1 } from '../../src/standard/2021.1';
import { standard2021_2 } from '../../src/standard/2021.2';
import type { MetricDefinition, Standard } from '../../src/standard/types';
import { forum, resetIds, workbook } from './build';

beforeEach(resetIds);

const withMetrics = (metrics: MetricDefinition[]): Standard => ({ ...standard2021_1, metrics });
const count = (key: string, definition: MetricDefinition['definition']): MetricDefinition => ({
  key,
  label: { ko: key, en: key },
  kind: 'count',
  definition,
  display: { digits: 0 },
});

describe('metricValue', () => {
  it('reads dotted keys; anything else is null', () => {
    const m = { meetings: 3, attendees: { civilian: 2 }, attendanceRate: { official: null, x: NaN } };
    expect(metricValue(m, 'attendees.civilian')).toBe(2);
    expect(metricValue(m, 'meetings')).toBe(3);
    expect(metricValue(m, 'attendanceRate.official')).toBeNull();
    expect(metricValue(m, 'attendanceRate.x')).toBeNull();
    expect(metricValue(m, 'attendees')).toBeNull();
    expect(metricValue(m, 'nope.nothing')).toBeNull();
    expect(metricValue(null, 'meetings')).toBeNull();
  });
});

describe('metricPlan', () => {
  it('evaluates every metric of a standard from row counts and column sums, in dependency order', () => {
    const plan = metricPlan(standard2021_1);
    expect(plan.sumColumns).toEqual([
      'hours',
      'attendedOfficial',
      'attendedCivilian',
      'expectedOfficial',
      'expectedCivilian',
    ]);
    const m = plan.nest(plan.evaluate({ rows: 4, sums: [6, 3, 9, 0, 10] }));
    expect(m).toEqual({
      meetings: 4,
      hoursTotal: 6,
      hoursPerMeeting: 1.5,
      attendees: { total: 12, official: 3, civilian: 9 },
      expected: { total: 10, official: 0, civilian: 10 },
      // Nothing expected of officials: undefined, never 0% nor Infinity.
      attendanceRate: { total: 1.2, official: null, civilian: 0.9 },
    });
  });

  it('refuses a standard whose metrics cannot work', () => {
    expect(() => metricPlan(withMetrics([count('a', { kind: 'sum', column: 'nope' })]))).toThrow(
      "the metric 'a' reads the unknown column 'nope'",
    );
    expect(() => metricPlan(withMetrics([count('a', { kind: 'add', of: ['b'] })]))).toThrow(
      "the metric 'a' uses the unknown metric 'b'",
    );
    expect(() =>
      metricPlan(
        withMetrics([count('a', { kind: 'add', of: ['b'] }), count('b', { kind: 'add', of: ['a'] })]),
      ),
    ).toThrow('defined in a circle');
    const twice = count('a', { kind: 'rows', countedBy: 'name' });
    expect(() => metricPlan(withMetrics([twice, twice]))).toThrow('repeats a metric key');
  });
});

describe('groupings', () => {
  it('lists the groups of each grouping in order, 미기재 last', () => {
    const [quarter, type, stage, format] = standard2021_2.groupings;
    expect(groupsOf(quarter, standard2021_2).map((g) => [g.key, g.label.ko, g.label.en])).toEqual([
      ['1', '1분기', 'Q1'],
      ['2', '2분기', 'Q2'],
      ['3', '3분기', 'Q3'],
      ['4', '4분기', 'Q4'],
    ]);
    expect(groupsOf(type, standard2021_2).map((g) => g.key)).toEqual(
      standard2021_2.enums.forumType.map((t) => t.value),
    );
    expect(groupsOf(stage, standard2021_2).map((g) => g.key)).toEqual([
      '계획수립',
      '실행',
      '평가',
      '환류',
      '미기재',
    ]);
    // A name two groupings share is qualified where they share one list.
    const blank = groupsOf(format, standard2021_2).pop()!;
    expect(groupLabel(format, blank, standard2021_2)).toEqual({
      ko: '미기재(진행방식)',
      en: 'Not given (Format)',
    });
    expect(groupLabel(stage, groupsOf(stage, standard2021_2)[0], standard2021_2).ko).toBe('계획수립');
    expect(standard2021_1.groupings.map((g) => g.key)).toEqual(['byQuarter', 'byType']);
  });

  it('refuses a grouping by a column the table lacks, or by values of a column without a list', () => {
    const by = (column: string): Standard => ({
      ...standard2021_1,
      groupings: [{ key: 'byX', label: { ko: 'x', en: 'x' }, column, by: 'value' }],
    });
    expect(() => validateWorkbook(workbook({ forums: [forum()] }), by('nope'))).toThrow(
      "the grouping 'byX' reads the unknown column 'nope'",
    );
    expect(() => validateWorkbook(workbook({ forums: [forum()] }), by('host'))).toThrow(
      "the grouping 'byX' needs a list column, not 'host'",
    );
  });

  it('a 2021.2 report gives 단계 and 진행방식: blank rows are 미기재, a value off the list is in no group', () => {
    const v = validateWorkbook(
      workbook({
        standard: standard2021_2,
        forums: [
          forum({ stage: '계획수립', format: '대면', expectedCivilian: 10, attendedCivilian: 9 }),
          forum({ stage: '계획수립', format: '온라인' }),
          forum({ stage: null, format: '온라인', hours: 3 }),
          forum({ stage: '계획', format: null }),
        ],
      }),
    );
    expect(v.report.findings.map((f) => [f.code, f.field])).toEqual([['enum-error', 'stage']]);
    const stage = groupingFigures(v.report.metrics, 'byStage');
    expect(Object.keys(stage)).toEqual(['계획수립', '실행', '평가', '환류', '미기재']);
    expect(stage['계획수립'].meetings).toBe(2);
    expect(stage['미기재'].meetings).toBe(1);
    expect(stage['미기재'].hoursTotal).toBe(3);
    expect(stage['실행'].attendanceRate.total).toBeNull();
    // '계획' (an enum-error) counts overall but in no stage.
    expect(Object.values(stage).reduce((s, m) => s + m.meetings, 0)).toBe(3);
    const format = groupingFigures(v.report.metrics, 'byFormat');
    expect([format['대면'].meetings, format['온라인'].meetings, format['병행'].meetings]).toEqual([1, 2, 0]);
    expect(format['미기재'].meetings).toBe(1);
    expect(v.report.metrics.overall.meetings).toBe(4);
  });

  it('a 2021.1 report keeps its shape: overall, byQuarter, byType and nothing else', () => {
    const v = validateWorkbook(workbook({ forums: [forum()] }));
    expect(Object.keys(v.report.metrics)).toEqual(['overall', 'byQuarter', 'byType']);
    expect(groupingFigures(v.report.metrics, 'byStage')).toEqual({});
  });

  it('a stage typed, fixed or cleared moves the row between groups as a full run would', () => {
    const snap = workbook({
      standard: standard2021_2,
      forums: [forum({ stage: '실행' }), forum({ stage: '평가' })],
    });
    const rows = snap.sheets[1].rows;
    const col = standard2021_2.sheets.forums.columns.findIndex((c) => c.key === 'stage');
    let v = validateWorkbook(snap);
    for (const value of ['계획', null, '환류', '  ', '실행']) {
      rows[1][col] = value === null ? null : { value };
      v = revalidateRows(v, snap, [{ sheet: '숙의공론장', rows: [2] }]);
      expect(v.report).toEqual(validateWorkbook(snap).report);
    }
    expect(groupingFigures(v.report.metrics, 'byStage')['실행'].meetings).toBe(1);
  });
});

describe('exact sums', () => {
  it('past 2^53 millionths continue in BigInt: exact, in any order, and a removed row is undone', () => {
    const counts = [4_000_000_000_001, 7, 4_000_000_000_003];
    const rows = (order: number[]) =>
      order.map((i) => forum({ id: i + 1, attendedCivilian: counts[i], expectedCivilian: counts[i] }));
    const snap = workbook({ forums: rows([0, 1, 2]) });
    const v = validateWorkbook(snap);
    expect(v.report.findings).toEqual([]);
    expect(v.report.metrics.overall.attendees.civilian).toBe(8_000_000_000_011);
    expect(validateWorkbook(workbook({ forums: rows([2, 0, 1]) })).report.metrics).toEqual(v.report.metrics);
    // Typing a small count over a huge one and back: the sums follow exactly.
    const col = standard2021_1.sheets.forums.columns.findIndex((c) => c.key === 'attendedCivilian');
    let live = v;
    for (const value of [5, 4_000_000_000_001]) {
      snap.sheets[1].rows[1][col] = { value };
      live = revalidateRows(live, snap, [{ sheet: '숙의공론장', rows: [2] }]);
      expect(live.report).toEqual(validateWorkbook(snap).report);
    }
    expect(live.report.metrics).toEqual(v.report.metrics);
  });
});

describe('consolidateFigures (총계 and 평균)', () => {
  const plan = metricPlan(standard2021_1);
  const row = (rows: number, sums: number[]) => plan.nest(plan.evaluate({ rows, sums }));
  const a = row(2, [3, 4, 6, 5, 10]);
  const b = row(4, [5, 1, 0, 0, 0]);

  it('sums counts and hours; pooled ratios are recomputed; rates are left out of 총계', () => {
    const total = consolidateFigures(standard2021_1, [a, b], 'total');
    expect(total.meetings).toBe(6);
    expect(total.attendees).toEqual({ total: 11, official: 5, civilian: 6 });
    expect(total.hoursPerMeeting).toBeCloseTo(8 / 6, 12);
    expect(total.attendanceRate).toEqual({ total: null, official: null, civilian: null });
  });

  it('averages the rows; a rate over the rows where it is defined; 1회평균 is 총계 hours ÷ meetings', () => {
    const mean = consolidateFigures(standard2021_1, [a, b], 'mean');
    expect(mean.meetings).toBe(3);
    expect(mean.hoursPerMeeting).toBeCloseTo(8 / 6, 12);
    expect(mean.attendanceRate.total).toBeCloseTo(a.attendanceRate.total!, 12);
    expect(consolidateFigures(standard2021_1, [], 'mean').attendanceRate.total).toBeNull();
  });
});

describe('the formatter', () => {
  const rate = standard2021_1.metrics.find((m) => m.key === 'attendanceRate.total')!.display;
  const hours = standard2021_1.metrics.find((m) => m.key === 'hoursTotal')!.display;
  const people = standard2021_1.metrics.find((m) => m.key === 'meetings')!.display;
  const pane = { lang: 'ko' as const, grouping: true };

  it('shows a fraction as a percentage to 0.1 point; above 100% kept; undefined as the mark, never 0%', () => {
    expect(formatFigure(0.8174, rate, '–')).toBe('81.7%');
    expect(formatFigure(0.81749, rate, '–', { lang: 'en', grouping: true })).toBe('81.7%');
    expect(formatFigure(0.81751, rate, '–')).toBe('81.8%');
    expect(formatFigure(1.25, rate, '–', pane)).toBe('125.0%');
    expect(formatFigure(null, rate, '–')).toBe('–');
    expect(formatFigure(Number.NaN, rate, '–')).toBe('–');
    expect(formatFigure(Infinity, rate, '–')).toBe('–');
    expect(formatFigure(0, rate, '–')).toBe('0.0%');
    expect(formatFigure(-0.00001, rate, '–')).toBe('0.0%');
  });

  it('rounds hours to 0.1, counts whole (a mean to 0.1); groups thousands only for people', () => {
    expect(formatFigure(1.25 + 0.01, hours, '–', pane)).toBe('1.3');
    expect(formatFigure(1204.04, hours, '–', { lang: 'en', grouping: true })).toBe('1,204.0');
    expect(formatFigure(1204.04, hours, '–')).toBe('1204.0');
    expect(formatFigure(12040, people, '–', pane)).toBe('12,040');
    expect(formatFigure(12040, people, '–')).toBe('12040');
    expect(formatFigure(2141.2, people, '–')).toBe('2141.2');
  });

  it('takes a metric by key from its standard; the Excel formats and the rounded fix follow the same rule', () => {
    expect(formatMetric(0.5, 'attendanceRate.civilian', standard2021_2)).toBe('50.0%');
    expect(formatMetric(null, 'hoursPerMeeting', standard2021_2)).toBe('–');
    expect(excelNumberFormat(rate)).toBe('0.0%');
    expect(excelNumberFormat(hours)).toBe('#,##0.0');
    expect(excelNumberFormat(people)).toBe('#,##0');
    expect(excelNumberFormat(people, 2.5)).toBe('#,##0.0');
    expect(roundFigure(0.81749, rate)).toBeCloseTo(0.817, 12);
    expect(roundFigure(1.5625, hours)).toBe(1.6);
  });

  it('tables show the data book columns, in its order', () => {
    expect(tableMetrics(standard2021_2).map((m) => m.key)).toEqual(
      standard2021_2.summaryTable.columns.slice(1).map((c) => c.metric),
    );
  });
});
