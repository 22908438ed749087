import { Injectable } from '@nestjs/common';

/**
 * Failed sign-ins counted per e-mail (5 in 15 minutes) and per IP address (20 in 15 minutes):
 * beyond either, sign-in answers 429 until the oldest failure leaves the window, even with the
 * right password, so guessing gets nowhere. Kept in this process's memory: with several API
 * processes each counts its own (a guesser spread over them gets that many times the budget).
 */
export const SIGN_IN_WINDOW_MS = 15 * 60 * 1000;
export const FAILURES_PER_EMAIL = 5;
export const FAILURES_PER_IP = 20;
/** Bounds the memory a flood of distinct e-mails can take. */
const MAX_KEYS = 100_000;

export class FailureWindow {
  private readonly failures = new Map<string, number[]>();

  constructor(
    private readonly limit: number,
    private readonly windowMs: number,
  ) {}

  /** Seconds until one more attempt is allowed; 0 when it is allowed now. */
  retryAfterSeconds(key: string, now: number): number {
    const recent = this.recent(key, now);
    if (recent.length < this.limit) return 0;
    return Math.max(1, Math.ceil((recent[0]! + this.windowMs - now) / 1000));
  }

  record(key: string, now: number): void {
    const recent = this.recent(key, now);
    recent.push(now);
    this.failures.delete(key);
    this.failures.set(key, recent);
    if (this.failures.size > MAX_KEYS) {
      // Map keeps insertion order: the first key is the one failed longest ago.
      this.failures.delete(this.failures.keys().next().value!);
    }
  }

  clear(key: string): void {
    this.failures.delete(key);
  }

  private recent(key: string, now: number): number[] {
    return (this.failures.get(key) ?? []).filter((at) => at > now - this.windowMs);
  }
}

@Injectable()
export class SignInLimiter {
  private readonly byEmail = new FailureWindow(FAILURES_PER_EMAIL, SIGN_IN_WINDOW_MS);
  private readonly byIp = new FailureWindow(FAILURES_PER_IP, SIGN_IN_WINDOW_MS);
  /** Reset links mailed per e-mail: beyond it, the request is answered alike and no mail goes. */
  private readonly resets = new FailureWindow(3, SIGN_IN_WINDOW_MS);

  retryAfterSeconds(email: string, ip: string, now = Date.now()): number {
    return Math.max(
      this.byEmail.retryAfterSeconds(email, now),
      this.byIp.retryAfterSeconds(ip, now),
    );
  }

  failed(email: string, ip: string, now = Date.now()): void {
    this.byEmail.record(email, now);
    this.byIp.record(ip, now);
  }

  succeeded(email: string): void {
    this.byEmail.clear(email);
  }

  /** Whether a reset link may be mailed to this address now (and counts it). */
  mayMailReset(email: string, now = Date.now()): boolean {
    if (this.resets.retryAfterSeconds(email, now) > 0) return false;
    this.resets.record(email, now);
    return true;
  }
}
