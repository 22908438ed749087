import type { EntityManager } from 'typeorm';
import { Account, Agency, type Role, Unit } from '../../entities/index.js';
import { ApiError } from '../common/api-error.js';
import type { AccountView } from './account.dto.js';

/** Lower-cased and trimmed: the one form an e-mail is stored and looked up in. */
export const normalEmail = (email: string): string => email.trim().toLowerCase();

export interface AccountScope {
  unitId: string | null;
  agencyId: string | null;
}

function invalid(field: string, vietnamese: string, english: string): ApiError {
  const message = `${vietnamese} (${english})`;
  return new ApiError(400, 'validation_failed', message, [{ field, code: 'scope', message }]);
}

/**
 * The unit or agency a role acts for, as the machine tokens have it: a unit account needs its
 * unit, an appraiser its agency, and no other role has either.
 */
export async function resolveScope(
  manager: EntityManager,
  role: Role,
  unitCode: string | null | undefined,
  agencyCode: string | null | undefined,
): Promise<AccountScope> {
  if (role !== 'unit' && unitCode) {
    throw invalid(
      'unitCode',
      'Chỉ tài khoản của đơn vị mới có mã đơn vị',
      'unitCode is only for role "unit"',
    );
  }
  if (role !== 'appraiser' && agencyCode) {
    throw invalid(
      'agencyCode',
      'Chỉ tài khoản của cơ quan thẩm định mới có mã cơ quan',
      'agencyCode is only for role "appraiser"',
    );
  }
  if (role === 'unit') {
    if (!unitCode)
      throw invalid('unitCode', 'Tài khoản của đơn vị cần mã đơn vị', 'role "unit" needs unitCode');
    const unit = await manager.getRepository(Unit).findOneBy({ code: unitCode });
    if (!unit)
      throw new ApiError(
        404,
        'not_found',
        `Không có đơn vị mã «${unitCode}» (no unit with code ${unitCode}).`,
      );
    return { unitId: unit.id, agencyId: null };
  }
  if (role === 'appraiser') {
    if (!agencyCode) {
      throw invalid(
        'agencyCode',
        'Tài khoản thẩm định cần mã cơ quan thẩm định',
        'role "appraiser" needs agencyCode',
      );
    }
    const agency = await manager.getRepository(Agency).findOneBy({ code: agencyCode });
    if (!agency) {
      throw new ApiError(
        404,
        'not_found',
        `Không có cơ quan thẩm định mã «${agencyCode}» (no agency with code ${agencyCode}).`,
      );
    }
    if (!agency.active) {
      // Nobody appraises for an agency that no longer exists (merged, dissolved).
      throw new ApiError(
        409,
        'conflict',
        `Cơ quan thẩm định ${agencyCode} không còn hoạt động${agency.mergedInto ? ` (đã hợp nhất vào ${agency.mergedInto}: hãy dùng mã ${agency.mergedInto})` : ''}.`,
      );
    }
    return { unitId: null, agencyId: agency.id };
  }
  return { unitId: null, agencyId: null };
}

/** The account as the API shows it (never its password hash); unit and agency by code. */
export function accountView(account: Account): AccountView {
  return {
    id: account.id,
    email: account.email,
    fullName: account.fullName,
    role: account.role,
    unitCode: account.unit?.code ?? null,
    agencyCode: account.agency?.code ?? null,
    passwordSet: account.passwordHash !== null,
    disabled: account.disabledAt !== null,
    disabledAt: account.disabledAt?.toISOString() ?? null,
    createdAt: account.createdAt.toISOString(),
    lastSignInAt: account.lastSignInAt?.toISOString() ?? null,
  };
}

/** An account with its unit and agency, for its view. */
export async function loadAccount(manager: EntityManager, id: string): Promise<Account | null> {
  return manager
    .getRepository(Account)
    .findOne({ where: { id }, relations: { unit: true, agency: true } });
}

/** "Sở Nội vụ (SNV)": whom the account acts for, in its invitation. */
export function actsFor(account: Account): string | null {
  if (account.unit) return `${account.unit.name} (${account.unit.code})`;
  if (account.agency) return `${account.agency.name} (${account.agency.code})`;
  return null;
}
