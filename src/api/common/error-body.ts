import { HttpException } from '@nestjs/common';
import {
  API_ERROR_CODES,
  type ApiErrorBody,
  type ApiErrorCode,
  type ApiFieldError,
  defaultErrorCode,
} from './api-error.js';

/** What the body parser (body-parser, via Express) throws. */
interface ParserError extends Error {
  type?: string;
  status?: number;
  statusCode?: number;
  expose?: boolean;
  limit?: number;
}

/** The answer to one error, and whether it is the server's fault (to be logged). */
export interface ErrorAnswer {
  status: number;
  body: ApiErrorBody & Record<string, unknown>;
  serverFault: boolean;
}

const isCode = (value: unknown): value is ApiErrorCode =>
  typeof value === 'string' && Object.hasOwn(API_ERROR_CODES, value);

/**
 * A detail as a sentence: messages are also built from parts written to follow a subject
 * ("tiêu chí 3.1 lấy điểm từ …"), so a first word in lower case is capitalised here, once.
 */
const asSentence = (text: string) =>
  // Only a word of letters: a field path ("items[1] …") or a code keeps its case.
  /^\p{Ll}+\s/u.test(text) ? text.charAt(0).toLocaleUpperCase('vi-VN') + text.slice(1) : text;

function answer(
  status: number,
  code: ApiErrorCode,
  message: string | string[],
  extra: { fields?: ApiFieldError[]; [key: string]: unknown } = {},
): ErrorAnswer {
  return {
    status,
    body: {
      ...extra,
      statusCode: status,
      code,
      error: API_ERROR_CODES[code],
      message: Array.isArray(message) ? message.map(asSentence) : asSentence(message),
    },
    serverFault: status >= 500,
  };
}

/** "10 MB (10.485.760 byte)", in Vietnamese number style. */
export function describeBytes(bytes: number): string {
  const mib = bytes / (1024 * 1024);
  const size = mib >= 1 ? `${Number(mib.toFixed(1)).toLocaleString('vi-VN')} MB` : `${bytes} byte`;
  return `${size} (${bytes.toLocaleString('vi-VN')} byte)`;
}

/** The body parser's own errors: malformed JSON, a body over the limit, a wrong charset. */
function parserAnswer(err: ParserError): ErrorAnswer | undefined {
  switch (err.type) {
    case 'entity.parse.failed':
      return answer(
        400,
        'malformed_json',
        `Nội dung JSON không đúng cú pháp (Malformed JSON in the request body: ${err.message}).`,
      );
    case 'entity.too.large':
      return answer(
        413,
        'payload_too_large',
        `Dữ liệu gửi lên vượt quá giới hạn ${err.limit ? describeBytes(err.limit) : ''} cho một yêu cầu; hãy chia nhỏ dữ liệu hoặc tải lên dưới dạng tệp.`,
      );
    case 'encoding.unsupported':
    case 'charset.unsupported':
      return answer(
        415,
        'unsupported_media_type',
        `Bảng mã của nội dung không được hỗ trợ; hãy gửi UTF-8 (${err.message}).`,
      );
    default:
      return undefined;
  }
}

/** An HttpException's answer: its message and extra keys kept, its code named or derived. */
function httpAnswer(exception: HttpException): ErrorAnswer {
  const status = exception.getStatus();
  const response = exception.getResponse();
  if (typeof response === 'string') return answer(status, defaultErrorCode(status), response);
  const {
    statusCode: _s,
    error: _e,
    code,
    message,
    ...extra
  } = response as Record<string, unknown>;
  const text =
    typeof message === 'string' || Array.isArray(message)
      ? (message as string | string[])
      : exception.message;
  return answer(status, isCode(code) ? code : defaultErrorCode(status), text, extra);
}

/**
 * Every error in the one shape of ApiErrorBody. Unknown errors become a 500 `internal_error`
 * that says nothing of the internals (the caller logs them).
 */
export function errorAnswer(exception: unknown): ErrorAnswer {
  // Nest's Express adapter wraps body-parser errors in an HttpException whose `cause` is the
  // original error; a raw one may still arrive from other middleware.
  const cause = exception instanceof HttpException ? exception.cause : exception;
  if (cause instanceof Error) {
    const parsed = parserAnswer(cause);
    if (parsed) return parsed;
  }
  if (exception instanceof HttpException) return httpAnswer(exception);
  const raw = exception as ParserError | undefined;
  const status = raw?.statusCode ?? raw?.status;
  if (typeof status === 'number' && status >= 400 && status < 500 && raw?.expose) {
    return answer(status, defaultErrorCode(status), raw.message);
  }
  return answer(
    500,
    'internal_error',
    'Đã xảy ra lỗi hệ thống không mong đợi; lỗi đã được ghi lại để xử lý. Vui lòng thử lại sau.',
  );
}
