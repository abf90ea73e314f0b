// Workbooks written with exceljs that more than one test reads.
import ExcelJS from 'exceljs';

/** One sheet with every kind of value exceljs writes: numbers, text, dates, formulas, errors … */
export function fillValues(wb: ExcelJS.Workbook): void {
  const ws = wb.addWorksheet('숙의공론장');
  ws.getCell('A1').value = 12;
  ws.getCell('B1').value = '12명';
  ws.getCell('C1').value = true;
  ws.getCell('D1').value = new Date(Date.UTC(2021, 2, 5));
  ws.getCell('D1').numFmt = 'yyyy-mm-dd';
  ws.getCell('E1').value = new Date(Date.UTC(2021, 2, 5, 18, 0, 0));
  ws.getCell('F1').value = { formula: 'A1+1', result: 13 };
  ws.getCell('G1').value = { formula: '1/0', result: { error: '#DIV/0!' } };
  ws.getCell('H1').value = { error: '#REF!' };
  ws.getCell('I1').value = { richText: [{ text: '워킹' }, { font: { bold: true }, text: ' 그룹' }] };
  ws.getCell('J1').value = { text: '시청 누리집', hyperlink: 'https://www.seoul.go.kr' };
  ws.getCell('K1').value = 0.817;
  ws.getCell('K1').numFmt = '0.0%';
  // A shared formula: K3 and K4 reuse K2's with their own row references.
  ws.getCell('A2').value = 1;
  ws.getCell('A3').value = 2;
  ws.getCell('A4').value = 3;
  ws.getCell('K2').value = {
    formula: 'A2*2',
    result: 2,
    shareType: 'shared',
    ref: 'K2:K4',
  } as ExcelJS.CellValue;
  ws.getCell('K3').value = { sharedFormula: 'K2', result: 4 } as ExcelJS.CellValue;
  ws.getCell('K4').value = { sharedFormula: 'K2', result: 6 } as ExcelJS.CellValue;
  ws.getCell('L1').value = { formula: 'A1-12', result: 0 };
  ws.getCell('M1').value = { formula: 'A1>100', result: false };
  ws.getCell('N1').value = { formula: 'IF(A1=0,1,"")', result: '' };
  ws.getCell('A7').value = '제목';
  ws.mergeCells('A7:C7');
  ws.getCell('B9').value = 'x';
}
