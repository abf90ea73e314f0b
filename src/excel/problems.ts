// Messages the session shows in the pane when something goes wrong, in Korean and English. Excel's
// own error codes are mapped to words a district officer can act on; nothing here throws.
import type { Text } from '../standard/types';
import { BilingualError } from '../bilingual';

export const problems = {
  noHost: {
    ko: '이 화면은 Excel에서 열어야 합니다. Excel의 [홈] › [추가 기능]에서 숙의공론 검증을 여세요.',
    en: 'This pane must be opened in Excel: Home › Add-ins › Deliberative forum check.',
  },
  stampRefused: (errors: number): Text => ({
    ko: `오류가 ${errors}건 있어 검증 완료로 표시할 수 없습니다. 오류를 먼저 고치세요.`,
    en: `The workbook has ${errors} error${errors === 1 ? '' : 's'}; fix ${errors === 1 ? 'it' : 'them'} before marking it as validated.`,
  }),
};

const byCode: Record<string, Text> = {
  ItemNotFound: {
    ko: '시트나 셀을 찾을 수 없습니다. 시트가 삭제되었거나 이름이 바뀌었을 수 있습니다. [지금 검증]을 누르세요.',
    en: 'A sheet or cell was not found; it may have been deleted or renamed. Press Validate now.',
  },
  InvalidOperation: {
    ko: 'Excel이 작업을 거부했습니다. 셀을 편집 중이면 편집을 끝내고 다시 시도하세요.',
    en: 'Excel refused the operation. If a cell is being edited, finish editing and try again.',
  },
  AccessDenied: {
    ko: '통합문서가 보호되어 있거나 읽기 전용입니다. 보호를 해제한 뒤 다시 시도하세요.',
    en: 'The workbook is protected or read-only. Unprotect it and try again.',
  },
  RequestPayloadSizeLimitExceeded: {
    ko: '한 번에 주고받을 데이터가 너무 큽니다. 잠시 뒤 [지금 검증]을 누르세요.',
    en: 'Too much data for one request. Wait a moment and press Validate now.',
  },
  ResponsePayloadSizeLimitExceeded: {
    ko: '한 번에 주고받을 데이터가 너무 큽니다. 잠시 뒤 [지금 검증]을 누르세요.',
    en: 'Too much data for one request. Wait a moment and press Validate now.',
  },
};

/** Any thrown value → a message for the pane (the detail is kept in English for support). */
export function describeProblem(e: unknown): Text {
  // The add-in's own refusals already say what to do, in both languages.
  if (e instanceof BilingualError) return e.text;
  const code = typeof e === 'object' && e !== null ? String((e as { code?: unknown }).code ?? '') : '';
  const known = byCode[code];
  if (known) return known;
  const detail = e instanceof Error ? e.message : String(e);
  return {
    ko: `Excel과 통신하는 중 문제가 생겼습니다. 다시 시도하세요. (${detail})`,
    en: `Something went wrong talking to Excel; please try again. (${detail})`,
  };
}
