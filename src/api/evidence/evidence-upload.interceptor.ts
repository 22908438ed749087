import {
  BadRequestException,
  type CallHandler,
  type ExecutionContext,
  HttpException,
  Injectable,
  type NestInterceptor,
  PayloadTooLargeException,
  UnsupportedMediaTypeException,
} from '@nestjs/common';
import type { Request, Response } from 'express';
import multer, { MulterError } from 'multer';
import { catchError, from, mergeMap, type Observable, throwError } from 'rxjs';
import { checkDeclaredType, cleanUploadedFileName } from '../../domain/evidence-file-types.js';
import type { Actor } from '../auth/actor.js';
import { EvidenceService, type UploadScope } from './evidence.service.js';
import { multerRefusal } from '../common/multer-refusal.js';
import { formatBytes } from './format-bytes.js';
import { HashingDiskStorage, removeIfPresent } from './hashing-disk-storage.js';

export interface UploadRequest extends Request {
  actor: Actor;
  evidenceScope?: UploadScope;
}

/** multer's and busboy's errors as readable 4xx; `tooLarge` says which size limit was hit. */
function uploadError(err: unknown, tooLarge: () => Error): Error {
  if (err instanceof HttpException) return err;
  if (err instanceof MulterError) {
    return multerRefusal(err, { tooLarge, upload: 'tải lên' });
  }
  const message = err instanceof Error ? err.message : String(err);
  if (/unsupported content type/i.test(message)) {
    return new UnsupportedMediaTypeException(
      'Tệp tải lên phải được gửi dưới dạng multipart/form-data.',
    );
  }
  if (/multipart|boundary|unexpected end of form|malformed part header/i.test(message)) {
    return new BadRequestException(`Nội dung multipart không hợp lệ (${message}).`);
  }
  return err instanceof Error ? err : new Error(message);
}

/**
 * Receives an evidence upload after checking, before any byte is stored, that the caller may
 * write for this unit in this campaign (404/403). The file's name and declared type are checked
 * as its part begins (415 naming the allowed types), and its size as it streams (413 naming the
 * limit); a refused file is removed by multer. The handler then gets `req.file` (a HashedUpload)
 * and `req.evidenceScope`.
 */
@Injectable()
export class EvidenceUploadInterceptor implements NestInterceptor {
  constructor(private readonly evidence: EvidenceService) {}

  async intercept(context: ExecutionContext, next: CallHandler): Promise<Observable<unknown>> {
    const http = context.switchToHttp();
    const req = http.getRequest<UploadRequest>();
    const res = http.getResponse<Response>();
    const params = req.params as Record<string, string>;
    const scope = await this.evidence.uploadScope(
      req.actor,
      params.campaignId ?? '',
      params.unitCode ?? '',
    );
    req.evidenceScope = scope;
    if (!req.is('multipart/form-data')) {
      throw new UnsupportedMediaTypeException(
        'Tệp tải lên phải được gửi dưới dạng multipart/form-data, tệp nằm trong trường "file" (curl -F "file=@report.pdf").',
      );
    }
    const maxBytes = this.evidence.maxBytes;
    // The quota caps the size too: a file that would not fit is cut off as it streams.
    const { usage, allowance } = await this.evidence.uploadAllowance(scope);
    let fileName = '';
    const tooLarge = (): Error =>
      allowance.quotaCaps
        ? this.evidence.overQuota(scope, usage, fileName)
        : new PayloadTooLargeException(
            `Tệp lớn hơn giới hạn ${formatBytes(maxBytes)} (${maxBytes} byte, theo EVIDENCE_MAX_BYTES).`,
          );
    const middleware = multer({
      storage: new HashingDiskStorage(scope.directory),
      limits: {
        fileSize: allowance.maxBytes,
        files: 1,
        fields: 10,
        fieldSize: 1024,
        fieldNameSize: 100,
        parts: 12,
      },
      fileFilter: (_req, file, accept) => {
        fileName = cleanUploadedFileName(file.originalname);
        const check = checkDeclaredType(cleanUploadedFileName(file.originalname), file.mimetype);
        if (check.ok) accept(null, true);
        else accept(new UnsupportedMediaTypeException(check.problem));
      },
    }).single('file');
    await new Promise<void>((resolve, reject) => {
      middleware(req, res, (err?: unknown) =>
        err ? reject(uploadError(err, tooLarge)) : resolve(),
      );
    });
    // The handler removes the temporary file itself; this covers a failure before it runs.
    return next
      .handle()
      .pipe(
        catchError((err: unknown) =>
          from(removeIfPresent(req.file?.path).catch(() => undefined)).pipe(
            mergeMap(() => throwError(() => err)),
          ),
        ),
      );
  }
}
