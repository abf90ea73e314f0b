// The board and the composition table as rows of cells: what every writer prints.
import { compositionTableOf, statusBoard } from '../../src/city';
import { boardCells, compositionCells } from '../../src/workbook/city-tables';
import { newestStandard } from '../../src/standard';
import { OFFICER, SEOCHO, demoRegister, submission } from './fixtures';

const MAPO = '11440';
const GANGNAM = '11680';
const GANGDONG = '11740';

it('the board: state, quarter, Korea time, creator, link and remarks; districts not due last', () => {
  const subs = [
    submission({ code: MAPO, quarter: 2, at: '2021-07-05T01:00:00Z', by: OFFICER }),
    submission({ code: MAPO, quarter: 1, at: '2021-03-30T01:00:00Z', status: 'superseded' }),
    submission({ code: GANGNAM, quarter: 1, at: '2021-03-30T01:00:00Z', by: 'x@example.com' }),
    submission({ code: SEOCHO, quarter: 1, at: '2021-03-30T01:00:00Z' }),
  ];
  const board = statusBoard({
    submissions: subs,
    register: demoRegister(),
    year: 2021,
    quarter: 1,
    now: new Date('2021-05-01T00:00:00Z'),
  });
  const cells = boardCells(board, newestStandard);
  expect(cells.header).toEqual([
    '자치구',
    '연도',
    '분기',
    '상태',
    '제출 분기',
    '제출 시각',
    '제출자',
    '파일',
    '비고',
  ]);
  const row = (name: string) => cells.rows.find((r) => r[0] === name)!;
  expect(row('마포구')).toEqual([
    '마포구',
    2021,
    '1분기',
    '기한 내 제출',
    '2분기',
    '2021-07-05 10:00',
    OFFICER,
    subs[0].fileUrl,
    '시 대리 제출; 기한 후 수정 제출',
  ]);
  expect(row('강남구').slice(0, 4)).toEqual(['강남구', 2021, '1분기', '확인 필요']);
  expect(row('강남구')[8]).toBe('제출자 x@example.com은(는) 강남구의 제출자 명부에 없습니다');
  expect(row('강동구')).toEqual(['강동구', 2021, '1분기', '미제출', '', '', '', '', '기한 경과']);
  expect(cells.rows.at(-1)).toEqual(['서초구', 2021, '1분기', '제출 대상 아님', '', '', '', '', '']);
  expect(cells.rows).toHaveLength(25);
  const en = boardCells(board, newestStandard, 'en');
  expect(en.header[3]).toBe('State');
  expect(en.rows.find((r) => r[0] === 'Mapo-gu')!.slice(1, 5)).toEqual([2021, 'Q1', 'On time', 'Q2']);
});

it('the composition table: counts, shares as fractions, 충족, 미제출 in place, 총계 with met/of', () => {
  const counts = (members: number, civilian: number, female: number) => ({
    members,
    bySector: { civilian, councillor: 1, official: members - civilian - 1 },
    byGender: { female, male: members - female },
  });
  const table = compositionTableOf(
    2021,
    [
      { district: '마포구', districtCode: MAPO, counts: counts(20, 15, 9) },
      { district: '강남구', districtCode: GANGNAM, counts: counts(10, 6, 5) },
    ],
    [{ district: '강동구', districtCode: GANGDONG, year: 2021 }],
  );
  const cells = compositionCells(table, newestStandard);
  expect(cells.header).toEqual([
    '자치구',
    '연도',
    '총 인원',
    '민간',
    '구의원',
    '행정',
    '여',
    '남',
    '민간 비율',
    '여성 비율',
    '충족',
  ]);
  expect(cells.rows).toEqual([
    ['강남구', 2021, 10, 6, 1, 3, 5, 5, 0.6, 0.5, '미충족'],
    ['강동구', 2021, '미제출', '', '', '', '', '', '', '', ''],
    ['마포구', 2021, 20, 15, 1, 4, 9, 11, 0.75, 0.45, '충족'],
    ['총계', 2021, 30, 21, 2, 7, 14, 16, 0.7, 14 / 30, '1/2'],
  ]);
});
