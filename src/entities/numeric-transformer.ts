import type { ValueTransformer } from 'typeorm';

/** PostgreSQL returns numeric as a string (to keep precision); points have two decimals at most. */
export const numericTransformer: ValueTransformer = {
  to: (value: number | null | undefined) => value,
  from: (value: string | null) => (value === null ? null : Number(value)),
};
