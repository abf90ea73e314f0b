// Writes a standard workbook to .xlsx with exceljs, the way Excel would carry a stamp: a custom XML
// part (customXml/item1.xml + itemProps1.xml), related from the workbook and declared in the
// content types.
import ExcelJS from 'exceljs';
import JSZip from 'jszip';
import type { InitialWorkbook, OfficeStandIn } from '../standins/office-js';
import type { WorkbookSnapshot } from '../../src/engine/snapshot';

export async function xlsxOf(initial: InitialWorkbook): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  for (const s of initial.sheets) {
    const ws = wb.addWorksheet(s.name);
    (s.rows ?? []).forEach((line, r) => {
      (line ?? []).forEach((v, c) => {
        if (v === null || v === undefined || v === '') return;
        const cell = ws.getCell(r + 1, c + 1);
        if (typeof v === 'string' && v.startsWith('='))
          cell.value = { formula: v.slice(1) } as ExcelJS.CellFormulaValue;
        else cell.value = v as ExcelJS.CellValue;
      });
    });
  }
  return Buffer.from(await wb.xlsx.writeBuffer());
}

export async function withCustomXmlPart(xlsx: Buffer, xml: string): Promise<Buffer> {
  const zip = await JSZip.loadAsync(xlsx);
  const id = '{6E3C1A52-7D8B-4C2B-9E55-0C4F3A1B2D77}';
  zip.file('customXml/item1.xml', xml);
  zip.file(
    'customXml/itemProps1.xml',
    `<?xml version="1.0" encoding="UTF-8" standalone="no"?>\n<ds:datastoreItem ds:itemID="${id}" xmlns:ds="http://schemas.openxmlformats.org/officeDocument/2006/customXml"><ds:schemaRefs/></ds:datastoreItem>`,
  );
  zip.file(
    'customXml/_rels/item1.xml.rels',
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/customXmlProps" Target="itemProps1.xml"/></Relationships>',
  );
  const relsPath = 'xl/_rels/workbook.xml.rels';
  const rels = await zip.file(relsPath)!.async('string');
  zip.file(
    relsPath,
    rels.replace(
      '</Relationships>',
      '<Relationship Id="rIdStamp1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/customXml" Target="../customXml/item1.xml"/></Relationships>',
    ),
  );
  const types = await zip.file('[Content_Types].xml')!.async('string');
  zip.file(
    '[Content_Types].xml',
    types.replace(
      '</Types>',
      '<Override PartName="/customXml/itemProps1.xml" ContentType="application/vnd.openxmlformats-officedocument.customXmlProperties+xml"/></Types>',
    ),
  );
  return Buffer.from(await zip.generateAsync({ type: 'uint8array' }));
}

const CUSTOM_PROPERTIES_TYPE =
  'http://schemas.openxmlformats.org/officeDocument/2006/relationships/custom-properties';

/** docProps/custom.xml with string properties, related from the package and declared. */
export async function withCustomProperties(
  xlsx: Buffer,
  properties: Record<string, unknown>,
): Promise<Buffer> {
  const zip = await JSZip.loadAsync(xlsx);
  const esc = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/"/g, '&quot;');
  const items = Object.entries(properties)
    .map(
      ([name, value], i) =>
        `<property fmtid="{D5CDD505-2E9C-101B-9397-08002B2CF9AE}" pid="${i + 2}" name="${esc(name)}"><vt:lpwstr>${esc(String(value))}</vt:lpwstr></property>`,
    )
    .join('');
  zip.file(
    'docProps/custom.xml',
    `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Properties xmlns="http://schemas.openxmlformats.org/officeDocument/2006/custom-properties" xmlns:vt="http://schemas.openxmlformats.org/officeDocument/2006/docPropsVTypes">${items}</Properties>`,
  );
  const rels = await zip.file('_rels/.rels')!.async('string');
  zip.file(
    '_rels/.rels',
    rels.replace(
      '</Relationships>',
      `<Relationship Id="rIdCustom1" Type="${CUSTOM_PROPERTIES_TYPE}" Target="docProps/custom.xml"/></Relationships>`,
    ),
  );
  const types = await zip.file('[Content_Types].xml')!.async('string');
  zip.file(
    '[Content_Types].xml',
    types.replace(
      '</Types>',
      '<Override PartName="/docProps/custom.xml" ContentType="application/vnd.openxmlformats-officedocument.custom-properties+xml"/></Types>',
    ),
  );
  return Buffer.from(await zip.generateAsync({ type: 'uint8array' }));
}

const VISIBILITY = { Visible: 'visible', Hidden: 'hidden', VeryHidden: 'veryHidden' } as const;

/**
 * The stand-in's workbook saved as Excel would save it: every sheet's cells (formulas with their
 * results, number formats), visibility, the custom XML parts and the custom document properties.
 */
export async function xlsxOfStandIn(standin: OfficeStandIn): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  for (const s of standin.model.sheets) {
    const ws = wb.addWorksheet(s.name);
    ws.state = VISIBILITY[s.visibility];
    for (const [r, cols] of s.rows)
      for (const [c, cell] of cols) {
        const target = ws.getCell(r + 1, c + 1);
        if (cell.formula)
          target.value = {
            formula: cell.formula.slice(1),
            result: (cell.error ? { error: cell.error } : cell.value) ?? undefined,
          } as ExcelJS.CellFormulaValue;
        else if (cell.error) target.value = { error: cell.error } as ExcelJS.CellErrorValue;
        else if (cell.value !== null) target.value = cell.value;
        if (cell.numberFormat) target.numFmt = cell.numberFormat;
      }
  }
  let xlsx: Buffer = Buffer.from(await wb.xlsx.writeBuffer());
  for (const part of standin.model.customXmlParts) xlsx = await withCustomXmlPart(xlsx, part.xml);
  const properties = Object.fromEntries([...standin.model.customProperties].map(([k, v]) => [k, v.value]));
  return Object.keys(properties).length ? withCustomProperties(xlsx, properties) : xlsx;
}

/** A snapshot's cells (values, formulas) as an .xlsx. */
export function xlsxOfSnapshot(snapshot: WorkbookSnapshot): Promise<Buffer> {
  return xlsxOf({
    sheets: snapshot.sheets.map((sheet) => ({
      name: sheet.name,
      rows: sheet.rows.map((r) => r.map((c) => c?.formula ?? c?.value ?? null)),
    })),
  });
}
