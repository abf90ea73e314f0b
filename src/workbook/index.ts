// The standard workbook's layout (pure data) for the two writers: src/xlsx/write.ts and src/excel.
export * from './layout';
export * from './summary-sheet';
