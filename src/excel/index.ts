// The only folder that talks to Office.js. The pane gets a LiveSession from here.
export { ExcelLiveSession, createLiveSession, USER_NAME_KEY, type SessionOptions } from './session';
export { documentSettings, memorySettings, type DocumentSettings } from './settings';
export {
  BASELINE_EXCEL_API,
  checkHost,
  defaultRunner,
  supports,
  type ExcelRunner,
  type HostCapabilities,
  type HostInfo,
} from './host';
export { HIGHLIGHT_COLOURS } from './highlights';
export { writeDesk, isConsolidationWorkbook, DESK_WRITTEN_KEY, type DeskWriteResult } from './desk';
