import {
  BadRequestException,
  ForbiddenException,
  Injectable,
  NotFoundException,
} from '@nestjs/common';
import { DataSource } from 'typeorm';
import { ROLE_NAMES_VI } from '../../domain/words.js';
import { Campaign } from '../../entities/index.js';
import type { Actor } from '../auth/actor.js';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export interface ScopedUnit {
  participationId: string;
  code: string;
}

/** Which messages of a campaign a caller may see, after its filters. */
export interface NotificationScope {
  campaign: Campaign;
  /** Only this unit's messages (a unit filter, or a unit's own token). */
  unit: ScopedUnit | null;
  /** Only this agency's messages (an appraiser's token). */
  agencyId: string | null;
  /** Only messages to this audience (a council token). */
  audience: 'council' | null;
}

/**
 * Who sees which messages: admin and secretariat all of them; a unit's token its own unit's; an
 * appraiser's token its agency's; a council token the council's. A filter naming someone else's
 * messages is a 403, an unknown campaign or unit a 404.
 */
@Injectable()
export class NotificationScopeService {
  constructor(private readonly dataSource: DataSource) {}

  async resolve(
    actor: Actor,
    campaignRef: string,
    filter: { unitCode?: string; participationId?: string },
  ): Promise<NotificationScope> {
    if (filter.unitCode !== undefined && filter.participationId !== undefined) {
      throw new BadRequestException(
        'Chỉ lọc theo một trong hai tham số unitCode hoặc participationId, không dùng cả hai.',
      );
    }
    const campaign = await this.dataSource.manager.findOneBy(
      Campaign,
      UUID.test(campaignRef) ? { id: campaignRef } : { code: campaignRef },
    );
    if (!campaign) {
      throw new NotFoundException(
        `Không có chiến dịch «${campaignRef}» (hãy gửi id hoặc mã của chiến dịch).`,
      );
    }
    const filtered = await this.filteredUnit(campaign, filter);
    const scope: NotificationScope = { campaign, unit: filtered, agencyId: null, audience: null };
    switch (actor.role) {
      case 'admin':
      case 'secretariat':
        return scope;
      case 'unit': {
        const own = await this.ownUnit(campaign, actor);
        if (filtered && filtered.participationId !== own.participationId) {
          throw new ForbiddenException(
            `Mã truy cập của đơn vị chỉ xem được thông báo của chính đơn vị mình (${own.code}), không xem được thông báo của đơn vị ${filtered.code}.`,
          );
        }
        return { ...scope, unit: own };
      }
      case 'appraiser':
      case 'council':
        if (filtered) {
          throw new ForbiddenException(
            `Vai trò «${ROLE_NAMES_VI[actor.role]}» chỉ xem được các thông báo gửi tới ${actor.role === 'council' ? 'Hội đồng thẩm định' : 'cơ quan của mình'}, không xem được thông báo về một đơn vị.`,
          );
        }
        return actor.role === 'council'
          ? { ...scope, audience: 'council' }
          : { ...scope, agencyId: actor.agencyId ?? '00000000-0000-0000-0000-000000000000' };
    }
  }

  private async filteredUnit(
    campaign: Campaign,
    filter: { unitCode?: string; participationId?: string },
  ): Promise<ScopedUnit | null> {
    if (filter.unitCode === undefined && filter.participationId === undefined) return null;
    const [column, value] =
      filter.unitCode !== undefined
        ? ['u.code', filter.unitCode]
        : ['p.id', filter.participationId];
    const rows: { participation_id: string; code: string }[] = await this.dataSource.query(
      `SELECT p.id AS participation_id, u.code FROM participations p JOIN units u ON u.id = p.unit_id
       WHERE p.campaign_id = $1 AND ${column} = $2`,
      [campaign.id, value],
    );
    const row = rows[0];
    if (!row) {
      throw new NotFoundException(
        filter.unitCode !== undefined
          ? `Đơn vị «${filter.unitCode}» không tham gia chiến dịch ${campaign.code}.`
          : `Mã tham gia (participationId) ${filter.participationId} không thuộc chiến dịch ${campaign.code}.`,
      );
    }
    return { participationId: row.participation_id, code: row.code };
  }

  private async ownUnit(campaign: Campaign, actor: Actor): Promise<ScopedUnit> {
    const rows: { participation_id: string; code: string }[] = await this.dataSource.query(
      `SELECT p.id AS participation_id, u.code FROM participations p JOIN units u ON u.id = p.unit_id
       WHERE p.campaign_id = $1 AND p.unit_id = $2`,
      [campaign.id, actor.unitId],
    );
    const row = rows[0];
    if (!row) {
      throw new ForbiddenException(
        `Đơn vị của mã truy cập này không tham gia chiến dịch ${campaign.code}.`,
      );
    }
    return { participationId: row.participation_id, code: row.code };
  }
}
