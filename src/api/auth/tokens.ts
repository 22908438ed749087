import { createHash, randomBytes } from 'node:crypto';

/** A new bearer token: "par_" and 32 random bytes, base64url. Shown once, stored hashed. */
export function generateToken(): string {
  return `par_${randomBytes(32).toString('base64url')}`;
}

/** What the database keeps of a token. */
export function hashToken(token: string): string {
  return createHash('sha256').update(token, 'utf8').digest('hex');
}
