import { BadRequestException, Injectable, NotFoundException } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import { type Campaign, CommendationNominee } from '../../entities/index.js';
import { AuditService } from '../audit/audit.service.js';
import type { Actor } from '../auth/actor.js';
import { findCampaign } from '../campaigns/campaign-lookup.js';
import { isUuid } from '../common/params.js';
import type {
  CommendationNomineeView,
  CreateCommendationNomineeDto,
  UpdateCommendationNomineeDto,
} from './commendation-nominee.dto.js';

function view(n: CommendationNominee): CommendationNomineeView {
  return {
    id: n.id,
    fullName: n.fullName,
    position: n.position,
    unitName: n.unitName,
    achievement: n.achievement,
    order: n.sortOrder,
  };
}

/**
 * Individuals proposed for commendation (step 11), entered by the secretariat; the proposal
 * (GET …/documents/commendation_proposal) lists them after the collectives the ranking gives.
 */
@Injectable()
export class CommendationNomineesService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly audit: AuditService,
  ) {}

  private nominees(manager: EntityManager, campaign: Campaign) {
    return manager.find(CommendationNominee, {
      where: { campaignId: campaign.id },
      order: { sortOrder: 'ASC', fullName: 'ASC' },
    });
  }

  async list(campaignRef: string): Promise<CommendationNomineeView[]> {
    const campaign = await findCampaign(this.dataSource.manager, campaignRef);
    return (await this.nominees(this.dataSource.manager, campaign)).map(view);
  }

  async create(
    actor: Actor,
    campaignRef: string,
    dto: CreateCommendationNomineeDto,
  ): Promise<CommendationNomineeView> {
    return this.dataSource.transaction(async (manager) => {
      const campaign = await findCampaign(manager, campaignRef, { lock: true });
      const existing = await this.nominees(manager, campaign);
      const saved = await manager.save(
        manager.create(CommendationNominee, {
          campaignId: campaign.id,
          fullName: dto.fullName,
          position: dto.position,
          unitName: dto.unitName,
          achievement: dto.achievement,
          sortOrder: dto.order ?? Math.max(0, ...existing.map((n) => n.sortOrder)) + 1,
        }),
      );
      await this.audit.record(
        actor,
        {
          action: 'commendation_nominee.create',
          entityType: 'commendation_nominee',
          entityId: saved.id,
          details: {
            campaignCode: campaign.code,
            fullName: saved.fullName,
            unitName: saved.unitName,
          },
        },
        manager,
      );
      return view(saved);
    });
  }

  private async find(manager: EntityManager, campaign: Campaign, id: string) {
    const nominee = isUuid(id)
      ? await manager.findOne(CommendationNominee, {
          where: { id, campaignId: campaign.id },
          lock: { mode: 'pessimistic_write' },
        })
      : null;
    if (!nominee) {
      throw new NotFoundException(
        `Không có cá nhân đề nghị khen thưởng «${id}» trong chiến dịch ${campaign.code}.`,
      );
    }
    return nominee;
  }

  async update(
    actor: Actor,
    campaignRef: string,
    id: string,
    dto: UpdateCommendationNomineeDto,
  ): Promise<CommendationNomineeView> {
    const changed = Object.keys(dto).filter(
      (k) => dto[k as keyof UpdateCommendationNomineeDto] !== undefined,
    );
    if (changed.length === 0) {
      throw new BadRequestException(
        'Yêu cầu không nêu thông tin nào cần thay đổi (hãy gửi ít nhất một trong các trường fullName, position, unitName, achievement, order).',
      );
    }
    return this.dataSource.transaction(async (manager) => {
      const campaign = await findCampaign(manager, campaignRef, { lock: true });
      const nominee = await this.find(manager, campaign, id);
      const before = view(nominee);
      if (dto.fullName !== undefined) nominee.fullName = dto.fullName;
      if (dto.position !== undefined) nominee.position = dto.position;
      if (dto.unitName !== undefined) nominee.unitName = dto.unitName;
      if (dto.achievement !== undefined) nominee.achievement = dto.achievement;
      if (dto.order !== undefined) nominee.sortOrder = dto.order;
      const saved = await manager.save(CommendationNominee, nominee);
      await this.audit.record(
        actor,
        {
          action: 'commendation_nominee.update',
          entityType: 'commendation_nominee',
          entityId: nominee.id,
          details: { campaignCode: campaign.code, changed, before },
        },
        manager,
      );
      return view(saved);
    });
  }

  async remove(actor: Actor, campaignRef: string, id: string): Promise<void> {
    await this.dataSource.transaction(async (manager) => {
      const campaign = await findCampaign(manager, campaignRef, { lock: true });
      const nominee = await this.find(manager, campaign, id);
      await manager.delete(CommendationNominee, { id: nominee.id });
      await this.audit.record(
        actor,
        {
          action: 'commendation_nominee.delete',
          entityType: 'commendation_nominee',
          entityId: nominee.id,
          details: { campaignCode: campaign.code, removed: view(nominee) },
        },
        manager,
      );
    });
  }
}
