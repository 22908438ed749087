import { BadRequestException } from '@nestjs/common';

/** What multer says when it refuses a multipart upload. */
export interface MulterRefusal {
  code: string;
  field?: string | undefined;
  message: string;
}

/**
 * multer's refusal in Vietnamese, for every upload route (imports, evidence); the size refusal
 * is the caller's, since each names its own limit (and evidence its quota).
 */
export function multerRefusal(
  refusal: MulterRefusal,
  options: { tooLarge: () => Error; upload: string },
): Error {
  const field = refusal.field ?? '';
  switch (refusal.code) {
    case 'LIMIT_FILE_SIZE':
      return options.tooLarge();
    case 'LIMIT_UNEXPECTED_FILE':
      return new BadRequestException(
        `Trường tệp không hợp lệ "${field}": hãy gửi tệp trong trường "file".`,
      );
    case 'LIMIT_FILE_COUNT':
      return new BadRequestException(
        `Mỗi lần ${options.upload} chỉ gửi một tệp, trong trường "file".`,
      );
    default:
      return new BadRequestException(
        `Dữ liệu tải lên không hợp lệ (${refusal.message}${field ? `, trường "${field}"` : ''}).`,
      );
  }
}
