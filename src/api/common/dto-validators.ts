import {
  isISO8601,
  Matches,
  ValidateBy,
  ValidateIf,
  type ValidationOptions,
} from 'class-validator';
import { DateTime, IANAZone } from 'luxon';
import { reservedUnitCode, reservedUnitCodeProblem } from '../../contracts/workflow-ids.js';

/**
 * For optional fields that may not be null: skips validation only when the field is absent.
 * (class-validator's IsOptional also lets null through, which a NOT NULL column would refuse.)
 */
export function IsOmittable(): PropertyDecorator {
  return ValidateIf((_object: object, value: unknown) => value !== undefined);
}

/** An IANA time zone name such as Asia/Ho_Chi_Minh (not an offset, not "local"). */
export function IsIanaTimeZone(options?: ValidationOptions): PropertyDecorator {
  return ValidateBy(
    {
      name: 'isIanaTimeZone',
      validator: {
        validate: (value: unknown) => typeof value === 'string' && IANAZone.isValidZone(value),
        defaultMessage: (args) =>
          `${args?.property ?? 'value'} must be an IANA time zone such as Asia/Ho_Chi_Minh, got ${JSON.stringify(args?.value)}`,
      },
    },
    options,
  );
}

/** Campaign years, and so the years of every date the API takes. */
export const MIN_YEAR = 2000;
export const MAX_YEAR = 2100;

/**
 * A calendar date 'YYYY-MM-DD' that exists (luxon refuses 2021-02-30), in the years
 * MIN_YEAR..MAX_YEAR a campaign can have.
 */
export function IsLocalDate(options?: ValidationOptions): PropertyDecorator {
  return ValidateBy(
    {
      name: 'isLocalDate',
      validator: {
        validate: (value: unknown) => {
          if (typeof value !== 'string' || !/^\d{4}-\d{2}-\d{2}$/.test(value)) return false;
          const date = DateTime.fromISO(value, { zone: 'UTC' });
          return date.isValid && date.year >= MIN_YEAR && date.year <= MAX_YEAR;
        },
        defaultMessage: (args) =>
          `${args?.property ?? 'value'} must be a local date YYYY-MM-DD that exists, in the years ${MIN_YEAR}–${MAX_YEAR}, got ${JSON.stringify(args?.value)}`,
      },
    },
    options,
  );
}

const INSTANT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,9})?)?(Z|[+-]\d{2}:\d{2})$/;

/** An ISO 8601 instant with its offset: "2021-12-24T16:59:59Z" or "2021-12-24T23:59:59+07:00". */
export function IsInstant(options?: ValidationOptions): PropertyDecorator {
  return ValidateBy(
    {
      name: 'isInstant',
      validator: {
        validate: (value: unknown) =>
          typeof value === 'string' &&
          INSTANT.test(value) &&
          isISO8601(value, { strict: true }) &&
          !Number.isNaN(Date.parse(value)),
        defaultMessage: (args) =>
          `${args?.property ?? 'value'} must be an ISO 8601 instant with a zone, e.g. 2021-12-24T16:59:59Z or 2021-12-24T23:59:59+07:00, got ${JSON.stringify(args?.value)}`,
      },
    },
    options,
  );
}

/** Codes end up in workflow IDs and search attributes: letters, digits, ".", "_" and "-". */
export const CODE_PATTERN = /^[A-Za-z0-9][A-Za-z0-9._-]*$/;

export function IsCode(maxLength: number): PropertyDecorator {
  return (target: object, property: string | symbol) => {
    Matches(CODE_PATTERN, {
      message: `${String(property)} must start with a letter or digit and hold only letters, digits, ".", "_" and "-"`,
    })(target, property);
    ValidateBy({
      name: 'maxCodeLength',
      validator: {
        validate: (value: unknown) => typeof value === 'string' && value.length <= maxLength,
        defaultMessage: () => `${String(property)} must be at most ${maxLength} characters`,
      },
    })(target, property);
  };
}

/** A unit's code: a code (IsCode) that is not reserved for a campaign's own workflows. */
export function IsUnitCode(): PropertyDecorator {
  return (target: object, property: string | symbol) => {
    IsCode(32)(target, property);
    ValidateBy({
      name: 'unreservedUnitCode',
      validator: {
        validate: (value: unknown) => typeof value !== 'string' || !reservedUnitCode(value),
        defaultMessage: (args) => reservedUnitCodeProblem(String(args?.value)) ?? '',
      },
    })(target, property);
  };
}

/** The largest value a PostgreSQL `integer` column or parameter holds. */
export const PG_INT_MAX = 2_147_483_647;

/**
 * A whole number within [min, max]: every integer the API takes is bounded, so none overflows a
 * PostgreSQL integer (99999999999 used to reach the database and fail with a 500).
 */
export function IsBoundedInt(min: number, max: number, what?: string): PropertyDecorator {
  return (target: object, property: string | symbol) => {
    const name = what ?? String(property);
    ValidateBy({
      name: 'isBoundedInt',
      constraints: [min, max],
      validator: {
        validate: (value: unknown) =>
          typeof value === 'number' && Number.isInteger(value) && value >= min && value <= max,
        defaultMessage: (args) =>
          `${name} must be an integer from ${min} to ${max}, got ${typeof args?.value === 'number' ? String(args.value) : JSON.stringify(args?.value)}`,
      },
    })(target, property);
  };
}
