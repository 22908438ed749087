/**
 * A browser's view of the API for the account tests: the session cookie kept between calls, an
 * Origin sent on writes as the portal's pages would, and the mails read back from MailDev.
 */
import { inject } from 'vitest';
import type { DataSource } from 'typeorm';
import { hashPassword } from '../../src/api/accounts/password-hash.js';
import { Account, type Role } from '../../src/entities/index.js';
import { call, type TestApi } from './api.js';
import { suffix } from './api-fixtures.js';
import './provided.js';

export interface Answer {
  status: number;
  body: any;
  headers: Headers;
}

export interface RequestOptions {
  body?: unknown;
  cookie?: string | null;
  token?: string;
  /** The Origin header; default: the API's own origin on writes. null: none. */
  origin?: string | null;
  referer?: string;
}

export async function send(
  api: TestApi,
  method: string,
  path: string,
  options: RequestOptions = {},
): Promise<Answer> {
  const headers: Record<string, string> = {};
  if (options.cookie) headers.cookie = options.cookie;
  const origin = options.origin === undefined && method !== 'GET' ? api.url : options.origin;
  if (origin) headers.origin = origin;
  if (options.referer) headers.referer = options.referer;
  return call(api, method, path, { token: options.token, body: options.body, headers });
}

/** "par_session=…" from a Set-Cookie answer, as a browser would send it back. */
export function cookieOf(answer: Answer): string {
  const set = answer.headers.get('set-cookie') ?? '';
  const pair = set.split(';')[0]!;
  if (!/^par_session=.+/.test(pair)) throw new Error(`no session cookie in "${set}"`);
  return pair;
}

export async function signIn(api: TestApi, email: string, password: string): Promise<string> {
  const answer = await send(api, 'POST', '/auth/sign-in', { body: { email, password } });
  if (answer.status !== 200)
    throw new Error(`sign-in ${answer.status}: ${JSON.stringify(answer.body)}`);
  return cookieOf(answer);
}

/** An account with a password, written as the invitation flow would leave it. */
export async function accountWithPassword(
  db: DataSource,
  role: Role,
  password: string,
  scope: { unitId?: string; agencyId?: string } = {},
): Promise<Account> {
  return db.getRepository(Account).save({
    email: `${role}.${suffix()}@example.gov.vn`,
    fullName: `Người dùng ${role} ${suffix()}`,
    role,
    unitId: scope.unitId ?? null,
    agencyId: scope.agencyId ?? null,
    passwordHash: await hashPassword(password),
    disabledAt: null,
    lastSignInAt: null,
  });
}

interface ReceivedMail {
  /** Lower-case names; 'message-id' with its angle brackets. */
  headers: Record<string, string>;
  subject: string;
  text: string;
  html: string;
  to: { address: string }[];
}

/** The mails MailDev received for an address, waiting up to 10 s for at least `count`. */
export async function mailsTo(address: string, count = 1): Promise<ReceivedMail[]> {
  const deadline = Date.now() + 10_000;
  for (;;) {
    const all = (await (await fetch(`${inject('mailApiUrl')}/email`)).json()) as ReceivedMail[];
    const mine = all.filter((m) => m.to.some((to) => to.address === address));
    if (mine.length >= count || Date.now() > deadline) return mine;
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
}

/** The token of the set-password link in a mail. */
export function linkToken(mail: ReceivedMail, publicUrl: string): string {
  const match = new RegExp(
    `${publicUrl.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}/portal/dat-mat-khau\\?token=([A-Za-z0-9_-]+)`,
  ).exec(mail.text);
  if (!match) throw new Error(`no set-password link in: ${mail.text}`);
  return match[1]!;
}
