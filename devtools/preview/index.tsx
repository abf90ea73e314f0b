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
import { exampleInitialWorkbook } from './example';
import { SheetGrid } from './SheetGrid';
import { DeskPane } from '../../src/taskpane/desk/DeskPane';
import { officeDeskSession } from '../../src/taskpane/desk/office';
import { openView } from '../../src/taskpane/components/ViewSwitch';

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

function Preview({ standIn, pane }: { standIn: OfficeStandIn; pane: JSX.Element }) {
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
        {pane}
      </aside>
    </div>
  );
}

async function main(container: HTMLElement): Promise<void> {
  const params = new URLSearchParams(window.location.search);
  const rows = Number(params.get('rows')) || undefined;
  // ?view=desk: the city desk on a blank workbook, reading the local Graph stand-in's demo city.
  const desk = params.get('view') === 'desk';
  const standIn = installOfficeStandIn(
    window,
    desk ? { sheets: [{ name: 'Sheet1' }] } : exampleInitialWorkbook({ rows }),
    { displayLanguage: params.get('lang') === 'en' ? 'en-US' : 'ko-KR' },
  );
  (window as unknown as { __standIn: OfficeStandIn }).__standIn = standIn;
  const host = await checkHost();
  const root = createRoot(container);
  const show = (pane: JSX.Element) =>
    root.render(
      <PaneShell>
        <ErrorBoundary>
          <Preview standIn={standIn} pane={pane} />
        </ErrorBoundary>
      </PaneShell>,
    );
  if (desk) {
    const session = officeDeskSession(host);
    show(<DeskPane session={session} onOpenDistrict={() => openView('district')} />);
    await session.start();
    return;
  }
  const { session, submission, started } = startLiveSession(host);
  show(<Pane session={session} submission={submission} onOpenDesk={() => openView('desk')} />);
  await started;
}

const container = document.getElementById('root');
if (container) void main(container);
