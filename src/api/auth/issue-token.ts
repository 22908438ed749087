import type { DataSource, EntityManager } from 'typeorm';
import { Agency, ApiToken, type Role, Unit } from '../../entities/index.js';
import { atLocalTime } from '../../domain/reminders/local-clock.js';
import { ROLES } from './actor.js';
import { generateToken, hashToken } from './tokens.js';

export interface IssueTokenRequest {
  name: string;
  role: Role;
  /** Unit code, for role "unit". */
  unitCode?: string;
  /** Agency code, for role "appraiser". */
  agencyCode?: string;
  /** After this instant the token is refused; absent or null: it does not expire. */
  expiresAt?: Date | null;
  /** Who issues it (a person's or token's name), for the list; absent for `npm run token`. */
  createdBy?: string | null;
}

/** The first characters of a token, shown in lists to recognise it ("par_AbC123"). */
export const tokenHintOf = (token: string): string => token.slice(0, 10);

/** Where a token's expiry day is read: the province's officials' zone. */
export const TOKEN_TIME_ZONE = 'Asia/Ho_Chi_Minh';

/** The last instant of a local day 'YYYY-MM-DD' (23:59:59.999), when a token expiring then stops. */
export function endOfLocalDay(localDate: string, timeZone = TOKEN_TIME_ZONE): Date {
  return new Date(atLocalTime(localDate, '23:59', timeZone).getTime() + 59_999);
}

export class IssueTokenError extends Error {
  override name = 'IssueTokenError';
}

/** Creates a token and returns it in clear, the only time it is ever shown. */
export async function issueToken(
  dataSource: DataSource | EntityManager,
  request: IssueTokenRequest,
): Promise<{ token: string; record: ApiToken }> {
  if (!ROLES.includes(request.role)) {
    throw new IssueTokenError(`role must be one of ${ROLES.join(', ')}; got "${request.role}"`);
  }
  if (!request.name.trim()) throw new IssueTokenError('name is required');
  let unitId: string | null = null;
  let agencyId: string | null = null;
  if (request.role === 'unit') {
    if (!request.unitCode) throw new IssueTokenError('role "unit" needs a unit code (--unit)');
    const unit = await dataSource.getRepository(Unit).findOneBy({ code: request.unitCode });
    if (!unit) throw new IssueTokenError(`no unit with code "${request.unitCode}"`);
    unitId = unit.id;
  } else if (request.unitCode) {
    throw new IssueTokenError('--unit is only for role "unit"');
  }
  if (request.role === 'appraiser') {
    if (!request.agencyCode) {
      throw new IssueTokenError('role "appraiser" needs an agency code (--agency)');
    }
    const agency = await dataSource.getRepository(Agency).findOneBy({ code: request.agencyCode });
    if (!agency) throw new IssueTokenError(`no agency with code "${request.agencyCode}"`);
    agencyId = agency.id;
  } else if (request.agencyCode) {
    throw new IssueTokenError('--agency is only for role "appraiser"');
  }
  const token = generateToken();
  const record = await dataSource.getRepository(ApiToken).save({
    name: request.name.trim(),
    role: request.role,
    unitId,
    agencyId,
    tokenHash: hashToken(token),
    tokenHint: tokenHintOf(token),
    revokedAt: null,
    expiresAt: request.expiresAt ?? null,
    createdBy: request.createdBy ?? null,
  });
  return { token, record };
}
