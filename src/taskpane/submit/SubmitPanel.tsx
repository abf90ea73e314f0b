// The pane's submit panel: allowed only when the engine found no errors; shows progress with counts
// and a cancel button while it runs, then the receipt. All the work is done by the SubmitService,
// which arrives as a prop (from the pane's entry, or a test). A journal or receipt in the workbook's
// settings that fails its schema is reported, in both languages, and not used.
import { useCallback, useEffect, useRef, useState } from 'react';
import {
  Button,
  Caption1,
  MessageBar,
  MessageBarBody,
  MessageBarTitle,
  ProgressBar,
  Subtitle2,
  Field,
} from '@fluentui/react-components';
import type { ValidationReport } from '../../engine/report';
import type { Journal, Receipt, RowProblem, SubmitProgress, SubmitService } from '../../submission/types';
import { countRanges } from '../../submission/ranges';
import type { Text } from '../../standard/types';
import type { SubmitServiceSource } from './services';
import { fill, phaseStrings, submitStrings as S } from './strings';
import { ReceiptView } from './ReceiptView';

export interface SubmitPanelProps {
  report: ValidationReport | null;
  lang: 'ko' | 'en';
  /** The submission service, built when the panel first asks for it. */
  service: SubmitServiceSource;
}

type View =
  | { kind: 'idle' }
  | { kind: 'running'; progress: SubmitProgress }
  | { kind: 'done'; receipt: Receipt; notes: Text[] }
  | { kind: 'failed'; problem: Text; rowProblems: RowProblem[]; cancelled: boolean };

export function SubmitPanel({ report, lang, service: source }: SubmitPanelProps): JSX.Element {
  const [service, setService] = useState<SubmitService | null | undefined>(undefined);
  const [pending, setPending] = useState<Journal | null>(null);
  const [lastReceipt, setLastReceipt] = useState<Receipt | null>(null);
  /** Journal or receipt in the settings that failed its schema. */
  const [storedProblems, setStoredProblems] = useState<Text[]>([]);
  const [view, setView] = useState<View>({ kind: 'idle' });
  const [setupProblem, setSetupProblem] = useState<string | null>(null);
  const abort = useRef<AbortController | null>(null);
  const tr = (text: Text): string => text[lang];

  const refresh = useCallback(async (svc: SubmitService) => {
    const [p, r] = await Promise.all([svc.pending(), svc.lastReceipt()]);
    setPending(p.value);
    setLastReceipt(r.value);
    setStoredProblems([p.problem, r.problem].filter((x): x is Text => x !== null));
  }, []);

  useEffect(() => {
    let live = true;
    source()
      .then(async (svc) => {
        if (!live) return;
        setService(svc);
        if (svc) await refresh(svc);
      })
      .catch((e: unknown) => {
        if (!live) return;
        // A bad or missing delib.config.json: say so, with the reason, instead of a dead button.
        const text = e as Partial<Text> | null;
        setSetupProblem(
          text && typeof text.ko === 'string' && typeof text.en === 'string' ? text[lang]! : String(e),
        );
        setService(null);
      });
    return () => {
      live = false;
    };
  }, [source, refresh, lang]);

  const start = async (): Promise<void> => {
    if (!service) return;
    const controller = new AbortController();
    abort.current = controller;
    setView({ kind: 'running', progress: { phase: 'checking', rowsDone: 0, rowsTotal: 0, retries: 0 } });
    try {
      const outcome = await service.submit({
        signal: controller.signal,
        onProgress: (progress) => setView({ kind: 'running', progress }),
      });
      if (outcome.ok) setView({ kind: 'done', receipt: outcome.receipt, notes: outcome.notes });
      else setView({ kind: 'failed', ...outcome });
    } catch (e) {
      // The service reports expected failures as outcomes; anything else still must not break the pane.
      const detail = e instanceof Error ? e.message : String(e);
      setView({
        kind: 'failed',
        cancelled: false,
        rowProblems: [],
        problem: { ko: fill(S.unexpected.ko, { detail }), en: fill(S.unexpected.en, { detail }) },
      });
    } finally {
      abort.current = null;
      await refresh(service).catch(() => undefined);
    }
  };

  const errors = report ? report.stats.errors : 0;
  const running = view.kind === 'running';
  const canSubmit = !!service && !!report && errors === 0 && !running;

  return (
    <section aria-label={tr(S.heading)} style={{ display: 'flex', flexDirection: 'column', gap: 8 }}>
      <Subtitle2 as="h2">{tr(S.heading)}</Subtitle2>
      {service === null && (
        <MessageBar layout="multiline" intent="warning">
          <MessageBarBody>
            {tr(S.notConfigured)}
            {setupProblem && <div>{setupProblem}</div>}
          </MessageBarBody>
        </MessageBar>
      )}
      {!report && <Caption1>{tr(S.noReport)}</Caption1>}
      {report && errors > 0 && (
        <MessageBar layout="multiline" intent="error">
          <MessageBarBody>{fill(tr(S.hasErrors), { n: errors })}</MessageBarBody>
        </MessageBar>
      )}
      {report && errors === 0 && !running && view.kind !== 'done' && (
        <Caption1>{fill(tr(S.ready), { n: report.stats.rows })}</Caption1>
      )}
      {service && !service.uploadsWorkbook && <Caption1 data-testid="no-upload">{tr(S.noUpload)}</Caption1>}
      {pending && !running && view.kind !== 'done' && (
        <MessageBar layout="multiline" intent="info">
          <MessageBarBody>
            {fill(tr(S.pending), {
              done: Math.min(countRanges(String(pending.confirmed ?? '')), pending.rowCount),
              total: pending.rowCount,
            })}
          </MessageBarBody>
        </MessageBar>
      )}
      {storedProblems.map((p, i) => (
        <MessageBar key={i} layout="multiline" intent="warning" data-testid="stored-problem">
          <MessageBarBody>
            <div lang="ko">{p.ko}</div>
            <div lang="en">{p.en}</div>
          </MessageBarBody>
        </MessageBar>
      ))}
      {running && <ProgressView progress={view.progress} lang={lang} />}
      <div style={{ display: 'flex', gap: 8 }}>
        <Button appearance="primary" disabled={!canSubmit} onClick={() => void start()}>
          {tr(pending ? S.resume : S.submit)}
        </Button>
        {running && (
          <Button appearance="secondary" onClick={() => abort.current?.abort()}>
            {tr(S.cancel)}
          </Button>
        )}
      </div>
      {view.kind === 'failed' && (
        <MessageBar layout="multiline" intent={view.cancelled ? 'warning' : 'error'} role="alert">
          <MessageBarBody>
            {!view.cancelled && <MessageBarTitle>{tr(S.failed)}</MessageBarTitle>}
            {view.cancelled ? tr(S.cancelled) : tr(view.problem)}
            {view.rowProblems.length > 0 && (
              <ul>
                {view.rowProblems.slice(0, 20).map((p) => (
                  <li key={p.row}>{fill(tr(S.rowProblem), { row: p.row, message: tr(p.message) })}</li>
                ))}
              </ul>
            )}
          </MessageBarBody>
        </MessageBar>
      )}
      {view.kind === 'done' && view.notes.length > 0 && (
        <MessageBar layout="multiline" intent="info" data-testid="submit-notes">
          <MessageBarBody>
            {view.notes.map((n, i) => (
              <div key={i}>{tr(n)}</div>
            ))}
          </MessageBarBody>
        </MessageBar>
      )}
      {view.kind === 'done' && service && (
        <ReceiptView receipt={view.receipt} lang={lang} siteHost={service.siteHost} />
      )}
      {view.kind !== 'done' && !running && lastReceipt && service && (
        <ReceiptView receipt={lastReceipt} lang={lang} siteHost={service.siteHost} />
      )}
    </section>
  );
}

function ProgressView({ progress, lang }: { progress: SubmitProgress; lang: 'ko' | 'en' }): JSX.Element {
  const { rowsDone, rowsTotal, retries, phase } = progress;
  const value = rowsTotal > 0 ? rowsDone / rowsTotal : undefined;
  const counts = fill(S.progress[lang], { done: rowsDone, total: rowsTotal });
  return (
    <Field
      label={phaseStrings[phase][lang]}
      validationMessage={retries > 0 ? `${counts} · ${fill(S.retries[lang], { n: retries })}` : counts}
      validationState="none"
    >
      <ProgressBar value={value} max={1} aria-label={S.progressLabel[lang]} />
    </Field>
  );
}
