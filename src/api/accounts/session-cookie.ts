/**
 * The session cookie: `par_session`, HttpOnly (no script reads it), SameSite=Lax (not sent on
 * cross-site POSTs), Path=/, and Secure when PUBLIC_URL is https.
 */
export const SESSION_COOKIE = 'par_session';

export interface CookieOptions {
  secure: boolean;
  /** Seconds the browser keeps it. */
  maxAgeSeconds: number;
}

/** Whether cookies must be Secure: the portal is served over https. */
export function secureCookies(publicUrl: string): boolean {
  return new URL(publicUrl).protocol === 'https:';
}

export function sessionCookie(secret: string, options: CookieOptions): string {
  return [
    `${SESSION_COOKIE}=${secret}`,
    'Path=/',
    'HttpOnly',
    'SameSite=Lax',
    `Max-Age=${options.maxAgeSeconds}`,
    ...(options.secure ? ['Secure'] : []),
  ].join('; ');
}

/** Tells the browser to forget the cookie. */
export function clearedSessionCookie(secure: boolean): string {
  return sessionCookie('', { secure, maxAgeSeconds: 0 });
}

/** The session secret in a Cookie header, if there is one. */
export function sessionSecret(cookieHeader: string | undefined): string | null {
  for (const part of (cookieHeader ?? '').split(';')) {
    const eq = part.indexOf('=');
    if (eq < 0) continue;
    if (part.slice(0, eq).trim() !== SESSION_COOKIE) continue;
    const value = part.slice(eq + 1).trim();
    // Our secrets are base64url; anything else is not one of ours.
    return /^[A-Za-z0-9_-]{20,100}$/.test(value) ? value : null;
  }
  return null;
}
