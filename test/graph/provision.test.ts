// Provisioning is idempotent, drift is reported exactly, and uploads pick the right method by size.
import { startGraphStandIn, type GraphStandIn } from '../../devtools/graph-standin';
import { createGraphSubmission, type GraphSubmission } from '../../src/graph';
import { parseConfig } from '../../src/config';
import { uploadFile, SIMPLE_LIMIT } from '../../src/graph/upload';
import { newestStandard } from '../../src/standard';
import { KIM, USERS } from '../submission/harness';

const SITE = { hostname: 'seoul.sharepoint.com', path: '/sites/delib' };

describe('lists and library', () => {
  let s: GraphStandIn;
  let g: GraphSubmission;
  beforeEach(async () => {
    s = await startGraphStandIn({ users: USERS });
    g = createGraphSubmission({
      config: parseConfig({ graphRoot: s.url, site: SITE }),
      tokens: { getToken: async () => KIM },
      standard: newestStandard,
    });
  });
  afterEach(() => s.close());

  test('provision creates the three lists once; a second run changes nothing', async () => {
    const before = await g.checkSchema();
    expect(before.map((d) => d.kind)).toEqual(['missing-list', 'missing-list', 'missing-list']);
    expect((await g.provision()).applied).toHaveLength(3);
    expect(await g.checkSchema()).toEqual([]);
    expect(await g.provision()).toEqual({ applied: [], remaining: [] });
    const lists = s.sites()[0].lists;
    expect(lists.map((l) => l.name).sort()).toEqual(['Districts', 'Forums', 'Submissions']);
    const forums = lists.find((l) => l.name === 'Forums')!;
    const rowKey = forums.columns.find((c) => c.name === 'RowKey')!;
    expect(rowKey).toMatchObject({ indexed: true, enforceUniqueValues: true, displayName: '행 키' });
    // Display names come from the standard; internal names stay ASCII.
    expect(forums.columns.find((c) => c.name === 'ExpectedCivilian')?.displayName).toBe('대상인원(민간)');
    expect(forums.columns.every((c) => /^[A-Za-z0-9_]+$/.test(c.name))).toBe(true);
    // 참석율(%) holds the fraction the workbook holds (0.855) and SharePoint shows it as 85.5%.
    const rate = forums.columns.find((c) => c.name === 'AttendanceRate')!;
    expect(rate).toMatchObject({ displayName: '참석율(%)', number: { displayAs: 'percentage' } });
  });

  test('drift is named column by column, fixed where safe, and the rest left to an admin', async () => {
    await g.provision();
    const base = await g.site.listPath('forums');
    const cols = (await g.http.send<{ value: { id: string; name: string }[] }>('GET', `${base}/columns`)).body
      .value;
    const id = (n: string) => cols.find((c) => c.name === n)!.id;
    await g.http.send('PATCH', `${base}/columns/${id('RowKey')}`, { enforceUniqueValues: false });
    await g.http.send('PATCH', `${base}/columns/${id('SubmissionId')}`, { indexed: false });
    await g.http.send('PATCH', `${base}/columns/${id('Hours')}`, { displayName: '시간' });
    // A list provisioned before rates were shown as percentages.
    await g.http.send('PATCH', `${base}/columns/${id('AttendanceRate')}`, { number: {} });
    const drift = await g.checkSchema();
    expect(drift.map((d) => [d.column, d.kind, d.blocking])).toEqual([
      ['RowKey', 'not-unique', true],
      ['SubmissionId', 'not-indexed', true],
      ['Hours', 'display-name', false],
      ['AttendanceRate', 'display-as', false],
    ]);
    expect(drift[0].message.ko).toContain('고유');
    expect(drift[0].message.en).toContain('unique');
    expect(await g.target.checkSchema()).toHaveLength(2);
    const fixed = await g.provision();
    expect(fixed.applied).toHaveLength(4);
    expect(await g.checkSchema()).toEqual([]);
  });

  test('a column of the wrong type cannot be fixed automatically and blocks submission', async () => {
    await g.provision();
    const base = await g.site.listPath('forums');
    const cols = (await g.http.send<{ value: { id: string; name: string }[] }>('GET', `${base}/columns`)).body
      .value;
    // Recreate the situation an admin can cause: a list where Hours was made a text column.
    const forums = s.sites()[0].lists.find((l) => l.name === 'Forums')!;
    const hours = forums.columns.find((c) => c.name === 'Hours')!;
    expect(cols.some((c) => c.name === 'Hours')).toBe(true);
    delete hours.number;
    hours.text = { maxLength: 255 };
    const result = await g.provision();
    expect(result.remaining.map((d) => [d.column, d.kind])).toEqual([['Hours', 'wrong-type']]);
    const blocking = await g.target.checkSchema();
    expect(blocking).toHaveLength(1);
    expect(blocking[0].en).toMatch(/Hours.*type is text \(number expected\)/);
  });

  test('uploads: one PUT under 4 MB, an upload session in chunks above', async () => {
    const small = new Uint8Array(1000).fill(7);
    const big = new Uint8Array(SIMPLE_LIMIT + 123_457).map((_, i) => i % 251);
    s.resetStats();
    expect(await uploadFile(g.site, 'Submissions/11500/2021/a.xlsx', small)).toBe(
      'https://seoul.sharepoint.com/sites/delib/Shared%20Documents/Submissions/11500/2021/a.xlsx',
    );
    const afterSmall = s.stats().requests;
    await uploadFile(g.site, 'Submissions/11500/2021/b.xlsx', big);
    expect(afterSmall).toBe(2);
    expect(s.stats().requests - afterSmall).toBeGreaterThan(2);
    const files = s.sites()[0].files;
    expect(files.map((f) => [f.path, f.size])).toEqual([
      ['Submissions/11500/2021/a.xlsx', 1000],
      ['Submissions/11500/2021/b.xlsx', big.length],
    ]);
    const crypto = await import('node:crypto');
    expect(files[1].sha256).toBe(crypto.createHash('sha256').update(big).digest('hex'));
  });

  test('provisioning finishes when Graph fails after committing (a lost answer is settled by looking again)', async () => {
    for (const seed of [1, 2, 3, 4, 5]) {
      const faulty = await startGraphStandIn({ users: USERS, faults: { timeoutAfterCommit: 0.5 }, seed });
      try {
        const graph = createGraphSubmission({
          config: parseConfig({ graphRoot: faulty.url, site: SITE }),
          tokens: { getToken: async () => KIM },
          standard: newestStandard,
        });
        const result = await graph.provision();
        expect(result.remaining).toEqual([]);
        expect(result.applied.map((d) => d.kind)).toEqual(['missing-list', 'missing-list', 'missing-list']);
        expect(faulty.sites()[0].lists).toHaveLength(3);
      } finally {
        await faulty.close();
      }
    }
  });
});
