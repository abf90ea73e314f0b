// The city desk's sheets (src/workbook/desk.ts) as an .xlsx file for `delib status|databook|composition
// --format xlsx`: the same cells, formulas (총계, 평균, 증감 stay Excel formulas), number formats, links
// and conditional formats as the consolidation workbook the add-in writes in Excel — without the
// chart, which the .xlsx writer cannot draw. Excel computes the formulas when the file opens.
import ExcelJS from 'exceljs';
import type { DeskSheet } from '../workbook/desk';

const argb = (hex: string) => `FF${hex.replace(/^#/, '').toUpperCase()}`;

export function buildDeskWorkbook(sheets: DeskSheet[]): ExcelJS.Workbook {
  const wb = new ExcelJS.Workbook();
  wb.creator = 'delib';
  wb.calcProperties.fullCalcOnLoad = true;
  for (const s of sheets) {
    const ws = wb.addWorksheet(s.name, {
      views: s.freezeRows ? [{ state: 'frozen', ySplit: s.freezeRows }] : undefined,
    });
    s.cells.forEach((line, r) =>
      line.forEach((v, c) => {
        if (v === '') return;
        const cell = ws.getCell(r + 1, c + 1);
        const format = s.formats[r][c];
        const address = `${ws.getColumn(c + 1).letter}${r + 1}`;
        if (typeof v === 'string' && v.startsWith('=') && format !== '@')
          cell.value = { formula: v.slice(1), result: s.results[address] } as ExcelJS.CellFormulaValue;
        else cell.value = v;
        if (format !== 'General') cell.numFmt = format;
      }),
    );
    for (const row of s.boldRows) ws.getRow(row).font = { bold: true };
    s.widths.forEach((w, i) => (ws.getColumn(i + 1).width = w));
    for (const link of s.links) ws.getCell(link.cell).value = { text: link.text, hyperlink: link.address };
    for (const rule of s.rules)
      ws.addConditionalFormatting({
        ref: rule.range,
        rules: [
          {
            type: 'expression',
            priority: 1,
            formulae: [rule.formula.slice(1)],
            style: { fill: { type: 'pattern', pattern: 'solid', bgColor: { argb: argb(rule.fill) } } },
          },
        ],
      });
  }
  return wb;
}

export async function writeDeskWorkbook(path: string, sheets: DeskSheet[]): Promise<void> {
  await buildDeskWorkbook(sheets).xlsx.writeFile(path);
}
