// The pane's reviewer view on the Office.js stand-in and the Graph stand-in: shown when the open
// workbook carries a stamp, it looks the data's hash up in the city's Submissions list through the
// pane's own service (the same sign-in as submitting) and says who submitted it and when, as
// SharePoint recorded them; an edit afterwards marks the answer as about other data.
import { parseConfig } from '../../src/config';
import { memorySettings } from '../../src/excel/settings';
import { writeRegister } from '../../src/graph/districts';
import { settingsStore } from '../../src/taskpane/submit/office';
import { createSubmitService } from '../../src/taskpane/submit/service';
import { reviewView } from '../../src/taskpane/view/review';
import { FORUMS, forumCell, workbook } from '../excel/fixtures';
import { boot, type Booted } from '../excel/helpers';
import { xlsxOfStandIn } from '../stamp/xlsx-fixture';
import { KIM, SITE, graphFor, startHarness, type Harness } from '../submission/harness';

let h: Harness;
let booted: Booted | null = null;
beforeEach(async () => {
  h = await startHarness();
  await writeRegister(graphFor(h.standIn.url).site, {
    districts: [
      {
        code: '11500',
        name: '강서구',
        dueYears: [2021],
        submitters: { people: ['kim@gangseo.example.kr'], groups: [] },
      },
    ],
    officers: { people: [], groups: [] },
  });
});
afterEach(async () => {
  await booted?.session.dispose();
  booted?.standin.uninstall();
  booted = null;
  await h.close();
});

function paneService(b: Booted) {
  return createSubmitService({
    session: b.session,
    config: parseConfig({ graphRoot: h.standIn.url, site: SITE }),
    tokens: { getToken: async () => KIM },
    store: settingsStore(memorySettings()),
    file: () => ({ name: 'w.xlsx', bytes: () => xlsxOfStandIn(b.standin) }),
  });
}

test('an unstamped workbook has no reviewer view', async () => {
  booted = await boot(workbook(4, { summary: true }));
  expect(reviewView(booted.session.getState().stamp, null, 'ko', () => null).shown).toBe(false);
});

test('a stamped workbook: not yet at the city, then submitted, then edited', async () => {
  booted = await boot(workbook(6, { summary: true }), { userName: '김강서' });
  await booted.session.markValidated();
  const service = paneService(booted);
  const state = () => booted!.session.getState();
  const look = () => service.checkWithCity(booted!.session.dataHash()!, state().report!.info);

  const hashNow = () => booted!.session.dataHash();
  const before = reviewView(state().stamp, await look(), 'ko', hashNow);
  expect(before.shown).toBe(true);
  expect(before.lines).toEqual([
    { ok: false, text: expect.stringContaining('서울시에 이 데이터의 제출이 없습니다') },
  ]);

  const outcome = await service.submit({ signal: new AbortController().signal, onProgress: () => undefined });
  expect(outcome.ok).toBe(true);
  const after = reviewView(state().stamp, await look(), 'en', hashNow);
  expect(after.lines[0]).toEqual({
    ok: true,
    text: expect.stringMatching(
      /^matches 강서구 2021 Q4, received \d{4}-\d\d-\d\d \d\d:\d\d \(Korea time\) from kim@gangseo\.example\.kr \(current\)$/,
    ),
  });
  expect(after.stale).toBe(false);

  // The district edits a row: the answer was about other data.
  const check = await look();
  booted.standin.user.setValues(FORUMS, forumCell('hours', 1), [[3]]);
  await booted.settle();
  expect(state().stamp.status).toBe('changed');
  expect(state().stamp.data!.hash).toBeNull(); // not taken on the keystroke
  expect(reviewView(state().stamp, check, 'en', hashNow).stale).toBe(true);
});
