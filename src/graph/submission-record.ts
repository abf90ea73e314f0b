// A Submissions list item as the city's desk reads it (src/city's SubmissionRecord): who created it
// and when are the item's own createdBy / createdDateTime, as SharePoint recorded them; the figures
// are the item's aggregate columns (metrics, MetricsDetail's per-quarter figures, the council
// counts). Nothing from the Forums list is read. Every field is checked: a value SharePoint holds
// but that is not what a submission writes (a hand-edited item) never becomes a figure.
import type { Standard, Text } from '../standard/types';
import type { Metrics, Quarter } from '../engine/report';
import type { SubmissionRecord } from '../city/types';
import { councilOf } from './council';
import { siteLink } from '../submission/stored';
import { STATUS_CURRENT, STATUS_SUPERSEDED, metricColumnName } from './schema';
import type { GraphItem } from './sharepoint';

/** MetricsDetail longer than this is not parsed (a real one is a few kilobytes). */
export const METRICS_DETAIL_MAX_CHARS = 200_000;
const CODE = /^\d{5}$/;

const isCount = (v: unknown): v is number => typeof v === 'number' && Number.isFinite(v) && v >= 0;
const isFraction = (v: unknown): v is number | null => v === null || isCount(v);

/** A Metrics value (standard §2) or null when any part is missing or not a figure. */
export function metricsOf(value: unknown): Metrics | null {
  if (!value || typeof value !== 'object') return null;
  const m = value as Record<string, unknown>;
  const group = (g: unknown, ok: (v: unknown) => boolean) => {
    if (!g || typeof g !== 'object') return null;
    const o = g as Record<string, unknown>;
    return ok(o.total) && ok(o.official) && ok(o.civilian)
      ? { total: o.total, official: o.official, civilian: o.civilian }
      : null;
  };
  const attendees = group(m.attendees, isCount);
  const expected = group(m.expected, isCount);
  const rates = group(m.attendanceRate, isFraction);
  if (!isCount(m.meetings) || !isCount(m.hoursTotal) || !isFraction(m.hoursPerMeeting)) return null;
  if (!attendees || !expected || !rates) return null;
  return {
    meetings: m.meetings,
    hoursTotal: m.hoursTotal,
    hoursPerMeeting: m.hoursPerMeeting,
    attendees: attendees as Metrics['attendees'],
    expected: expected as Metrics['expected'],
    attendanceRate: rates as Metrics['attendanceRate'],
  };
}

/** The whole submission's figures from the item's metric columns (one per standard metric). */
function overallOf(fields: Record<string, unknown>, standard: Standard): Metrics | null {
  const out: Record<string, unknown> = {};
  for (const { key } of standard.metrics) {
    const path = key.split('.');
    let at = out;
    for (const part of path.slice(0, -1)) at = (at[part] ??= {}) as Record<string, unknown>;
    const v = fields[metricColumnName(key)];
    at[path[path.length - 1]] = v === undefined || v === '' ? null : v;
  }
  return metricsOf(out);
}

/** Figures by quarter from MetricsDetail (`{byQuarter: {'1': …}, byType}`), or null. */
function byQuarterOf(detail: unknown): SubmissionRecord['metricsByQuarter'] {
  if (typeof detail !== 'string' || detail.length > METRICS_DETAIL_MAX_CHARS) return null;
  let parsed: unknown;
  try {
    parsed = JSON.parse(detail);
  } catch {
    return null;
  }
  const byQuarter = (parsed as { byQuarter?: Record<string, unknown> } | null)?.byQuarter;
  if (!byQuarter || typeof byQuarter !== 'object') return null;
  const out: Partial<Record<'1' | '2' | '3' | '4', Metrics>> = {};
  for (const q of ['1', '2', '3', '4'] as const) {
    const m = metricsOf(byQuarter[q]);
    if (!m) return null;
    out[q] = m;
  }
  return out as Record<'1' | '2' | '3' | '4', Metrics>;
}

const text = (v: unknown): string | null => (typeof v === 'string' && v.trim() ? v.trim() : null);

/** The item says a city officer submitted it (the `OnBehalf` column, where the list has one). */
function flag(v: unknown): boolean {
  return v === true || v === 1 || v === '1' || (typeof v === 'string' && v.toLowerCase() === 'true');
}

export type ItemReading = { record: SubmissionRecord } | { problem: Text };

/**
 * The record an item holds, or why it cannot be read (said in both languages; the desk lists such
 * items instead of guessing figures for them).
 */
export function submissionRecordOf(item: GraphItem, standard: Standard, siteHost: string): ItemReading {
  const f = item.fields ?? {};
  const id = text(f.SubmissionId) ?? text(f.SubmissionKey) ?? `item ${item.id}`;
  const bad = (ko: string, en: string): ItemReading => ({
    problem: {
      ko: `Submissions 항목 ${id}: ${ko} — 현황에 넣지 않았습니다.`,
      en: `Submissions item ${id}: ${en} — left out.`,
    },
  });
  const code = text(f.DistrictCode);
  const year = f.Year;
  const quarter = f.Quarter;
  const status = f.Status;
  if (!code || !CODE.test(code))
    return bad('자치구 코드를 읽을 수 없습니다', 'its district code cannot be read');
  if (typeof year !== 'number' || !Number.isInteger(year))
    return bad('연도를 읽을 수 없습니다', 'its year cannot be read');
  if (quarter !== 1 && quarter !== 2 && quarter !== 3 && quarter !== 4)
    return bad('분기를 읽을 수 없습니다', 'its quarter cannot be read');
  if (status !== STATUS_CURRENT && status !== STATUS_SUPERSEDED)
    return bad('상태가 current/superseded가 아닙니다', 'its status is neither current nor superseded');
  const metrics = overallOf(f, standard);
  if (!metrics) return bad('지표 열을 읽을 수 없습니다', 'its figures cannot be read');
  const user = item.createdBy?.user;
  const district = standard.districts.find((d) => d.code === code)?.name ?? text(f.District) ?? code;
  return {
    record: {
      submissionId: id,
      districtCode: code,
      district,
      year,
      quarter: quarter as Quarter,
      status,
      createdBy: {
        upn: text(user?.email),
        displayName: text(user?.displayName),
        id: text(user?.id),
      },
      createdAt: item.createdDateTime ?? '',
      // Only an https address on the site's SharePoint host: anyone who can edit the list could
      // plant `javascript:` or a look-alike host there (the receipt's rule, src/submission/stored).
      fileUrl: siteLink(typeof f.WorkbookUrl === 'string' ? f.WorkbookUrl : null, siteHost),
      onBehalf: flag(f.OnBehalf),
      standardVersion: text(f.StandardVersion) ?? '',
      stampHash: text(f.StampHash) ?? '',
      metrics,
      metricsByQuarter: byQuarterOf(f.MetricsDetail),
      council: councilOf(f, standard),
    },
  };
}
