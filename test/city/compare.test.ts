// Two years compared: per district in both, the change per column (rates in percentage points), and
// the districts in only one of the years.
import { compareYears, dataBook } from '../../src/city';
import { metricsFrom } from '../cli/reports';
import { demoRegister, submission, sums } from './fixtures';

const GANGNAM = '11680';
const GANGDONG = '11740';
const MAPO = '11440';
const JONGNO = '11110';

const book = (year: number, subs: ReturnType<typeof submission>[], quarter?: 1 | 2 | 3 | 4) =>
  dataBook({ submissions: subs, register: demoRegister(), year, quarter });

const y2020 = book(2020, [
  submission({
    code: GANGNAM,
    year: 2020,
    quarter: 4,
    at: '2020-12-20T10:00:00+09:00',
    metrics: metricsFrom(sums(10, 20, 8, 30, 10, 40)),
  }),
  submission({
    code: MAPO,
    year: 2020,
    quarter: 4,
    at: '2020-12-20T10:00:00+09:00',
    metrics: metricsFrom(sums(4, 4, 1, 1, 2, 2)),
  }),
]);
const y2021 = book(2021, [
  submission({
    code: GANGNAM,
    quarter: 4,
    at: '2021-12-20T10:00:00+09:00',
    metrics: metricsFrom(sums(12, 21, 9, 36, 10, 40)),
  }),
  submission({
    code: GANGDONG,
    quarter: 4,
    at: '2021-12-20T10:00:00+09:00',
    metrics: metricsFrom(sums(1, 1, 0, 1, 0, 1)),
  }),
  submission({
    code: JONGNO,
    quarter: 2,
    at: '2021-06-20T10:00:00+09:00',
    metrics: metricsFrom(sums(5, 5, 0, 5, 0, 0)),
  }),
]);

it('changes per column for the districts in both years; rates in percentage points', () => {
  const c = compareYears(y2020, y2021);
  expect([c.from, c.to, c.quarter]).toEqual([2020, 2021, null]);
  expect(c.rows.map((r) => r.district)).toEqual(['강남구']);
  const gangnam = c.rows[0];
  expect(gangnam.quarters).toEqual({ from: 4, to: 4 });
  expect(Object.keys(gangnam.changes)).toEqual([
    'attendanceRate.total',
    'attendanceRate.official',
    'attendanceRate.civilian',
    'attendees.total',
    'attendees.official',
    'attendees.civilian',
    'hoursTotal',
    'meetings',
    'hoursPerMeeting',
  ]);
  expect(gangnam.changes['meetings']).toEqual({ from: 10, to: 12, change: 2, unit: 'count' });
  expect(gangnam.changes['hoursTotal']).toEqual({ from: 20, to: 21, change: 1, unit: 'hours' });
  expect(gangnam.changes['attendees.total']).toEqual({ from: 38, to: 45, change: 7, unit: 'count' });
  // 76.0% → 90.0%: +14 percentage points; 75% → 90% for citizens.
  expect(gangnam.changes['attendanceRate.total'].change).toBeCloseTo(14, 12);
  expect(gangnam.changes['attendanceRate.total'].unit).toBe('percentPoint');
  expect(gangnam.changes['attendanceRate.civilian'].change).toBeCloseTo(15, 12);
  expect(gangnam.changes['hoursPerMeeting'].change).toBeCloseTo(1.75 - 2, 12);
});

it('districts with figures in only one year are named', () => {
  const c = compareYears(y2020, y2021);
  expect(c.onlyFrom).toEqual([{ district: '마포구', districtCode: MAPO }]);
  expect(c.onlyTo).toEqual([
    { district: '강동구', districtCode: GANGDONG },
    { district: '종로구', districtCode: JONGNO },
  ]);
});

it('총계 and 평균 compared too; a rate undefined on either side has no change', () => {
  const c = compareYears(y2020, y2021);
  expect(c.total['meetings']).toEqual({ from: 14, to: 18, change: 4, unit: 'count' });
  expect(c.total['attendanceRate.total']).toEqual({
    from: null,
    to: null,
    change: null,
    unit: 'percentPoint',
  });
  expect(c.mean['meetings'].change).toBeCloseTo(6 - 7, 12);
});

it('a district whose years cover different quarters is compared with a note', () => {
  const early = book(2021, [submission({ code: MAPO, quarter: 2, at: '2021-06-20T10:00:00+09:00' })]);
  const c = compareYears(y2020, early);
  expect(c.rows.map((r) => r.quarters)).toEqual([{ from: 4, to: 2 }]);
  expect(c.notes.map((n) => n.en)).toEqual(['마포구: 2020 covers up to Q4, 2021 up to Q2.']);
});

it('quarter tables compare only with the same quarter', () => {
  const q2 = book(2021, [], 2);
  expect(() => compareYears(y2020, q2)).toThrow("a quarter's table compares only with the same quarter's");
  expect(compareYears(book(2020, [], 2), q2).quarter).toBe(2);
});
