// The people and the district register the stand-in plays with (`npm start`, the e2e tests): a
// district officer on a district's row by group, one by sign-in name, a city officer (by the city's
// group), and an outsider on no row — each a token the CLI takes as DELIB_GRAPH_TOKEN. Kept in this
// one file so a demo of the city's desk can build on the same register.
import { STANDIN_TOKEN } from '../../src/auth/standin';
import { registerRows, type DistrictRegister } from '../../src/register';
import { registerSheet } from '../../src/standard/register';
import { DISTRICT_COLUMNS } from '../../src/graph/schema';
import { newestStandard } from '../../src/standard';
import { DEFAULT_USERS, type UserTable } from './users';

/** Entra group ids the demo register names. */
export const DEMO_GROUPS = {
  /** 서울협치담당관: the city officers. */
  city: '5b0c2f5e-6a1d-4c55-9d1e-0c2a7e1f4b10',
  /** 마포구's submitters (the example workbook's district). */
  mapo: '0f3c9d2a-1b2c-4d5e-8f90-a1b2c3d4e5f6',
};

/** Tokens of the demo people besides the development user (STANDIN_TOKEN). */
export const DEMO_TOKENS = {
  cityOfficer: 'demo-city-officer',
  gangseoOfficer: 'demo-gangseo-officer',
  outsider: 'demo-outsider',
};

const dev = DEFAULT_USERS[STANDIN_TOKEN];

export const DEMO_USERS: UserTable = {
  // The development user: 마포구's submitter through its group, 강서구's by name (the city's sample
  // workbook is 강서구's), so both example workbooks submit as the district.
  [STANDIN_TOKEN]: { ...dev, groups: [DEMO_GROUPS.mapo] },
  [DEMO_TOKENS.cityOfficer]: {
    id: '00000000-0000-4000-a000-00000000c001',
    userPrincipalName: 'city.officer@delib.localhost',
    displayName: '서울시 협치담당 (demo city officer)',
    groups: [DEMO_GROUPS.city],
  },
  [DEMO_TOKENS.gangseoOfficer]: {
    id: '00000000-0000-4000-a000-00000000d002',
    userPrincipalName: 'gangseo.officer@delib.localhost',
    displayName: '강서구 담당자 (demo Gangseo-gu officer)',
  },
  [DEMO_TOKENS.outsider]: {
    id: '00000000-0000-4000-a000-00000000e003',
    userPrincipalName: 'outsider@delib.localhost',
    displayName: '명부에 없는 사용자 (demo outsider)',
  },
};

/** Years every demo district but 서초구 is due (서초구 is never due: the "not due" note). */
export const DEMO_YEARS = Array.from({ length: 12 }, (_, i) => 2019 + i);

export function demoRegister(): DistrictRegister {
  return {
    officers: { people: [], groups: [DEMO_GROUPS.city] },
    districts: newestStandard.districts.map((d) => ({
      code: d.code,
      name: d.name,
      dueYears: d.code === '11650' ? [] : DEMO_YEARS,
      submitters:
        d.code === '11440'
          ? { people: [], groups: [DEMO_GROUPS.mapo] }
          : d.code === '11500'
            ? {
                people: [dev.userPrincipalName, DEMO_USERS[DEMO_TOKENS.gangseoOfficer].userPrincipalName],
                groups: [],
              }
            : { people: [`submitter.${d.code}@delib.localhost`], groups: [] },
    })),
  };
}

/** The demo register with one district's submitters replaced (a test's or a bench's own people). */
export function demoRegisterWith(code: string, people: string[], groups: string[] = []): DistrictRegister {
  const register = demoRegister();
  return {
    ...register,
    districts: register.districts.map((d) =>
      d.code === code ? { ...d, submitters: { people, groups } } : d,
    ),
  };
}

/** The register as Districts list items (one per row of its file), for `seed` in tests. */
export function registerItems(register: DistrictRegister): Record<string, string>[] {
  const [, ...rows] = registerRows(register);
  const keys = registerSheet.columns.map((c) => c.key);
  return rows.map((row) => ({
    Title: row[1],
    ...Object.fromEntries(keys.map((k, i) => [DISTRICT_COLUMNS[k], row[i]])),
  }));
}
