import { standard2021_1 } from '../../src/standard/2021.1';
import { standard2021_2 } from '../../src/standard/2021.2';
import { metricColumns, metricTables, rateBars } from '../../src/taskpane/view/metrics';
import { validateWorkbook } from '../../src/engine';
import { exampleWorkbook } from '../../src/workbook/example';
import { buildStandardWorkbook } from '../../src/xlsx/write';
import { readWorkbookBuffer } from '../../src/xlsx/read';
import { workbookMetrics } from './fixtures';

const labels = { overall: '종합' };

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
  const grouping = (key: string) => tables.groupings.find((g) => g.key === key)!;

  it('formats rates to 0.1 %p, undefined rates as a dash', () => {
    const cols = tables.columns.map((c) => c.key);
    const overall = Object.fromEntries(cols.map((k, i) => [k, tables.overall.cells[i]]));
    expect(overall['attendanceRate.total']).toBe('67.6%');
    expect(overall['attendanceRate.official']).toBe('88.9%');
    expect(overall['attendees.total']).toBe('25');
    expect(overall['hoursPerMeeting']).toBe('1.7');
    const q2 = Object.fromEntries(cols.map((k, i) => [k, grouping('byQuarter').rows[1].cells[i]]));
    expect(q2['attendanceRate.total']).toBe('–');
    expect(q2['meetings']).toBe('0');
  });

  it('has one table per grouping of the standard: all four quarters, the forum types held', () => {
    expect(tables.groupings.map((g) => [g.key, g.title])).toEqual([
      ['byQuarter', '분기별'],
      ['byType', '유형별'],
    ]);
    expect(grouping('byQuarter').rows.map((r) => r.label)).toEqual(['1분기', '2분기', '3분기', '4분기']);
    expect(grouping('byType').rows.map((r) => r.label)).toEqual(['협치회의', '분과회의']);
    const en = metricTables(workbookMetrics(), 'en', labels, standard2021_1);
    expect(en.groupings[1].rows.map((r) => r.label)).toEqual(['Governance council', 'Sub-committee']);
    expect(en.groupings[0].rows.map((r) => r.label)).toEqual(['Q1', 'Q2', 'Q3', 'Q4']);
    expect(en.chartLabel).toBe('Attendance rate (total)');
  });

  it('shows a 2021.2 workbook by 단계 and 진행방식, 미기재 only where rows leave it blank', async () => {
    const example = exampleWorkbook(standard2021_2, { rows: 40, seed: 5 });
    const buf = Buffer.from(await buildStandardWorkbook(standard2021_2, example).xlsx.writeBuffer());
    const v = validateWorkbook((await readWorkbookBuffer(buf, 'x.xlsx')).snapshot);
    const stages = v.forums.map((f) => f.get('stage'));
    expect(stages).toContain(null);
    const t = metricTables(v.report.metrics, 'ko', labels, standard2021_2);
    expect(t.groupings.map((g) => g.title)).toEqual(['분기별', '유형별', '단계별', '진행방식별']);
    const stage = t.groupings.find((g) => g.key === 'byStage')!;
    const held = standard2021_2.enums.stage.map((e) => e.value).filter((s) => stages.includes(s));
    expect(stage.rows.map((r) => r.label)).toEqual([...held, '미기재(단계)']);
    const meetings = t.columns.findIndex((c) => c.key === 'meetings');
    const blank = stage.rows[stage.rows.length - 1];
    expect(blank.cells[meetings]).toBe(String(stages.filter((s) => s === null).length));
    // The groups of a grouping add up to the whole.
    const sum = stage.rows.reduce((s, r) => s + Number(r.cells[meetings]), 0);
    expect(sum).toBe(v.forums.length);
    expect(t.groupings.find((g) => g.key === 'byFormat')!.rows.length).toBeGreaterThan(0);
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
      standard2021_1,
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
      standard2021_1,
    );
    expect(bars.map((b) => b.width)).toEqual([1, 0.5]);
  });
});
