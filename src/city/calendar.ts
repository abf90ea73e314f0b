// Deadlines from the calendar data (standard §6), as instants: a quarter is due by the end of its day
// in Korea (UTC+9, no daylight saving), so a submission at 23:59:59 KST is on time and one at 00:00
// the next day is late. No clock here: callers pass the instants they compare.
import type { LocalDate, SubmissionCalendar } from '../standard/calendar';
import type { Text } from '../standard/types';
import type { Quarter } from '../engine/report';
import { BilingualError } from '../bilingual';

const MS_PER_MINUTE = 60_000;
const LOCAL_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

export interface Deadline {
  year: number;
  quarter: Quarter;
  /** The due day in Korea, `YYYY-MM-DD`. */
  date: string;
  /** The first instant that is late (the next day's 00:00 in Korea), as UTC ISO. */
  lateFrom: string;
  lateFromMs: number;
}

function pad(n: number, width = 2): string {
  return String(n).padStart(width, '0');
}

function isoDate(d: LocalDate): string {
  return `${pad(d.year, 4)}-${pad(d.month)}-${pad(d.day)}`;
}

function readLocalDate(text: string): LocalDate | null {
  const m = LOCAL_DATE.exec(text.trim());
  if (!m) return null;
  const [year, month, day] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const check = new Date(Date.UTC(year, month - 1, day));
  if (check.getUTCFullYear() !== year || check.getUTCMonth() !== month - 1 || check.getUTCDate() !== day)
    return null;
  return { year, month, day };
}

/** The due day of a quarter: the city's date for that year if it set one, else the usual day. */
export function dueDate(calendar: SubmissionCalendar, year: number, quarter: Quarter): LocalDate {
  const set = calendar.years[String(year)]?.[String(quarter) as '1'];
  if (set !== undefined) {
    const d = readLocalDate(set);
    if (!d)
      throw new BilingualError(
        `제출 일정의 ${year}년 ${quarter}분기 기한 '${set}'을(를) 읽을 수 없습니다 (YYYY-MM-DD)`,
        `the calendar's ${year} Q${quarter} date '${set}' cannot be read (YYYY-MM-DD)`,
      );
    return d;
  }
  const usual = calendar.quarters[String(quarter) as '1'];
  return { year, month: usual.month, day: usual.day };
}

export function deadlineFor(calendar: SubmissionCalendar, year: number, quarter: Quarter): Deadline {
  const d = dueDate(calendar, year, quarter);
  const lateFromMs =
    Date.UTC(d.year, d.month - 1, d.day + 1) - calendar.timeZone.utcOffsetMinutes * MS_PER_MINUTE;
  return { year, quarter, date: isoDate(d), lateFrom: new Date(lateFromMs).toISOString(), lateFromMs };
}

/** The calendar with the city's own dates for one year laid over it (`{ '4': '2022-01-07' }`). */
export function withCityDates(
  calendar: SubmissionCalendar,
  year: number,
  dates: Partial<Record<'1' | '2' | '3' | '4', string>>,
): SubmissionCalendar {
  const key = String(year);
  return { ...calendar, years: { ...calendar.years, [key]: { ...calendar.years[key], ...dates } } };
}

/**
 * What is wrong with a calendar's dates, in both languages: unreadable dates, a date before the
 * quarter ends, quarters out of order. Empty when the calendar can be used.
 */
export function calendarProblems(calendar: SubmissionCalendar): Text[] {
  const problems: Text[] = [];
  for (const [year, dates] of Object.entries(calendar.years)) {
    let previous: string | null = null;
    for (const q of [1, 2, 3, 4] as Quarter[]) {
      const text = dates[String(q) as '1'];
      if (text === undefined) {
        previous = isoDate(dueDate(calendar, Number(year), q));
        continue;
      }
      const d = readLocalDate(text);
      if (!d) {
        problems.push({
          ko: `${year}년 ${q}분기 기한 '${text}'을(를) 읽을 수 없습니다 (YYYY-MM-DD)`,
          en: `${year} Q${q}: the date '${text}' cannot be read (YYYY-MM-DD)`,
        });
        continue;
      }
      const date = isoDate(d);
      const quarterEnd = isoDate({ year: Number(year), month: q * 3, day: q === 1 || q === 4 ? 31 : 30 });
      if (date < quarterEnd)
        problems.push({
          ko: `${year}년 ${q}분기 기한 ${date}이(가) 분기 말(${quarterEnd})보다 이릅니다`,
          en: `${year} Q${q}: the date ${date} is before the quarter ends (${quarterEnd})`,
        });
      if (previous !== null && date <= previous)
        problems.push({
          ko: `${year}년 ${q}분기 기한 ${date}이(가) 앞 분기 기한(${previous})보다 늦지 않습니다`,
          en: `${year} Q${q}: the date ${date} is not after the previous quarter's (${previous})`,
        });
      previous = date;
    }
  }
  return problems;
}

const INSTANT =
  /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::(\d{2})(\.\d{1,9})?)?(Z|([+-])(\d{2}):?(\d{2}))$/i;

/**
 * Milliseconds since the epoch of an ISO 8601 instant with its offset (SharePoint's
 * createdDateTime); null for anything else, including a time without an offset, which would mean
 * different instants on different machines.
 */
export function parseInstant(text: string): number | null {
  const m = INSTANT.exec(text.trim());
  if (!m) return null;
  const [year, month, day, hour, minute] = [1, 2, 3, 4, 5].map((i) => Number(m[i]));
  const second = m[6] === undefined ? 0 : Number(m[6]);
  const ms = m[7] === undefined ? 0 : Math.floor(Number(m[7]) * 1000);
  if (month < 1 || month > 12 || day < 1 || hour > 23 || minute > 59 || second > 59) return null;
  const local = Date.UTC(year, month - 1, day, hour, minute, second, ms);
  if (new Date(local).getUTCDate() !== day) return null;
  const offset =
    m[8].toUpperCase() === 'Z' ? 0 : (m[9] === '-' ? -1 : 1) * (Number(m[10]) * 60 + Number(m[11]));
  return local - offset * MS_PER_MINUTE;
}

/** An instant as Korea time, ISO with its offset: `2021-03-30T14:02:11+09:00`. */
export function koreaIso(ms: number, calendar: SubmissionCalendar): string {
  const offset = calendar.timeZone.utcOffsetMinutes;
  const local = new Date(ms + offset * MS_PER_MINUTE).toISOString().slice(0, 19);
  const sign = offset < 0 ? '-' : '+';
  return `${local}${sign}${pad(Math.floor(Math.abs(offset) / 60))}:${pad(Math.abs(offset) % 60)}`;
}

/** An instant as people read it in Korea: `2021-03-30 14:02`. */
export function koreaDateTime(ms: number, calendar: SubmissionCalendar): string {
  return koreaIso(ms, calendar).slice(0, 16).replace('T', ' ');
}
