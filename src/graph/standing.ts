// Where the signed-in user stands on the district register, as a submission asks it: the register as
// the Districts list holds it (through the import's checks) and the user as Graph knows them — `/me`
// once per target (a token names one person), and `checkMemberGroups` for the register's groups once
// per run: at a run's start every group is asked afresh; at completion the register is read again
// and only a group it newly names is asked. Reads that do not depend on each other go together.
import type { Text } from '../standard/types';
import type { DistrictRegister, Identity } from '../register';
import { unreadableRegister } from '../submission/admission';
import { readRegister } from './districts';
import { memberGroups, registerGroups, signedInUser, type SignedInUser } from './identity';
import type { SharePointSite } from './sharepoint';

export type Standing = { register: DistrictRegister; me: Identity } | { refused: Text };

export class SubmitterStanding {
  private user: Promise<SignedInUser> | null = null;
  /** Group id (lower case) → whether the signed-in user is in it, as asked during this run. */
  private readonly membership = new Map<string, boolean>();

  constructor(private readonly site: SharePointSite) {}

  /** At a run's start: the register now, and every group it names asked afresh. */
  begin(): Promise<Standing> {
    this.membership.clear();
    return this.read();
  }

  /** The register now; a group already asked this run is not asked again. */
  async read(): Promise<Standing> {
    const [stored, user] = await Promise.all([readRegister(this.site), this.signedIn()]);
    if (!stored.register)
      return { refused: unreadableRegister(stored.problems, stored.itemOfRow.size === 0) };
    const groups = [...new Set(registerGroups(stored.register).map((g) => g.toLowerCase()))];
    const unasked = groups.filter((g) => !this.membership.has(g));
    if (unasked.length > 0) {
      const found = new Set(await memberGroups(this.site.http, unasked));
      for (const g of unasked) this.membership.set(g, found.has(g));
    }
    return {
      register: stored.register,
      me: { upn: user.upn, objectId: user.id, groupIds: groups.filter((g) => this.membership.get(g)) },
    };
  }

  private signedIn(): Promise<SignedInUser> {
    this.user ??= signedInUser(this.site.http).catch((e: unknown) => {
      this.user = null;
      throw e;
    });
    return this.user;
  }
}
