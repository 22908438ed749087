import {
  BadRequestException,
  type CallHandler,
  type ExecutionContext,
  HttpException,
  Injectable,
  mixin,
  type NestInterceptor,
  PayloadTooLargeException,
  type Type,
} from '@nestjs/common';
import { FileInterceptor } from '@nestjs/platform-express';
import type { Observable } from 'rxjs';
import { describeBytes } from './error-body.js';
import { IMPORT_MAX_BYTES } from './import-file.js';

/** What multer (through Nest) refused, said in Vietnamese; other errors pass unchanged. */
export function importUploadError(err: unknown): unknown {
  if (!(err instanceof HttpException)) return err;
  const cause = err.cause as { code?: unknown; field?: unknown } | undefined;
  const code = typeof cause?.code === 'string' ? cause.code : null;
  const field = typeof cause?.field === 'string' ? cause.field : '';
  switch (code) {
    case 'LIMIT_FILE_SIZE':
      return new PayloadTooLargeException(
        `Tệp nhập lớn hơn giới hạn ${describeBytes(IMPORT_MAX_BYTES)}.`,
        { cause },
      );
    case 'LIMIT_UNEXPECTED_FILE':
      return new BadRequestException(
        `Trường tệp không hợp lệ "${field}": hãy gửi tệp trong trường "file".`,
        { cause },
      );
    case 'LIMIT_FILE_COUNT':
      return new BadRequestException('Mỗi lần nhập chỉ gửi một tệp, trong trường "file".', {
        cause,
      });
    case null:
      return err;
    default:
      return new BadRequestException(
        `Dữ liệu tải lên không hợp lệ (${err.message}${field ? `, trường "${field}"` : ''}).`,
        { cause },
      );
  }
}

/**
 * An import's upload (index set, unit list, survey points, appraisal sheet): one file in the
 * multipart field "file", at most IMPORT_MAX_BYTES; multer's refusals in Vietnamese.
 */
export function ImportFileInterceptor(): Type<NestInterceptor> {
  const Inner = FileInterceptor('file', { limits: { fileSize: IMPORT_MAX_BYTES, files: 1 } });

  @Injectable()
  class VietnameseImportFileInterceptor implements NestInterceptor {
    private readonly inner: NestInterceptor = new Inner();

    async intercept(context: ExecutionContext, next: CallHandler): Promise<Observable<unknown>> {
      try {
        return await this.inner.intercept(context, next);
      } catch (err) {
        throw importUploadError(err);
      }
    }
  }
  return mixin(VietnameseImportFileInterceptor);
}
