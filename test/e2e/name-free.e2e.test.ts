// The name-free copy in headless Chromium: the transform the pane runs on the bytes getFileAsync
// hands out (DecompressionStream, CompressionStream, TextDecoder — no Node API), bundled as the pane
// is, on a workbook with names in every kind of part. The browser's copy holds no name, verifies,
// and hashes like the original; a name it cannot rewrite refuses the copy with both languages.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import JSZip from 'jszip';
import type { Browser, Page } from 'playwright-core';
import { validateWorkbook } from '../../src/engine';
import { dataNow } from '../../src/stamp';
import { councilNamesOf } from '../../src/stamp/copy';
import { readWorkbookBuffer } from '../../src/xlsx/read';
import { writeStandardWorkbook } from '../../src/xlsx/write';
import { exampleWorkbook } from '../../src/workbook/example';
import { newestStandard } from '../../src/standard';
import { launchChromium } from './support/browser';
import { buildBundle } from './support/standin-bundle';
import type { CouncilInPage } from './support/name-free-entry';
import { runVerify } from '../stamp/run-verify';

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'delib-e2e-names-'));
let browser: Browser;
let page: Page;
let bundle: string;

beforeAll(async () => {
  bundle = await buildBundle(path.join(__dirname, 'support', 'name-free-entry.ts'), dir, 'name-free.js');
  browser = await launchChromium();
  page = await browser.newPage();
  await page.setContent('<!doctype html><title>name-free</title>');
  await page.addScriptTag({ content: fs.readFileSync(bundle, 'utf8') });
}, 120_000);

afterAll(async () => {
  await browser?.close();
});

async function inBrowser(bytes: Uint8Array): Promise<{ copy?: Buffer; error?: { ko: string; en: string } }> {
  const validation = validateWorkbook((await readWorkbookBuffer(bytes, 'w.xlsx')).snapshot);
  const { scrubber, ...rest } = councilNamesOf(validation);
  const council: CouncilInPage = {
    ...rest,
    names: [...scrubber.names],
    vocabulary: [...scrubber.vocabulary],
  };
  const answer = await page.evaluate(
    ([b64, c]) =>
      (
        window as unknown as {
          delibNameFree: (b: string, c: unknown) => Promise<{ copy?: string; error?: never }>;
        }
      ).delibNameFree(b64, c),
    [Buffer.from(bytes).toString('base64'), council] as const,
  );
  return { copy: answer.copy ? Buffer.from(answer.copy, 'base64') : undefined, error: answer.error };
}

/** The example workbook (its council's names in 성명), a note and the document's author naming a member. */
async function example(): Promise<{ bytes: Buffer; names: string[] }> {
  const file = path.join(dir, 'example.xlsx');
  await writeStandardWorkbook(file, newestStandard, exampleWorkbook(newestStandard, { rows: 30 }));
  const names = validateWorkbook(
    (await readWorkbookBuffer(fs.readFileSync(file), file)).snapshot,
  ).council.map((c) => String(c.get('name')));
  const zip = await JSZip.loadAsync(fs.readFileSync(file));
  const core = await zip.file('docProps/core.xml')!.async('string');
  zip.file(
    'docProps/core.xml',
    core.replace(/<dc:creator>[^<]*<\/dc:creator>/, `<dc:creator>${names[2]}</dc:creator>`),
  );
  zip.file(
    'xl/comments1.xml',
    `<?xml version="1.0" encoding="UTF-8"?><comments xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><authors><author>${names[0]}</author></authors><commentList><comment ref="A1" authorId="0"><text><r><t>${names[1].slice(0, 1)}</t></r><r><t>${names[1].slice(1)} 확인</t></r></text></comment></commentList></comments>`,
  );
  return {
    bytes: Buffer.from(await zip.generateAsync({ type: 'uint8array', compression: 'DEFLATE' })),
    names,
  };
}

test('the copy made in the browser holds no name, and hashes and validates like the original', async () => {
  const { bytes, names } = await example();
  const { copy, error } = await inBrowser(bytes);
  expect(error).toBeUndefined();
  const zip = await JSZip.loadAsync(copy!);
  for (const [name, entry] of Object.entries(zip.files)) {
    if (entry.dir) continue;
    const text = await entry.async('string');
    for (const n of names) expect({ part: name, has: text.includes(n) }).toEqual({ part: name, has: false });
  }
  expect(await zip.file('docProps/core.xml')!.async('string')).toContain('<dc:creator>위원 03</dc:creator>');
  const original = validateWorkbook((await readWorkbookBuffer(bytes, 'o.xlsx')).snapshot);
  const copied = validateWorkbook((await readWorkbookBuffer(copy!, 'c.xlsx')).snapshot);
  expect(dataNow(copied).facts.hash).toBe(dataNow(original).facts.hash);
  expect(copied.report.findings.map((f) => f.code)).toEqual(original.report.findings.map((f) => f.code));
  fs.writeFileSync(path.join(dir, 'copy.xlsx'), copy!);
  expect((await runVerify(dir, ['copy.xlsx'])).err).toBe('');
});

test('a name the browser cannot rewrite: no copy, the reason in both languages', async () => {
  const { bytes, names } = await example();
  const zip = await JSZip.loadAsync(bytes);
  zip.file('xl/printerSettings/printerSettings1.bin', Buffer.from(`\0${names[4]}\0`, 'utf16le'));
  const { copy, error } = await inBrowser(await zip.generateAsync({ type: 'uint8array' }));
  expect(copy).toBeUndefined();
  expect(error!.ko).toContain('올리지 않습니다');
  expect(error!.en).toContain('xl/printerSettings/printerSettings1.bin');
});
