// The reviewer view: shown when a stamped workbook is open. A stamp proves nothing about who made
// it; this looks the data's hash up in the city's Submissions list and says who submitted it and
// when, as SharePoint recorded them. It is an action (sign-in needed) and never blocks the district.
import { Button, MessageBar, MessageBarBody, Spinner, makeStyles, tokens } from '@fluentui/react-components';
import { useState } from 'react';
import type { CityCheck, CityReviewService } from '../../city/verify';
import type { PaneState } from '../../session/state';
import type { Text } from '../../standard/types';
import { strings } from '../strings';
import type { Lang } from '../view/language';
import { reviewView } from '../view/review';
import { useSectionStyles } from './styles';

const useStyles = makeStyles({
  lines: { margin: 0, paddingInlineStart: 0, listStyleType: 'none' },
  ok: { color: tokens.colorPaletteGreenForeground1 },
  notOk: { color: tokens.colorPaletteRedForeground1 },
  intro: { margin: 0, fontSize: tokens.fontSizeBase200 },
});

export interface ReviewSectionProps {
  state: PaneState;
  lang: Lang;
  /** The city look-up (null where submission is not configured). */
  service: () => Promise<CityReviewService | null>;
  /** The data's hash now (LiveSession.dataHash). */
  dataHash: () => string | null;
}

type Status =
  | { kind: 'idle' }
  | { kind: 'checking' }
  | { kind: 'done'; check: CityCheck }
  | { kind: 'failed'; problem: string };

function problemOf(e: unknown, lang: Lang): string {
  const text = e as Partial<Text> | null;
  if (text && typeof text.ko === 'string' && typeof text.en === 'string') return text[lang]!;
  return strings.reviewFailed(e instanceof Error ? e.message : String(e))[lang];
}

export function ReviewSection({ state, lang, service, dataHash }: ReviewSectionProps) {
  const section = useSectionStyles();
  const styles = useStyles();
  const [status, setStatus] = useState<Status>({ kind: 'idle' });
  const view = reviewView(state.stamp, status.kind === 'done' ? status.check : null, lang, dataHash);
  if (!view.shown) return null;
  const info = state.report?.info;

  const check = async (): Promise<void> => {
    const hash = dataHash();
    if (!hash || !info) return;
    setStatus({ kind: 'checking' });
    try {
      const svc = await service();
      if (!svc) {
        setStatus({ kind: 'failed', problem: strings.reviewUnavailable[lang] });
        return;
      }
      setStatus({ kind: 'done', check: await svc.checkWithCity(hash, info) });
    } catch (e) {
      setStatus({ kind: 'failed', problem: problemOf(e, lang) });
    }
  };

  return (
    <section className={section.section} aria-labelledby="review-heading" data-testid="review">
      <h2 id="review-heading" className={section.heading}>
        {strings.review[lang]}
      </h2>
      <p className={styles.intro}>{strings.reviewIntro[lang]}</p>
      <div>
        <Button disabled={status.kind === 'checking' || !info} onClick={() => void check()}>
          {strings.reviewCheck[lang]}
        </Button>
      </div>
      {status.kind === 'checking' && <Spinner size="tiny" label={strings.reviewChecking[lang]} />}
      {status.kind === 'failed' && (
        <MessageBar intent="error" layout="multiline" role="alert">
          <MessageBarBody>{status.problem}</MessageBarBody>
        </MessageBar>
      )}
      {view.lines.length > 0 && (
        <ul className={styles.lines} data-testid="review-lines" aria-live="polite">
          {view.lines.map((l, i) => (
            <li key={i} className={l.ok ? styles.ok : styles.notOk}>
              {l.ok ? '✓' : '✗'} {l.text}
            </li>
          ))}
        </ul>
      )}
      {view.stale && <p className={styles.intro}>{strings.reviewStale[lang]}</p>}
    </section>
  );
}
