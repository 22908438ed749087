import {
  type ArgumentsHost,
  BadRequestException,
  Catch,
  type ExceptionFilter,
  HttpException,
  PayloadTooLargeException,
} from '@nestjs/common';
import { BaseExceptionFilter } from '@nestjs/core';
import { dependencyUnavailableResponse } from './dependency-errors.js';

interface BodyParserError extends Error {
  type?: string;
  status?: number;
}

/**
 * Turns the body parser's own errors (malformed JSON, a body over the size limit) into the same
 * readable 4xx shape as every other error, instead of a bare "Unexpected token".
 */
@Catch()
export class HttpErrorsFilter extends BaseExceptionFilter implements ExceptionFilter {
  override catch(exception: unknown, host: ArgumentsHost): void {
    // PostgreSQL or Temporal down: 503 naming it (src/api/common/dependency-errors.ts).
    const unavailable = dependencyUnavailableResponse(exception, host);
    if (unavailable) return super.catch(unavailable, host);
    // Nest 12's Express adapter already wraps body-parser errors in an HttpException whose
    // `cause` is the original error; older versions pass the raw error.
    const raw = exception instanceof HttpException ? exception.cause : exception;
    const err = raw as BodyParserError | undefined;
    if (err?.type === 'entity.parse.failed') {
      return super.catch(
        new BadRequestException(`Malformed JSON in the request body: ${err.message}`),
        host,
      );
    }
    if (err?.type === 'entity.too.large') {
      return super.catch(new PayloadTooLargeException('The request body is too large.'), host);
    }
    return super.catch(exception, host);
  }
}
