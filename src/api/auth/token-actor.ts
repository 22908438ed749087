import { DataSource, IsNull } from 'typeorm';
import { ApiToken } from '../../entities/index.js';
import type { Actor } from './actor.js';
import { hashToken } from './tokens.js';

/** The token in an "Authorization: Bearer <token>" header, if the header has that form. */
export function bearerToken(header: string | undefined): string | null {
  const match = /^Bearer\s+(\S+)$/i.exec(header ?? '');
  return match?.[1] ?? null;
}

/** Who holds this token, or null when it is unknown or revoked. */
export async function actorForToken(dataSource: DataSource, token: string): Promise<Actor | null> {
  const record = await dataSource.getRepository(ApiToken).findOneBy({
    tokenHash: hashToken(token),
    revokedAt: IsNull(),
  });
  if (!record) return null;
  return {
    tokenId: record.id,
    accountId: null,
    name: record.name,
    role: record.role,
    unitId: record.unitId,
    agencyId: record.agencyId,
  };
}
