// The journal and the receipt the pane reads back from the workbook's settings, which anyone who can
// edit the workbook can edit: each passes its schema or is set aside with a reason in both languages;
// a receipt's links are kept only as https addresses on the configured SharePoint host.
import { readStoredJournal, readStoredReceipt, siteLink } from '../../src/submission/stored';
import type { Journal, Receipt } from '../../src/submission/types';

const HOST = 'seoul.sharepoint.com';

const receipt: Receipt = {
  submissionId: '11500-2021-0a63995e225fb3b6',
  submittedAt: '2021-03-30T05:02:00.000Z',
  submittedBy: {
    id: '6d1f0c2a-0000-4000-8000-00000000a001',
    displayName: '김강서',
    email: 'kim@gangseo.go.kr',
  },
  status: 'current',
  district: '강서구',
  districtCode: '11500',
  year: 2021,
  quarter: 1,
  rowCount: 40,
  onBehalf: false,
  stampHash: '0a63995e225fb3b6'.repeat(4),
  itemUrl: `https://${HOST}/sites/delib/Lists/Submissions/7_.000`,
  fileUrl: `https://${HOST}/sites/delib/Shared%20Documents/Submissions/11500/2021/x.xlsx`,
};

const journal: Journal = {
  version: 2,
  submissionId: '11500-2021-0a63995e225fb3b6',
  districtYear: '11500-2021',
  phase: 'rows',
  rowCount: 40,
  confirmed: '0-19,25-39',
  submissionItemId: null,
};

describe('a receipt from the settings', () => {
  test('a receipt as saved passes; one saved before issue 10 without onBehalf reads as the district’s own', () => {
    expect(readStoredReceipt(JSON.parse(JSON.stringify(receipt)))).toEqual({ value: receipt, problem: null });
    const { onBehalf: _, ...older } = receipt;
    expect(readStoredReceipt(older).value?.onBehalf).toBe(false);
    expect(readStoredReceipt(null)).toEqual({ value: null, problem: null });
  });

  test.each<[string, unknown]>([
    ['without stampHash', { ...receipt, stampHash: undefined }],
    ['stampHash not hex', { ...receipt, stampHash: 'z'.repeat(64) }],
    ['a number for a text', { ...receipt, district: 11500 }],
    ['an object for the submitter', { ...receipt, submittedBy: 'the mayor' }],
    ['a status of its own', { ...receipt, status: 'approved by the mayor' }],
    ['an unreadable time', { ...receipt, submittedAt: 'yesterday' }],
    ['a quarter 5', { ...receipt, quarter: 5 }],
    ['a huge row count', { ...receipt, rowCount: 1e9 }],
    ['a megabyte of text', { ...receipt, district: 'x'.repeat(1_000_000) }],
    ['an array', [receipt]],
    ['a string', JSON.stringify(receipt)],
    ['a submission id of another shape', { ...receipt, submissionId: '<img src=x>' }],
  ])('%s: set aside, with a reason in both languages', (_name, planted) => {
    const stored = readStoredReceipt(planted);
    expect(stored.value).toBeNull();
    expect(stored.problem?.ko).toContain('접수증');
    expect(stored.problem?.en).toMatch(/receipt .* cannot be read/);
    expect(stored.problem?.en).toMatch(/field: \w+/);
    expect(JSON.stringify(stored.problem).length).toBeLessThan(600);
  });
});

describe('a journal from the settings', () => {
  test('a journal as saved passes', () => {
    expect(readStoredJournal(JSON.parse(JSON.stringify(journal)))).toEqual({ value: journal, problem: null });
  });

  test.each<[string, unknown]>([
    ['version 1', { ...journal, version: 1 }],
    ['a phase of its own', { ...journal, phase: 'hacked' }],
    ['ranges that are not ranges', { ...journal, confirmed: 'all' }],
    ['a negative row count', { ...journal, rowCount: -1 }],
    ['a district-year of another shape', { ...journal, districtYear: '<script>' }],
    ['ranges past any limit', { ...journal, confirmed: '1,'.repeat(40_000) + '1' }],
  ])('%s: set aside, with a reason in both languages', (_name, planted) => {
    const stored = readStoredJournal(planted);
    expect(stored.value).toBeNull();
    expect(stored.problem?.ko).toContain('제출 진행 기록');
    expect(stored.problem?.en).toContain('progress record');
  });
});

describe('links', () => {
  test.each([
    [receipt.fileUrl, receipt.fileUrl],
    [`https://SEOUL.SharePoint.com/sites/delib/x`, `https://seoul.sharepoint.com/sites/delib/x`],
    ['javascript:alert(document.domain)', null],
    ['JaVaScRiPt:alert(1)', null],
    ['data:text/html,<script>alert(1)</script>', null],
    [`http://${HOST}/sites/delib/x`, null],
    ['https://evil.example/phish.xlsx', null],
    [`https://${HOST}.evil.example/x`, null],
    [`https://${HOST}@evil.example/x`, null],
    [`https://evil.example@${HOST}/x`, null],
    [`https://${HOST}:8443/x`, null],
    [`//${HOST}/x`, null],
    ['not a url', null],
    [null, null],
  ])('%s → %s', (url, expected) => {
    expect(siteLink(url, HOST)).toBe(expected);
  });
});
