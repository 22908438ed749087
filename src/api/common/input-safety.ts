import type { ArgumentMetadata } from '@nestjs/common';
import { ApiError, type ApiFieldError } from './api-error.js';

/** Deeper bodies are refused before class-validator, whose recursion overflows at ~2,000. */
export const MAX_DEPTH = 32;

/** Keys that reach prototypes when code copies or merges objects; never a field of ours. */
const FORBIDDEN_KEYS = new Set(['__proto__', 'constructor', 'prototype']);

/** Enough to show the caller what is wrong without building a huge answer. */
const MAX_PROBLEMS = 20;

/** A high surrogate not followed by a low one, or a low one not preceded by a high one. */
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

function stringProblem(field: string, text: string): ApiFieldError | undefined {
  // PostgreSQL's text cannot hold U+0000, and a lone surrogate is not UTF-8 at all: both used to
  // reach the database and fail there with a 500.
  if (text.includes('\u0000')) {
    return {
      field,
      code: 'nul_character',
      message: `Trường «${field}» chứa ký tự NUL (U+0000), không được phép.`,
    };
  }
  if (LONE_SURROGATE.test(text)) {
    return {
      field,
      code: 'invalid_unicode',
      message: `Trường «${field}» chứa ký tự Unicode không hợp lệ (một nửa cặp thay thế UTF-16 đứng riêng), không được phép.`,
    };
  }
  return undefined;
}

const join = (path: string, key: string): string => (path ? `${path}.${key}` : key);

/**
 * What is wrong with a parsed input (a JSON body, the query, a path parameter) whatever its DTO:
 * NUL or lone surrogates in any string or key, prototype keys, nesting deeper than MAX_DEPTH.
 * Walks with an explicit stack, so no input can overflow the call stack here; Object.keys sees
 * the own "__proto__" key JSON.parse creates.
 */
export function inputProblems(input: unknown, root = ''): ApiFieldError[] {
  const problems: ApiFieldError[] = [];
  const stack: Array<{ value: unknown; path: string; depth: number }> = [
    { value: input, path: root, depth: 0 },
  ];
  while (stack.length > 0 && problems.length < MAX_PROBLEMS) {
    const { value, path, depth } = stack.pop()!;
    if (typeof value === 'string') {
      const problem = stringProblem(path || 'body', value);
      if (problem) problems.push(problem);
      continue;
    }
    if (typeof value !== 'object' || value === null) continue;
    if (depth + 1 > MAX_DEPTH) {
      // One answer is enough: the rest of the body is not worth walking.
      return [
        {
          field: path || 'body',
          code: 'too_deep',
          message: `Dữ liệu gửi lên lồng nhau quá ${MAX_DEPTH} cấp (tại «${path || 'body'}»); tối đa ${MAX_DEPTH} cấp.`,
        },
      ];
    }
    const keys = Object.keys(value);
    for (let i = keys.length - 1; i >= 0; i--) {
      const key = keys[i]!;
      const field = join(path, key);
      if (FORBIDDEN_KEYS.has(key)) {
        problems.push({
          field,
          code: 'forbidden_key',
          message: `Khóa «${key}» (tại «${field}») không được phép trong dữ liệu gửi lên.`,
        });
        continue;
      }
      const keyProblem = stringProblem(field, key);
      if (keyProblem) {
        problems.push(keyProblem);
        continue;
      }
      stack.push({ value: (value as Record<string, unknown>)[key], path: field, depth: depth + 1 });
    }
  }
  return problems;
}

/**
 * Refuses unsafe input with a 400 naming each field, before any DTO validation sees it. Runs
 * for the body, the query and path parameters (not for values Nest builds itself, such as the
 * caller).
 */
export function assertSafeInput(value: unknown, metadata: ArgumentMetadata): void {
  if (metadata.type === 'custom') return;
  const problems = inputProblems(value, metadata.data ?? '');
  if (problems.length === 0) return;
  throw new ApiError(
    400,
    'validation_failed',
    problems.map((p) => p.message),
    problems,
  );
}
