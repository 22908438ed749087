import { ConflictException, Injectable, NotFoundException } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { Participation, Unit } from '../../entities/index.js';
import { AuditService } from '../audit/audit.service.js';
import type { Actor } from '../auth/actor.js';
import { assertNotLaunched, findCampaign } from '../campaigns/campaign-lookup.js';
import type { ParticipationView } from '../campaigns/campaign.dto.js';

function view(p: Participation & { unit: Unit }): ParticipationView {
  return {
    id: p.id,
    campaignId: p.campaignId,
    unit: { code: p.unit.code, name: p.unit.name, group: p.unit.group },
    status: p.status,
    createdAt: p.createdAt.toISOString(),
  };
}

@Injectable()
export class ParticipationsService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly audit: AuditService,
  ) {}

  /** Every participation; for a unit's token only its own. */
  async list(actor: Actor, campaignRef: string): Promise<ParticipationView[]> {
    const campaignId = (await findCampaign(this.dataSource.manager, campaignRef)).id;
    const query = this.dataSource
      .getRepository(Participation)
      .createQueryBuilder('p')
      .innerJoinAndSelect('p.unit', 'u')
      .where('p.campaign_id = :campaignId', { campaignId })
      .orderBy('u.group_code', 'ASC')
      .addOrderBy('u.code', 'ASC');
    if (actor.role === 'unit') query.andWhere('p.unit_id = :unitId', { unitId: actor.unitId });
    const rows = await query.getMany();
    return rows.map((p) => view(p as Participation & { unit: Unit }));
  }

  async add(actor: Actor, campaignRef: string, unitCode: string): Promise<ParticipationView> {
    return this.dataSource.transaction(async (manager) => {
      const campaign = await findCampaign(manager, campaignRef, { lock: true });
      const campaignId = campaign.id;
      assertNotLaunched(campaign, 'danh sách đơn vị tham gia');
      const unit = await manager.findOneBy(Unit, { code: unitCode });
      if (!unit) throw new NotFoundException(`No unit with code ${unitCode}.`);
      const existing = await manager.findOneBy(Participation, { campaignId, unitId: unit.id });
      if (existing) {
        throw new ConflictException(
          `Unit ${unitCode} already takes part in campaign ${campaign.code}.`,
        );
      }
      const saved = await manager.save(
        manager.create(Participation, { campaignId, unitId: unit.id, status: 'registered' }),
      );
      await this.audit.record(
        actor,
        {
          action: 'participation.create',
          entityType: 'participation',
          entityId: saved.id,
          details: { campaignId, campaignCode: campaign.code, unitCode },
        },
        manager,
      );
      return view({ ...saved, unit });
    });
  }

  async remove(actor: Actor, campaignRef: string, unitCode: string): Promise<void> {
    await this.dataSource.transaction(async (manager) => {
      const campaign = await findCampaign(manager, campaignRef, { lock: true });
      const campaignId = campaign.id;
      assertNotLaunched(campaign, 'danh sách đơn vị tham gia');
      const unit = await manager.findOneBy(Unit, { code: unitCode });
      if (!unit) throw new NotFoundException(`No unit with code ${unitCode}.`);
      const existing = await manager.findOneBy(Participation, { campaignId, unitId: unit.id });
      if (!existing) {
        throw new NotFoundException(
          `Unit ${unitCode} does not take part in campaign ${campaign.code}.`,
        );
      }
      await manager.delete(Participation, { id: existing.id });
      await this.audit.record(
        actor,
        {
          action: 'participation.delete',
          entityType: 'participation',
          entityId: existing.id,
          details: { campaignId, campaignCode: campaign.code, unitCode },
        },
        manager,
      );
    });
  }
}
