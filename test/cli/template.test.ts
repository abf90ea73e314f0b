import { promises as fs } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { ValidationReport } from '../../src/engine';
import { readWorkbookFile } from '../../src/xlsx/read';
import { newestStandard } from '../../src/standard';
import { delib, expectNoStack } from './support';

let dir: string;
beforeAll(async () => {
  dir = await fs.mkdtemp(path.join(os.tmpdir(), 'delib-template-'));
});
afterAll(async () => {
  await fs.rm(dir, { recursive: true, force: true });
});

describe('delib template', () => {
  it('--example writes a filled workbook that validates clean', async () => {
    const run = await delib(['template', '--example', 'example.xlsx'], dir);
    expect(run.code).toBe(0);
    const check = await delib(['validate', '--format', 'json', 'example.xlsx'], dir);
    expect(check.code).toBe(0);
    const report: ValidationReport = JSON.parse(check.out);
    expect(report.findings).toEqual([]);
    expect(report.stats.rows).toBe(40);
    expect(report.info.districtCode).toMatch(/^\d{5}$/);
    for (const q of ['1', '2', '3', '4'] as const)
      expect(report.metrics.byQuarter[q].meetings).toBeGreaterThan(0);
  });

  it('the example is deterministic', async () => {
    await delib(['template', '--example', 'a.xlsx'], dir);
    await delib(['template', '--example', 'b.xlsx'], dir);
    const a = await readWorkbookFile(path.join(dir, 'a.xlsx'));
    const b = await readWorkbookFile(path.join(dir, 'b.xlsx'));
    expect(a.snapshot).toEqual(b.snapshot);
  });

  it('the blank workbook has the standard sheets and only asks for 기본정보', async () => {
    const run = await delib(['template', 'blank.xlsx'], dir);
    expect(run.code).toBe(0);
    const { snapshot } = await readWorkbookFile(path.join(dir, 'blank.xlsx'));
    const s = newestStandard.sheets;
    expect(snapshot.sheets.map((x) => x.name)).toEqual([
      s.info.name,
      s.forums.name,
      s.council.name,
      s.summary.name,
    ]);
    const report: ValidationReport = JSON.parse(
      (await delib(['validate', '--format', 'json', 'blank.xlsx'], dir)).out,
    );
    expect(report.stats.rows).toBe(0);
    // The newest standard by default: what the city distributes.
    expect(report.standard).toBe(newestStandard.version);
    expect(report.info.standardVersion).toBe(newestStandard.version);
    // Nothing to fix but the blanks a district fills in first (the council too: a warning).
    expect(new Set(report.findings.map((f) => f.code))).toEqual(new Set(['missing-info', 'council-empty']));
  });

  it.each(['2021.1', '2021.2'])(
    '--standard %s writes that version, which validates against itself',
    async (version) => {
      for (const example of [false, true]) {
        const file = `v${version}-${example}.xlsx`;
        const run = await delib(
          ['template', ...(example ? ['--example'] : []), '--standard', version, file],
          dir,
        );
        expect(run.code).toBe(0);
        expect(run.out).toContain(version);
        const check = await delib(['validate', '--format', 'json', file], dir);
        const report: ValidationReport = JSON.parse(check.out);
        expect(report.standard).toBe(version);
        // The example has no finding at all; the blank form only its blanks to fill.
        if (example) expect(report.findings).toEqual([]);
        else
          expect(new Set(report.findings.map((f) => f.code))).toEqual(
            new Set(['missing-info', 'council-empty']),
          );
        const { snapshot } = await readWorkbookFile(path.join(dir, file));
        const forums = snapshot.sheets.find((s) => s.name === '숙의공론장')!;
        expect(forums.rows.some((r) => r.some((c) => c?.value === '관련 의제'))).toBe(version === '2021.2');
      }
    },
  );

  it('--standard with a version the product does not know is a usage error naming the known ones', async () => {
    const run = await delib(['template', '--standard', '2030.1', 'x.xlsx'], dir);
    expect(run.code).toBe(2);
    expect(run.err).toContain('2021.1, 2021.2');
    expectNoStack(run);
  });

  it('usage errors', async () => {
    for (const args of [['template'], ['template', 'a.xlsx', 'b.xlsx'], ['template', 'out.csv']]) {
      const run = await delib(args, dir);
      expect(run.code).toBe(2);
      expectNoStack(run);
    }
    const run = await delib(['template', path.join(dir, 'missing-dir', 'x.xlsx')]);
    expect(run.code).toBe(2);
    expect(run.err.split('\n').filter(Boolean)).toHaveLength(1);
    expect(run.err).toContain('cannot write');
    expectNoStack(run);
  });
});
