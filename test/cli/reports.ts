// Hand-built validation reports for the consolidated-table tests (no workbook needed).
import type { Metrics, ValidationReport } from '../../src/engine';
import { newestStandard } from '../../src/standard';

export interface Sums {
  meetings: number;
  hours: number;
  ao: number;
  ac: number;
  eo: number;
  ec: number;
}

/** Figures by hand: meetings, hours, attended (officials, citizens), expected (officials, citizens). */
export const sums = (
  meetings: number,
  hours: number,
  ao: number,
  ac: number,
  eo: number,
  ec: number,
): Sums => ({
  meetings,
  hours,
  ao,
  ac,
  eo,
  ec,
});

const rate = (a: number, e: number) => (e === 0 ? null : a / e);

export function metricsFrom(s: Sums): Metrics {
  return {
    meetings: s.meetings,
    hoursTotal: s.hours,
    hoursPerMeeting: s.meetings === 0 ? null : s.hours / s.meetings,
    attendees: { total: s.ao + s.ac, official: s.ao, civilian: s.ac },
    expected: { total: s.eo + s.ec, official: s.eo, civilian: s.ec },
    attendanceRate: {
      total: rate(s.ao + s.ac, s.eo + s.ec),
      official: rate(s.ao, s.eo),
      civilian: rate(s.ac, s.ec),
    },
  };
}

export function reportOf(
  district: string,
  year: number,
  reportDate: string,
  sums: Sums,
  file?: string,
): ValidationReport {
  const code = newestStandard.districts.find((d) => d.name === district)?.code ?? null;
  const overall = metricsFrom(sums);
  const empty = metricsFrom({ meetings: 0, hours: 0, ao: 0, ac: 0, eo: 0, ec: 0 });
  return {
    file: file ?? `${district}-${reportDate}.xlsx`,
    standard: newestStandard.version,
    valid: true,
    info: {
      district,
      districtCode: code,
      year,
      quarter: 4,
      reportDate,
      department: null,
      author: null,
      phone: null,
      standardVersion: null,
    },
    stats: { rows: sums.meetings, errors: 0, warnings: 0, infos: 0 },
    findings: [],
    metrics: { overall, byQuarter: { '1': overall, '2': empty, '3': empty, '4': empty }, byType: {} },
    council: null,
  };
}
