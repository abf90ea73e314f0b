// Writes a standard workbook to .xlsx with exceljs, the way Excel would carry a stamp: a custom XML
// part (customXml/item1.xml + itemProps1.xml), related from the workbook and declared in the
// content types.
import ExcelJS from 'exceljs';
import JSZip from 'jszip';
import type { InitialWorkbook } from '../standins/office-js';

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
