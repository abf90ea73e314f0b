// Finding the standard's sheets and tables in a workbook (standard §1), for the engine's callers.
export { findSheet, pickSheet, sheetsMatching } from './sheets';
export { locateTable, type TableLayout } from './rules/headers';
export { cellText } from './snapshot';
