// A hostile stamp part in the workbook the pane opens: the full pass completes, the data is
// validated, and the stamp is reported as unreadable — never a failed pass (issue 7: `&#99999999;`
// used to throw a RangeError out of the parser and break the pane's full read).
import { STAMP_NAMESPACE } from '../../src/stamp';
import { workbook } from './fixtures';
import { type Booted, boot } from './helpers';

let booted: Booted | null = null;
afterEach(async () => {
  await booted?.session.dispose();
  booted?.standin.uninstall();
  booted = null;
});

const valid = (by: string) =>
  `<stamp xmlns="${STAMP_NAMESPACE}" version="1"><standard>2021.1</standard><engine>1.0.0</engine>` +
  `<hash algorithm="SHA-256">${'0'.repeat(64)}</hash><at>2021-12-31T00:00:00Z</at><by>${by}</by>` +
  `<counts rows="3" council="0" errors="0" warnings="0"/><digests count="0"></digests></stamp>`;

test.each([
  ['a character reference beyond Unicode', valid('&#99999999;')],
  [
    '200,000 unclosed tags',
    valid('x').replace('<digests count="0">', '<digests count="0">' + '<digests>'.repeat(200_000)),
  ],
  [
    'a DOCTYPE with expanding entities',
    `<!DOCTYPE stamp [<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;&a;&a;">]>${valid('&b;')}`,
  ],
  ['a part beyond the size limit', valid('x'.repeat(2_000_000))],
])('%s: the pass completes and the stamp is reported unreadable', async (_, xml) => {
  booted = await boot({ ...workbook(3), customXmlParts: [xml] });
  const state = booted.session.getState();
  expect(state.report?.stats.rows).toBe(3);
  expect(state.stamp.status).toBe('damaged');
  expect(state.stamp.problems[0].message.en).toMatch(/cannot be read/);
});
