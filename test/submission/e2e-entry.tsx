// The page the browser submit test loads: the Office.js stand-in holding the example workbook, the
// real live session (src/excel) and the real submit panel wired the way the pane wires it
// (attachSubmissionSession), talking to the Graph stand-in named in delib.config.json.
import { useEffect, useState } from 'react';
import { createRoot } from 'react-dom/client';
import { FluentProvider, webLightTheme } from '@fluentui/react-components';
import { installOfficeStandIn, type OfficeStandIn } from '../standins/office-js';
import { exampleInitialWorkbook } from '../../devtools/preview/example';
import { createLiveSession } from '../../src/excel/session';
import { SubmitPanel } from '../../src/taskpane/submit/SubmitPanel';
import { attachSubmissionSession } from '../../src/taskpane/submit/services';
import type { LiveSession, PaneState } from '../../src/taskpane/state';

declare global {
  interface Window {
    __standIn?: OfficeStandIn;
  }
}

function App({ session }: { session: LiveSession }) {
  const [state, setState] = useState<PaneState>(session.getState());
  useEffect(() => session.subscribe(setState), [session]);
  return (
    <FluentProvider theme={webLightTheme}>
      <div role="status" data-status={state.status} data-rows={state.report?.stats.rows ?? ''} />
      <SubmitPanel report={state.report} lang="ko" />
    </FluentProvider>
  );
}

const rows = Number(new URLSearchParams(location.search).get('rows')) || 12;
window.__standIn = installOfficeStandIn(window, exampleInitialWorkbook({ rows }), {
  displayLanguage: 'ko-KR',
});
const session = createLiveSession();
attachSubmissionSession(session);
createRoot(document.getElementById('root')!).render(<App session={session} />);
void session.start();
