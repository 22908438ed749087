import {
  type CanActivate,
  type ExecutionContext,
  ForbiddenException,
  Injectable,
  UnauthorizedException,
} from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { DataSource } from 'typeorm';
import type { Role } from '../../entities/index.js';
import type { Actor } from './actor.js';
import { PUBLIC_KEY, ROLES_KEY } from './auth.decorators.js';
import { actorForToken, bearerToken } from './token-actor.js';

/** Every route needs a valid bearer token unless marked @Public(); @Roles narrows who may call. */
@Injectable()
export class AuthGuard implements CanActivate {
  constructor(
    private readonly reflector: Reflector,
    private readonly dataSource: DataSource,
  ) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    const targets = [context.getHandler(), context.getClass()];
    if (this.reflector.getAllAndOverride<boolean>(PUBLIC_KEY, targets)) return true;

    const request = context
      .switchToHttp()
      .getRequest<{ headers: Record<string, string | undefined>; actor?: Actor }>();
    const token = bearerToken(request.headers.authorization);
    if (!token) {
      throw new UnauthorizedException(
        'Missing bearer token: send "Authorization: Bearer <token>" (issue one with `npm run token`).',
      );
    }
    // PostgreSQL down here is answered 503 database_unavailable by the exception filter.
    const actor = await actorForToken(this.dataSource, token);
    if (!actor) throw new UnauthorizedException('Unknown or revoked token.');

    request.actor = actor;
    const allowed = this.reflector.getAllAndOverride<Role[] | undefined>(ROLES_KEY, targets);
    if (allowed && !allowed.includes(actor.role)) {
      throw new ForbiddenException(
        `Role "${actor.role}" may not do this; allowed: ${allowed.join(', ')}.`,
      );
    }
    return true;
  }
}
