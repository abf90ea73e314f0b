import {
  Button,
  MessageBar,
  MessageBarActions,
  MessageBarBody,
  makeStyles,
  tokens,
} from '@fluentui/react-components';
import { useCallback, useMemo } from 'react';
import type { Finding } from '../../engine/report';
import type { LiveSession } from '../../session/state';
import { strings } from '../strings';
import { paneLanguage } from '../view/language';
import { FindingsSection } from './FindingsSection';
import { MetricsSection } from './MetricsSection';
import { NoHost } from './NoHost';
import { StampSection } from './StampSection';
import { StatusLine } from './StatusLine';
import { useSectionStyles } from './styles';
import { useIntentRunner } from './useIntent';
import { ErrorBoundary } from './ErrorBoundary';
import { useSessionState } from './useSessionState';
import { SubmitPanel } from '../submit/SubmitPanel';
import { UpgradeOffer } from './UpgradeOffer';
import { reviewFrom, type SubmitServiceSource } from '../submit/services';
import type { CityReviewService } from '../../city/verify';
import { ReviewSection } from './ReviewSection';
import { ViewSwitch } from './ViewSwitch';

const useStyles = makeStyles({
  header: {
    display: 'flex',
    flexDirection: 'column',
    rowGap: tokens.spacingVerticalXS,
    paddingBlockEnd: tokens.spacingVerticalS,
  },
  title: { margin: 0, fontSize: tokens.fontSizeBase500, fontWeight: tokens.fontWeightSemibold },
});

export interface PaneProps {
  session: LiveSession;
  /** The submission service, built on first use (src/taskpane/submit/services.ts). */
  submission: SubmitServiceSource;
  /** The city look-up of the reviewer view (default: the submission service's). */
  review?: () => Promise<CityReviewService | null>;
  /** Opens the city desk (시 집계) in this pane. */
  onOpenDesk?: () => void;
}

export function Pane({ session, submission, review, onOpenDesk }: PaneProps) {
  const styles = useStyles();
  const section = useSectionStyles();
  const reviewSource = useMemo(() => review ?? reviewFrom(submission), [review, submission]);
  const state = useSessionState(session);
  const lang = paneLanguage(state.displayLanguage);
  const intents = useIntentRunner();
  const select = useCallback(
    (f: Finding) => intents.run(strings.goToCell(f.cell ?? ''), () => session.selectFinding(f)),
    [intents, session],
  );
  const fix = useCallback(
    (f: Finding) => intents.run(strings.fix(String(f.fix ?? '')), () => session.applyFix(f)),
    [intents, session],
  );

  if (state.status === 'no-host') return <NoHost lang={lang} />;
  const problem = intents.failure ?? state.problem;
  const busy = intents.busy !== null;
  return (
    <main lang={lang}>
      <header className={styles.header}>
        <h1 className={styles.title}>{strings.title[lang]}</h1>
        <StatusLine state={state} lang={lang} />
      </header>
      {problem && (
        <MessageBar layout="multiline" intent="error" role="alert">
          <MessageBarBody>{problem[lang]}</MessageBarBody>
          {intents.failure && (
            <MessageBarActions>
              <Button appearance="transparent" onClick={intents.clearFailure}>
                {strings.dismiss[lang]}
              </Button>
            </MessageBarActions>
          )}
        </MessageBar>
      )}
      <section className={section.section} aria-label={strings.actions[lang]}>
        <div className={section.row}>
          <Button
            appearance="primary"
            disabled={busy}
            onClick={() => intents.run(strings.validateNow, () => session.validateNow())}
          >
            {strings.validateNow[lang]}
          </Button>
          <Button
            disabled={busy}
            aria-describedby="insert-hint"
            onClick={() => intents.run(strings.insertSheets, () => session.insertStandardSheets())}
          >
            {strings.insertSheets[lang]}
          </Button>
        </div>
        <p id="insert-hint" className={section.muted} style={{ margin: 0, fontSize: tokens.fontSizeBase200 }}>
          {strings.insertSheetsHint[lang]}
        </p>
        <UpgradeOffer
          offer={state.upgrade}
          lang={lang}
          busy={busy}
          onUpgrade={() => intents.run(strings.upgrade.running, () => session.upgradeStandard())}
        />
      </section>
      <FindingsSection findings={state.report?.findings ?? null} lang={lang} onSelect={select} onFix={fix} />
      <MetricsSection
        metrics={state.report?.metrics ?? null}
        rows={state.report?.stats.rows ?? 0}
        lang={lang}
        standard={state.report?.standard ?? null}
      />
      <StampSection
        state={state}
        lang={lang}
        busy={busy}
        onMark={() => intents.run(strings.markValidated, () => session.markValidated())}
      />
      {/* Like the submission panel, the reviewer view fails on its own. */}
      <ErrorBoundary>
        <ReviewSection state={state} lang={lang} service={reviewSource} dataHash={() => session.dataHash()} />
      </ErrorBoundary>
      {/* The submission panel fails on its own: a Graph or sign-in bug must not take the pane down. */}
      <ErrorBoundary>
        <SubmitPanel report={state.report} lang={lang} service={submission} />
      </ErrorBoundary>
      {onOpenDesk && <ViewSwitch label={strings.openDesk} lang={lang} onOpen={onOpenDesk} />}
    </main>
  );
}
