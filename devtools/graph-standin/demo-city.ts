// A demo city for the local Graph stand-in (the default of `npm start`), made by the engine, not typed:
// it builds on the demo people and register of demo-register.ts (every district but 서초구 due; 강서구
// by name, 마포구 through a group, a city officers' group) and adds what the city desk needs — the
// development user on the city's row by name (so the browser preview's desk opens for an officer), a
// user per district, a group on 강서구's row with a member named nowhere — then, for 2020 and 2021,
// real standard workbooks: generated, written as .xlsx, read back by the project's reader,
// validated and submitted through the one submission flow the pane and the CLI use, each at a time
// the stand-in's clock is set to. The desk then shows every state: on time, late (including one at
// 00:00:00 KST on the first late day, beside one at 23:59:59 on the due day), missing (nothing, or
// only an earlier quarter), superseded earlier submissions, a correction after the deadline, a
// submission by the city on a district's behalf, one by someone since removed from the register, and
// one by a member of a register group the city cannot see into. Deterministic: the same seed gives
// the same city, figures and times.
import type { DelibConfig } from '../../src/config';
import { createGraphSubmission } from '../../src/graph';
import { writeRegister } from '../../src/graph/districts';
import { newestStandard } from '../../src/standard';
import type { DistrictRegister } from '../../src/register';
import { ENGINE_VERSION, validateWorkbook } from '../../src/engine';
import { submitWorkbook } from '../../src/submission/flow';
import type { Journal } from '../../src/submission/types';
import { exampleSnapshot, exampleWorkbook } from '../../src/workbook/example';
import { seededRandom } from '../../src/workbook/seeded-random';
import { buildStandardWorkbook } from '../../src/xlsx/write';
import { readWorkbookBuffer } from '../../src/xlsx/read';
import { cityCopyOf } from '../../src/xlsx/name-free';
import { STANDIN_TOKEN } from '../../src/auth/standin';
import { DEMO_TOKENS, DEMO_USERS, demoRegister } from './demo-register';
import type { StandInUser, UserTable } from './users';

export const DEMO_OFFICER = DEMO_USERS[STANDIN_TOKEN];
/** A group on 강서구's row; its one member below is named on no row. */
export const DEMO_GANGSEO_GROUP = '7d0a5b8e-2c41-4f6a-9e3d-5b1c0a2f4e61';
const GANGSEO = '11500';
const MAPO = '11440';

const GROUP_MEMBER = 'demo-gangseo-team';
const OUTSIDER = DEMO_TOKENS.outsider;

/** The token a district's own officer submits with. */
export function districtToken(code: string): string {
  if (code === GANGSEO) return DEMO_TOKENS.gangseoOfficer;
  // 마포구's submitters are a group the development user belongs to.
  if (code === MAPO) return STANDIN_TOKEN;
  return `demo-district-${code}`;
}

/** The officer demo-register.ts names on each other district's row. */
export function districtUser(code: string): StandInUser {
  return {
    id: `00000000-0000-4000-b000-0000000${code}`,
    userPrincipalName: `submitter.${code}@delib.localhost`,
    displayName: `${newestStandard.districts.find((d) => d.code === code)?.name ?? code} 담당자`,
  };
}

/** demo-register.ts's people, one officer per district, and a member of 강서구's group. */
export function demoUsers(): UserTable {
  const users: UserTable = { ...DEMO_USERS };
  for (const d of newestStandard.districts)
    if (d.code !== GANGSEO && d.code !== MAPO) users[districtToken(d.code)] = districtUser(d.code);
  users[GROUP_MEMBER] = {
    id: '00000000-0000-4000-c000-000000000002',
    userPrincipalName: 'gangseo.team@delib.localhost',
    displayName: '강서구 협치팀 (그룹 구성원)',
    groups: [DEMO_GANGSEO_GROUP],
  };
  return users;
}

/** The years the demo city's districts are due and have submitted. */
export const DEMO_CITY_YEARS = [2020, 2021];

/**
 * The demo city's register: demo-register.ts's (due in 2020 and 2021 only), with the development user also on the city's row
 * (the preview signs in as them) and a group beside 강서구's officers. `withOutsiderOn` puts the
 * outsider on a district's row, as they were when they submitted, before being removed.
 */
export function demoCityRegister(withOutsiderOn?: string): DistrictRegister {
  const base = demoRegister();
  const outsider = DEMO_USERS[OUTSIDER].userPrincipalName;
  return {
    officers: {
      people: [...base.officers.people, DEMO_OFFICER.userPrincipalName],
      groups: base.officers.groups,
    },
    districts: base.districts.map((d) => ({
      ...d,
      // The city's years: the desk opens on the latest (2021), which the demo fills.
      dueYears: d.dueYears.length ? DEMO_CITY_YEARS : [],
      submitters: {
        people: [...d.submitters.people, ...(d.code === withOutsiderOn ? [outsider] : [])],
        groups: [...d.submitters.groups, ...(d.code === GANGSEO ? [DEMO_GANGSEO_GROUP] : [])],
      },
    })),
  };
}

export interface DemoSubmission {
  code: string;
  year: number;
  quarter: 1 | 2 | 3 | 4;
  /** When SharePoint receives it (the stand-in's clock), ISO with its offset. */
  at: string;
  /** The token of who submits it. */
  token: string;
  rows: number;
  seed: number;
  council: { members: number; civilian: number; female: number };
}

/** A Korea-time instant: `kst(2021, 12, 20, 14, 5)` → 2021-12-20T14:05:00+09:00. */
function kst(y: number, mo: number, d: number, h: number, mi: number, s = 0): string {
  const p = (n: number) => String(n).padStart(2, '0');
  return `${y}-${p(mo)}-${p(d)}T${p(h)}:${p(mi)}:${p(s)}+09:00`;
}

/**
 * Who submits what when. Districts in 가나다 order get their roles by position (so every state is
 * there however the seed falls); the seed varies figures, council sizes and times within the day.
 */
export function demoPlan(seed = 2021): DemoSubmission[] {
  const random = seededRandom(seed);
  const int = (lo: number, hi: number) => lo + Math.floor(random() * (hi - lo + 1));
  const out: DemoSubmission[] = [];
  const add = (
    code: string,
    year: number,
    quarter: DemoSubmission['quarter'],
    at: string,
    token = districtToken(code),
  ) => {
    const members = int(14, 24);
    const council =
      // Three districts fall short of a rule: too few civilians, too few women, both.
      code === '11170'
        ? { members: 20, civilian: 12, female: 9 }
        : code === '11305'
          ? { members: 18, civilian: 14, female: 5 }
          : code === '11590'
            ? { members: 15, civilian: 9, female: 4 }
            : {
                members,
                civilian: Math.ceil(members * 0.75) + int(0, 2),
                female: Math.floor(members / 2) - int(0, 1),
              };
    council.civilian = Math.min(council.civilian, council.members);
    out.push({ code, year, quarter, at, token, rows: quarter * int(3, 6), seed: int(1, 1e6), council });
  };
  const districts = [...newestStandard.districts].sort((a, b) => a.name.localeCompare(b.name, 'ko'));
  for (const year of DEMO_CITY_YEARS) {
    const register = demoCityRegister();
    const due = districts.filter((d) =>
      register.districts.find((r) => r.code === d.code)!.dueYears.includes(year),
    );
    due.forEach((d, i) => {
      const code = d.code;
      const day = int(18, 29);
      const time = (dd: number) => kst(year, 12, dd, int(9, 17), int(0, 59), int(0, 59));
      const role = year === 2021 ? i : i + 100;
      const none = role === 8 || role === 107;
      // Half the districts also sent their 2분기 workbook on time (superseded by the later one).
      if (i % 2 === 0 && !none) add(code, year, 2, kst(year, 6, int(20, 29), int(9, 17), int(0, 59)));
      switch (role) {
        case 1: // late: the first instant of 1 January (Korea time)
          add(code, year, 3, kst(year, 9, 28, 10, 0));
          add(code, year, 4, kst(year + 1, 1, 1, 0, 0, 0));
          break;
        case 2: // on time at the last second of 31 December
          add(code, year, 4, kst(year, 12, 31, 23, 59, 59));
          break;
        case 4: // late by a week
          add(code, year, 4, kst(year + 1, 1, 7, 11, 20));
          break;
        case 6: // missing: only 3분기 so far
          add(code, year, 3, kst(year, 9, 29, 15, 30));
          break;
        case 8: // missing: nothing at all
          break;
        case 10: // on time, then corrected after the deadline
          add(code, year, 4, time(day));
          add(code, year, 4, kst(year + 1, 1, 5, 10, 15));
          break;
        case 13: // the city submits on the district's behalf
          add(code, year, 4, time(day), STANDIN_TOKEN);
          break;
        case 14: // on time, then a submission by someone since removed from the register
          add(code, year, 4, time(day));
          add(code, year, 4, kst(year, 12, 30, 16, 45), OUTSIDER);
          break;
        case 103: // 2020: late by two weeks
          add(code, year, 4, kst(year + 1, 1, 14, 9, 0));
          break;
        case 107: // 2020: missing
          break;
        default:
          add(code, year, 4, time(day));
      }
      // 강서구 2021: a member of its register group sends a correction (the city cannot see the group).
      if (year === 2021 && code === GANGSEO) add(code, year, 4, kst(2022, 1, 3, 9, 40), GROUP_MEMBER);
    });
  }
  return out.sort((a, b) => Date.parse(a.at) - Date.parse(b.at));
}

/** The stand-in's clock, set to each submission's time while the city is made. */
export interface SettableClock {
  now(): Date;
  set(at: Date | null): void;
}

export function settableClock(): SettableClock {
  let fixed: Date | null = null;
  return { now: () => fixed ?? new Date(), set: (at) => void (fixed = at) };
}

const memoryJournal = () => {
  let j: Journal | null = null;
  return { load: async () => j, save: async (next: Journal) => void (j = next) };
};

/**
 * Makes the demo city in a provisioned stand-in: the register (with the outsider on their row at
 * first, as they were when they submitted), every planned submission at its time, then the final
 * register. Returns how many submissions were made.
 */
export async function seedDemoCity(options: {
  config: DelibConfig;
  clock: SettableClock;
  plan?: DemoSubmission[];
  /**
   * `xlsx` (default): each workbook written as a file, read back, validated and uploaded with its
   * rows; `snapshot`: validated as the engine's snapshot of the same example, no file uploaded (the
   * same figures and times, about three times faster: for tests that need no links).
   */
  workbooks?: 'xlsx' | 'snapshot';
  onProgress?: (done: number, total: number) => void;
}): Promise<number> {
  const { config, clock } = options;
  const plan = options.plan ?? demoPlan();
  const graphs = new Map<string, ReturnType<typeof createGraphSubmission>>();
  const graphOf = (token: string) => {
    let g = graphs.get(token);
    if (!g) {
      g = createGraphSubmission({
        config,
        tokens: { getToken: async () => token },
        standard: newestStandard,
      });
      graphs.set(token, g);
    }
    return g;
  };
  const officer = graphOf(STANDIN_TOKEN);
  const outsiderRow = plan.find((p) => p.token === OUTSIDER)?.code;
  await writeRegister(officer.site, demoCityRegister(outsiderRow));
  const controller = new AbortController();
  try {
    for (const [n, s] of plan.entries()) {
      const district = newestStandard.districts.find((d) => d.code === s.code)!.name;
      const example = exampleWorkbook(newestStandard, {
        district,
        year: s.year,
        quarter: s.quarter,
        rows: s.rows,
        seed: s.seed,
        council: s.council,
      });
      const name = `${s.code}-${s.year}-${s.quarter}.xlsx`;
      const bytes =
        options.workbooks === 'snapshot'
          ? null
          : new Uint8Array(await buildStandardWorkbook(newestStandard, example).xlsx.writeBuffer());
      const snapshot = bytes
        ? (await readWorkbookBuffer(bytes, name)).snapshot
        : exampleSnapshot(newestStandard, example);
      const validation = validateWorkbook(snapshot);
      if (validation.report.stats.errors > 0)
        throw new Error(`demo workbook ${name} has ${validation.report.stats.errors} error(s)`);
      clock.set(new Date(s.at));
      const outcome = await submitWorkbook({
        validation,
        engine: ENGINE_VERSION,
        target: graphOf(s.token).target,
        store: memoryJournal(),
        file: bytes && { name, bytes: async () => bytes },
        nameFree: cityCopyOf,
        signal: controller.signal,
      });
      if (!outcome.ok) throw new Error(`demo submission ${name}: ${outcome.problem.en}`);
      options.onProgress?.(n + 1, plan.length);
    }
  } finally {
    clock.set(null);
  }
  await writeRegister(officer.site, demoCityRegister());
  return plan.length;
}
