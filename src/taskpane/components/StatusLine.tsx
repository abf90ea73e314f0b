import { Spinner, makeStyles, tokens } from '@fluentui/react-components';
import type { PaneState } from '../../session/state';
import { strings } from '../strings';
import { formatCount } from '../view/format';
import type { Lang } from '../view/language';

const useStyles = makeStyles({
  line: {
    display: 'flex',
    alignItems: 'center',
    columnGap: tokens.spacingHorizontalS,
    fontSize: tokens.fontSizeBase200,
    minHeight: '20px',
  },
});

export function statusText(state: PaneState, lang: Lang): string {
  const head = strings.status[state.status][lang];
  if (state.status !== 'ready' || !state.report) return head;
  const { rows, errors, warnings } = state.report.stats;
  const parts = [
    head,
    strings.statusSummary(formatCount(rows, lang), formatCount(errors, lang), formatCount(warnings, lang))[
      lang
    ],
  ];
  if (state.lastPassMs !== null)
    parts.push(strings.passTime(formatCount(Math.round(state.lastPassMs), lang))[lang]);
  return parts.join(' · ');
}

/** A polite live region: screen readers hear when a pass ends, and the e2e tests wait on it. */
export function StatusLine({ state, lang }: { state: PaneState; lang: Lang }) {
  const styles = useStyles();
  const working = state.status === 'starting' || state.status === 'reading';
  return (
    <div
      className={styles.line}
      role="status"
      aria-live="polite"
      data-status={state.status}
      data-rows={state.report?.stats.rows ?? ''}
      data-errors={state.report?.stats.errors ?? ''}
    >
      {working && <Spinner size="extra-tiny" aria-hidden="true" />}
      <span>{statusText(state, lang)}</span>
    </div>
  );
}
