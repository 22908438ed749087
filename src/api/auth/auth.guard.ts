import {
  type CanActivate,
  type ExecutionContext,
  ForbiddenException,
  Injectable,
  UnauthorizedException,
} from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { DataSource, IsNull } from 'typeorm';
import { ApiToken, type Role } from '../../entities/index.js';
import type { Actor } from './actor.js';
import { PUBLIC_KEY, ROLES_KEY } from './auth.decorators.js';
import { hashToken } from './tokens.js';

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
    const header = request.headers.authorization ?? '';
    const match = /^Bearer\s+(\S+)$/i.exec(header);
    if (!match?.[1]) {
      throw new UnauthorizedException(
        'Missing bearer token: send "Authorization: Bearer <token>" (issue one with `npm run token`).',
      );
    }
    const token = await this.dataSource.getRepository(ApiToken).findOneBy({
      tokenHash: hashToken(match[1]),
      revokedAt: IsNull(),
    });
    if (!token) throw new UnauthorizedException('Unknown or revoked token.');

    request.actor = {
      tokenId: token.id,
      name: token.name,
      role: token.role,
      unitId: token.unitId,
      agencyId: token.agencyId,
    };
    const allowed = this.reflector.getAllAndOverride<Role[] | undefined>(ROLES_KEY, targets);
    if (allowed && !allowed.includes(token.role)) {
      throw new ForbiddenException(
        `Role "${token.role}" may not do this; allowed: ${allowed.join(', ')}.`,
      );
    }
    return true;
  }
}
