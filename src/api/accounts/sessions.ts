import { randomBytes } from 'node:crypto';
import { type DataSource, IsNull } from 'typeorm';
import { Account, Session } from '../../entities/index.js';
import type { Actor } from '../auth/actor.js';
import { hashToken } from '../auth/tokens.js';

/**
 * How long a session lasts: 12 hours without a request (a working day, and a laptop left open
 * overnight is signed out), and 7 days at most whatever the use (the cookie's own lifetime).
 */
export const SESSION_IDLE_MS = 12 * 60 * 60 * 1000;
export const SESSION_ABSOLUTE_MS = 7 * 24 * 60 * 60 * 1000;
/** lastSeenAt is moved at most this often, so that reads do not each write a row. */
const TOUCH_EVERY_MS = 60 * 1000;

/** The actor a signed-in account acts as: the same shape as a bearer token's. */
export function accountActor(account: Account): Actor {
  return {
    tokenId: null,
    accountId: account.id,
    // The audit log names the person; the account id is recorded with it.
    name: `${account.fullName} <${account.email}>`.slice(0, 255),
    role: account.role,
    unitId: account.unitId,
    agencyId: account.agencyId,
  };
}

/** Opens a session; returns the secret for the cookie (only its hash is stored). */
export async function openSession(
  dataSource: DataSource,
  account: Account,
  userAgent: string | undefined,
  now = new Date(),
): Promise<{ secret: string; session: Session }> {
  const secret = randomBytes(32).toString('base64url');
  const session = await dataSource.getRepository(Session).save({
    accountId: account.id,
    secretHash: hashToken(secret),
    lastSeenAt: now,
    expiresAt: new Date(now.getTime() + SESSION_ABSOLUTE_MS),
    revokedAt: null,
    userAgent: userAgent?.slice(0, 512) ?? null,
  });
  return { secret, session };
}

export type SessionLookup =
  { kind: 'active'; account: Account; session: Session } | { kind: 'ended' } | { kind: 'disabled' };

/** The account behind a cookie's secret, if its session still runs. */
export async function findSession(
  dataSource: DataSource,
  secret: string,
  now = new Date(),
): Promise<SessionLookup> {
  const session = await dataSource.getRepository(Session).findOne({
    where: { secretHash: hashToken(secret), revokedAt: IsNull() },
    relations: { account: true },
  });
  if (!session?.account) return { kind: 'ended' };
  const idleSince = now.getTime() - session.lastSeenAt.getTime();
  if (session.expiresAt <= now || idleSince > SESSION_IDLE_MS) return { kind: 'ended' };
  // Read on every request, so disabling an account (or changing its role) counts at once.
  if (session.account.disabledAt) return { kind: 'disabled' };
  if (idleSince > TOUCH_EVERY_MS) {
    await dataSource.getRepository(Session).update({ id: session.id }, { lastSeenAt: now });
  }
  return { kind: 'active', account: session.account, session };
}

/** Ends the session with this secret (sign-out); nothing happens for an unknown secret. */
export async function revokeSession(dataSource: DataSource, secret: string): Promise<void> {
  await dataSource
    .getRepository(Session)
    .update({ secretHash: hashToken(secret), revokedAt: IsNull() }, { revokedAt: new Date() });
}

/** Ends every session of an account (disabled, password changed). */
export async function revokeAccountSessions(
  dataSource: DataSource | { getRepository: DataSource['getRepository'] },
  accountId: string,
): Promise<number> {
  const result = await dataSource
    .getRepository(Session)
    .update({ accountId, revokedAt: IsNull() }, { revokedAt: new Date() });
  return result.affected ?? 0;
}
