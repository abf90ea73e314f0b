// What the register answers: who is due in a year, who may submit for a district, who is a city
// officer. Sign-in names compare without case (Entra treats them so); ids compare without case.
import type { Text } from '../standard/types';
import { registerRules } from '../standard/register';
import { newestStandard } from '../standard';
import type { DistrictRegister, Identity, RegisteredDistrict, Submitters } from './types';

/** 가나다 order (standard §4), the order every displayed list uses. */
export function byName(a: { name: string }, b: { name: string }): number {
  return a.name.localeCompare(b.name, 'ko');
}

export function districtsInOrder(register: DistrictRegister): RegisteredDistrict[] {
  return [...register.districts].sort(byName);
}

export function findRegistered(register: DistrictRegister, code: string): RegisteredDistrict | undefined {
  return register.districts.find((d) => d.code === code);
}

export function isDue(register: DistrictRegister, code: string, year: number): boolean {
  return findRegistered(register, code)?.dueYears.includes(year) ?? false;
}

/** The districts due in `year`, in 가나다 order. */
export function dueDistricts(register: DistrictRegister, year: number): RegisteredDistrict[] {
  return districtsInOrder(register).filter((d) => d.dueYears.includes(year));
}

/** Whether the identity is one of `submitters`: by sign-in name, or by its own or a group's id. */
export function isAmong(submitters: Submitters, who: Identity): boolean {
  const upn = who.upn?.trim().toLowerCase();
  if (upn && submitters.people.some((p) => p.toLowerCase() === upn)) return true;
  // An id in the register is a group's, or (equally unique in the directory) a person's object id.
  const ids = new Set([who.objectId ?? '', ...(who.groupIds ?? [])].map((id) => id.toLowerCase()));
  ids.delete('');
  return submitters.groups.some((g) => ids.has(g.toLowerCase()));
}

export function isCityOfficer(register: DistrictRegister, who: Identity): boolean {
  return isAmong(register.officers, who);
}

/**
 * How `who` may submit for the district: as one of its own submitters, as a city officer on its
 * behalf, or not at all. A person on both lists submits as the district.
 */
export type SubmitterRole = 'district' | 'city' | null;

export function roleFor(register: DistrictRegister, who: Identity, code: string): SubmitterRole {
  const district = findRegistered(register, code);
  if (district && isAmong(district.submitters, who)) return 'district';
  return isCityOfficer(register, who) ? 'city' : null;
}

/** The districts `who` is registered for as a district submitter, in 가나다 order. */
export function districtsOf(register: DistrictRegister, who: Identity): RegisteredDistrict[] {
  return districtsInOrder(register).filter((d) => isAmong(d.submitters, who));
}

export type SubmitPermission =
  { allowed: true; role: 'district' | 'city' } | { allowed: false; reason: Text };

/** The district's names for messages: the standard's, whatever the register holds for it. */
function districtNames(code: string): Text {
  const d = newestStandard.districts.find((x) => x.code === code);
  return d ? { ko: d.name, en: `${d.nameEn} (${d.name})` } : { ko: code, en: code };
}

/**
 * May `who` submit for the district with `code`? When not, the reason names the district, the
 * signed-in name, and who keeps the register, in both languages.
 */
export function submitPermission(register: DistrictRegister, who: Identity, code: string): SubmitPermission {
  const role = roleFor(register, who, code);
  if (role) return { allowed: true, role };
  const name = districtNames(code);
  const upn = who.upn?.trim() || '?';
  const keeper = registerRules.keeper;
  return {
    allowed: false,
    reason: {
      ko: `${upn} 계정은 ${name.ko} 제출자 명부에 없어 ${name.ko} 통합시트를 제출할 수 없습니다. 명부는 ${keeper.ko}에서 관리하니, 추가가 필요하면 그곳에 요청하세요.`,
      en: `${upn} is not on the register of submitters for ${name.en}, so it cannot submit ${name.en}'s workbook. The register is kept by ${keeper.en}: ask there to be added.`,
    },
  };
}

/**
 * Whether an item's creator is on the district's register, as far as a reader can tell: `on` by
 * sign-in name or object id (or, when the caller knows the creator's groups, by group); `off` when
 * that is known not to be so; `unknown` when only a group on the district's or the city's row could
 * admit them and their groups are not known (a signed-in client learns its own groups only).
 */
export type Standing = 'on' | 'off' | 'unknown';

export function standingOf(register: DistrictRegister, who: Identity, code: string): Standing {
  if (roleFor(register, who, code)) return 'on';
  if (who.groupIds !== undefined) return 'off';
  const groups = [...(findRegistered(register, code)?.submitters.groups ?? []), ...register.officers.groups];
  return groups.length > 0 ? 'unknown' : 'off';
}
