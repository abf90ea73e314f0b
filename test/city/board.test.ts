// The status board (standard §6): every state at the deadline's edges in Korea time, cumulative
// quarters, superseded submissions, districts not due, submissions off the register.
import fc from 'fast-check';
import { statusBoard, deadlineFor, withCityDates, calendarProblems, parseInstant } from '../../src/city';
import type { BoardInput, StatusBoard } from '../../src/city';
import type { SubmissionRecord } from '../../src/city';
import type { Quarter } from '../../src/engine/report';
import { submissionCalendar } from '../../src/standard/calendar';
import { newestStandard } from '../../src/standard';
import {
  GANGSEO,
  GANGSEO_GROUP,
  OFFICER,
  OFFICER_GROUP,
  SEOCHO,
  demoRegister,
  nameOf,
  submission,
} from './fixtures';

const MAPO = '11440';
const JONGNO = '11110';
const AFTER_YEAR = new Date('2022-02-01T00:00:00Z');

function board(submissions: SubmissionRecord[], quarter: Quarter = 1, more: Partial<BoardInput> = {}) {
  return statusBoard({
    submissions,
    register: demoRegister(),
    year: 2021,
    quarter,
    now: AFTER_YEAR,
    ...more,
  });
}

const rowOf = (b: StatusBoard, code: string) => b.rows.find((r) => r.districtCode === code)!;

describe('deadlines in Korea time', () => {
  it('1분기 is due by the end of 3월 31일 KST: the first late instant is 2021-03-31T15:00Z', () => {
    const d = deadlineFor(submissionCalendar, 2021, 1);
    expect(d).toMatchObject({ date: '2021-03-31', lateFrom: '2021-03-31T15:00:00.000Z' });
    expect(deadlineFor(submissionCalendar, 2021, 2).date).toBe('2021-06-30');
    expect(deadlineFor(submissionCalendar, 2021, 3).date).toBe('2021-09-30');
    expect(deadlineFor(submissionCalendar, 2021, 4)).toMatchObject({
      date: '2021-12-31',
      lateFrom: '2021-12-31T15:00:00.000Z',
    });
  });

  it.each([
    ['2021-03-31T23:59:59+09:00', 'on-time'],
    ['2021-03-31T23:59:59.999+09:00', 'on-time'],
    ['2021-03-31T14:59:59Z', 'on-time'],
    ['2021-04-01T00:00:00+09:00', 'late'],
    ['2021-03-31T15:00:00Z', 'late'],
    // Still 3월 31일 in UTC, but 4월 1일 05:00 in Seoul: late.
    ['2021-03-31T20:00:00Z', 'late'],
    // The evening of 3월 31일 in New York is already 4월 1일 in Seoul.
    ['2021-03-31T11:30:00-04:00', 'late'],
    ['2021-03-31T09:59:00-04:00', 'on-time'],
  ])('a 1분기 submission at %s is %s', (at, state) => {
    const b = board([submission({ code: MAPO, quarter: 1, at })]);
    expect(rowOf(b, MAPO).state).toBe(state);
    expect(rowOf(b, MAPO).label.ko).toBe(state === 'late' ? '지연 제출' : '기한 내 제출');
  });

  it('shows when SharePoint received it in Korea time', () => {
    const b = board([submission({ code: MAPO, quarter: 1, at: '2021-03-30T05:02:11Z' })]);
    expect(rowOf(b, MAPO).current!.submittedAt).toBe('2021-03-30T14:02:11+09:00');
    expect(rowOf(b, MAPO).coveredAt).toBe('2021-03-30T14:02:11+09:00');
  });

  it('the city may set other dates for a year, even in the next year', () => {
    const calendar = withCityDates(submissionCalendar, 2021, { '4': '2022-01-07' });
    const late = board([submission({ code: MAPO, quarter: 4, at: '2022-01-05T10:00:00+09:00' })], 4);
    const onTime = board([submission({ code: MAPO, quarter: 4, at: '2022-01-05T10:00:00+09:00' })], 4, {
      calendar,
    });
    expect(rowOf(late, MAPO).state).toBe('late');
    expect(rowOf(onTime, MAPO).state).toBe('on-time');
    expect(onTime.deadline.date).toBe('2022-01-07');
    expect(deadlineFor(calendar, 2022, 4).date).toBe('2022-12-31');
  });

  it('calendar dates that cannot be used are named in both languages', () => {
    expect(calendarProblems(submissionCalendar)).toEqual([]);
    const bad = withCityDates(submissionCalendar, 2021, {
      '1': '2021-02-30',
      '2': '2021-06-15',
      '3': '2021-06-20',
    });
    const problems = calendarProblems(bad);
    expect(problems.map((p) => p.en)).toEqual([
      "2021 Q1: the date '2021-02-30' cannot be read (YYYY-MM-DD)",
      '2021 Q2: the date 2021-06-15 is before the quarter ends (2021-06-30)',
      '2021 Q3: the date 2021-06-20 is before the quarter ends (2021-09-30)',
    ]);
    expect(problems[0].ko).toContain('읽을 수 없습니다');
    expect(() => deadlineFor(bad, 2021, 1)).toThrow('cannot be read');
  });

  it('reads SharePoint times strictly: an instant needs its offset', () => {
    expect(parseInstant('2021-03-30T05:02:11Z')).toBe(Date.UTC(2021, 2, 30, 5, 2, 11));
    expect(parseInstant('2021-03-30T14:02:11+09:00')).toBe(Date.UTC(2021, 2, 30, 5, 2, 11));
    expect(parseInstant('2021-03-30T14:02:11+0900')).toBe(Date.UTC(2021, 2, 30, 5, 2, 11));
    for (const bad of ['2021-03-30T14:02:11', '2021-03-30', '2021-02-30T00:00:00Z', 'yesterday', ''])
      expect(parseInstant(bad)).toBeNull();
  });
});

describe('states', () => {
  it('미제출 when nothing current covers the quarter; overdue only once the date has passed', () => {
    const before = board([], 1, { now: new Date('2021-03-31T14:59:59Z') });
    expect(rowOf(before, MAPO)).toMatchObject({ state: 'missing', overdue: false, current: null });
    expect(before.deadlinePassed).toBe(false);
    const after = board([], 1, { now: new Date('2021-03-31T15:00:00Z') });
    expect(rowOf(after, MAPO)).toMatchObject({ state: 'missing', overdue: true });
    expect(after.deadlinePassed).toBe(true);
  });

  it('a 1분기 submission does not cover 2분기: 2분기 is 미제출, and the row shows what is there', () => {
    const s = submission({ code: MAPO, quarter: 1, at: '2021-03-20T10:00:00+09:00' });
    const q2 = board([s], 2);
    expect(rowOf(q2, MAPO).state).toBe('missing');
    expect(rowOf(q2, MAPO).current).toMatchObject({ submissionId: s.submissionId, quarter: 1 });
    expect(rowOf(board([s], 1), MAPO).state).toBe('on-time');
  });

  it('cumulative: a later quarter covers the earlier ones, late for those whose date it missed', () => {
    const s = submission({ code: MAPO, quarter: 3, at: '2021-07-10T09:00:00+09:00' });
    expect(rowOf(board([s], 1), MAPO).state).toBe('late');
    expect(rowOf(board([s], 2), MAPO).state).toBe('late');
    expect(rowOf(board([s], 3), MAPO).state).toBe('on-time');
    expect(rowOf(board([s], 4), MAPO).state).toBe('missing');
  });

  it('superseded: the first submission that covered a quarter decides on time; a late correction says so', () => {
    const q1 = submission({ code: MAPO, quarter: 1, at: '2021-03-30T10:00:00+09:00', status: 'superseded' });
    const q2 = submission({ code: MAPO, quarter: 2, at: '2021-07-05T10:00:00+09:00' });
    const b1 = board([q2, q1], 1);
    expect(rowOf(b1, MAPO)).toMatchObject({
      state: 'on-time',
      coveredAt: '2021-03-30T10:00:00+09:00',
      revisedAfterDeadline: true,
    });
    // The row links the current data, not the replaced file.
    expect(rowOf(b1, MAPO).current!.submissionId).toBe(q2.submissionId);
    expect(rowOf(board([q2, q1], 2), MAPO)).toMatchObject({ state: 'late', revisedAfterDeadline: false });
  });

  it('superseded submissions alone do not cover anything', () => {
    const old = submission({ code: MAPO, quarter: 2, at: '2021-03-30T10:00:00+09:00', status: 'superseded' });
    expect(rowOf(board([old], 1), MAPO).state).toBe('missing');
  });

  it('an earlier submission off the register does not make a quarter on time', () => {
    const stranger = submission({
      code: MAPO,
      quarter: 1,
      at: '2021-03-30T10:00:00+09:00',
      status: 'superseded',
      by: 'someone@example.com',
    });
    const real = submission({ code: MAPO, quarter: 1, at: '2021-04-02T10:00:00+09:00' });
    expect(rowOf(board([stranger, real]), MAPO).state).toBe('late');
  });

  it('확인 필요 when the current submission was made by someone off the register, naming them', () => {
    const s = submission({ code: MAPO, quarter: 1, at: '2021-03-30T10:00:00+09:00', by: 'kim@jongno.go.kr' });
    const row = rowOf(board([s]), MAPO);
    expect(row.state).toBe('needs-review');
    expect(row.label).toEqual({ ko: '확인 필요', en: 'Needs review' });
    expect(row.reasons).toEqual([
      {
        ko: '제출자 kim@jongno.go.kr은(는) 마포구의 제출자 명부에 없습니다',
        en: 'kim@jongno.go.kr, who made it, is not on the register for Mapo-gu',
      },
    ]);
    // Another district's submitter is not this district's.
    const other = submission({
      code: MAPO,
      quarter: 1,
      at: '2021-03-30T10:00:00+09:00',
      by: `gu${JONGNO}@seoul.go.kr`,
    });
    expect(rowOf(board([other]), MAPO).state).toBe('needs-review');
  });

  it('sign-in names compare without case', () => {
    const s = submission({
      code: MAPO,
      quarter: 1,
      at: '2021-03-30T10:00:00+09:00',
      by: `GU${MAPO}@Seoul.GO.kr`,
    });
    expect(rowOf(board([s]), MAPO).state).toBe('on-time');
  });

  it('a city officer on the register counts, and the row says it was on the district’s behalf', () => {
    const s = submission({
      code: MAPO,
      quarter: 1,
      at: '2021-03-31T18:00:00+09:00',
      by: OFFICER.toLowerCase(),
    });
    const row = rowOf(board([s]), MAPO);
    expect(row.state).toBe('on-time');
    expect(row.current!.onBehalf).toBe(true);
    const byGroup = submission({
      code: MAPO,
      quarter: 1,
      at: '2021-03-31T18:00:00+09:00',
      by: 'park@seoul.go.kr',
      byId: 'u-park',
    });
    const groupsOf = (c: { id: string | null }) => (c.id === 'u-park' ? [OFFICER_GROUP.toUpperCase()] : []);
    expect(rowOf(board([byGroup], 1, { groupsOf }), MAPO)).toMatchObject({
      state: 'on-time',
      current: { onBehalf: true },
    });
    expect(rowOf(board([byGroup]), MAPO).state).toBe('needs-review');
  });

  it('a district registered by group: its members count once their groups are known', () => {
    const s = submission({
      code: GANGSEO,
      quarter: 1,
      at: '2021-03-29T10:00:00+09:00',
      by: 'choi@gangseo.go.kr',
      byId: 'u-choi',
    });
    expect(rowOf(board([s]), GANGSEO).state).toBe('needs-review');
    const groupsOf = () => [GANGSEO_GROUP];
    expect(rowOf(board([s], 1, { groupsOf }), GANGSEO)).toMatchObject({
      state: 'on-time',
      current: { onBehalf: false },
    });
  });

  it('확인 필요 when the data no longer matches its stamp, or its time cannot be read', () => {
    const changed = submission({
      code: MAPO,
      quarter: 1,
      at: '2021-03-30T10:00:00+09:00',
      dataMatchesStamp: false,
    });
    expect(rowOf(board([changed]), MAPO).reasons[0].en).toBe(
      'the submitted data no longer matches its stamp',
    );
    const checked = submission({
      code: MAPO,
      quarter: 1,
      at: '2021-03-30T10:00:00+09:00',
      dataMatchesStamp: true,
    });
    expect(rowOf(board([checked]), MAPO).state).toBe('on-time');
    const noTime = submission({ code: MAPO, quarter: 1, at: '2021-03-30 10:00' });
    expect(rowOf(board([noTime]), MAPO)).toMatchObject({
      state: 'needs-review',
      current: { submittedAt: '2021-03-30 10:00' },
    });
  });

  it('an off-register submission next to the real current one: the newest is what the board shows', () => {
    const real = submission({ code: MAPO, quarter: 1, at: '2021-03-30T10:00:00+09:00' });
    const stranger = submission({
      code: MAPO,
      quarter: 1,
      at: '2021-03-31T10:00:00+09:00',
      by: 'x@example.com',
    });
    expect(rowOf(board([real, stranger]), MAPO).state).toBe('needs-review');
    expect(rowOf(board([stranger, real]), MAPO).current!.submissionId).toBe(stranger.submissionId);
  });

  it('districts not due that year are listed apart as 제출 대상 아님, with what they sent', () => {
    const s = submission({ code: SEOCHO, quarter: 1, at: '2021-03-30T10:00:00+09:00' });
    const b = board([s]);
    expect(b.rows).toHaveLength(24);
    expect(b.rows.some((r) => r.districtCode === SEOCHO)).toBe(false);
    expect(b.notDue).toEqual([
      expect.objectContaining({
        district: '서초구',
        label: { ko: '제출 대상 아님', en: 'Not due' },
        current: expect.objectContaining({ submissionId: s.submissionId }),
      }),
    ]);
    // A district absent from the register is not due either.
    const register = demoRegister();
    register.districts = register.districts.filter((d) => d.code !== MAPO);
    const without = statusBoard({ submissions: [], register, year: 2021, quarter: 1, now: AFTER_YEAR });
    expect(without.notDue.map((d) => d.district)).toEqual(['마포구', '서초구']);
  });

  it('other years and unknown codes never reach the board; the latter with a note', () => {
    const y2020 = submission({ code: MAPO, year: 2020, quarter: 4, at: '2020-12-20T10:00:00+09:00' });
    const odd = {
      ...submission({ code: MAPO, quarter: 1, at: '2021-03-20T10:00:00+09:00' }),
      districtCode: '99999',
    };
    const b = board([y2020, odd]);
    expect(rowOf(b, MAPO).state).toBe('missing');
    expect(b.notes).toHaveLength(1);
    expect(b.notes[0].en).toContain('99999');
  });

  it('rows in 가나다 order with counts', () => {
    const b = board([
      submission({ code: MAPO, quarter: 1, at: '2021-03-30T10:00:00+09:00' }),
      submission({ code: JONGNO, quarter: 1, at: '2021-04-30T10:00:00+09:00' }),
      submission({ code: '11740', quarter: 1, at: '2021-03-30T10:00:00+09:00', by: null }),
    ]);
    const names = b.rows.map((r) => r.district);
    expect(names).toEqual([...names].sort((x, y) => x.localeCompare(y, 'ko')));
    expect(names[0]).toBe('강남구');
    expect(b.counts).toEqual({ 'on-time': 1, late: 1, missing: 21, 'needs-review': 1 });
  });
});

it('two items SharePoint recorded at the same second: the later-made one (larger id) is current', () => {
  const at = '2021-06-20T10:00:00+09:00';
  const first = submission({ code: MAPO, quarter: 1, at });
  const second = submission({ code: MAPO, quarter: 2, at });
  expect(second.submissionId > first.submissionId).toBe(true);
  // In either order the 2분기 item (made second) covers 2분기.
  expect(rowOf(board([first, second], 2), MAPO).state).toBe('on-time');
  expect(rowOf(board([second, first], 2), MAPO).state).toBe('on-time');
});

describe('every due district is in exactly one state, whatever SharePoint holds', () => {
  const codes = newestStandard.districts.map((d) => d.code);
  const item = fc.record({
    code: fc.constantFrom(...codes),
    quarter: fc.constantFrom(1, 2, 3, 4) as fc.Arbitrary<Quarter>,
    minutes: fc.integer({ min: 0, max: 400 * 24 * 60 }),
    status: fc.constantFrom('current', 'superseded') as fc.Arbitrary<'current' | 'superseded'>,
    by: fc.constantFrom('own', 'officer', 'stranger', 'none'),
    matches: fc.constantFrom(undefined, true, false),
  });
  it('random submissions', () => {
    fc.assert(
      fc.property(
        fc.array(item, { maxLength: 60 }),
        fc.constantFrom(1, 2, 3, 4) as fc.Arbitrary<Quarter>,
        (items, q) => {
          const subs = items.map((i) =>
            submission({
              code: i.code,
              quarter: i.quarter,
              at: new Date(Date.UTC(2021, 0, 1) + i.minutes * 60_000).toISOString(),
              status: i.status,
              by:
                i.by === 'own'
                  ? `gu${i.code}@seoul.go.kr`
                  : i.by === 'officer'
                    ? OFFICER
                    : i.by === 'none'
                      ? null
                      : 'x@y.kr',
              dataMatchesStamp: i.matches,
            }),
          );
          const b = board(subs, q);
          expect(b.rows).toHaveLength(24);
          expect(new Set(b.rows.map((r) => r.districtCode)).size).toBe(24);
          expect(Object.values(b.counts).reduce((s, n) => s + n, 0)).toBe(24);
          for (const r of b.rows) {
            const current = subs
              .filter((s) => s.districtCode === r.districtCode && s.status === 'current')
              // Newest by SharePoint's time; on a tie the later-made item (the larger id), as the board.
              .sort(
                (a, c) =>
                  Date.parse(c.createdAt) - Date.parse(a.createdAt) ||
                  (a.submissionId < c.submissionId ? 1 : -1),
              )[0];
            if (!current || current.quarter < q) expect(r.state).toBe('missing');
            else expect(r.state).not.toBe('missing');
            if (r.state === 'on-time' || r.state === 'late') {
              expect(Date.parse(r.coveredAt!) >= b.deadline.lateFromMs).toBe(r.state === 'late');
              expect(r.reasons).toEqual([]);
            }
          }
        },
      ),
      { numRuns: 200 },
    );
  });
});

it('names come from the register, not from the item', () => {
  const s = {
    ...submission({ code: MAPO, quarter: 1, at: '2021-03-30T10:00:00+09:00' }),
    district: '엉뚱구',
  };
  expect(rowOf(board([s]), MAPO).district).toBe(nameOf(MAPO));
});
