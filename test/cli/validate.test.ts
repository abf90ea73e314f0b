import { promises as fs } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { ValidationReport } from '../../src/engine';
import { delib, expectNoStack, samples } from './support';
import { expectedFor, matchesPlanted as matches, type Planted } from '../support/samples';

const messy = path.join(samples, 'dobong-2021-q2-messy.xlsx');
const clean = path.join(samples, 'gangseo-2021-q1.xlsx');

describe('delib validate on the messy sample', () => {
  let report: ValidationReport;
  let planted: Planted[];

  beforeAll(async () => {
    const run = await delib(['validate', '--format', 'json', messy]);
    expect(run.code).toBe(1);
    report = JSON.parse(run.out);
    planted = expectedFor('dobong-2021-q2-messy.xlsx').planted;
  });

  it('has the documented shape', () => {
    expect(Object.keys(report).slice(0, 7)).toEqual([
      'file',
      'standard',
      'valid',
      'info',
      'stats',
      'findings',
      'metrics',
    ]);
    expect(report.file).toBe(messy);
    expect(report.valid).toBe(false);
    expect(report.info).toMatchObject({
      district: '도봉구',
      districtCode: '11320',
      year: 2021,
      quarter: 2,
      reportDate: '2021-06-28',
    });
    for (const f of report.findings) {
      expect(Object.keys(f).sort()).toEqual([
        'cell',
        'code',
        'field',
        'fix',
        'message',
        'row',
        'severity',
        'sheet',
        'value',
      ]);
      expect(typeof f.message.ko).toBe('string');
      expect(typeof f.message.en).toBe('string');
    }
  });

  it('reports every planted finding at its row and field', () => {
    for (const p of planted) {
      expect(report.findings.filter((f) => matches(f, p))).not.toHaveLength(0);
    }
  });

  it('reports no error beyond the planted ones', () => {
    const extra = report.findings.filter(
      (f) => f.severity === 'error' && !planted.some((p) => matches(f, p)),
    );
    expect(extra).toEqual([]);
    expect(report.stats.errors).toBe(report.findings.filter((f) => f.severity === 'error').length);
  });

  it('gives cells as A1 addresses on the planted rows', () => {
    for (const f of report.findings.filter((x) => x.row !== null && x.cell !== null)) {
      expect(f.cell).toMatch(new RegExp(`^[A-Z]+${f.row}$`));
    }
  });
});

describe('delib validate on the clean sample', () => {
  it('exits 0 and reproduces the expected metrics', async () => {
    const run = await delib(['validate', '--format', 'json', clean]);
    expect(run.code).toBe(0);
    const report: ValidationReport = JSON.parse(run.out);
    const want = expectedFor('gangseo-2021-q1.xlsx')
      .metrics as unknown as ValidationReport['metrics']['overall'];
    const got = report.metrics.overall;
    expect(report.stats.errors).toBe(0);
    expect(got.meetings).toBe(want.meetings);
    expect(got.hoursTotal).toBeCloseTo(want.hoursTotal, 9);
    expect(got.hoursPerMeeting!).toBeCloseTo(want.hoursPerMeeting!, 9);
    for (const g of ['total', 'official', 'civilian'] as const) {
      expect(got.attendees[g]).toBe(want.attendees[g]);
      expect(got.expected[g]).toBe(want.expected[g]);
      expect(got.attendanceRate[g]!).toBeCloseTo(want.attendanceRate[g]!, 9);
    }
  });

  it('prints a Korean report by default and an English one with --lang en', async () => {
    const ko = await delib(['validate', clean]);
    expect(ko.code).toBe(0);
    expect(ko.out).toContain('강서구 (11500)');
    expect(ko.out).toContain('제출 가능');
    // Rates to 0.1 percentage point, hours to 0.1 hour.
    expect(ko.out).toContain('87.2%');
    expect(ko.out).toContain('62.5');
    const en = await delib(['validate', '--lang', 'en', clean]);
    expect(en.out).toContain('Gangseo-gu (11500)');
    expect(en.out).toContain('valid: no errors');
    expect(en.out).toContain('Attendance rate (total)');
  });

  it('never prints a council member name', async () => {
    for (const args of [
      ['validate', clean],
      ['validate', '--format', 'json', clean, messy],
    ]) {
      const run = await delib(args);
      expect(run.out + run.err).not.toMatch(/위원\d\d/);
    }
  });
});

describe('several files and bad files', () => {
  let dir: string;
  beforeAll(async () => {
    dir = await fs.mkdtemp(path.join(os.tmpdir(), 'delib-validate-'));
    await fs.writeFile(path.join(dir, 'notes.xlsx'), 'not a workbook');
    await fs.writeFile(
      path.join(dir, 'broken.xlsx'),
      Buffer.concat([Buffer.from('PK\x03\x04'), Buffer.alloc(64)]),
    );
    await fs.writeFile(
      path.join(dir, 'locked.xlsx'),
      Buffer.concat([Buffer.from('d0cf11e0a1b11ae1', 'hex'), Buffer.alloc(512)]),
    );
  });
  afterAll(async () => {
    await fs.rm(dir, { recursive: true, force: true });
  });

  it('JSON: several files give an array in the given order', async () => {
    const run = await delib(['validate', '--format', 'json', clean, messy]);
    expect(run.code).toBe(1);
    const reports: ValidationReport[] = JSON.parse(run.out);
    expect(reports.map((r) => r.info.district)).toEqual(['강서구', '도봉구']);
  });

  it('one clear bilingual line per bad file; the others go on; exit 2', async () => {
    const run = await delib(
      ['validate', 'missing.xlsx', 'notes.xlsx', clean, 'broken.xlsx', 'locked.xlsx'],
      dir,
    );
    expect(run.code).toBe(2);
    const lines = run.err.trim().split('\n');
    expect(lines).toHaveLength(4);
    expect(lines[0]).toBe('✗ missing.xlsx: 파일이 없습니다 / file not found');
    expect(lines[1]).toContain('not an Excel (.xlsx) file');
    expect(lines[2]).toContain('corrupt');
    expect(lines[3]).toContain('password-protected or old .xls format');
    expect(run.out).toContain('강서구');
    expectNoStack(run);
  });

  it('JSON with a bad file: the readable ones still come out', async () => {
    const run = await delib(['validate', '--format', 'json', 'notes.xlsx', clean], dir);
    expect(run.code).toBe(2);
    expect(JSON.parse(run.out)).toHaveLength(1);
  });
});

describe('usage', () => {
  it.each([
    [['validate']],
    [['validate', '--format', 'xml', 'a.xlsx']],
    [['validate', '--lang', 'fr', 'a.xlsx']],
    [['validate', '--bogus', 'a.xlsx']],
    [['frobnicate']],
    [[]],
  ])('%j exits 2 with a bilingual line', async (args) => {
    const run = await delib(args);
    expect(run.code).toBe(2);
    expectNoStack(run);
    if (args.length) {
      expect(run.err).toMatch(/[가-힣].* \/ \S/);
      expect(run.err.trimEnd().split('\n')).toHaveLength(1);
    }
  });

  it('--help lists the commands and exits 0', async () => {
    const run = await delib(['--help']);
    expect(run.code).toBe(0);
    for (const c of ['validate', 'summary', 'template']) expect(run.out).toContain(c);
    expect((await delib(['validate', '--help'])).out).toContain('delib validate FILE...');
  });
});

describe('top level', () => {
  it('--version names the engine and the standard', async () => {
    const run = await delib(['--version']);
    expect(run.code).toBe(0);
    expect(run.out).toContain('standard 2021.2 (knows 2021.1, 2021.2)');
  });
});

describe('the top-level catch', () => {
  it('turns an unexpected failure into one bilingual line, exit 2, no stack', async () => {
    const { validateCommand } = await import('../../src/cli/commands/validate');
    const spy = jest
      .spyOn(validateCommand, 'run')
      .mockRejectedValue(new Error('boom\n    at nowhere (x.ts:1:1)'));
    try {
      const run = await delib(['validate', 'a.xlsx']);
      expect(run.code).toBe(2);
      expect(run.err).toBe('delib validate: 예기치 않은 오류: boom / unexpected error: boom\n');
      expectNoStack(run);
    } finally {
      spy.mockRestore();
    }
  });
});

describe('usage errors are one line', () => {
  it('names the problem in both languages and points to --help', async () => {
    const run = await delib(['validate', '--lang', 'fr', 'a.xlsx']);
    expect(run.err).toBe(
      "delib validate: --lang은 ko 또는 en입니다 ('fr') / --lang is ko or en ('fr') (delib validate --help)\n",
    );
  });
});
