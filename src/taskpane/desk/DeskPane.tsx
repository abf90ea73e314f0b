// The city desk in the pane: picks the year, quarter and comparison year, sends "refresh", and shows
// what the refresh found (counts by state, the districts to follow up) or why it stopped. It renders
// the DeskSession's state and sends its intents; the workbook itself is written by src/excel.
import {
  Button,
  Field,
  MessageBar,
  MessageBarActions,
  MessageBarBody,
  MessageBarTitle,
  Select,
  Spinner,
  makeStyles,
  tokens,
} from '@fluentui/react-components';
import type { Quarter } from '../../engine/report';
import type { DeskSession, DeskState } from '../../session/desk';
import type { SubmissionState } from '../../standard/calendar';
import { submissionStates } from '../../standard/calendar';
import { STATE_FILLS } from '../../workbook/desk';
import { useSectionStyles } from '../components/styles';
import { useSessionState } from '../components/useSessionState';
import { paneLanguage, type Lang } from '../view/language';
import { deskStrings as S } from './strings';
import { ViewSwitch } from '../components/ViewSwitch';

const useStyles = makeStyles({
  title: { margin: 0, fontSize: tokens.fontSizeBase500, fontWeight: tokens.fontWeightSemibold },
  pickers: {
    display: 'grid',
    gridTemplateColumns: 'repeat(3, minmax(0, 1fr))',
    columnGap: tokens.spacingHorizontalS,
  },
  table: { borderCollapse: 'collapse', fontSize: tokens.fontSizeBase200 },
  cell: { paddingBlock: '2px', paddingInline: tokens.spacingHorizontalS, textAlign: 'start' },
  swatch: {
    display: 'inline-block',
    width: '10px',
    height: '10px',
    marginInlineEnd: tokens.spacingHorizontalXS,
    border: `1px solid ${tokens.colorNeutralStroke1}`,
  },
  list: { margin: 0, paddingInlineStart: tokens.spacingHorizontalL, fontSize: tokens.fontSizeBase200 },
});

const STATES: SubmissionState[] = ['on-time', 'late', 'missing', 'needs-review'];

function DeskStatusLine({ state, lang }: { state: DeskState; lang: Lang }) {
  const busy = state.status === 'starting' || state.status === 'reading' || state.status === 'writing';
  return (
    <div role="status" aria-live="polite" data-status={state.status} style={{ display: 'flex', gap: 8 }}>
      {busy && <Spinner size="extra-tiny" aria-hidden="true" />}
      <span>
        {S.status[state.status][lang]}
        {state.account && ` · ${S.signedIn(state.account)[lang]}`}
      </span>
    </div>
  );
}

function Summary({ state, lang }: { state: DeskState; lang: Lang }) {
  const styles = useStyles();
  const section = useSectionStyles();
  const s = state.summary;
  if (!s) return null;
  return (
    <section className={section.section} aria-labelledby="desk-summary" data-testid="desk-summary">
      <h2 id="desk-summary" className={section.heading}>
        {S.summary(s.year, s.quarter, s.due)[lang]}
      </h2>
      <table className={styles.table} data-testid="desk-counts">
        <caption className={section.muted} style={{ textAlign: 'start' }}>
          {S.counts[lang]}
        </caption>
        <thead>
          <tr>
            <th scope="col" className={styles.cell}>
              {S.stateColumn[lang]}
            </th>
            <th scope="col" className={styles.cell}>
              {S.countColumn[lang]}
            </th>
          </tr>
        </thead>
        <tbody>
          {STATES.map((k) => (
            <tr key={k} data-state={k}>
              <th scope="row" className={styles.cell} style={{ fontWeight: 'normal' }}>
                <span
                  className={styles.swatch}
                  style={{ backgroundColor: STATE_FILLS[k] }}
                  aria-hidden="true"
                />
                {submissionStates[k][lang]}
              </th>
              <td className={styles.cell}>{s.counts[k]}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <h3 className={section.subheading}>{S.attention[lang]}</h3>
      {s.attention.length === 0 ? (
        <p className={section.muted}>{S.noAttention[lang]}</p>
      ) : (
        <ul className={styles.list} data-testid="desk-attention">
          {s.attention.map((a) => (
            <li key={a.district}>
              {a.district}: {a.label[lang]}
              {a.remarks.length > 0 && ` — ${a.remarks.map((r) => r[lang]).join('; ')}`}
            </li>
          ))}
        </ul>
      )}
      <p style={{ margin: 0 }}>{S.dataBook(s.dataBook.districts, s.dataBook.missing)[lang]}</p>
      <p style={{ margin: 0 }}>{S.composition(s.composition.met, s.composition.of)[lang]}</p>
      <p style={{ margin: 0 }}>{S.compared(s.compared)[lang]}</p>
      {state.lastRefresh && (
        <p className={section.muted} style={{ margin: 0 }} data-testid="desk-last-refresh">
          {
            S.lastRefresh(
              state.lastRefresh.syncs,
              state.lastRefresh.requests,
              (state.lastRefresh.ms / 1000).toFixed(1),
            )[lang]
          }
        </p>
      )}
    </section>
  );
}

export function DeskPane({ session, onOpenDistrict }: { session: DeskSession; onOpenDistrict?: () => void }) {
  const styles = useStyles();
  const section = useSectionStyles();
  const state = useSessionState(session);
  const lang = paneLanguage(state.displayLanguage);
  const busy = state.status === 'reading' || state.status === 'writing' || state.status === 'starting';
  const canUse = state.status === 'ready' || state.status === 'conflicts';
  const years = state.years.length ? state.years : [state.year];
  const compareYears = [...new Set([...years, state.year - 1, state.compareYear])]
    .filter((y) => y !== state.year)
    .sort((a, b) => b - a);
  return (
    <main lang={lang}>
      <header style={{ display: 'flex', flexDirection: 'column', gap: 4, paddingBlockEnd: 8 }}>
        <h1 className={styles.title}>{S.title[lang]}</h1>
        <DeskStatusLine state={state} lang={lang} />
      </header>
      {state.problem && (
        <MessageBar layout="multiline" intent="error" role="alert">
          <MessageBarBody>{state.problem[lang]}</MessageBarBody>
        </MessageBar>
      )}
      {state.status === 'not-officer' && (
        <MessageBar layout="multiline" intent="info">
          <MessageBarBody>{S.notOfficer(state.account ?? '?')[lang]}</MessageBarBody>
        </MessageBar>
      )}
      {state.status === 'not-configured' && (
        <MessageBar layout="multiline" intent="warning">
          <MessageBarBody>{S.notConfigured[lang]}</MessageBarBody>
        </MessageBar>
      )}
      {(canUse || busy) && state.status !== 'starting' && (
        <section className={section.section} aria-label={S.title[lang]}>
          <p className={section.muted} style={{ margin: 0 }}>
            {S.intro[lang]}
          </p>
          <div className={styles.pickers}>
            <Field label={S.year[lang]}>
              <Select
                value={String(state.year)}
                disabled={busy}
                onChange={(_, d) => session.choose({ year: Number(d.value) })}
              >
                {years.map((y) => (
                  <option key={y} value={y}>
                    {S.yearOption(y)[lang]}
                  </option>
                ))}
              </Select>
            </Field>
            <Field label={S.quarter[lang]}>
              <Select
                value={String(state.quarter)}
                disabled={busy}
                onChange={(_, d) => session.choose({ quarter: Number(d.value) as Quarter })}
              >
                {[1, 2, 3, 4].map((q) => (
                  <option key={q} value={q}>
                    {S.quarterOption(q)[lang]}
                  </option>
                ))}
              </Select>
            </Field>
            <Field label={S.compareYear[lang]}>
              <Select
                value={String(state.compareYear)}
                disabled={busy}
                onChange={(_, d) => session.choose({ compareYear: Number(d.value) })}
              >
                {compareYears.map((y) => (
                  <option key={y} value={y}>
                    {S.yearOption(y)[lang]}
                  </option>
                ))}
              </Select>
            </Field>
          </div>
          <Button
            appearance="primary"
            disabled={!canUse || busy}
            aria-describedby="desk-refresh-hint"
            onClick={() => void session.refresh()}
          >
            {S.refresh[lang]}
          </Button>
          <p
            id="desk-refresh-hint"
            className={section.muted}
            style={{ margin: 0, fontSize: tokens.fontSizeBase200 }}
          >
            {S.refreshHint[lang]}
          </p>
        </section>
      )}
      {state.status === 'conflicts' && (
        <MessageBar layout="multiline" intent="warning" data-testid="desk-conflicts">
          <MessageBarBody>
            <MessageBarTitle>{S.conflictsTitle(state.conflictsTotal)[lang]}</MessageBarTitle>
            <ul className={styles.list}>
              {state.conflicts.slice(0, 10).map((c) => (
                <li key={`${c.sheet}!${c.cell}`}>{S.conflictLine(c.sheet, c.cell, c.wrote, c.now)[lang]}</li>
              ))}
            </ul>
            {S.conflictsHint[lang]}
          </MessageBarBody>
          <MessageBarActions>
            <Button onClick={() => void session.refresh({ overwrite: true })}>{S.overwrite[lang]}</Button>
            <Button appearance="transparent" onClick={() => session.dismissConflicts()}>
              {S.keep[lang]}
            </Button>
          </MessageBarActions>
        </MessageBar>
      )}
      <Summary state={state} lang={lang} />
      {onOpenDistrict && <ViewSwitch label={S.openDistrict} lang={lang} onOpen={onOpenDistrict} />}
    </main>
  );
}
