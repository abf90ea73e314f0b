import type { ValidationReport } from '../../src/engine/report';
import { markGate, stampView } from '../../src/taskpane/view/stamp';
import { NO_VERDICT, type StampVerdict } from '../../src/stamp';
import { workbookMetrics } from './fixtures';

const stamp = {
  standard: '2021.1',
  engine: '0.1.0',
  hash: 'ab'.repeat(32),
  at: '2021-03-31T09:00:00Z',
  by: 'author@gu.seoul.kr',
  rows: 12,
  errors: 0,
  warnings: 1,
};

function report(errors: number): ValidationReport {
  return {
    standard: '2021.1',
    valid: errors === 0,
    info: {
      district: null,
      districtCode: null,
      year: null,
      quarter: null,
      reportDate: null,
      department: null,
      author: null,
      phone: null,
      standardVersion: null,
    },
    stats: { rows: 12, errors, warnings: 0, infos: 0 },
    findings: [],
    metrics: workbookMetrics(),
    council: null,
  };
}

const data = { standard: '2021.1', hash: 'cd'.repeat(32), rows: 12, council: 10, errors: 0, warnings: 1 };
const verdict = (v: Partial<StampVerdict>): StampVerdict => ({ ...NO_VERDICT, data, claims: stamp, ...v });

describe('stampView', () => {
  it('says absent, valid or changed with the number of places', () => {
    expect(stampView(NO_VERDICT, 'ko').tone).toBe('informative');
    const valid = stampView(verdict({ status: 'valid' }), 'en');
    expect(valid.tone).toBe('success');
    expect(valid.details).toContain('author@gu.seoul.kr');
    expect(valid.details).toContain('2021.1');
    const changed = stampView(verdict({ status: 'changed', rowsChanged: 1234 }), 'ko');
    expect(changed.tone).toBe('warning');
    expect(changed.headline).toContain('1,234');
  });

  it('labels who and when as the stamp’s claims, and the numbers as the data’s', () => {
    const view = stampView(verdict({ status: 'valid', data: { ...data, rows: 7, warnings: 4 } }), 'en');
    expect(view.details).toMatch(/^The stamp says: /);
    expect(view.data).toBe('The data now: 7 rows · 0 errors · 4 warnings');
    expect(stampView(verdict({ status: 'valid' }), 'ko').details).toMatch(/^검증 표시의 주장: /);
  });

  it('a stamp that does not vouch for the data is an error, with its reasons', () => {
    const problems = [{ code: 'errors' as const, message: { ko: '오류 4건', en: '4 errors' } }];
    const view = stampView(verdict({ status: 'invalid', problems }), 'en');
    expect(view.tone).toBe('error');
    expect(view.problems).toEqual(['4 errors']);
    expect(stampView(verdict({ status: 'damaged', claims: null }), 'ko').tone).toBe('error');
  });
});

describe('markGate', () => {
  it('is closed until a pass has finished', () => {
    expect(markGate({ status: 'reading', report: null }).enabled).toBe(false);
    expect(markGate({ status: 'reading', report: report(0) }).enabled).toBe(false);
  });
  it('is closed while errors exist, and says how many', () => {
    const gate = markGate({ status: 'ready', report: report(3) });
    expect(gate.enabled).toBe(false);
    expect(gate.reason.ko).toContain('3');
    expect(gate.reason.en).toContain('3');
  });
  it('opens with no errors', () => {
    expect(markGate({ status: 'ready', report: report(0) }).enabled).toBe(true);
  });
});
