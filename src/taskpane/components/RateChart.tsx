import { makeStyles, tokens } from '@fluentui/react-components';
import { strings } from '../strings';
import type { Lang } from '../view/language';
import type { Bar } from '../view/metrics';

const useStyles = makeStyles({
  chart: { display: 'flex', flexDirection: 'column', rowGap: tokens.spacingVerticalXS, margin: 0 },
  caption: { fontSize: tokens.fontSizeBase200, color: tokens.colorNeutralForeground2 },
  row: {
    display: 'grid',
    gridTemplateColumns: '6.5em 1fr 4em',
    alignItems: 'center',
    columnGap: tokens.spacingHorizontalS,
  },
  label: {
    fontSize: tokens.fontSizeBase200,
    overflow: 'hidden',
    textOverflow: 'ellipsis',
    whiteSpace: 'nowrap',
  },
  track: {
    height: '10px',
    backgroundColor: tokens.colorNeutralBackground3,
    borderRadius: tokens.borderRadiusSmall,
  },
  bar: {
    height: '100%',
    backgroundColor: tokens.colorBrandBackground,
    borderRadius: tokens.borderRadiusSmall,
  },
  value: { fontSize: tokens.fontSizeBase200, textAlign: 'end', fontVariantNumeric: 'tabular-nums' },
});

/** CSS bars: one row per group, the rate written beside each bar so no value lives only in a colour. */
export function RateChart({ bars, lang, title }: { bars: Bar[]; lang: Lang; title: string }) {
  const styles = useStyles();
  const summary = bars.map((b) => `${b.label} ${b.text}`).join(', ');
  return (
    <div className={styles.chart} role="img" aria-label={strings.chartAria(title, summary)[lang]}>
      <span className={styles.caption} aria-hidden="true">
        {title}
      </span>
      {bars.map((b) => (
        <div key={b.key} className={styles.row} aria-hidden="true" data-bar={b.key}>
          <span className={styles.label}>{b.label}</span>
          <span className={styles.track}>
            <span
              className={styles.bar}
              style={{ display: 'block', width: `${(b.width * 100).toFixed(1)}%` }}
            />
          </span>
          <span className={styles.value}>{b.text}</span>
        </div>
      ))}
    </div>
  );
}
