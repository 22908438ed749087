/**
 * The API's clock: every decision about a window or a deadline asks it for "now". The service
 * runs on the system clock; tests of a plan on Temporal's time-skipping server give the API that
 * server's time instead, so both sides decide at the same instant.
 */
export interface Clock {
  now(): Date;
}

export const SYSTEM_CLOCK: Clock = { now: () => new Date() };
