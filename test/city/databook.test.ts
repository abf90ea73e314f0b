// The data book from Submissions (standard §2): one row per due district, 총계 and 평균 exactly,
// 미제출 districts listed and never counted, a quarter's book, off-register submissions left out.
import { dataBook } from '../../src/city';
import { summaryCsv } from '../../src/cli/summary-output';
import { checkSummaryTable } from '../../src/engine/summary-check';
import { parseCsv, textRowsToSnapshot } from '../../src/workbook/text-table';
import { metricsFrom } from '../cli/reports';
import type { DistrictRegister } from '../../src/register';
import { OFFICER, SEOCHO, demoRegister, submission, sums } from './fixtures';

const GANGNAM = '11680';
const GANGDONG = '11740';
const GANGBUK = '11305';
const MAPO = '11440';

/** Only 강남구, 강동구, 강북구 and 마포구 due in 2021: a book small enough to check by hand. */
function fourDistricts(): DistrictRegister {
  const r = demoRegister();
  for (const d of r.districts)
    d.dueYears = [GANGNAM, GANGDONG, GANGBUK, MAPO].includes(d.code) ? [2020, 2021] : [];
  return r;
}

const at = '2021-06-25T10:00:00+09:00';

describe('a year’s data book', () => {
  const submissions = [
    // 강남구: 10 meetings, 20 h; attended 8 of 10 officials, 30 of 40 citizens.
    submission({ code: GANGNAM, quarter: 2, at, metrics: metricsFrom(sums(10, 20, 8, 30, 10, 40)) }),
    // 강동구: 30 meetings, 40 h; 20 of 40 officials, 60 of 60 citizens.
    submission({
      code: GANGDONG,
      quarter: 4,
      at: '2021-12-20T10:00:00+09:00',
      metrics: metricsFrom(sums(30, 40, 20, 60, 40, 60)),
    }),
    // 강북구: nobody expected of the officials (rate undefined), 5 of 10 citizens.
    submission({ code: GANGBUK, quarter: 2, at, metrics: metricsFrom(sums(2, 3, 0, 5, 0, 10)) }),
    // 마포구 submitted only in 2020; 서초구 is not due.
    submission({ code: MAPO, year: 2020, quarter: 4, at: '2020-12-20T10:00:00+09:00' }),
    submission({ code: SEOCHO, quarter: 2, at }),
  ];
  const book = dataBook({ submissions, register: fourDistricts(), year: 2021 });

  it('one row per due district with figures, in 가나다 order, each with its year and quarter', () => {
    expect(book.year).toBe(2021);
    expect(book.quarter).toBeNull();
    expect(book.rows.map((r) => [r.district, r.districtCode, r.year, r.quarter])).toEqual([
      ['강남구', GANGNAM, 2021, 2],
      ['강동구', GANGDONG, 2021, 4],
      ['강북구', GANGBUK, 2021, 2],
    ]);
    expect(book.missing).toEqual([{ district: '마포구', districtCode: MAPO, year: 2021 }]);
  });

  it('총계: sums of counts and hours, no rates, 1회평균 = hours ÷ meetings — the 미제출 district not counted', () => {
    expect(book.total).toEqual({
      district: '총계',
      districtCode: null,
      year: 2021,
      quarter: null,
      meetings: 42,
      hoursTotal: 63,
      hoursPerMeeting: 1.5,
      attendees: { total: 123, official: 28, civilian: 95 },
      expected: { total: 160, official: 50, civilian: 110 },
      attendanceRate: { total: null, official: null, civilian: null },
    });
  });

  it('평균: the mean of the district rows for every column; 1회평균 from 총계', () => {
    const m = book.mean;
    expect(m).toMatchObject({
      district: '평균',
      year: 2021,
      meetings: 14,
      hoursTotal: 21,
      hoursPerMeeting: 1.5,
    });
    expect(m.attendees).toEqual({ total: 41, official: 28 / 3, civilian: 95 / 3 });
    // Rates: (0.76 + 0.8 + 0.5) / 3; officials over the two districts where it is defined.
    expect(m.attendanceRate.total).toBeCloseTo((38 / 50 + 80 / 100 + 5 / 10) / 3, 12);
    expect(m.attendanceRate.official).toBeCloseTo((0.8 + 0.5) / 2, 12);
    expect(m.attendanceRate.civilian).toBeCloseTo((0.75 + 1 + 0.5) / 3, 12);
  });

  it('notes the submission of a district not due', () => {
    expect(book.notes.map((n) => n.en)).toEqual([
      '서초구: not due in 2021; its submission is not in the data book.',
    ]);
  });

  it('printed, it shows 미제출 in its place and passes --check', () => {
    const csv = summaryCsv(book);
    expect(csv.split('\r\n').slice(1, 7)).toEqual([
      '강남구,2021,1~2분기,76.0%,80.0%,75.0%,38,8,30,20.0,10,2.0',
      '강동구,2021,1~4분기,80.0%,50.0%,100.0%,80,20,60,40.0,30,1.3',
      '강북구,2021,1~2분기,50.0%,–,50.0%,5,0,5,3.0,2,1.5',
      '마포구,2021,미제출,,,,,,,,,',
      '총계,2021,,-,-,-,123,28,95,63.0,42,1.5',
      '평균,2021,,68.7%,65.0%,75.0%,41,9.3,31.7,21.0,14,1.5',
    ]);
    const check = checkSummaryTable(textRowsToSnapshot('book.csv', parseCsv(csv)));
    expect(check.tables[0].rows).toBe(6);
    expect(check.findings).toEqual([]);
  });
});

describe('which submission a district’s figures come from', () => {
  it('the newest current one that counts; one off the register is left out with a note', () => {
    const real = submission({
      code: MAPO,
      quarter: 1,
      at: '2021-03-30T10:00:00+09:00',
      metrics: metricsFrom(sums(5, 5, 1, 1, 2, 2)),
    });
    const stranger = submission({
      code: MAPO,
      quarter: 2,
      at,
      by: 'x@example.com',
      metrics: metricsFrom(sums(99, 99, 9, 9, 9, 9)),
    });
    const book = dataBook({ submissions: [real, stranger], register: fourDistricts(), year: 2021 });
    expect(book.rows.find((r) => r.districtCode === MAPO)).toMatchObject({ meetings: 5, quarter: 1 });
    expect(book.notes[0]).toEqual({
      ko: '마포구: 최근 제출은 확인 필요(제출자 x@example.com은(는) 마포구의 제출자 명부에 없습니다)라 그 전 제출을 썼습니다.',
      en: '마포구: the newest submission needs review (x@example.com, who made it, is not on the register for Mapo-gu), so the one before it is used.',
    });
    const alone = dataBook({ submissions: [stranger], register: fourDistricts(), year: 2021 });
    expect(alone.missing.map((m) => m.district)).toContain('마포구');
    expect(alone.notes[0].en).toContain('so it is left out');
  });

  it('superseded figures are never used; a city officer’s submission is', () => {
    const old = submission({ code: MAPO, quarter: 1, at: '2021-03-30T10:00:00+09:00', status: 'superseded' });
    expect(
      dataBook({ submissions: [old], register: fourDistricts(), year: 2021 }).missing.map((m) => m.district),
    ).toContain('마포구');
    const officer = submission({
      code: MAPO,
      quarter: 1,
      at,
      by: OFFICER,
      metrics: metricsFrom(sums(7, 7, 1, 1, 1, 1)),
    });
    const book = dataBook({ submissions: [old, officer], register: fourDistricts(), year: 2021 });
    expect(book.rows.find((r) => r.districtCode === MAPO)!.meetings).toBe(7);
  });

  it('data that no longer matches its stamp is left out', () => {
    const bad = submission({ code: MAPO, quarter: 1, at, dataMatchesStamp: false });
    const book = dataBook({ submissions: [bad], register: fourDistricts(), year: 2021 });
    expect(book.missing.map((m) => m.district)).toContain('마포구');
    expect(book.notes[0].en).toContain('no longer matches its stamp');
  });
});

describe('a quarter’s data book', () => {
  const q2 = metricsFrom(sums(4, 6, 2, 8, 4, 10));
  const submissions = [
    submission({ code: GANGNAM, quarter: 3, at, byQuarter: { '2': q2 } }),
    // 강동구 reported only 1분기 so far: nothing covers 2분기.
    submission({ code: GANGDONG, quarter: 1, at: '2021-03-25T10:00:00+09:00' }),
    // 강북구's item carries no figures by quarter.
    submission({ code: GANGBUK, quarter: 4, at, byQuarter: null }),
    submission({ code: MAPO, quarter: 2, at }),
  ];
  const book = dataBook({ submissions, register: fourDistricts(), year: 2021, quarter: 2 });

  it('takes that quarter’s forums from a submission covering it, and every row says the quarter', () => {
    expect(book.quarter).toBe(2);
    expect(book.rows.map((r) => [r.district, r.quarter, r.meetings])).toEqual([
      ['강남구', 2, 4],
      ['마포구', 2, 0],
    ]);
    expect([book.total.quarter, book.mean.quarter]).toEqual([2, 2]);
    expect(book.total.meetings).toBe(4);
    expect(book.missing.map((m) => m.district)).toEqual(['강동구', '강북구']);
    expect(book.notes.map((n) => n.en)).toEqual([
      '강북구: its submission carries no figures by quarter, so it cannot be in the Q2 table.',
    ]);
  });

  it('prints the quarter as 2분기 (not cumulative)', () => {
    expect(summaryCsv(book).split('\r\n')[1]).toMatch(/^강남구,2021,2분기,/);
  });
});

it('a book before anyone submitted: every due district 미제출, sums of nothing', () => {
  const book = dataBook({ submissions: [], register: fourDistricts(), year: 2021 });
  expect(book.rows).toEqual([]);
  expect(book.missing).toHaveLength(4);
  expect(book.year).toBe(2021);
  expect(book.total).toMatchObject({ meetings: 0, hoursTotal: 0, hoursPerMeeting: null });
});
