// The city's sample workbooks: exactly their planted findings and metrics.
import fs from 'fs';
import path from 'path';
import { validateWorkbook } from '../../src/engine';
import { readWorkbookFile } from '../../src/xlsx/read';
import { SAMPLES, expectedFor, matchesPlanted } from '../support/samples';

const samples = fs.readdirSync(SAMPLES).filter((f) => f.endsWith('.xlsx'));

describe.each(samples)('%s', (file) => {
  const expected = expectedFor(file);
  let report: ReturnType<typeof validateWorkbook>['report'];
  beforeAll(async () => {
    report = validateWorkbook((await readWorkbookFile(path.join(SAMPLES, file))).snapshot).report;
  });

  it('reports every planted finding at its place', () => {
    for (const p of expected.planted) {
      const match = report.findings.filter((f) => matchesPlanted(f, p));
      expect({ planted: p, matches: match.length }).toEqual({ planted: p, matches: 1 });
    }
  });

  it('reports no finding beyond the planted ones', () => {
    const extra = report.findings.filter(
      (f) =>
        !expected.planted.some(
          (p) => p.code === f.code && p.sheet === f.sheet && (p.row === undefined || p.row === f.row),
        ),
    );
    expect(extra).toEqual([]);
  });

  const e = expected.metrics;
  if (e) {
    it('reproduces the expected metrics', () => {
      const m = report.metrics.overall;
      expect(m.meetings).toBe(e.meetings);
      expect(m.hoursTotal).toBeCloseTo(e.hoursTotal, 9);
      expect(m.hoursPerMeeting).toBeCloseTo(e.hoursPerMeeting, 9);
      for (const g of ['total', 'official', 'civilian'] as const) {
        expect(m.attendees[g]).toBe(e.attendees[g]);
        expect(m.expected[g]).toBe(e.expected[g]);
        expect(m.attendanceRate[g]).toBeCloseTo(e.attendanceRate[g], 12);
      }
    });
  }
});
