// Every string the city desk shows, in Korean and English.
import type { Text } from '../../standard/types';
import type { DeskStatus } from '../../session/desk';

const t = (ko: string, en: string): Text => ({ ko, en });

export const deskStrings = {
  title: t('시 집계', 'City desk'),
  openDistrict: t('자치구 통합시트 검증으로 돌아가기', 'Back to the district workbook checks'),
  intro: t(
    'SharePoint의 제출을 읽어 이 통합문서에 제출현황, 자치구별 현황(총계·평균 수식, 참석율 차트), 협치회의 구성, 연도 비교 시트를 만들거나 새로 고칩니다.',
    'Reads the submissions in SharePoint and makes or refreshes, in this workbook, the sheets 제출현황 (status), 자치구별 현황 (data book with total and mean formulas and a chart of the rates), 협치회의 구성 (council composition) and 연도 비교 (year comparison).',
  ),
  status: {
    starting: t('로그인하고 명부를 읽는 중…', 'Signing in and reading the register…'),
    'not-configured': t('SharePoint 설정이 없습니다', 'SharePoint is not configured'),
    'not-officer': t('서울시 담당자 전용', 'For city officers'),
    ready: t('준비됨', 'Ready'),
    reading: t('SharePoint에서 읽는 중…', 'Reading SharePoint…'),
    writing: t('통합문서에 쓰는 중…', 'Writing the workbook…'),
    conflicts: t('새로 고침을 멈췄습니다', 'Refresh stopped'),
    error: t('문제가 생겼습니다', 'Something went wrong'),
  } satisfies Record<DeskStatus, Text>,
  signedIn: (account: string): Text => t(`로그인: ${account}`, `Signed in as ${account}`),
  notOfficer: (account: string): Text =>
    t(
      `시 집계는 자치구 명부의 서울특별시 행에 있는 서울시 담당자가 씁니다. 로그인한 계정(${account})은 그 행에 없습니다. 명부는 서울협치담당관이 관리합니다.`,
      `The city desk is for the city officers on the register's 서울특별시 row. The signed-in account (${account}) is not on it. The register is kept by the city's governance office.`,
    ),
  notConfigured: t(
    '작업창 옆에 delib.config.json이 없어 SharePoint를 읽을 수 없습니다.',
    'There is no delib.config.json beside the pane, so SharePoint cannot be read.',
  ),
  year: t('연도', 'Year'),
  quarter: t('분기', 'Quarter'),
  compareYear: t('비교 연도', 'Compare with'),
  quarterOption: (q: number): Text => t(`${q}분기`, `Q${q}`),
  yearOption: (y: number): Text => t(`${y}년`, `${y}`),
  refresh: t('집계 통합문서 만들기·새로 고침', 'Make or refresh the workbook'),
  refreshHint: t(
    '새 통합문서(또는 전에 만든 시 집계 통합문서)에서 누르세요. 시 집계가 만든 칸을 누가 고쳤으면 쓰기 전에 멈추고 알려 드립니다.',
    'Use it in a new workbook (or the consolidation workbook made before). If someone changed a cell the desk made, it stops before writing and tells you.',
  ),
  summary: (year: number, quarter: number, due: string): Text =>
    t(`${year}년 ${quarter}분기 (기한 ${due})`, `${year} Q${quarter} (due ${due})`),
  counts: t('상태별 자치구 수', 'Districts by state'),
  stateColumn: t('상태', 'State'),
  countColumn: t('자치구', 'Districts'),
  attention: t('챙길 자치구', 'Districts to follow up'),
  noAttention: t('모든 자치구가 기한 내에 제출했습니다.', 'Every district submitted on time.'),
  dataBook: (n: number, missing: number): Text =>
    t(
      `자치구별 현황: ${n}개 구 집계, 미제출 ${missing}개 구`,
      `Data book: ${n} districts, ${missing} missing`,
    ),
  composition: (met: number, of: number): Text =>
    t(
      `협치회의 구성: ${of}개 구 중 ${met}개 구 기준 충족`,
      `Council composition: ${met} of ${of} meet the rules`,
    ),
  compared: (year: number | null): Text =>
    year === null
      ? t('연도 비교: 비교할 해의 수치가 없습니다', 'Year comparison: no figures for the other year')
      : t(`연도 비교: ${year}년과 비교`, `Year comparison: against ${year}`),
  lastRefresh: (syncs: number, requests: number, seconds: string): Text =>
    t(
      `Excel 동기화 ${syncs}회 · SharePoint 요청 ${requests}회 · ${seconds}초`,
      `${syncs} Excel syncs · ${requests} SharePoint requests · ${seconds} s`,
    ),
  conflictsTitle: (n: number): Text =>
    t(
      `시 집계가 만든 칸 ${n}개를 누가 고쳤거나, 새 표가 채워진 칸을 덮게 됩니다. 아무것도 쓰지 않았습니다.`,
      `${n} cells the desk made were changed, or the new tables would cover filled cells. Nothing was written.`,
    ),
  conflictLine: (sheet: string, cell: string, wrote: string, now: string): Text =>
    t(
      `${sheet}!${cell}: 시 집계 값 '${wrote}' → 지금 '${now}'`,
      `${sheet}!${cell}: the desk wrote '${wrote}', now '${now}'`,
    ),
  overwrite: t('덮어쓰고 새로 고침', 'Overwrite and refresh'),
  keep: t('그대로 두기', 'Keep as is'),
  conflictsHint: t(
    '고친 내용이 필요하면 다른 시트로 옮긴 뒤 새로 고치세요.',
    'If you need what was typed, move it to another sheet first.',
  ),
};
