import type { DataSource } from 'typeorm';
import { Agency, ApiToken, type Role, Unit } from '../../entities/index.js';
import { ROLES } from './actor.js';
import { generateToken, hashToken } from './tokens.js';

export interface IssueTokenRequest {
  name: string;
  role: Role;
  /** Unit code, for role "unit". */
  unitCode?: string;
  /** Agency code, for role "appraiser". */
  agencyCode?: string;
}

export class IssueTokenError extends Error {
  override name = 'IssueTokenError';
}

/** Creates a token and returns it in clear, the only time it is ever shown. */
export async function issueToken(
  dataSource: DataSource,
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
    revokedAt: null,
  });
  return { token, record };
}
