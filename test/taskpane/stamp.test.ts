import type { ValidationReport } from '../../src/engine/report';
import { markGate, stampView } from '../../src/taskpane/view/stamp';
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

describe('stampView', () => {
  it('says absent, valid or changed with the number of rows', () => {
    expect(stampView({ status: 'absent' }, 'ko').tone).toBe('informative');
    const valid = stampView({ status: 'valid', stamp }, 'en');
    expect(valid.tone).toBe('success');
    expect(valid.details).toContain('author@gu.seoul.kr');
    expect(valid.details).toContain('2021.1');
    const changed = stampView({ status: 'changed', stamp, rowsChanged: 1234 }, 'ko');
    expect(changed.tone).toBe('warning');
    expect(changed.headline).toContain('1,234');
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
