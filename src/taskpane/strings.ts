// Every string the pane itself shows, in Korean and English. Finding messages are not here: they
// come with the findings, from the standard.
import type { Text } from '../standard/types';
import type { Severity } from '../standard/types';

const t = (ko: string, en: string): Text => ({ ko, en });

export const strings = {
  title: t('숙의공론 통합시트 검증', 'Forum workbook check'),
  noHostTitle: t('Excel에서 열어 주세요', 'Please open this in Excel'),
  noHostBody: t(
    '이 작업창은 Excel 추가 기능입니다. Excel의 [숙의공론] 탭에서 [검증 작업창]을 눌러 여세요. 브라우저에서 바로 열면 통합시트를 읽을 수 없습니다.',
    'This pane is an Excel add-in. Open it from the Forums tab in Excel (Open pane). Opened directly in a browser it cannot read the workbook.',
  ),
  noHostPreview: t(
    'Excel 없이 둘러보려면 개발용 미리보기(npm start)를 쓰세요.',
    'To try it without Excel, use the development preview (npm start).',
  ),
  status: {
    starting: t('시작하는 중…', 'Starting…'),
    'no-host': t('Excel 밖에서 열렸습니다.', 'Opened outside Excel.'),
    reading: t('통합시트를 읽는 중…', 'Reading the workbook…'),
    ready: t('검증 완료', 'Checked'),
    error: t('문제가 생겼습니다', 'Something went wrong'),
  },
  statusSummary: (rows: string, errors: string, warnings: string): Text =>
    t(
      `${rows}행 · 오류 ${errors} · 경고 ${warnings}`,
      `${rows} ${rows === '1' ? 'row' : 'rows'} · ${errors} ${errors === '1' ? 'error' : 'errors'} · ${warnings} ${warnings === '1' ? 'warning' : 'warnings'}`,
    ),
  passTime: (ms: string): Text => t(`${ms}ms`, `${ms} ms`),
  actions: t('작업', 'Actions'),
  validateNow: t('지금 검증', 'Validate now'),
  insertSheets: t('표준 시트 넣기', 'Insert standard sheets'),
  insertSheetsHint: t(
    '없는 시트와 머리글, 목록, 서식, 요약 수식을 넣거나 고칩니다. 입력된 자료는 건드리지 않습니다.',
    'Adds or repairs missing sheets, headers, lists, formats and summary formulas. Data already typed is left as is.',
  ),
  upgrade: {
    title: (from: string): Text =>
      t(`이 통합시트는 표준 ${from} 양식입니다`, `This workbook follows standard ${from}`),
    body: (to: string): Text =>
      t(
        `입력한 값을 그대로 둔 채 표준 ${to} 양식으로 올릴 수 있습니다.`,
        `It can be upgraded to standard ${to}, keeping everything typed in it.`,
      ),
    button: (to: string): Text => t(`표준 ${to}로 올리기`, `Upgrade to ${to}`),
    confirmTitle: (to: string): Text => t(`표준 ${to}로 올릴까요?`, `Upgrade to standard ${to}?`),
    columns: (columns: string, after: string | null): Text =>
      after
        ? t(
            `숙의공론장의 '${after}' 열 뒤에 ${columns} 열을 넣습니다.`,
            `Adds the columns ${columns} after '${after}'.`,
          )
        : t(`숙의공론장에 ${columns} 열을 넣습니다.`, `Adds the columns ${columns}.`),
    list: (column: string, values: string): Text =>
      t(`'${column}' 목록에 ${values}을(를) 더합니다.`, `Adds ${values} to the '${column}' list.`),
    keeps: (to: string): Text =>
      t(
        `입력한 값, 수식, 서식과 직접 추가한 열은 그대로 둡니다. 표준버전은 ${to}이(가) 되고, 검증 완료 표시는 다시 해야 합니다.`,
        `Every value, formula and format, and every column you added, stays. 표준버전 becomes ${to}; mark the workbook as validated again afterwards.`,
      ),
    undo: t(
      'Excel에서 되돌리기(Ctrl+Z)로 취소되지 않을 수 있으니, 필요하면 먼저 사본을 저장하세요.',
      'Excel may not be able to undo this: save a copy first if you want one.',
    ),
    confirm: t('올리기', 'Upgrade'),
    cancel: t('취소', 'Cancel'),
    running: t('표준버전 올리기', 'Upgrade the standard version'),
  },
  findings: t('검증 결과', 'Findings'),
  noFindings: t('문제가 없습니다.', 'No problems found.'),
  noMatches: t('필터에 맞는 항목이 없습니다.', 'Nothing matches the filter.'),
  severity: {
    error: t('오류', 'Errors'),
    warning: t('경고', 'Warnings'),
    info: t('참고', 'Notes'),
  } satisfies Record<Severity, Text>,
  severityHint: {
    error: t('제출 전에 고쳐야 합니다', 'must be fixed before submitting'),
    warning: t('확인하세요', 'please check'),
    info: t('참고용', 'for information'),
  } satisfies Record<Severity, Text>,
  filterLabel: t('결과 거르기', 'Filter findings'),
  filterPlaceholder: t(
    '열, 셀, 값, 내용으로 찾기 (Enter: 첫 항목으로 이동)',
    'Column, cell, value or text (Enter: go to first)',
  ),
  filterCount: (shown: string, total: string): Text => t(`${total}건 중 ${shown}건`, `${shown} of ${total}`),
  rowLabel: (sheet: string, row: number): Text => t(`${sheet} ${row}행`, `${sheet} row ${row}`),
  sheetLevel: (sheet: string): Text => t(`${sheet} 시트 전체`, `${sheet} (whole sheet)`),
  workbookLevel: t('통합시트 전체', 'Whole workbook'),
  goToCell: (cell: string): Text => t(`${cell} 셀로 이동`, `Go to cell ${cell}`),
  fix: (value: string): Text => t(`'${value}'(으)로 고치기`, `Change to '${value}'`),
  fixAria: (cell: string, value: string): Text =>
    t(`${cell} 셀을 '${value}'(으)로 고치기`, `Change cell ${cell} to '${value}'`),
  showMore: (n: string): Text => t(`${n}개 행 더 보기`, `Show ${n} more rows`),
  findingsCount: (n: string): Text => t(`${n}건`, `${n}`),
  metrics: t('참석율과 집계', 'Attendance and totals'),
  overall: t('종합', 'Overall'),
  groupColumn: t('구분', 'Group'),
  chartAria: (title: string, items: string): Text =>
    t(`${title} 막대그래프: ${items}`, `${title} bar chart: ${items}`),
  noForums: t('아직 입력된 숙의공론장 행이 없습니다.', 'No forum rows yet.'),
  tableScroll: (name: string): Text => t(`${name} 표 (가로로 스크롤)`, `${name} table (scrolls sideways)`),
  stamp: t('검증 완료 표시', 'Validation stamp'),
  stampAbsent: t('검증 완료 표시가 없습니다.', 'This workbook has no validation stamp.'),
  stampValid: t('검증 완료 후 바뀐 자료가 없습니다.', 'Unchanged since it was validated.'),
  stampChanged: (rows: string): Text =>
    t(
      `검증 완료 후 ${rows}곳(행, 기본정보, 요약 등)이 바뀌었습니다. 다시 검증하고 표시하세요.`,
      `${rows} part(s) (rows, 기본정보, 요약 …) changed since it was validated. Check and mark it again.`,
    ),
  stampInvalid: t(
    '검증 표시가 지금 데이터를 보증하지 않습니다.',
    'The stamp does not vouch for the data as it is now.',
  ),
  stampDamaged: t('검증 표시가 손상되어 읽을 수 없습니다.', 'The validation stamp is damaged.'),
  /** The stamp's own words, shown as what they are: claims anyone could have written. */
  stampDetails: (at: string, by: string, standard: string): Text =>
    t(
      `검증 표시의 주장: ${at} · ${by} · 표준 ${standard}`,
      `The stamp says: ${at} · ${by} · standard ${standard}`,
    ),
  stampData: (rows: string, errors: string, warnings: string): Text =>
    t(
      `지금 데이터: ${rows}행 · 오류 ${errors} · 경고 ${warnings}`,
      `The data now: ${rows} rows · ${errors} errors · ${warnings} warnings`,
    ),
  review: t('서울시 제출 기록 확인', 'Check with the city'),
  reviewIntro: t(
    '검증 표시는 누구나 다시 계산할 수 있어, 누가 언제 제출했는지는 말해 주지 않습니다. 서울시 SharePoint의 제출 기록에서 지금 데이터를 찾습니다(로그인 필요, 읽기만 함).',
    'Anyone can recompute a stamp, so it cannot say who submitted this data or when. This looks the data up in the city’s SharePoint records (sign-in needed; read-only).',
  ),
  reviewCheck: t('서울시 기록에서 찾기', 'Look it up in the city’s records'),
  reviewChecking: t('서울시 기록을 찾는 중…', 'Looking it up…'),
  reviewUnavailable: t(
    '제출 설정이 없어 서울시 기록을 확인할 수 없습니다.',
    'Checking with the city is not configured here.',
  ),
  reviewStale: t(
    '확인한 뒤 데이터가 바뀌었습니다. 다시 확인하세요.',
    'The data changed since this check; look it up again.',
  ),
  reviewFailed: (detail: string): Text =>
    t(`서울시 기록을 확인하지 못했습니다: ${detail}`, `Could not check with the city: ${detail}`),
  markValidated: t('검증 완료 표시', 'Mark as validated'),
  markBlockedErrors: (n: string): Text =>
    t(
      `오류 ${n}건을 먼저 고쳐야 표시할 수 있습니다.`,
      n === '1'
        ? 'Fix the error first; then it can be marked.'
        : `Fix the ${n} errors first; then it can be marked.`,
    ),
  markBlockedPending: t('검증이 끝나야 표시할 수 있습니다.', 'Wait until the check has finished.'),
  markReady: t(
    '오류가 없습니다. 지금 상태를 검증 완료로 표시할 수 있습니다.',
    'No errors: the workbook can be marked as validated now.',
  ),
  intentFailed: (what: Text): Text =>
    t(
      `'${what.ko}'을(를) 하지 못했습니다. 다시 시도해 주세요.`,
      `'${what.en}' did not complete. Please try again.`,
    ),
  paneCrashed: t(
    '작업창을 표시하지 못했습니다. 작업창을 닫았다가 다시 열어 주세요. 통합시트의 자료는 그대로입니다.',
    'The pane could not be shown. Close and reopen it; the workbook data is untouched.',
  ),
  sessionFailed: t(
    '통합시트에 연결하지 못했습니다. 작업창을 닫았다가 다시 열어 주세요.',
    'Could not connect to the workbook. Close and reopen the pane.',
  ),
  dismiss: t('닫기', 'Dismiss'),
  openDesk: t('시 집계 열기 (서울시 담당자)', 'Open the city desk (city officers)'),
} as const;
