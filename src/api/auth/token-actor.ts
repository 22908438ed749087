import { DataSource } from 'typeorm';
import { ApiToken } from '../../entities/index.js';
import type { Actor } from './actor.js';
import { hashToken } from './tokens.js';

/** The token in an "Authorization: Bearer <token>" header, if the header has that form. */
export function bearerToken(header: string | undefined): string | null {
  const match = /^Bearer\s+(\S+)$/i.exec(header ?? '');
  return match?.[1] ?? null;
}

/** Why a token is refused. */
export type TokenRefusal = 'unknown' | 'revoked' | 'expired';

/**
 * Whether a token is in force at `now` (the API's clock): a revoked one never is again (a
 * revocation counts at once, whatever the clock says), an expired one is not from its expiry on.
 */
export function tokenRefusalAt(
  record: Pick<ApiToken, 'revokedAt' | 'expiresAt'>,
  now: Date,
): TokenRefusal | null {
  if (record.revokedAt !== null) return 'revoked';
  if (record.expiresAt !== null && record.expiresAt.getTime() <= now.getTime()) return 'expired';
  return null;
}

/** Last use is written at most this often per token. */
const LAST_USE_GRANULARITY_MS = 60_000;

/**
 * Who holds this token at `now`, or why it is refused. The one place a token is accepted: the
 * auth guard and /health ask it. Accepting it notes its last use (at most once a minute).
 */
export async function checkToken(
  dataSource: DataSource,
  token: string,
  now: Date = new Date(),
): Promise<{ actor: Actor } | { refused: TokenRefusal }> {
  const record = await dataSource
    .getRepository(ApiToken)
    .findOneBy({ tokenHash: hashToken(token) });
  if (!record) return { refused: 'unknown' };
  const refused = tokenRefusalAt(record, now);
  if (refused) return { refused };
  // Last use is a wall-clock fact, also when the API decides at a test's clock.
  const usedAt = new Date();
  if (
    record.lastUsedAt === null ||
    Math.abs(usedAt.getTime() - record.lastUsedAt.getTime()) >= LAST_USE_GRANULARITY_MS
  ) {
    await dataSource.query(`UPDATE api_tokens SET last_used_at = $2 WHERE id = $1`, [
      record.id,
      usedAt,
    ]);
  }
  return {
    actor: {
      tokenId: record.id,
      accountId: null,
      name: record.name,
      role: record.role,
      unitId: record.unitId,
      agencyId: record.agencyId,
    },
  };
}

/** Who holds this token, or null when it is unknown, revoked or expired. */
export async function actorForToken(
  dataSource: DataSource,
  token: string,
  now: Date = new Date(),
): Promise<Actor | null> {
  const checked = await checkToken(dataSource, token, now);
  return 'actor' in checked ? checked.actor : null;
}
