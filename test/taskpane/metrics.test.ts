import { standard2021_1 } from '../../src/standard/2021.1';
import { metricColumns, metricTables, metricValue, rateBars } from '../../src/taskpane/view/metrics';
import { metrics, workbookMetrics } from './fixtures';

const labels = { overall: '종합', quarter: (q: number) => `${q}분기` };

describe('metricColumns', () => {
  it('follows the data book columns of the standard, without the district column', () => {
    const cols = metricColumns('ko', standard2021_1);
    expect(cols.map((c) => c.key)).toEqual(
      standard2021_1.summaryTable.columns.map((c) => c.metric).filter((m) => m !== 'district'),
    );
    expect(cols[0]).toEqual({ key: 'attendanceRate.total', label: '참석율(종합)', kind: 'rate' });
    expect(metricColumns('en', standard2021_1).find((c) => c.key === 'hoursPerMeeting')).toEqual({
      key: 'hoursPerMeeting',
      label: 'Hours per meeting',
      kind: 'hours',
    });
  });
});

describe('metricTables', () => {
  const tables = metricTables(workbookMetrics(), 'ko', labels, standard2021_1);

  it('formats rates to 0.1 %p, undefined rates as a dash', () => {
    const cols = tables.columns.map((c) => c.key);
    const overall = Object.fromEntries(cols.map((k, i) => [k, tables.overall.cells[i]]));
    expect(overall['attendanceRate.total']).toBe('67.6%');
    expect(overall['attendanceRate.official']).toBe('88.9%');
    expect(overall['attendees.total']).toBe('25');
    expect(overall['hoursPerMeeting']).toBe('1.7');
    const q2 = Object.fromEntries(cols.map((k, i) => [k, tables.byQuarter[1].cells[i]]));
    expect(q2['attendanceRate.total']).toBe('–');
    expect(q2['meetings']).toBe('0');
  });

  it('lists all four quarters and only forum types that were held, in the standard order', () => {
    expect(tables.byQuarter.map((r) => r.label)).toEqual(['1분기', '2분기', '3분기', '4분기']);
    expect(tables.byType.map((r) => r.label)).toEqual(['협치회의', '분과회의']);
    expect(metricTables(workbookMetrics(), 'en', labels, standard2021_1).byType.map((r) => r.label)).toEqual([
      'Governance council',
      'Sub-committee',
    ]);
  });
});

describe('rateBars', () => {
  it('scales to at least 100% and marks undefined rates', () => {
    const bars = rateBars(
      [
        { key: 'a', label: 'a', cells: [], rate: 0.5 },
        { key: 'b', label: 'b', cells: [], rate: null },
      ],
      'ko',
    );
    expect(bars.map((b) => [b.width, b.text, b.undefinedRate])).toEqual([
      [0.5, '50.0%', false],
      [0, '–', true],
    ]);
  });
  it('scales to the largest rate when one is above 100%', () => {
    const bars = rateBars(
      [
        { key: 'a', label: 'a', cells: [], rate: 1.5 },
        { key: 'b', label: 'b', cells: [], rate: 0.75 },
      ],
      'en',
    );
    expect(bars.map((b) => b.width)).toEqual([1, 0.5]);
  });
});

describe('metricValue', () => {
  it('reads dotted keys', () => {
    const m = metrics([1, 2], [2, 2]);
    expect(metricValue(m, 'attendees.civilian')).toBe(2);
    expect(metricValue(m, 'attendanceRate.official')).toBe(0.5);
    expect(metricValue(m, 'nope.nothing')).toBeNull();
  });
});
