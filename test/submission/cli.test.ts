// `delib sharepoint provision` and `delib submit FILE` in-process against the stand-in, with the
// city's sample workbook.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { main } from '../../src/cli/main';
import { DEFAULT_USERS, startGraphStandIn, type GraphStandIn } from '../../devtools/graph-standin';
import { listItems } from './harness';
import { io, sample } from './doubles';

describe('delib submit / sharepoint', () => {
  let s: GraphStandIn;
  let dir: string;
  beforeEach(async () => {
    // The development token (no token in the environment) and one officer's token from the environment.
    s = await startGraphStandIn({
      users: {
        ...DEFAULT_USERS,
        'env-token-value': {
          id: 'u-env',
          userPrincipalName: 'park@gangseo.example.kr',
          displayName: '박강서',
        },
      },
    });
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'delib-cli-'));
    fs.copyFileSync(sample, path.join(dir, 'gangseo.xlsx'));
  });
  afterEach(async () => {
    await s.close();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  test('provision, submit, submit again: one set of rows, a receipt, the journal beside the file', async () => {
    const root = ['--graph-root', s.url];
    const check = io(dir);
    expect(await main(['sharepoint', 'check', ...root], check)).toBe(1);
    expect(check.stdout).toContain("The SharePoint list 'Forums' does not exist.");
    expect(await main(['sharepoint', 'provision', ...root], io(dir))).toBe(0);
    expect(await main(['sharepoint', 'check', ...root], io(dir))).toBe(0);
    // The register: the development user a city officer, the officer of the token 강서구's submitter.
    fs.writeFileSync(
      path.join(dir, 'register.csv'),
      '자치구코드,자치구,제출 대상 연도,제출자\n11000,서울특별시,,officer@delib.localhost\n11500,강서구,2021,park@gangseo.example.kr\n',
    );
    expect(await main(['districts', 'import', 'register.csv', ...root], io(dir))).toBe(0);

    const first = io(dir, { DELIB_GRAPH_TOKEN: 'env-token-value' });
    expect(await main(['submit', 'gangseo.xlsx', ...root], first)).toBe(0);
    expect(first.stdout).toMatch(/제출 번호 \/ submission id: 11500-2021-[0-9a-f]{16}/);
    expect(first.stdout).toContain('rows: 40');
    expect(first.stdout + first.stderr).not.toContain('env-token-value');
    const journal = fs.readFileSync(path.join(dir, 'gangseo.xlsx.delib-submit.json'), 'utf8');
    expect(journal).toContain('"phase": "done"');
    expect(journal).not.toContain('env-token-value');

    // The same data again by the city officer: nothing new, the first submitter stays.
    expect(await main(['submit', 'gangseo.xlsx', ...root], io(dir))).toBe(0);
    const rows = listItems(s, 'Forums');
    expect(rows).toHaveLength(40);
    expect(listItems(s, 'Submissions')).toHaveLength(1);
    expect(s.sites()[0].files).toHaveLength(1);
  });

  test('an unreadable file and a missing list are explained in both languages, no stack trace', async () => {
    fs.writeFileSync(path.join(dir, 'broken.xlsx'), 'not a workbook');
    const out = io(dir);
    const code = await main(['submit', 'broken.xlsx', 'gangseo.xlsx', '--graph-root', s.url], out);
    expect(code).toBe(2);
    expect(out.stderr).toContain('broken.xlsx');
    expect(out.stderr).toContain('SharePoint 목록');
    expect(out.stderr).toContain('The SharePoint lists are not as expected');
    expect(out.stderr).not.toMatch(/\n\s+at /);
  });
});
