import { apiGet, apiPost } from '../api/client';
import type { SignedIn } from '../session/session';

/** A machine token as GET /api-tokens lists it (ApiTokenView): never the token itself. */
export interface TokenRow {
  id: string;
  name: string;
  role: SignedIn['role'];
  unitCode: string | null;
  agencyCode: string | null;
  hint: string | null;
  createdAt: string;
  createdBy: string | null;
  lastUsedAt: string | null;
  expiresAt: string | null;
  revokedAt: string | null;
  /** Whether the API accepts it now. */
  status: 'active' | 'expired' | 'revoked';
}

export interface TokenRequest {
  name: string;
  role: SignedIn['role'];
  unitCode?: string;
  agencyCode?: string;
  /** The last day it works, YYYY-MM-DD; absent: never expires. */
  expiresOn?: string;
}

export interface IssuedToken {
  token: string;
  record: TokenRow;
}

export const listTokens = () => apiGet<TokenRow[]>('/api-tokens');
export const issueToken = (request: TokenRequest) => apiPost<IssuedToken>('/api-tokens', request);
export const revokeToken = (id: string) =>
  apiPost<TokenRow>(`/api-tokens/${encodeURIComponent(id)}/revoke`, {});

const TODAY = new Intl.DateTimeFormat('en-CA', {
  timeZone: 'Asia/Ho_Chi_Minh',
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
});

/** The local day (YYYY-MM-DD, Việt Nam) `days` after today: the form's choice of a validity. */
export function dayAfterToday(days: number, now = new Date()): string {
  const [y, m, d] = TODAY.format(now).split('-').map(Number);
  return new Date(Date.UTC(y!, m! - 1, d! + days)).toISOString().slice(0, 10);
}
