// The name-free copy (issue 10, item 3): a workbook with council members' names planted in every kind
// of part, uploaded through the Graph stand-in; the uploaded bytes are opened and every part searched
// for every name (UTF-8 text with references resolved, UTF-16, raw bytes). The copy's stamp
// verifies, and its data hashes like the original's, so `verify --sharepoint` matches both.
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import JSZip from 'jszip';
import { ENGINE_VERSION, validateWorkbook, type Validation } from '../../src/engine';
import { dataNow } from '../../src/stamp';
import { councilNamesOf } from '../../src/stamp/copy';
import { buildPlan } from '../../src/submission/plan';
import { runSubmission } from '../../src/submission/runner';
import { NamesRemain, nameFreeCopy, nameFreeWorkbookFile } from '../../src/xlsx/name-free';
import { XlsxReadError, readWorkbookBuffer } from '../../src/xlsx/read';
import * as hostile from '../support/hostile-xlsx';
import { COUNCIL, FORUMS, forumCell, forumRow, workbook } from '../excel/fixtures';
import { boot } from '../excel/helpers';
import { xlsxOfStandIn } from '../stamp/xlsx-fixture';
import { runVerify } from '../stamp/run-verify';
import { memoryStore, startHarness, type Harness } from './harness';

const dir = mkdtempSync(path.join(tmpdir(), 'delib-names-'));
/** The fixture's council: 위원1 … 위원10. */
const NAMES = Array.from({ length: 10 }, (_, i) => `위원${i + 1}`);
const MEMO = '위원3 메모';

/**
 * Stamped in the pane with names where a district puts them (작성자 and the stamp's `by` a member,
 * a 비고 and a sheet named after members, a formula referring to that sheet), then names planted
 * in every other kind of part a workbook can hold, none of which changes the data.
 */
async function namedWorkbook(): Promise<Buffer> {
  const initial = workbook(8, { summary: true });
  initial.sheets.push({ name: MEMO, rows: [['위원3 의견: 위원10 동의']] });
  const { session, standin } = await boot(initial, {
    now: () => new Date('2021-12-31T09:00:00Z'),
    userName: '위원3',
  });
  standin.user.setValues('기본정보', 'B6', [['위원4']]);
  standin.user.setValues(FORUMS, forumCell('note', 1), [['위원7 발표']]);
  standin.user.setValues(FORUMS, `P${forumRow(2)}`, [[`='${MEMO}'!A1`]]);
  await session.markValidated();
  expect(session.getState().stamp.status).toBe('valid');
  await session.dispose();
  const saved = await xlsxOfStandIn(standin);
  standin.uninstall();
  return plant(saved);
}

async function plant(xlsx: Buffer): Promise<Buffer> {
  const zip = await JSZip.loadAsync(xlsx);
  const edit = async (name: string, change: (s: string) => string) =>
    zip.file(name, change(await zip.file(name)!.async('string')));
  // Rich text: the 비고 '위원7 발표' as two runs that split the name.
  await edit('xl/sharedStrings.xml', (s) =>
    s.replace(
      /<si><t[^>]*>위원7 발표<\/t><\/si>/,
      '<si><r><t>위원</t></r><r><rPr><b/></rPr><t xml:space="preserve">7 발표</t></r></si>',
    ),
  );
  // An inline string (what some tools write instead of shared strings) naming a member in the council sheet.
  const sheets = await zip.file('xl/workbook.xml')!.async('string');
  const councilIndex =
    [...sheets.matchAll(/<sheet [^>]*name="([^"]+)"/g)].findIndex((m) => m[1] === COUNCIL) + 1;
  await edit(`xl/worksheets/sheet${councilIndex}.xml`, (s) =>
    s
      .replace(
        /<c r="B5"([^>]*?) t="s"><v>\d+<\/v><\/c>/,
        '<c r="B5"$1 t="inlineStr"><is><t>위원1</t></is></c>',
      )
      .replace(
        '</worksheet>',
        '<headerFooter><oddHeader>&amp;L작성: 위원2</oddHeader><oddFooter>&amp;R&#50948;&#50896;5 확인</oddFooter></headerFooter></worksheet>',
      ),
  );
  // A defined name named after a member, referring to the member's sheet.
  await edit('xl/workbook.xml', (s) =>
    s.replace(
      '</sheets>',
      `</sheets><definedNames><definedName name="위원6">'${MEMO}'!$A$1</definedName></definedNames>`,
    ),
  );
  // Notes (legacy comments): the author and a text split over runs.
  zip.file(
    'xl/comments1.xml',
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?><comments xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><authors><author>위원8</author></authors><commentList><comment ref="A1" authorId="0"><text><r><t>위원</t></r><r><t>9 님 확인 필요</t></r></text></comment></commentList></comments>',
  );
  // Threaded comments and their people.
  zip.file(
    'xl/threadedComments/threadedComment1.xml',
    '<?xml version="1.0" encoding="UTF-8"?><ThreadedComments xmlns="http://schemas.microsoft.com/office/spreadsheetml/2018/threadedcomments"><threadedComment ref="A1" id="{1}" personId="{2}"><text>위원10 의견 반영</text></threadedComment></ThreadedComments>',
  );
  zip.file(
    'xl/persons/person.xml',
    '<?xml version="1.0" encoding="UTF-8"?><personList xmlns="http://schemas.microsoft.com/office/spreadsheetml/2018/threadedcomments"><person displayName="위원2" id="{2}" userId="위원2@example.kr" providerId="None"/></personList>',
  );
  // A drawing's text box, the name split over runs.
  zip.file(
    'xl/drawings/drawing1.xml',
    '<?xml version="1.0" encoding="UTF-8"?><xdr:wsDr xmlns:xdr="http://schemas.openxmlformats.org/drawingml/2006/spreadsheetDrawing" xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main"><xdr:sp><xdr:nvSpPr><xdr:cNvPr id="2" name="위원4 상자" descr="위원4"/></xdr:nvSpPr><xdr:txBody><a:p><a:r><a:t>위</a:t></a:r><a:r><a:t>원4</a:t></a:r></a:p></xdr:txBody></xdr:sp></xdr:wsDr>',
  );
  // Document properties: core (creator, last modified by), app (manager), custom.
  await edit('docProps/core.xml', (s) =>
    s
      .replace(/<dc:creator>[^<]*<\/dc:creator>/, '<dc:creator>위원5</dc:creator>')
      .replace(
        /<cp:lastModifiedBy>[^<]*<\/cp:lastModifiedBy>/,
        '<cp:lastModifiedBy>위원6</cp:lastModifiedBy>',
      ),
  );
  await edit('docProps/app.xml', (s) => s.replace('</Properties>', '<Manager>위원7</Manager></Properties>'));
  await edit('docProps/custom.xml', (s) =>
    s.replace(
      '</Properties>',
      '<property fmtid="{D5CDD505-2E9C-101B-9397-08002B2CF9AE}" pid="20" name="검토 위원8"><vt:lpwstr>위원9</vt:lpwstr></property></Properties>',
    ),
  );
  return Buffer.from(await zip.generateAsync({ type: 'uint8array', compression: 'DEFLATE' }));
}

/** Every name found in any part, in any encoding, as `part: name`. */
async function namesIn(bytes: Uint8Array): Promise<string[]> {
  const zip = await JSZip.loadAsync(bytes);
  const found: string[] = [];
  for (const [name, entry] of Object.entries(zip.files)) {
    if (entry.dir) continue;
    const raw = Buffer.from(await entry.async('uint8array'));
    const decoded = raw
      .toString('utf8')
      .replace(/&#x([0-9a-f]+);/gi, (_, h: string) => String.fromCodePoint(parseInt(h, 16)))
      .replace(/&#(\d+);/g, (_, d: string) => String.fromCodePoint(Number(d)));
    const texts = [decoded, raw.toString('utf16le'), name];
    // The plain text of runs, as a reader joins them.
    texts.push(decoded.replace(/<[^>]*>/g, ''));
    for (const n of NAMES)
      if (texts.some((t) => new RegExp(`${n}(?!\\d)`).test(t))) found.push(`${name}: ${n}`);
  }
  return found;
}

async function validationOf(bytes: Uint8Array): Promise<Validation> {
  return validateWorkbook((await readWorkbookBuffer(bytes, 'w.xlsx')).snapshot);
}

async function verifyExit(bytes: Uint8Array, name: string): Promise<{ code: number; out: string }> {
  writeFileSync(path.join(dir, name), bytes);
  return runVerify(dir, [name, '--lang', 'en']);
}

describe('the name-free copy', () => {
  let original: Buffer;
  let validation: Validation;
  beforeAll(async () => {
    original = await namedWorkbook();
    validation = await validationOf(original);
  });

  it('the planted workbook is still a valid stamped workbook, with names everywhere', async () => {
    expect((await verifyExit(original, 'original.xlsx')).code).toBe(0);
    const found = await namesIn(original);
    for (const part of [
      'xl/sharedStrings.xml',
      'xl/comments1.xml',
      'xl/threadedComments/threadedComment1.xml',
      'xl/persons/person.xml',
      'xl/drawings/drawing1.xml',
      'docProps/core.xml',
      'docProps/app.xml',
      'docProps/custom.xml',
      'xl/workbook.xml',
      'customXml/item1.xml',
    ])
      expect(found.some((f) => f.startsWith(`${part}:`))).toBe(true);
    // The inline string and the header and footer (one written with character references) are there.
    const zip = await JSZip.loadAsync(original);
    const council = await zip
      .file(/worksheets\/sheet\d\.xml/)
      .map((f) => f.async('string'))
      .reduce(async (a, b) => ((await b).includes('&amp;L작성') ? b : a));
    expect(council).toContain('t="inlineStr"><is><t>위원1</t></is>');
    expect(council).toContain('&#50948;&#50896;5');
  });

  it('holds no name in any part, verifies, and hashes like the original', async () => {
    const copy = await nameFreeCopy(original, councilNamesOf(validation));
    expect(await namesIn(copy)).toEqual([]);
    const verified = await verifyExit(copy, 'copy.xlsx');
    expect(verified.out).toContain('valid — unchanged since validation, no errors');
    expect(verified.code).toBe(0);
    const copied = await validationOf(copy);
    expect(dataNow(copied).facts.hash).toBe(dataNow(validation).facts.hash);
    expect(copied.council.map((c) => c.get('name'))).toEqual(
      NAMES.map((_, i) => `위원 ${String(i + 1).padStart(2, '0')}`),
    );
    // The data as people read it: the mentions became stand-ins, nothing else changed.
    expect(copied.report.info.author).toBe('위원 04');
    expect(copied.forums[1].get('note')).toBe('위원 07 발표');
    const zip = await JSZip.loadAsync(copy);
    expect(await zip.file('xl/workbook.xml')!.async('string')).toContain(
      '<definedName name="위원_06">\'위원_03 메모\'!$A$1',
    );
    expect(await zip.file('xl/workbook.xml')!.async('string')).toContain('name="위원_03 메모"');
  });

  it('is what the submission uploads: the bytes the Graph stand-in stored hold no name', async () => {
    const harness: Harness = await startHarness();
    try {
      const plan = buildPlan(validation, { engine: ENGINE_VERSION });
      const outcome = await runSubmission({
        plan,
        target: harness.graph.target,
        store: memoryStore(),
        file: nameFreeWorkbookFile(
          { name: 'w.xlsx', bytes: async () => original },
          councilNamesOf(validation),
        ),
        signal: new AbortController().signal,
      });
      expect(outcome.ok).toBe(true);
      const [stored] = harness.standIn.sites()[0].files;
      const bytes = harness.standIn.fileContent(stored.id)!;
      expect(await namesIn(bytes)).toEqual([]);
      expect(dataNow(await validationOf(bytes)).facts.hash).toBe(plan.stampHash);
    } finally {
      await harness.close();
    }
  });
});

describe('refused when a name survives where it cannot be rewritten', () => {
  const refused = async (add: (zip: JSZip) => void) => {
    const zip = await JSZip.loadAsync(await namedWorkbook());
    add(zip);
    const bytes = Buffer.from(await zip.generateAsync({ type: 'uint8array' }));
    const v = await validationOf(bytes);
    return nameFreeCopy(bytes, councilNamesOf(v)).then(
      () => null,
      (e: unknown) => e,
    );
  };

  it('a binary part holding a name (UTF-16)', async () => {
    const e = await refused((z) =>
      z.file('xl/printerSettings/printerSettings1.bin', Buffer.from('\0\0위원2\0', 'utf16le')),
    );
    expect(e).toBeInstanceOf(NamesRemain);
    expect((e as NamesRemain).parts).toEqual(['xl/printerSettings/printerSettings1.bin']);
    expect((e as NamesRemain).ko).toContain('올리지 않습니다');
    expect((e as NamesRemain).en).toContain('not uploaded');
    // The message names the part, never the name.
    expect((e as NamesRemain).en).not.toMatch(/위원\d/);
  });

  it('an embedded workbook, which cannot even be searched', async () => {
    const inner = await new JSZip()
      .file('a.xml', '<a>위원1</a>')
      .generateAsync({ type: 'uint8array', compression: 'DEFLATE' });
    const e = await refused((z) => z.file('xl/embeddings/Microsoft_Excel_Worksheet.xlsx', inner));
    expect((e as NamesRemain).parts).toEqual(['xl/embeddings/Microsoft_Excel_Worksheet.xlsx']);
  });

  it('a part named after a member', async () => {
    const e = await refused((z) => z.file('xl/media/위원5.png', Buffer.from([0x89, 0x50, 0x4e, 0x47])));
    // Named by the member's stand-in: the message never holds a name.
    expect((e as NamesRemain).parts).toEqual(['xl/media/위원 05.png']);
  });

  it('a submission stops before sending anything, with the reason in both languages', async () => {
    const zip = await JSZip.loadAsync(await namedWorkbook());
    zip.file('xl/printerSettings/printerSettings1.bin', Buffer.from('위원2', 'utf16le'));
    const bytes = Buffer.from(await zip.generateAsync({ type: 'uint8array' }));
    const v = await validationOf(bytes);
    const harness = await startHarness();
    try {
      const outcome = await runSubmission({
        plan: buildPlan(v, { engine: ENGINE_VERSION }),
        target: harness.graph.target,
        store: memoryStore(),
        file: nameFreeWorkbookFile({ name: 'w.xlsx', bytes: async () => bytes }, councilNamesOf(v)),
        signal: new AbortController().signal,
      });
      expect(outcome.ok).toBe(false);
      if (outcome.ok) return;
      expect(outcome.problem.ko).toContain('성명');
      expect(outcome.problem.en).toContain('is not uploaded');
      expect(harness.standIn.sites()[0].files).toHaveLength(0);
    } finally {
      await harness.close();
    }
  });
});

describe('a hostile file is refused within the reader’s limits, with one bilingual line', () => {
  const tmp = mkdtempSync(path.join(tmpdir(), 'delib-names-hostile-'));
  const attempt = async (make: (file: string) => unknown) => {
    const file = path.join(tmp, `h${Math.random().toString(36).slice(2)}.xlsx`);
    await make(file);
    const bytes = new Uint8Array(readFileSync(file));
    // The council as the engine read it from the clean example (the file itself may not be readable).
    const clean = path.join(tmp, 'clean.xlsx');
    await hostile.exampleXlsx(clean);
    const council = councilNamesOf(await validationOf(readFileSync(clean)));
    const started = performance.now();
    const error = await nameFreeCopy(bytes, council, 'h.xlsx').then(
      () => null,
      (e: unknown) => e as XlsxReadError,
    );
    return { error, ms: performance.now() - started };
  };

  it('a 1.5 GB media entry (a 150 KB file) is refused before anything is inflated', async () => {
    const { error, ms } = await attempt((f) => hostile.unusedEntries(f, 1, 1.5e9));
    expect(error).toBeInstanceOf(XlsxReadError);
    expect(error!.en).toMatch(/the part xl\/media\/image1\.png exceeds 200 MB \(1\.5 GB\)/);
    expect(error!.ko).toContain('200MB');
    expect(ms).toBeLessThan(2_000);
  });

  it('an entry that inflates beyond what it declares stops there: corrupt', async () => {
    const { error } = await attempt((f) => hostile.unusedEntries(f, 1, 300e6, 1000));
    expect(error).toBeInstanceOf(XlsxReadError);
    expect(error!.kind).toBe('corrupt');
  });

  it('a directory that miscounts its entries: corrupt', async () => {
    const { error } = await attempt((f) => hostile.miscountedDirectory(f));
    expect(error?.kind).toBe('corrupt');
  });
});
