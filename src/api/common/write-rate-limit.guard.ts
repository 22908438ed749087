import { type ExecutionContext, HttpStatus, Injectable } from '@nestjs/common';
import { ThrottlerGuard, type ThrottlerLimitDetail } from '@nestjs/throttler';
import type { Actor } from '../auth/actor.js';
import { ApiError } from './api-error.js';

const WRITE_METHODS = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

/**
 * Limits writes per token (per IP address on a public route), one budget across every write
 * route, so that a leaked or looping client cannot flood the campaign's records; reads are not
 * limited. Runs after the auth guard, which identifies the token. The counts are kept in this
 * process's memory (RATE_LIMIT_WRITES_PER_MINUTE; 0 turns it off).
 */
@Injectable()
export class WriteRateLimitGuard extends ThrottlerGuard {
  protected override shouldSkip(context: ExecutionContext): Promise<boolean> {
    const request = context.switchToHttp().getRequest<{ method: string }>();
    return Promise.resolve(!WRITE_METHODS.has(request.method.toUpperCase()));
  }

  protected override getTracker(request: Record<string, unknown>): Promise<string> {
    const actor = request.actor as Actor | undefined;
    if (actor?.tokenId) return Promise.resolve(`token:${actor.tokenId}`);
    if (actor?.accountId) return Promise.resolve(`account:${actor.accountId}`);
    return Promise.resolve(`ip:${String(request.ip)}`);
  }

  /** One budget per caller, whatever the route (the library's default counts per route). */
  protected override generateKey(_context: ExecutionContext, tracker: string, name: string) {
    return `${name}:${tracker}`;
  }

  protected override throwThrottlingException(
    _context: ExecutionContext,
    detail: ThrottlerLimitDetail,
  ): Promise<void> {
    // The library has set Retry-After (seconds) on the response already.
    throw new ApiError(
      HttpStatus.TOO_MANY_REQUESTS,
      'too_many_requests',
      `Quá nhiều thao tác ghi: tối đa ${detail.limit} thao tác mỗi phút cho mỗi mã truy cập. Vui lòng thử lại sau ${detail.timeToBlockExpire} giây.`,
    );
  }
}
