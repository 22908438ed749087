import type { Role } from '../../entities/index.js';

/** Who is calling: a machine's bearer token or a person's session (an account). */
export interface Actor {
  /** The bearer token's id; null for a person signed in with a session. */
  tokenId: string | null;
  /** The person's account; null for a bearer token. */
  accountId: string | null;
  name: string;
  role: Role;
  /** Set for role "unit": the unit it acts for. */
  unitId: string | null;
  /** Set for role "appraiser": the agency it appraises for. */
  agencyId: string | null;
}

export { ROLES } from '../../domain/words.js';

/** Roles that run the campaign and may read and write everything in it. */
export const CAMPAIGN_STAFF: readonly Role[] = ['admin', 'secretariat'];
