/**
 * What a nodemailer error says about a message: refused for good, refused for now, or possibly
 * accepted. The last matters most: a connection lost after the message went out may hide a 250
 * the server did send, so such a message must not be sent again.
 */

/** The fields nodemailer puts on its errors. */
interface MailError {
  message?: string;
  code?: string;
  originalCode?: string;
  responseCode?: number;
  response?: string;
  timeoutType?: string;
}

export type SmtpFailure =
  | { kind: 'permanent'; message: string; response: string | null }
  | { kind: 'temporary'; message: string; response: string | null }
  | { kind: 'unknown_outcome'; message: string; response: null };

/** System errors of a connection that never opened: nothing can have been sent. */
const NEVER_CONNECTED = new Set([
  'ECONNREFUSED',
  'ENOTFOUND',
  'EAI_AGAIN',
  'EHOSTUNREACH',
  'ENETUNREACH',
  'EADDRNOTAVAIL',
]);
/** Timeouts before the session could take a message. */
const SETUP_TIMEOUTS = new Set(['CONNECT_TIMEOUT', 'GREETING_TIMEOUT', 'UPGRADE_TIMEOUT']);
/**
 * Failures of the setup (DNS, TLS, login, configuration, the pool's limits): the message was never
 * offered. Retried, since an operator can fix a password or a certificate within the hour.
 */
const SETUP_CODES = new Set(['EDNS', 'ETLS', 'EAUTH', 'ENOAUTH', 'EOAUTH2', 'EPROXY', 'EMAXLIMIT']);
/** Refused by nodemailer itself or by the server's reply to the envelope: never sent. */
const REFUSED_CODES = new Set(['EENVELOPE', 'EMESSAGE', 'EMAXRECIPIENTS', 'EREQUIRETLS']);

export function classifySmtpFailure(err: unknown): SmtpFailure {
  const e: MailError = typeof err === 'object' && err !== null ? err : {};
  const message = e.message ?? String(err);
  const response = e.response ?? null;
  if (typeof e.responseCode === 'number') {
    // RFC 5321: 5yz is a permanent refusal, 4yz a transient one; 503 (bad sequence) is the
    // session's state, not the message's, and goes through on a new connection.
    const permanent = e.responseCode >= 500 && e.responseCode < 600 && e.responseCode !== 503;
    return { kind: permanent ? 'permanent' : 'temporary', message, response };
  }
  if (e.code && REFUSED_CODES.has(e.code)) return { kind: 'permanent', message, response };
  if (
    (e.originalCode && NEVER_CONNECTED.has(e.originalCode)) ||
    (e.code && NEVER_CONNECTED.has(e.code)) ||
    (e.timeoutType && SETUP_TIMEOUTS.has(e.timeoutType)) ||
    (e.code && SETUP_CODES.has(e.code))
  ) {
    return { kind: 'temporary', message, response };
  }
  // A socket closed or timed out mid-session, or an error we do not know: it may have been sent.
  return { kind: 'unknown_outcome', message, response: null };
}
