import { Inject, Injectable } from '@nestjs/common';
import { DataSource, In } from 'typeorm';
import { localDateOf } from '../../domain/reminders/local-clock.js';
import { Agency, ApiToken, Unit } from '../../entities/index.js';
import { resolveScope } from '../accounts/account-scope.js';
import type { Actor } from '../auth/actor.js';
import { endOfLocalDay, issueToken, TOKEN_TIME_ZONE } from '../auth/issue-token.js';
import { tokenRefusalAt } from '../auth/token-actor.js';
import { AuditService } from '../audit/audit.service.js';
import type { Clock } from '../clock.js';
import { ApiError } from '../common/api-error.js';
import { CLOCK } from '../tokens.js';
import type { ApiTokenView, IssuedApiTokenView, IssueApiTokenDto } from './api-token.dto.js';

/**
 * Machine tokens for integrations, issued, listed and revoked by the secretariat and admins (the
 * portal's Mã truy cập page); `npm run token` issues them too, with the same function. Whether a
 * token is accepted is decided in one place, token-actor.ts (the auth guard's check): the list's
 * status asks it as well.
 */
@Injectable()
export class ApiTokensService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly audit: AuditService,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  async list(): Promise<ApiTokenView[]> {
    const tokens = await this.dataSource
      .getRepository(ApiToken)
      .find({ order: { createdAt: 'DESC' } });
    const codes = await this.codes(tokens);
    const now = this.clock.now();
    return tokens.map((token) => this.view(token, codes, now));
  }

  async issue(actor: Actor, dto: IssueApiTokenDto): Promise<IssuedApiTokenView> {
    onlyAdminsHandleAdmin(actor, dto.role);
    const now = this.clock.now();
    let expiresAt: Date | null = null;
    if (dto.expiresOn != null) {
      expiresAt = endOfLocalDay(dto.expiresOn);
      if (expiresAt.getTime() <= now.getTime()) {
        const message = `Ngày hết hạn phải từ hôm nay (${localDateOf(now, TOKEN_TIME_ZONE)}) trở đi (expiresOn must be today or later, got ${dto.expiresOn}).`;
        throw new ApiError(400, 'validation_failed', message, [
          { field: 'expiresOn', code: 'notPast', message },
        ]);
      }
    }
    return this.dataSource.transaction(async (manager) => {
      await resolveScope(manager, dto.role, dto.unitCode, dto.agencyCode);
      const { token, record } = await issueToken(manager, {
        name: dto.name,
        role: dto.role,
        unitCode: dto.unitCode ?? undefined,
        agencyCode: dto.agencyCode ?? undefined,
        expiresAt,
        createdBy: actor.name,
      });
      await this.audit.record(
        actor,
        {
          action: 'api_token.issue',
          entityType: 'api_token',
          entityId: record.id,
          details: {
            name: record.name,
            role: record.role,
            unitCode: dto.role === 'unit' ? dto.unitCode : null,
            agencyCode: dto.role === 'appraiser' ? dto.agencyCode : null,
            hint: record.tokenHint,
            expiresAt: expiresAt?.toISOString() ?? null,
          },
        },
        manager,
      );
      const saved = await manager.findOneByOrFail(ApiToken, { id: record.id });
      return { token, record: this.view(saved, await this.codes([saved], manager), now) };
    });
  }

  /** Revokes it at once: the auth guard refuses it from this instant (401). */
  async revoke(actor: Actor, id: string): Promise<ApiTokenView> {
    return this.dataSource.transaction(async (manager) => {
      const token = await manager
        .getRepository(ApiToken)
        .findOne({ where: { id }, lock: { mode: 'pessimistic_write' } });
      if (!token) {
        throw new ApiError(404, 'not_found', `Không có mã truy cập này (no API token ${id}).`);
      }
      onlyAdminsHandleAdmin(actor, token.role);
      if (token.revokedAt !== null) {
        throw new ApiError(
          409,
          'conflict',
          `Mã truy cập «${token.name}» đã bị thu hồi từ trước (this token was revoked already).`,
        );
      }
      if (token.id === actor.tokenId) {
        throw new ApiError(
          409,
          'conflict',
          'Không thể thu hồi chính mã truy cập đang dùng để gửi yêu cầu (a token cannot revoke itself).',
        );
      }
      const now = this.clock.now();
      await manager.update(ApiToken, { id }, { revokedAt: now });
      await this.audit.record(
        actor,
        {
          action: 'api_token.revoke',
          entityType: 'api_token',
          entityId: id,
          details: { name: token.name, role: token.role, hint: token.tokenHint },
        },
        manager,
      );
      const saved = await manager.findOneByOrFail(ApiToken, { id });
      return this.view(saved, await this.codes([saved], manager), now);
    });
  }

  private view(token: ApiToken, codes: Map<string, string>, now: Date): ApiTokenView {
    const iso = (d: Date | null) => d?.toISOString() ?? null;
    const refused = tokenRefusalAt(token, now);
    return {
      id: token.id,
      name: token.name,
      role: token.role,
      unitCode: token.unitId ? (codes.get(token.unitId) ?? null) : null,
      agencyCode: token.agencyId ? (codes.get(token.agencyId) ?? null) : null,
      hint: token.tokenHint,
      createdAt: token.createdAt.toISOString(),
      createdBy: token.createdBy,
      lastUsedAt: iso(token.lastUsedAt),
      expiresAt: iso(token.expiresAt),
      revokedAt: iso(token.revokedAt),
      status: refused === 'revoked' ? 'revoked' : refused === 'expired' ? 'expired' : 'active',
    };
  }

  /** Unit and agency codes by id. */
  private async codes(
    tokens: ApiToken[],
    manager = this.dataSource.manager,
  ): Promise<Map<string, string>> {
    const unitIds = tokens.flatMap((t) => (t.unitId ? [t.unitId] : []));
    const agencyIds = tokens.flatMap((t) => (t.agencyId ? [t.agencyId] : []));
    const units = unitIds.length
      ? await manager.find(Unit, { where: { id: In(unitIds) }, select: { id: true, code: true } })
      : [];
    const agencies = agencyIds.length
      ? await manager.find(Agency, {
          where: { id: In(agencyIds) },
          select: { id: true, code: true },
        })
      : [];
    return new Map([...units, ...agencies].map((r) => [r.id, r.code]));
  }
}

function onlyAdminsHandleAdmin(actor: Actor, role: string): void {
  if (role === 'admin' && actor.role !== 'admin') {
    throw new ApiError(
      403,
      'forbidden',
      'Chỉ quản trị hệ thống mới được cấp hoặc thu hồi mã truy cập quyền quản trị (only an admin may issue or revoke an admin token).',
    );
  }
}
