// The readable validation report (`delib validate` without --format json): Korean by default.
import type { Finding, Metrics, ValidationReport } from '../engine';
import type { Standard, Text } from '../standard/types';
import { standardForDisplay } from '../standard';
import { sheetKey } from '../engine/text';
import { textTable, type Lang } from './format';
import { formatMetric } from '../engine/metric-format';
import { metricValue, shownGroups, tableMetrics } from '../engine/metric-values';
import type { PublishedReport } from './load';

const WORDS = {
  error: { ko: '오류', en: 'error' },
  warning: { ko: '경고', en: 'warning' },
  info: { ko: '정보', en: 'info' },
  standard: { ko: '표준', en: 'standard' },
  errors: { ko: '오류', en: 'errors' },
  warnings: { ko: '경고', en: 'warnings' },
  infos: { ko: '정보', en: 'infos' },
  rows: { ko: '행', en: 'rows' },
  reportDate: { ko: '작성일', en: 'report date' },
  valid: { ko: '제출 가능(오류 없음)', en: 'valid: no errors' },
  invalid: { ko: '제출 불가(오류를 고치세요)', en: 'not valid: fix the errors' },
  fix: { ko: '수정', en: 'fix' },
  row: { ko: '행', en: 'row' },
  noFindings: { ko: '발견된 문제가 없습니다.', en: 'No findings.' },
  omitted: {
    ko: '… 그 밖에 {n}건 (처음 {shown}건만 보입니다. 오류부터 보입니다)',
    en: '… and {n} more (the first {shown} are shown, errors first)',
  },
  metrics: { ko: '지표', en: 'Metrics' },
  group: { ko: '구분', en: 'group' },
  overall: { ko: '전체', en: 'overall' },
  unknown: { ko: '(알 수 없음)', en: '(unknown)' },
} satisfies Record<string, Text>;

function fieldLabels(standard: Standard, lang: Lang): Map<string, string> {
  const labels = new Map<string, string>();
  const { info, forums, council } = standard.sheets;
  for (const f of info.fields) labels.set(`${sheetKey(info.name)}/${f.key}`, f.labelText[lang]);
  for (const s of [forums, council]) {
    for (const c of s.columns) labels.set(`${sheetKey(s.name)}/${c.key}`, c.label[lang]);
  }
  return labels;
}

function place(f: Finding, labels: Map<string, string>, lang: Lang): string {
  const where = f.sheet ? (f.cell ? `${f.sheet}!${f.cell}` : f.sheet) : '';
  const extra: string[] = [];
  if (f.row !== null && !f.cell)
    extra.push(lang === 'ko' ? `${f.row}${WORDS.row.ko}` : `${WORDS.row.en} ${f.row}`);
  if (f.field) extra.push(labels.get(`${sheetKey(f.sheet ?? '')}/${f.field}`) ?? f.field);
  return extra.length ? `${where} (${extra.join(', ')})` : where;
}

export function findingLine(f: Finding, labels: Map<string, string>, lang: Lang): string {
  const fix = f.fix !== null && f.fix !== undefined ? `  → ${WORDS.fix[lang]}: ${f.fix}` : '';
  return `  [${WORDS[f.severity][lang]}] ${place(f, labels, lang)}: ${f.message[lang]}${fix}`;
}

/** The figures of groups as a text table, with the data book's columns (standard §2). */
export function metricsTable(
  groups: { label: string; metrics: Metrics }[],
  standard: Standard,
  lang: Lang,
): string {
  const metrics = tableMetrics(standard);
  const header = [WORDS.group[lang], ...metrics.map((m) => m.label[lang])];
  const rows = groups.map((g) => [
    g.label,
    ...metrics.map((m) => formatMetric(metricValue(g.metrics, m.key), m.key, standard)),
  ]);
  return textTable(header, rows);
}

export function reportText(
  report: ValidationReport,
  lang: Lang,
  standard: Standard = standardForDisplay(report.standard),
): string {
  const { info, stats } = report;
  const district = info.district
    ? `${lang === 'en' ? (standard.districts.find((d) => d.name === info.district)?.nameEn ?? info.district) : info.district}${info.districtCode ? ` (${info.districtCode})` : ''}`
    : WORDS.unknown[lang];
  const period =
    lang === 'ko'
      ? `${info.year ?? '?'}년 ${info.quarter ?? '?'}분기`
      : `${info.year ?? '?'} Q${info.quarter ?? '?'}`;
  const out: string[] = [];
  out.push(
    `${report.file ?? ''} — ${district} · ${period} · ${WORDS.reportDate[lang]} ${info.reportDate ?? '?'}`,
  );
  out.push(
    `${WORDS.standard[lang]} ${report.standard} · ${WORDS.rows[lang]} ${stats.rows} · ${WORDS.errors[lang]} ${stats.errors} · ` +
      `${WORDS.warnings[lang]} ${stats.warnings} · ${WORDS.infos[lang]} ${stats.infos} · ${report.valid ? WORDS.valid[lang] : WORDS.invalid[lang]}`,
  );
  const labels = fieldLabels(standard, lang);
  if (report.findings.length === 0) out.push(`  ${WORDS.noFindings[lang]}`);
  for (const f of report.findings) out.push(findingLine(f, labels, lang));
  const omitted = (report as PublishedReport).findingsOmitted;
  if (omitted)
    out.push(
      `  ${WORDS.omitted[lang].replace('{n}', String(omitted)).replace('{shown}', String(report.findings.length))}`,
    );
  // Overall, then each grouping of the standard (quarters, types; 2021.2's 단계 and 진행방식).
  const groups = [
    { label: WORDS.overall[lang], metrics: report.metrics.overall },
    ...standard.groupings.flatMap((g) =>
      shownGroups(report.metrics, g, standard).map((x) => ({ label: x.label[lang], metrics: x.figures })),
    ),
  ];
  out.push('', `${WORDS.metrics[lang]}:`, metricsTable(groups, standard, lang));
  return out.join('\n');
}
