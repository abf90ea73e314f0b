// Whether a submission may go in, decided from the district register and who is signed in — never
// from the workbook: asked before anything is written, and again, from the register as it is then,
// before the submission is made current. Also which items may be the district-year's current one:
// a submission whose creator is not on the register never supersedes anything.
import type { Text } from '../standard/types';
import { registerRules } from '../standard/register';
import { newestStandard } from '../standard';
import {
  isDue,
  standingOf,
  submitPermission,
  type DistrictRegister,
  type Identity,
  type RegisterProblem,
} from '../register';
import type { Submitter } from './types';

export type Admission =
  | {
      allowed: true;
      /** As one of the district's submitters, or as a city officer on its behalf. */
      role: 'district' | 'city';
      /** Said with the outcome: submitted on the district's behalf; the district not due that year. */
      notes: Text[];
    }
  | { allowed: false; reason: Text };

export interface AdmissionInput {
  /** The register as read now; null when it cannot be read (then nobody may submit). */
  register: DistrictRegister | null;
  /** Why the register cannot be read (its first problems), when it cannot. */
  problems?: readonly RegisterProblem[];
  /** The signed-in user, with the register's groups they belong to. */
  me: Identity;
  district: { code: string; year: number };
  /**
   * The creator of the Submissions item already holding this submission's key (identical data
   * submitted before), or undefined when there is none.
   */
  existing?: Submitter | null;
  /** Whether making this submission current would supersede another current one. */
  supersedes: boolean;
}

const t = (ko: string, en: string): Text => ({ ko, en });

/** Every district's name ends in 구 (a vowel): its particles are 는 and 를. */
function names(code: string): Text {
  const d = newestStandard.districts.find((x) => x.code === code);
  return d ? t(d.name, `${d.nameEn} (${d.name})`) : t(code, code);
}

/** What SharePoint recorded as an item's creator, as the register's queries take a person. */
export function identityOfCreator(creator: Submitter | null): Identity {
  return { upn: creator?.email ?? null, objectId: creator?.id ?? null };
}

/**
 * Whether an item created by `creator` may be the district-year's current submission, judged with
 * what a signed-in client can know: the signed-in user exactly (their groups are known), anyone
 * else by sign-in name or object id. Someone a group on the register might admit is given the
 * benefit of the doubt here (a client cannot ask about another person's groups with User.Read);
 * the city desk, which may resolve creators' groups, judges them there.
 */
export function mayBeCurrent(
  register: DistrictRegister,
  me: Identity,
  code: string,
): (creator: Submitter | null) => boolean {
  return (creator) => {
    if (!creator) return false;
    if (me.objectId && creator.id.toLowerCase() === me.objectId.toLowerCase())
      return standingOf(register, me, code) === 'on';
    return standingOf(register, identityOfCreator(creator), code) !== 'off';
  };
}

/** Why nobody may submit while the register is empty or cannot be read (its first error named). */
export function unreadableRegister(problems: readonly RegisterProblem[] = [], empty = false): Text {
  const keeper = registerRules.keeper;
  if (empty)
    return t(
      `자치구 명부(SharePoint 'Districts' 목록)가 비어 있어 아무도 제출할 수 없습니다. ${keeper.ko}에서 명부를 가져와야 합니다 (delib districts import).`,
      `The district register (the SharePoint 'Districts' list) is empty, so nobody can submit yet. ${keeper.en} must import it first (delib districts import).`,
    );
  const first = problems.find((p) => p.severity === 'error');
  return t(
    `자치구 명부(SharePoint 'Districts' 목록)를 읽을 수 없어 제출할 수 없습니다${first ? ` (${first.message.ko})` : ''}. ${keeper.ko}에 명부 정리를 요청하세요.`,
    `The district register (the SharePoint 'Districts' list) cannot be read, so nothing can be submitted${first ? ` (${first.message.en})` : ''}. Ask ${keeper.en} to put it right.`,
  );
}

export function admission(input: AdmissionInput): Admission {
  const keeper = registerRules.keeper;
  const { register, me } = input;
  const { code, year } = input.district;
  const name = names(code);
  if (!register) return { allowed: false, reason: unreadableRegister(input.problems) };
  const permission = submitPermission(register, me, code);
  if (!permission.allowed) return permission;
  if (input.existing !== undefined && input.supersedes) {
    // Identical data is already in SharePoint under this key, and its record names its creator:
    // making that item current again must not let someone off the register supersede anything.
    const creator = input.existing;
    if (!mayBeCurrent(register, me, code)(creator)) {
      const who = creator?.email ?? creator?.displayName ?? '?';
      return {
        allowed: false,
        reason: t(
          `이 통합시트와 같은 자료가 이미 ${who} 계정으로 제출되어 있는데, 그 계정은 ${name.ko} 제출자 명부에 없습니다. 그 제출은 현재 제출을 대체할 수 없으므로 다시 제출해도 바뀌는 것이 없습니다. ${keeper.ko}에 문의하세요 (그 항목을 정리하거나, 통합시트를 고친 뒤 다시 제출).`,
          `Identical data was already submitted by ${who}, who is not on the register for ${name.en}. That submission cannot supersede the current one, so submitting it again changes nothing. Ask ${keeper.en} (to remove that item, or submit a corrected workbook).`,
        ),
      };
    }
  }
  const notes: Text[] = [];
  if (permission.role === 'city')
    notes.push(
      t(
        `시 담당자로서 ${name.ko}를 대신해 제출합니다. SharePoint 항목에 대리 제출로 기록됩니다.`,
        `Submitted by a city officer on behalf of ${name.en}; the SharePoint item records it as such.`,
      ),
    );
  if (!isDue(register, code, year))
    notes.push(
      t(
        `명부에 따르면 ${name.ko}는 ${year}년 제출 대상이 아닙니다. 제출은 받지만 시 제출 현황에는 '제출 대상 아님'으로 따로 표시됩니다.`,
        `By the register, ${name.en} is not due in ${year}: the submission is accepted, and the city's status board lists it apart as not due.`,
      ),
    );
  return { allowed: true, role: permission.role, notes };
}
