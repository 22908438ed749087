import type { DataSource } from 'typeorm';
import { Account } from '../../entities/index.js';
import type { Actor } from '../auth/actor.js';
import { AuditEntry } from '../../entities/index.js';
import { normalEmail } from './account-scope.js';
import { createPasswordLink, setPasswordUrl } from './password-links.js';

/** Who the audit log names for what the command line does on the server. */
const COMMAND_LINE: Actor = {
  tokenId: null,
  accountId: null,
  name: 'npm run account:admin (máy chủ)',
  role: 'admin',
  unitId: null,
  agencyId: null,
};

export interface FirstAdmin {
  account: Account;
  created: boolean;
  /** The one-time link to set the password, valid 72 hours. */
  link: string;
  expiresAt: Date;
}

/**
 * Creates an admin account, or makes an existing account of that e-mail an enabled admin, and
 * gives a one-time set-password link, so that the first admin needs no mail server and no code.
 */
export async function ensureAdminAccount(
  dataSource: DataSource,
  publicUrl: string,
  rawEmail: string,
  fullName?: string,
): Promise<FirstAdmin> {
  const email = normalEmail(rawEmail);
  if (!/^[^\s@<>]+@[^\s@<>]+\.[^\s@<>]+$/.test(email)) {
    throw new RangeError(`"${rawEmail}" is not an e-mail address`);
  }
  return dataSource.transaction(async (manager) => {
    const repository = manager.getRepository(Account);
    const existing = await repository.findOneBy({ email });
    const account = await repository.save({
      ...(existing ?? { email, passwordHash: null, lastSignInAt: null }),
      fullName: fullName?.trim() || existing?.fullName || 'Quản trị hệ thống',
      role: 'admin' as const,
      unitId: null,
      agencyId: null,
      disabledAt: null,
    });
    const { token, expiresAt } = await createPasswordLink(manager, account.id, 'invitation');
    await manager.getRepository(AuditEntry).save({
      actorTokenId: COMMAND_LINE.tokenId,
      actorAccountId: COMMAND_LINE.accountId,
      actorName: COMMAND_LINE.name,
      actorRole: COMMAND_LINE.role,
      action: existing ? 'account.admin_restored' : 'account.admin_created',
      entityType: 'account',
      entityId: account.id,
      details: { email, previousRole: existing?.role ?? null, wasDisabled: !!existing?.disabledAt },
    });
    return { account, created: !existing, link: setPasswordUrl(publicUrl, token), expiresAt };
  });
}

/** Whether anyone can sign in yet (npm run dev prints how to create the first admin if not). */
export async function hasAccounts(dataSource: DataSource): Promise<boolean> {
  return dataSource.getRepository(Account).exists();
}
