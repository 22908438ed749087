/** Injection tokens for values that are not classes. */
export const APP_CONFIG = Symbol('APP_CONFIG');
export const TEMPORAL_CLIENT = Symbol('TEMPORAL_CLIENT');
export const MAIL_TRANSPORT = Symbol('MAIL_TRANSPORT');
/** A Temporal connection without retries, for /health: one attempt, no timers left behind. */
export const TEMPORAL_PROBE = Symbol('TEMPORAL_PROBE');
/** The API's clock (src/api/clock.ts). */
export const CLOCK = Symbol('CLOCK');
