import {
  type CanActivate,
  type ExecutionContext,
  ForbiddenException,
  Inject,
  Injectable,
  UnauthorizedException,
} from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { DataSource } from 'typeorm';
import type { AppConfig } from '../../config.js';
import { ROLE_NAMES_VI } from '../../domain/words.js';
import type { Role } from '../../entities/index.js';
import { fromOwnOrigin, WRITE_METHODS } from '../accounts/csrf.js';
import { clearedSessionCookie, secureCookies, sessionSecret } from '../accounts/session-cookie.js';
import { accountActor, findSession } from '../accounts/sessions.js';
import { ApiError } from '../common/api-error.js';
import type { Clock } from '../clock.js';
import { APP_CONFIG, CLOCK } from '../tokens.js';
import type { Actor } from './actor.js';
import { PUBLIC_KEY, ROLES_KEY } from './auth.decorators.js';
import { bearerToken, checkToken, type TokenRefusal } from './token-actor.js';

/** Why a bearer token is refused, for the 401's message. */
const REFUSED: Record<TokenRefusal, string> = {
  unknown: 'Mã truy cập không đúng (unknown token).',
  revoked: 'Mã truy cập này đã bị thu hồi (this token was revoked).',
  expired: 'Mã truy cập này đã hết hạn (this token has expired).',
};

interface GuardedRequest {
  method: string;
  headers: Record<string, string | undefined>;
  actor?: Actor;
}

/**
 * Every route needs a caller unless marked @Public(): a machine's bearer token, or a person's
 * session cookie (par_session), both giving the same Actor, so @Roles and the unit ownership
 * guard work alike for both. A bearer token wins when both are sent. Writes carrying the cookie
 * must come from the portal's own origin (csrf.ts), public routes included.
 */
@Injectable()
export class AuthGuard implements CanActivate {
  constructor(
    private readonly reflector: Reflector,
    private readonly dataSource: DataSource,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    const targets = [context.getHandler(), context.getClass()];
    const request = context.switchToHttp().getRequest<GuardedRequest>();
    const token = bearerToken(request.headers.authorization);
    const secret = token ? null : sessionSecret(request.headers.cookie);
    if (
      secret &&
      WRITE_METHODS.has(request.method.toUpperCase()) &&
      !fromOwnOrigin(request.headers, this.config.publicUrl)
    ) {
      throw new ApiError(
        403,
        'forbidden',
        'Yêu cầu thay đổi dữ liệu không đến từ trang của hệ thống nên bị từ chối (a write with the session cookie must come from the portal: its Origin or Referer is not this site).',
      );
    }
    if (this.reflector.getAllAndOverride<boolean>(PUBLIC_KEY, targets)) return true;

    // PostgreSQL down here is answered 503 database_unavailable by the exception filter.
    if (token) {
      const checked = await checkToken(this.dataSource, token, this.clock.now());
      if ('refused' in checked) throw new ApiError(401, 'unauthorized', REFUSED[checked.refused]);
      request.actor = checked.actor;
    } else if (secret) {
      request.actor = await this.sessionActor(context, secret);
    } else {
      throw new UnauthorizedException(
        'Chưa đăng nhập và không có mã truy cập (hãy gửi "Authorization: Bearer <token>"; cấp mã bằng `npm run token`).',
      );
    }

    const actor = request.actor;
    const allowed = this.reflector.getAllAndOverride<Role[] | undefined>(ROLES_KEY, targets);
    if (allowed && !allowed.includes(actor.role)) {
      throw new ForbiddenException(
        `Vai trò «${ROLE_NAMES_VI[actor.role]}» không được thực hiện thao tác này; vai trò được phép: ${allowed.map((role) => ROLE_NAMES_VI[role]).join(', ')}.`,
      );
    }
    return true;
  }

  /** The signed-in person; an ended session or a disabled account is a 401 that drops the cookie. */
  private async sessionActor(context: ExecutionContext, secret: string): Promise<Actor> {
    // Idle and absolute limits by the API's clock, as every other decision of time.
    const found = await findSession(this.dataSource, secret, this.clock.now());
    if (found.kind === 'active') return accountActor(found.account);
    context
      .switchToHttp()
      .getResponse<{ setHeader(name: string, value: string): void }>()
      .setHeader('Set-Cookie', clearedSessionCookie(secureCookies(this.config.publicUrl)));
    throw new ApiError(
      401,
      'unauthorized',
      found.kind === 'disabled'
        ? 'Tài khoản này đã bị khóa nên phiên đăng nhập đã kết thúc (this account is disabled; its session has ended).'
        : 'Phiên đăng nhập đã hết hạn hoặc đã kết thúc. Vui lòng đăng nhập lại (the session has expired or was ended).',
    );
  }
}
