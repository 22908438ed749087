/**
 * A check whose result is kept for `ttlMs`: SMTP is checked by opening a connection, which the
 * health endpoint must not do on every call (a probe every few seconds, or anyone calling it).
 * Callers during a check share it rather than opening connections of their own.
 */
export class CachedCheck<T> {
  private last: { at: number; result: Promise<T> } | null = null;

  constructor(
    private readonly check: () => Promise<T>,
    private readonly ttlMs: number,
    private readonly now: () => number = Date.now,
  ) {}

  get(): Promise<T> {
    const now = this.now();
    if (this.last === null || now - this.last.at >= this.ttlMs) {
      this.last = { at: now, result: this.check() };
    }
    return this.last.result;
  }
}
