import {
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
import { multerRefusal } from './multer-refusal.js';

/** What multer (through Nest) refused, said in Vietnamese; other errors pass unchanged. */
export function importUploadError(err: unknown): unknown {
  if (!(err instanceof HttpException)) return err;
  const cause = err.cause as { code?: unknown; field?: unknown } | undefined;
  if (typeof cause?.code !== 'string') return err;
  return multerRefusal(
    {
      code: cause.code,
      field: typeof cause.field === 'string' ? cause.field : undefined,
      message: err.message,
    },
    {
      upload: 'nhập',
      tooLarge: () =>
        new PayloadTooLargeException(
          `Tệp nhập lớn hơn giới hạn ${describeBytes(IMPORT_MAX_BYTES)}.`,
        ),
    },
  );
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
