import { type ArgumentMetadata, ParseUUIDPipe, type PipeTransform } from '@nestjs/common';
import { ApiError } from './api-error.js';
import { CODE_PATTERN } from './dto-validators.js';

/** Quotes what the caller sent, cut to a readable length. */
export function quoted(value: unknown): string {
  const text = typeof value === 'string' ? value : JSON.stringify(value);
  return `"${text.length > 80 ? `${text.slice(0, 77)}...` : text}"`;
}

/** A 400 about one path parameter: Vietnamese first, the English detail after, the field named. */
function badParam(field: string, code: string, vietnamese: string, english: string): ApiError {
  const message = `${vietnamese} (${english})`;
  return new ApiError(400, 'validation_failed', message, [{ field, code, message }]);
}

/**
 * ParseUUIDPipe whose 400 names the parameter and the value:
 * `campaign id must be a UUID such as 0b7c2d4e-…, got "abc"`.
 */
export function uuidParam(what: string): ParseUUIDPipe {
  class NamedParseUUIDPipe extends ParseUUIDPipe {
    override async transform(value: string, metadata: ArgumentMetadata): Promise<string> {
      try {
        return (await super.transform(value, metadata)) ?? value;
      } catch {
        throw badParam(
          metadata.data ?? what,
          'isUuid',
          `Tham số «${metadata.data ?? what}» phải là một UUID`,
          `${what} must be a UUID such as 7c9e6679-7425-40de-944b-e07fc1f90ae7, got ${quoted(value)}`,
        );
      }
    }
  }
  return new NamedParseUUIDPipe();
}

/** Steps are numbered 1–99 in every plan. */
export const MAX_STEP_NUMBER = 99;

/**
 * A positive integer path parameter, e.g. a step number; the 400 names it and the value. A
 * function rather than a pipe: the global ValidationPipe would turn a `number` parameter into NaN
 * before any parameter pipe saw the text the caller sent.
 */
export function positiveInt(
  what: string,
  value: string,
  options: { field?: string; max?: number } = {},
): number {
  const { field = 'number', max = MAX_STEP_NUMBER } = options;
  if (!/^[1-9]\d{0,9}$/.test(value) || Number(value) > max) {
    throw badParam(
      field,
      'isBoundedInt',
      `Tham số «${field}» phải là số nguyên từ 1 đến ${max}`,
      `${what} must be a positive integer up to ${max}, got ${quoted(value)}`,
    );
  }
  return Number(value);
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export const isUuid = (value: string): boolean => UUID.test(value);

/**
 * A campaign as the caller names it in a path: its id (a UUID) or its code ("vinhlong-2021").
 * Every route under /campaigns/{campaignId} takes both; the 400 names what is wrong.
 */
class CampaignRefPipe implements PipeTransform<string, string> {
  transform(value: string, metadata?: ArgumentMetadata): string {
    if (isUuid(value) || (value.length <= 64 && CODE_PATTERN.test(value))) return value;
    const field = metadata?.data ?? 'campaignId';
    throw badParam(
      field,
      'campaignRef',
      `Tham số «${field}» phải là mã định danh (UUID) hoặc mã của một đợt chấm điểm, ví dụ vinhlong-2021`,
      `campaign id must be a campaign's id (a UUID) or its code such as vinhlong-2021, got ${quoted(value)}`,
    );
  }
}

export const campaignRef = new CampaignRefPipe();
