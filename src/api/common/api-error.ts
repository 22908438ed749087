import { HttpException } from '@nestjs/common';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';

/**
 * The one shape of every error the API answers (4xx and 5xx): a stable `code` for programs, a
 * Vietnamese `error` title for people, the detail in `message`, and per-field problems.
 */
export const API_ERROR_CODES = {
  validation_failed: 'Dữ liệu gửi lên không hợp lệ',
  malformed_json: 'Nội dung JSON không đúng cú pháp',
  payload_too_large: 'Dữ liệu gửi lên quá lớn',
  unsupported_media_type: 'Định dạng dữ liệu không được hỗ trợ',
  unauthorized: 'Chưa đăng nhập hoặc mã truy cập không hợp lệ',
  forbidden: 'Không có quyền thực hiện thao tác này',
  not_found: 'Không tìm thấy',
  conflict: 'Thao tác mâu thuẫn với trạng thái hiện tại',
  unprocessable: 'Không thể xử lý yêu cầu',
  too_many_requests: 'Quá nhiều yêu cầu, vui lòng thử lại sau',
  quota_exceeded: 'Vượt quá hạn mức lưu trữ',
  file_rejected: 'Tệp không được chấp nhận',
  database_unavailable: 'Cơ sở dữ liệu (PostgreSQL) tạm thời không truy cập được',
  temporal_unavailable: 'Máy chủ quy trình (Temporal) tạm thời không truy cập được',
  service_unavailable: 'Dịch vụ tạm thời không khả dụng',
  internal_error: 'Lỗi hệ thống',
} as const;

export type ApiErrorCode = keyof typeof API_ERROR_CODES;

/** The code an HTTP status gets when the thrower named none. */
export function defaultErrorCode(status: number): ApiErrorCode {
  switch (status) {
    case 400:
      return 'validation_failed';
    case 401:
      return 'unauthorized';
    case 403:
      return 'forbidden';
    case 404:
      return 'not_found';
    case 409:
      return 'conflict';
    case 413:
      return 'payload_too_large';
    case 415:
      return 'unsupported_media_type';
    case 422:
      return 'unprocessable';
    case 429:
      return 'too_many_requests';
    case 503:
      return 'service_unavailable';
    default:
      return status >= 500 ? 'internal_error' : 'validation_failed';
  }
}

export class ApiFieldError {
  @ApiProperty({ example: 'answers.1.1.note', description: 'Path of the field in the request.' })
  field!: string;

  @ApiProperty({ example: 'nul_character', description: 'Stable code of the problem.' })
  code!: string;

  @ApiProperty({
    example: 'Trường «answers.1.1.note» chứa ký tự NUL (U+0000), không được phép.',
    description: 'The problem in Vietnamese, for people.',
  })
  message!: string;
}

export class ApiErrorBody {
  @ApiProperty({ example: 400 })
  statusCode!: number;

  // `code` and `error` are optional in the contract: answers from Nest's own exceptions carry
  // `error` (its English title) and no `code`; required are what every error answer has.
  @ApiPropertyOptional({
    example: 'validation_failed',
    enum: Object.keys(API_ERROR_CODES),
    description: 'Stable code for programs.',
  })
  code?: ApiErrorCode;

  @ApiPropertyOptional({
    example: API_ERROR_CODES.validation_failed,
    description: 'Title, in Vietnamese.',
  })
  error?: string;

  @ApiProperty({
    oneOf: [{ type: 'string' }, { type: 'array', items: { type: 'string' } }],
    example: 'note must be shorter than or equal to 2000 characters',
    description: 'The detail: what is wrong and where.',
  })
  message!: string | string[];

  @ApiPropertyOptional({ type: [ApiFieldError], description: 'One entry per field at fault.' })
  fields?: ApiFieldError[];
}

/** An HttpException that names its stable code (and optionally its fields). */
export class ApiError extends HttpException {
  constructor(
    status: number,
    code: ApiErrorCode,
    message: string | string[],
    fields?: ApiFieldError[],
  ) {
    super(
      {
        statusCode: status,
        code,
        error: API_ERROR_CODES[code],
        message,
        ...(fields && { fields }),
      },
      status,
    );
  }
}
