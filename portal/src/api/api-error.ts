/** One field at fault, as the API names it (its message in Vietnamese). */
export interface ApiFieldProblem {
  field: string;
  code: string;
  message: string;
}

/**
 * An answer of the API that is not a success: its error body `{statusCode, code, error,
 * message, fields}` (README, "Errors, health and security"), or what stands for it when the
 * API could not be reached or did not answer with that body.
 */
export class ApiRequestError extends Error {
  constructor(
    /** HTTP status; 0 when the API could not be reached. */
    readonly status: number,
    /** Stable code for programs: not_found, validation_failed, …; "network" when unreachable. */
    readonly code: string,
    /** The Vietnamese title ("Không tìm thấy"). */
    readonly title: string,
    /** The detail. */
    readonly detail: string,
    readonly fields: readonly ApiFieldProblem[] = [],
    /** The answer's whole body, for the lists some routes add (`errors` of an import, …). */
    readonly body: unknown = null,
  ) {
    super(`${title}: ${detail}`);
    this.name = 'ApiRequestError';
  }
}

const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null;

function fieldsOf(value: unknown): ApiFieldProblem[] {
  if (!Array.isArray(value)) return [];
  return value.filter(
    (f): f is ApiFieldProblem =>
      isRecord(f) &&
      typeof f.field === 'string' &&
      typeof f.code === 'string' &&
      typeof f.message === 'string',
  );
}

/** The error an answer stands for, from its status and (parsed) body. */
export function errorFromAnswer(status: number, body: unknown): ApiRequestError {
  if (isRecord(body)) {
    const message = Array.isArray(body.message)
      ? body.message.filter((m): m is string => typeof m === 'string').join('; ')
      : typeof body.message === 'string'
        ? body.message
        : '';
    return new ApiRequestError(
      status,
      typeof body.code === 'string' ? body.code : `http_${status}`,
      typeof body.error === 'string' ? body.error : `Lỗi ${status}`,
      message,
      fieldsOf(body.fields),
      body,
    );
  }
  return new ApiRequestError(
    status,
    `http_${status}`,
    `Lỗi ${status}`,
    'Máy chủ trả lời không đúng định dạng mong đợi.',
  );
}

/** The API could not be reached at all (network down, server stopped). */
export function unreachableError(): ApiRequestError {
  return new ApiRequestError(
    0,
    'network',
    'Không kết nối được máy chủ',
    'Vui lòng kiểm tra kết nối mạng rồi thử lại.',
  );
}

/** Whatever a call threw, as an ApiRequestError (a fault in the page itself included). */
export function asApiError(err: unknown): ApiRequestError {
  return err instanceof ApiRequestError
    ? err
    : new ApiRequestError(0, 'client', 'Lỗi trong trình duyệt', String(err));
}
