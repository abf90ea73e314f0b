// The browser preview (development only): the real pane beside an editable grid, both on the same
// Office.js stand-in the e2e tests use. Type in the grid → the stand-in fires onChanged → the pane's
// live session re-validates → findings, highlights and metrics update. No Excel needed.
import { makeStyles, tokens } from '@fluentui/react-components';
import { createRoot } from 'react-dom/client';
import { installOfficeStandIn } from '../../test/standins/office-js';
import type { OfficeStandIn } from '../../test/standins/office-js';
import { ErrorBoundary } from '../../src/taskpane/components/ErrorBoundary';
import { Pane } from '../../src/taskpane/components/Pane';
import { PaneShell } from '../../src/taskpane/components/PaneShell';
import { startLiveSession } from '../../src/taskpane/live';
import { checkHost } from '../../src/excel';
import type { LiveSession } from '../../src/session/state';
import type { SubmitServiceSource } from '../../src/taskpane/submit/services';
import { exampleInitialWorkbook } from './example';
import { SheetGrid } from './SheetGrid';

const useStyles = makeStyles({
  layout: {
    display: 'grid',
    gridTemplateColumns: 'minmax(0, 1fr) 400px',
    columnGap: tokens.spacingHorizontalL,
    height: 'calc(100vh - 24px)',
  },
  pane: {
    overflowY: 'auto',
    borderLeftWidth: '1px',
    borderLeftStyle: 'solid',
    borderLeftColor: tokens.colorNeutralStroke1,
    paddingInlineStart: tokens.spacingHorizontalM,
  },
  banner: { margin: '0 0 8px', fontSize: '12px', color: tokens.colorNeutralForeground2 },
});

function Preview({
  standIn,
  session,
  submission,
}: {
  standIn: OfficeStandIn;
  session: LiveSession;
  submission: SubmitServiceSource;
}) {
  const styles = useStyles();
  return (
    <div className={styles.layout}>
      <div>
        <p className={styles.banner}>
          미리보기: Excel 대신 Office.js 대역(stand-in) 위에서 작업창이 돌아갑니다. / Preview: the pane runs
          on the Office.js stand-in instead of Excel.
        </p>
        <SheetGrid standIn={standIn} />
      </div>
      <aside className={styles.pane} aria-label="작업창 / Task pane">
        <Pane session={session} submission={submission} />
      </aside>
    </div>
  );
}

async function main(container: HTMLElement): Promise<void> {
  const params = new URLSearchParams(window.location.search);
  const rows = Number(params.get('rows')) || undefined;
  const standIn = installOfficeStandIn(window, exampleInitialWorkbook({ rows }), {
    displayLanguage: params.get('lang') === 'en' ? 'en-US' : 'ko-KR',
  });
  (window as unknown as { __standIn: OfficeStandIn }).__standIn = standIn;
  const { session, submission, started } = startLiveSession(await checkHost());
  createRoot(container).render(
    <PaneShell>
      <ErrorBoundary>
        <Preview standIn={standIn} session={session} submission={submission} />
      </ErrorBoundary>
    </PaneShell>,
  );
  await started;
}

const container = document.getElementById('root');
if (container) void main(container);
