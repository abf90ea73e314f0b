// The pane's entry: find out whether we are in Excel, then render either the live pane or the
// "open this in Excel" message.
import { createRoot } from 'react-dom/client';
import { ErrorBoundary } from './components/ErrorBoundary';
import { NoHost } from './components/NoHost';
import { Pane } from './components/Pane';
import { PaneShell } from './components/PaneShell';
import { checkHost, defaultRunner, documentSettings, isConsolidationWorkbook } from '../excel';
import { openView } from './components/ViewSwitch';
import { startLiveSession } from './live';
import { strings } from './strings';
import { paneLanguage } from './view/language';

/** Whether the open workbook is one the city desk wrote; a workbook that cannot be asked says no. */
async function deskWorkbookOpen(): Promise<boolean> {
  try {
    return await isConsolidationWorkbook(defaultRunner, documentSettings());
  } catch {
    return false;
  }
}

async function main(container: HTMLElement): Promise<void> {
  const root = createRoot(container);
  const render = (node: JSX.Element) =>
    root.render(
      <PaneShell>
        <ErrorBoundary>{node}</ErrorBoundary>
      </PaneShell>,
    );
  const host = await checkHost();
  const lang = paneLanguage(host.displayLanguage);
  document.documentElement.lang = lang;
  if (!host.inExcel) {
    render(<NoHost lang={lang} />);
    return;
  }
  // The ribbon's 시 집계 opens the pane on the city desk, and so does a consolidation workbook the
  // desk wrote (unless the officer asked for the district checks): no district session there.
  const view = new URLSearchParams(location.search).get('view');
  if (view === 'desk' || (view !== 'district' && (await deskWorkbookOpen()))) {
    const [{ DeskPane }, { officeDeskSession }] = await Promise.all([
      import('./desk/DeskPane'),
      import('./desk/office'),
    ]);
    const desk = officeDeskSession(host);
    render(<DeskPane session={desk} onOpenDistrict={() => openView('district')} />);
    await desk.start();
    return;
  }
  try {
    // Everything the pane needs is made here and handed down as props.
    const { session, submission, started } = startLiveSession(host);
    render(<Pane session={session} submission={submission} onOpenDesk={() => openView('desk')} />);
    await started;
  } catch (error) {
    console.error('delib: could not start the live session', error);
    render(
      <div role="alert" data-status="error">
        <p lang="ko">{strings.sessionFailed.ko}</p>
        <p lang="en">{strings.sessionFailed.en}</p>
      </div>,
    );
  }
}

const container = document.getElementById('root');
if (container) void main(container);
