import {
  type ArgumentsHost,
  Catch,
  type ExceptionFilter,
  type HttpServer,
  Logger,
} from '@nestjs/common';
import { dependencyUnavailableResponse } from './dependency-errors.js';
import { errorAnswer } from './error-body.js';

/**
 * Answers every error, whatever threw it, in the one ApiErrorBody shape (see error-body.ts). A
 * server fault is logged here with its stack; the caller only learns that one happened.
 */
@Catch()
export class HttpErrorsFilter implements ExceptionFilter {
  private readonly logger = new Logger('HttpErrors');

  constructor(private readonly http: HttpServer) {}

  catch(exception: unknown, host: ArgumentsHost): void {
    // PostgreSQL or Temporal down: 503 naming it (dependency-errors.ts), not a server fault.
    const unavailable = dependencyUnavailableResponse(exception, host);
    const { status, body, serverFault } = errorAnswer(unavailable ?? exception);
    if (serverFault) {
      this.logger.error(
        exception instanceof Error ? (exception.stack ?? exception.message) : String(exception),
      );
    }
    const response = host.switchToHttp().getResponse<unknown>();
    if (this.http.isHeadersSent(response)) {
      // Too late for an answer (a download failed mid-stream): end what was started.
      this.http.end(response);
      return;
    }
    this.http.reply(response, body, status);
  }
}
