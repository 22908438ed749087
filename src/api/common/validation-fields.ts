import type { ValidationError } from 'class-validator';
import type { ApiFieldError } from './api-error.js';

/**
 * What each class-validator constraint means, in Vietnamese, for the person reading the error.
 * The validator's own English detail follows in parentheses (programs and older clients match it).
 */
const PHRASES: Record<string, string> = {
  whitelistValidation: 'không được phép: yêu cầu này không có trường đó',
  isDefined: 'là bắt buộc',
  isNotEmpty: 'không được để trống',
  isString: 'phải là một chuỗi ký tự',
  isInt: 'phải là một số nguyên',
  isNumber: 'phải là một số',
  isBoolean: 'phải là true hoặc false',
  isArray: 'phải là một danh sách (mảng)',
  isObject: 'phải là một đối tượng',
  nestedValidation: 'phải là một đối tượng',
  min: 'nhỏ hơn giá trị cho phép',
  max: 'lớn hơn giá trị cho phép',
  maxLength: 'dài quá mức cho phép',
  minLength: 'ngắn hơn mức tối thiểu',
  arrayMaxSize: 'có quá nhiều phần tử',
  arrayMinSize: 'có quá ít phần tử',
  arrayUnique: 'có phần tử lặp lại',
  isUuid: 'phải là một UUID',
  isIn: 'phải là một trong các giá trị cho phép',
  isEnum: 'phải là một trong các giá trị cho phép',
  isEmail: 'phải là một địa chỉ thư điện tử',
  matches: 'không đúng định dạng',
  isIso8601: 'phải là một thời điểm ISO 8601',
  isInstant: 'phải là một thời điểm ISO 8601 có múi giờ',
  isLocalDate: 'phải là một ngày có thật, dạng YYYY-MM-DD, trong các năm 2000–2100',
  isBoundedInt: 'phải là một số nguyên trong khoảng cho phép',
  isIanaTimeZone: 'phải là một múi giờ IANA',
};

/** A Vietnamese sentence naming the field, with the validator's detail. */
export function fieldMessage(field: string, constraint: string, detail: string): string {
  const phrase = PHRASES[constraint] ?? 'không hợp lệ';
  return `Trường «${field}» ${phrase} (${detail}).`;
}

/**
 * Flattens class-validator's tree into one entry per field and constraint, each naming the
 * field's path in the request ("items.3.note"). Walks with an explicit stack: the tree is as deep
 * as the request, which the input checks bound, but a stack keeps this safe on its own.
 */
export function validationFields(errors: ValidationError[], prefix = ''): ApiFieldError[] {
  const fields: ApiFieldError[] = [];
  const stack = errors.map((error) => ({ error, parent: prefix })).reverse();
  while (stack.length > 0) {
    const { error, parent } = stack.pop()!;
    const field = parent ? `${parent}.${error.property}` : error.property;
    for (const [code, detail] of Object.entries(error.constraints ?? {})) {
      // As Nest's own ValidationPipe says it: a nested field's detail starts with its parent's
      // path ("items.0.score must be a number").
      const full = parent ? `${parent}.${detail}` : detail;
      fields.push({ field, code, message: fieldMessage(field, code, full) });
    }
    const children = error.children ?? [];
    for (let i = children.length - 1; i >= 0; i--) {
      stack.push({ error: children[i]!, parent: field });
    }
  }
  return fields;
}
