import {
  BadRequestException,
  type CallHandler,
  type ExecutionContext,
  HttpException,
  Injectable,
  type NestInterceptor,
  UnsupportedMediaTypeException,
} from '@nestjs/common';
import type { Request, Response } from 'express';
import multer, { MulterError } from 'multer';
import { catchError, from, mergeMap, type Observable, throwError } from 'rxjs';
import { checkDeclaredType, cleanUploadedFileName } from '../../domain/evidence-file-types.js';
import type { Actor } from '../auth/actor.js';
import { multerRefusal } from '../common/multer-refusal.js';
import { HashingDiskStorage, removeIfPresent } from '../evidence/hashing-disk-storage.js';
import { type ReportScope, ReportsService } from './reports.service.js';

export interface ReportUploadRequest extends Request {
  actor: Actor;
  reportScope?: ReportScope;
}

/**
 * Receives a report upload after checking whose report it is (404/403 before any byte is
 * stored), with the evidence upload's type check as the part begins and its size limit.
 */
@Injectable()
export class ReportUploadInterceptor implements NestInterceptor {
  constructor(private readonly reports: ReportsService) {}

  async intercept(context: ExecutionContext, next: CallHandler): Promise<Observable<unknown>> {
    const http = context.switchToHttp();
    const req = http.getRequest<ReportUploadRequest>();
    const res = http.getResponse<Response>();
    const params = req.params as Record<string, string>;
    req.reportScope =
      params.unitCode !== undefined
        ? await this.reports.unitScope(params.campaignId ?? '', params.unitCode)
        : await this.reports.agencyScope(
            req.actor,
            params.campaignId ?? '',
            params.agencyCode ?? '',
          );
    if (!req.is('multipart/form-data')) {
      throw new UnsupportedMediaTypeException(
        'Báo cáo phải được gửi dưới dạng multipart/form-data, tệp nằm trong trường "file" (curl -F "file=@bao-cao.pdf").',
      );
    }
    const middleware = multer({
      storage: new HashingDiskStorage(req.reportScope.directory),
      limits: {
        fileSize: this.reports.maxBytes,
        files: 1,
        fields: 5,
        fieldSize: 1024,
        fieldNameSize: 100,
        parts: 7,
      },
      fileFilter: (_req, file, accept) => {
        const check = checkDeclaredType(cleanUploadedFileName(file.originalname), file.mimetype);
        if (check.ok) accept(null, true);
        else accept(new UnsupportedMediaTypeException(check.problem));
      },
    }).single('file');
    await new Promise<void>((resolve, reject) => {
      middleware(req, res, (err?: unknown) => {
        if (!err) return resolve();
        if (err instanceof HttpException) return reject(err);
        if (err instanceof MulterError) {
          return reject(
            multerRefusal(err, { tooLarge: () => this.reports.tooLarge(), upload: 'tải lên' }),
          );
        }
        const message = err instanceof Error ? err.message : JSON.stringify(err);
        reject(new BadRequestException(`Nội dung multipart không hợp lệ (${message}).`));
      });
    });
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
