/**
 * Cookie-authenticated writes must come from the portal's own pages: the request's Origin (or,
 * without one, its Referer) must be PUBLIC_URL's origin or the request's own host. SameSite=Lax
 * already keeps the cookie off cross-site POSTs; this also covers same-site subdomains and old
 * browsers. Bearer tokens are not sent by browsers on their own, so they are not checked.
 */
export const WRITE_METHODS = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

export interface OriginHeaders {
  origin?: string;
  referer?: string;
  host?: string;
}

function originOf(value: string | undefined): URL | null {
  if (!value || value === 'null') return null;
  try {
    return new URL(value);
  } catch {
    return null;
  }
}

/** Whether a write carrying the session cookie comes from the portal itself. */
export function fromOwnOrigin(headers: OriginHeaders, publicUrl: string): boolean {
  const source = originOf(headers.origin) ?? originOf(headers.referer);
  if (!source) return false;
  if (source.origin === new URL(publicUrl).origin) return true;
  return headers.host !== undefined && source.host === headers.host.toLowerCase();
}
