// The submit panel's words, Korean first.
import type { Text } from '../../standard/types';
import type { SubmitPhase } from '../../submission/types';

const t = (ko: string, en: string): Text => ({ ko, en });

export const submitStrings = {
  heading: t('SharePoint 제출', 'Submit to SharePoint'),
  submit: t('제출', 'Submit'),
  resume: t('이어서 제출', 'Resume submission'),
  cancel: t('취소', 'Cancel'),
  noReport: t('검증이 끝나면 제출할 수 있습니다.', 'You can submit once validation has finished.'),
  hasErrors: t('오류 {n}건을 고친 뒤 제출할 수 있습니다.', 'Fix the {n} error(s) before submitting.'),
  ready: t('행 {n}건을 제출할 준비가 되었습니다.', '{n} row(s) ready to submit.'),
  pending: t(
    '끝나지 않은 제출이 있습니다 ({done}/{total}행). 이어서 제출하면 중복 없이 나머지만 보냅니다.',
    'An unfinished submission exists ({done}/{total} rows). Resuming sends only the rest, never twice.',
  ),
  notConfigured: t(
    '제출 설정이 없습니다. 관리자에게 delib.config.json 배포를 요청하세요.',
    'Submission is not configured. Ask your administrator to deploy delib.config.json.',
  ),
  progress: t('{done}/{total}행 제출됨', '{done}/{total} rows submitted'),
  retries: t('재시도 {n}회', '{n} retries'),
  cancelled: t(
    '제출을 취소했습니다. 다시 제출하면 멈춘 곳에서 이어집니다.',
    'Submission cancelled. Submitting again resumes where it stopped.',
  ),
  failed: t('제출하지 못했습니다', 'Submission failed'),
  receiptTitle: t('제출 완료 (접수증)', 'Submitted (receipt)'),
  receiptId: t('제출 번호', 'Submission id'),
  receiptAt: t('제출 시각', 'Submitted at'),
  receiptBy: t('제출자', 'Submitted by'),
  receiptStatus: t('상태', 'Status'),
  statusCurrent: t('현재 제출', 'Current'),
  statusSuperseded: t('다른 제출로 대체됨', 'Superseded by another submission'),
  receiptSource: t(
    '제출 시각과 제출자는 SharePoint가 기록한 값입니다.',
    'The time and the submitter are as SharePoint recorded them.',
  ),
  receiptRows: t('행 수', 'Rows'),
  receiptHash: t('검증 해시', 'Stamp hash'),
  receiptLink: t('SharePoint에서 보기', 'Open in SharePoint'),
  receiptFile: t('통합시트 파일', 'Workbook file'),
  receiptFileLink: t('파일 열기', 'Open the file'),
  receiptFileNone: t('올리지 않음', 'Not uploaded'),
  receiptLinkRefused: t(
    'SharePoint 주소가 아니어서 링크를 표시하지 않습니다',
    'Not a SharePoint address, so no link is shown',
  ),
  receiptOnBehalf: t('대리 제출', 'On behalf'),
  receiptOnBehalfYes: t('시 담당자가 자치구를 대신해 제출', 'Submitted by a city officer for the district'),
  noUpload: t(
    '이 Excel은 통합시트 파일을 넘겨주지 않으므로 파일은 올리지 않고 행과 지표만 제출합니다.',
    'This Excel cannot hand out the workbook file, so only the rows and figures are submitted (no file upload).',
  ),
  rowProblem: t('{row}행: {message}', 'Row {row}: {message}'),
  progressLabel: t('제출 진행률', 'Submission progress'),
  unexpected: t('예상하지 못한 문제가 생겼습니다: {detail}', 'Something unexpected went wrong: {detail}'),
} as const;

export const phaseStrings: Record<SubmitPhase, Text> = {
  checking: t('검증 확인 중…', 'Checking validation…'),
  schema: t('SharePoint 목록 구조 확인 중…', 'Checking the SharePoint lists…'),
  register: t('자치구 명부에서 제출 권한 확인 중…', 'Checking the district register…'),
  upload: t('통합시트 파일 올리는 중…', 'Uploading the workbook…'),
  rows: t('행 제출 중…', 'Submitting rows…'),
  finalise: t('이전 제출 정리 중…', 'Marking the previous submission superseded…'),
  receipt: t('접수증 기록 중…', 'Writing the receipt…'),
  done: t('완료', 'Done'),
};

export function fill(text: string, values: Record<string, string | number>): string {
  return text.replace(/\{(\w+)\}/g, (m, k: string) => (k in values ? String(values[k]) : m));
}
