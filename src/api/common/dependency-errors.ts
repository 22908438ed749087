import { type ArgumentsHost, HttpException, HttpStatus, Logger } from '@nestjs/common';
import { isGrpcServiceError, ServiceError } from '@temporalio/client';
import { ApiError } from './api-error.js';

/**
 * Recognises "a dependency is down" among the errors a request ends with, so that the caller gets
 * 503 naming PostgreSQL or Temporal (and when to retry) instead of a 500. Recognised by error
 * codes and types, never by the wording of a message, except for the few pg client errors that
 * carry no code at all.
 */
export type UnavailableDependency = 'database' | 'temporal';

/** Seconds a client is asked to wait before retrying (the Retry-After header). */
export const DEPENDENCY_RETRY_AFTER_SECONDS = 10;

/** Socket errors (Node's errno codes) of a connection that could not be made or was lost. */
const SOCKET_ERROR_CODES = new Set([
  'ECONNREFUSED',
  'ECONNRESET',
  'ETIMEDOUT',
  'ENOTFOUND',
  'EAI_AGAIN',
  'EHOSTUNREACH',
  'ENETUNREACH',
  'EPIPE',
]);

/**
 * SQLSTATEs of a server that cannot serve now: shutting down or restarting (57P01-57P03), out of
 * connections (53300); every class 08 code is a connection exception.
 */
const POSTGRES_UNAVAILABLE_STATES = new Set(['57P01', '57P02', '57P03', '53300']);

/** The pg client and pool raise these without any code (pg 8). */
const PG_CONNECTION_MESSAGES = new Set([
  'Connection terminated',
  'Connection terminated unexpectedly',
  'Connection terminated due to connection timeout',
  'timeout exceeded when trying to connect',
  'Client has encountered a connection error and is not queryable',
]);

/**
 * gRPC status codes of a Temporal frontend that is unreachable (UNAVAILABLE) or did not answer in
 * time (DEADLINE_EXCEEDED); numbers, as @grpc/grpc-js is not a direct dependency.
 */
const GRPC_UNREACHABLE_CODES: ReadonlySet<number> = new Set([14, 4]);

/** The error and what it wraps: `cause`, TypeORM's `driverError`, an AggregateError's errors. */
function* chain(err: unknown): Generator<object> {
  const seen = new Set<unknown>();
  const queue: unknown[] = [err];
  while (queue.length > 0 && seen.size < 20) {
    const e = queue.shift();
    if (typeof e !== 'object' || e === null || seen.has(e)) continue;
    seen.add(e);
    yield e;
    const wrapped = e as { cause?: unknown; driverError?: unknown };
    queue.push(wrapped.cause, wrapped.driverError);
    if (e instanceof AggregateError) queue.push(...(e.errors as unknown[]));
  }
}

function isTemporalUnavailable(err: unknown): boolean {
  let fromTemporal = false;
  for (const e of chain(err)) {
    if (e instanceof ServiceError) fromTemporal = true;
    if (isGrpcServiceError(e) && GRPC_UNREACHABLE_CODES.has(Number(e.code))) return true;
    // A ServiceError raised on connecting wraps the socket error rather than a gRPC status.
    if (fromTemporal && isSocketError(e)) return true;
  }
  return false;
}

function isSocketError(e: object): boolean {
  const code = (e as { code?: unknown }).code;
  return typeof code === 'string' && SOCKET_ERROR_CODES.has(code);
}

function isDatabaseUnavailable(err: unknown): boolean {
  for (const e of chain(err)) {
    const code = (e as { code?: unknown }).code;
    if (typeof code === 'string') {
      if (SOCKET_ERROR_CODES.has(code)) return true;
      if (POSTGRES_UNAVAILABLE_STATES.has(code) || /^08[0-9A-Z]{3}$/.test(code)) return true;
    } else if (e instanceof Error && PG_CONNECTION_MESSAGES.has(e.message)) {
      return true;
    }
  }
  return false;
}

/**
 * Which dependency this error says is down, if any. Temporal first: its errors are typed, while
 * a bare socket error in the API's request path is PostgreSQL's (the only other socket it opens
 * while answering; Temporal's connection errors come wrapped in its ServiceError).
 */
export function unavailableDependency(err: unknown): UnavailableDependency | null {
  if (err instanceof HttpException) return null; // already answered deliberately
  if (isTemporalUnavailable(err)) return 'temporal';
  if (isDatabaseUnavailable(err)) return 'database';
  return null;
}

/** The 503 a caller gets; its message names the dependency, never a host or an address. */
export function dependencyUnavailableError(dependency: UnavailableDependency): ApiError {
  return dependency === 'database'
    ? new ApiError(
        HttpStatus.SERVICE_UNAVAILABLE,
        'database_unavailable',
        'Hệ thống tạm thời không kết nối được cơ sở dữ liệu (PostgreSQL). Vui lòng thử lại sau ít phút.',
      )
    : new ApiError(
        HttpStatus.SERVICE_UNAVAILABLE,
        'temporal_unavailable',
        'Hệ thống tạm thời không kết nối được máy chủ quy trình (Temporal). Vui lòng thử lại sau ít phút.',
      );
}

const log = new Logger('DependencyErrors');

/**
 * For the exception filter: the 503 to answer instead of `exception` when it says a dependency
 * is down (with Retry-After set on the response), else null. The original error, which may name
 * hosts, goes to the log only.
 */
export function dependencyUnavailableResponse(
  exception: unknown,
  host: ArgumentsHost,
): ApiError | null {
  const dependency = unavailableDependency(exception);
  if (dependency === null) return null;
  log.warn(`${dependency} unavailable: ${String(exception)}`);
  const response = host
    .switchToHttp()
    .getResponse<{ headersSent?: boolean; setHeader?(name: string, value: string): void }>();
  if (!response.headersSent) {
    response.setHeader?.('Retry-After', String(DEPENDENCY_RETRY_AFTER_SECONDS));
  }
  return dependencyUnavailableError(dependency);
}
