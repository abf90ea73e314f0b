import { makeStyles, tokens } from '@fluentui/react-components';
import { Fragment, useMemo } from 'react';
import type { WorkbookMetrics } from '../../engine/report';
import { standardForDisplay } from '../../standard';
import { strings } from '../strings';
import type { Lang } from '../view/language';
import { metricTables, rateBars } from '../view/metrics';
import type { MetricColumn, MetricRow } from '../view/metrics';
import { RateChart } from './RateChart';
import { useSectionStyles } from './styles';

const useStyles = makeStyles({
  scroll: { overflowX: 'auto', maxWidth: '100%' },
  table: { borderCollapse: 'collapse', fontSize: tokens.fontSizeBase200, fontVariantNumeric: 'tabular-nums' },
  th: {
    textAlign: 'end',
    fontWeight: tokens.fontWeightSemibold,
    padding: `${tokens.spacingVerticalXXS} ${tokens.spacingHorizontalS}`,
    borderBottom: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke1}`,
    whiteSpace: 'nowrap',
  },
  rowHeader: {
    textAlign: 'start',
    whiteSpace: 'nowrap',
    padding: `${tokens.spacingVerticalXXS} ${tokens.spacingHorizontalS}`,
    // The group name stays in view while the figures scroll sideways in a narrow pane.
    position: 'sticky',
    left: 0,
    backgroundColor: tokens.colorNeutralBackground1,
  },
  td: {
    textAlign: 'end',
    padding: `${tokens.spacingVerticalXXS} ${tokens.spacingHorizontalS}`,
    borderBottom: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke3}`,
    whiteSpace: 'nowrap',
  },
  caption: {
    textAlign: 'start',
    padding: `${tokens.spacingVerticalXXS} ${tokens.spacingHorizontalS}`,
    color: tokens.colorNeutralForeground2,
  },
  overall: { fontWeight: tokens.fontWeightSemibold },
});

function MetricTable({
  name,
  columns,
  rows,
  lang,
}: {
  name: string;
  columns: MetricColumn[];
  rows: MetricRow[];
  lang: Lang;
}) {
  const styles = useStyles();
  return (
    // A keyboard user must be able to scroll the wide table, so the region takes focus.
    <div className={styles.scroll} tabIndex={0} role="region" aria-label={strings.tableScroll(name)[lang]}>
      <table className={styles.table} data-table={name}>
        <caption className={styles.caption}>{name}</caption>
        <thead>
          <tr>
            <th scope="col" className={styles.rowHeader}>
              {strings.groupColumn[lang]}
            </th>
            {columns.map((c) => (
              <th key={c.key} scope="col" className={styles.th}>
                {c.label}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {rows.map((r) => (
            <tr key={r.key} data-row={r.key} className={r.key === 'overall' ? styles.overall : undefined}>
              <th scope="row" className={styles.rowHeader}>
                {r.label}
              </th>
              {r.cells.map((text, i) => (
                <td key={columns[i].key} className={styles.td} data-metric={columns[i].key}>
                  {text}
                </td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

export function MetricsSection({
  metrics,
  rows,
  lang,
  standard,
}: {
  metrics: WorkbookMetrics | null;
  rows: number;
  lang: Lang;
  /** The report's standard version: its metrics, groupings and labels. */
  standard: string | null;
}) {
  const section = useSectionStyles();
  const shown = standardForDisplay(standard);
  const tables = useMemo(
    () => metrics && metricTables(metrics, lang, { overall: strings.overall[lang] }, shown),
    [metrics, lang, shown],
  );
  return (
    <section className={section.section} aria-labelledby="metrics-heading">
      <h2 id="metrics-heading" className={section.heading}>
        {strings.metrics[lang]}
      </h2>
      {tables && rows === 0 && <p>{strings.noForums[lang]}</p>}
      {tables &&
        // Each grouping's chart (read against the whole) above its table: 분기별, 유형별, 단계별 …
        tables.groupings.map((g) => (
          <Fragment key={g.key}>
            {g.rows.length > 0 && (
              <RateChart
                title={`${tables.chartLabel} · ${g.title}`}
                bars={rateBars([tables.overall, ...g.rows], lang, shown)}
                lang={lang}
              />
            )}
            <MetricTable
              name={g.title}
              columns={tables.columns}
              rows={[tables.overall, ...g.rows]}
              lang={lang}
            />
          </Fragment>
        ))}
    </section>
  );
}
