import { randomBytes } from 'node:crypto';
import { type EntityManager, IsNull, MoreThan } from 'typeorm';
import { Account, PasswordLink, type PasswordLinkPurpose } from '../../entities/index.js';
import { PORTAL_PAGES, portalPageUrl } from '../../domain/portal-pages.js';
import { hashToken } from '../auth/tokens.js';

/** An invitation gives a few working days to answer; a reset is asked for by the person now. */
export const LINK_LIFETIME_MS: Record<PasswordLinkPurpose, number> = {
  invitation: 72 * 60 * 60 * 1000,
  reset: 2 * 60 * 60 * 1000,
};

/** The portal's page that sets a password from a link. */
export function setPasswordUrl(publicUrl: string, token: string): string {
  const url = new URL(portalPageUrl(publicUrl, PORTAL_PAGES.setPassword));
  url.searchParams.set('token', token);
  return url.toString();
}

/**
 * A new one-time link for the account; earlier unused links of the account stop working, so only
 * the latest e-mail's link counts. Returns the token (in clear only here, for the e-mail).
 */
export async function createPasswordLink(
  manager: EntityManager,
  accountId: string,
  purpose: PasswordLinkPurpose,
  now = new Date(),
): Promise<{ id: string; token: string; expiresAt: Date }> {
  await manager
    .getRepository(PasswordLink)
    .update({ accountId, usedAt: IsNull() }, { usedAt: now });
  const token = randomBytes(32).toString('base64url');
  const expiresAt = new Date(now.getTime() + LINK_LIFETIME_MS[purpose]);
  const link = await manager
    .getRepository(PasswordLink)
    .save({ accountId, purpose, tokenHash: hashToken(token), expiresAt, usedAt: null });
  return { id: link.id, token, expiresAt };
}

/**
 * Uses the link once: marks it used and returns its account, or null when the token is unknown,
 * used, expired or its account disabled. Locks the row, so two uses at once cannot both pass.
 */
export async function consumePasswordLink(
  manager: EntityManager,
  token: string,
  now = new Date(),
): Promise<{ account: Account; purpose: PasswordLinkPurpose } | null> {
  const link = await manager.getRepository(PasswordLink).findOne({
    where: { tokenHash: hashToken(token), usedAt: IsNull(), expiresAt: MoreThan(now) },
    lock: { mode: 'pessimistic_write' },
  });
  if (!link) return null;
  const account = await manager.getRepository(Account).findOneBy({ id: link.accountId });
  if (!account || account.disabledAt) return null;
  await manager.getRepository(PasswordLink).update({ id: link.id }, { usedAt: now });
  return { account, purpose: link.purpose };
}
