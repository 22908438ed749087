import {
  BadRequestException,
  ConflictException,
  Injectable,
  NotFoundException,
} from '@nestjs/common';
import { DataSource, In } from 'typeorm';
import { ApiError } from '../common/api-error.js';
import { Participation, Unit } from '../../entities/index.js';
import { AuditService } from '../audit/audit.service.js';
import type { Actor } from '../auth/actor.js';
import { assertNotLaunched, findCampaign } from '../campaigns/campaign-lookup.js';
import type {
  AddParticipationDto,
  ParticipationsAddedView,
  ParticipationView,
} from '../campaigns/campaign.dto.js';

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
      if (!unit) throw new NotFoundException(`Không có đơn vị mã «${unitCode}».`);
      const existing = await manager.findOneBy(Participation, { campaignId, unitId: unit.id });
      if (existing) {
        throw new ConflictException(`Đơn vị ${unitCode} đã tham gia chiến dịch ${campaign.code}.`);
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
      if (!unit) throw new NotFoundException(`Không có đơn vị mã «${unitCode}».`);
      const existing = await manager.findOneBy(Participation, { campaignId, unitId: unit.id });
      if (!existing) {
        throw new NotFoundException(
          `Đơn vị ${unitCode} không tham gia chiến dịch ${campaign.code}.`,
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

  /**
   * Many units at once (their codes, or every unit of some groups): all or nothing. Every unknown
   * code, every code given twice and every unit already taking part is named in one 400/409.
   */
  async addMany(
    actor: Actor,
    campaignRef: string,
    dto: AddParticipationDto,
  ): Promise<ParticipationsAddedView> {
    const codes = dto.unitCodes ?? [];
    const groups = dto.groups ?? [];
    const seen = new Set<string>();
    const twice = [...new Set(codes.filter((c) => seen.has(c) || !seen.add(c)))];
    if (twice.length > 0) {
      const message = `Các mã đơn vị được gửi hai lần: ${twice.join(', ')}; không đơn vị nào được thêm.`;
      throw new ApiError(
        400,
        'validation_failed',
        message,
        twice.map((code) => ({
          field: `unitCodes[${codes.indexOf(code)}]`,
          code: 'duplicate_unit_code',
          message: `Mã đơn vị «${code}» được gửi hai lần.`,
        })),
      );
    }
    return this.dataSource.transaction(async (manager) => {
      const campaign = await findCampaign(manager, campaignRef, { lock: true });
      const campaignId = campaign.id;
      assertNotLaunched(campaign, 'danh sách đơn vị tham gia');
      const named = codes.length ? await manager.findBy(Unit, { code: In(codes) }) : [];
      const unknown = codes.filter((c) => !named.some((u) => u.code === c));
      if (unknown.length > 0) {
        const message = `Không có đơn vị mang các mã: ${unknown.join(', ')}; không đơn vị nào được thêm.`;
        throw new ApiError(
          400,
          'validation_failed',
          message,
          unknown.map((code) => ({
            field: `unitCodes[${codes.indexOf(code)}]`,
            code: 'unknown_unit',
            message: `Không có đơn vị mã «${code}».`,
          })),
        );
      }
      const ofGroups = groups.length ? await manager.findBy(Unit, { group: In(groups) }) : [];
      const emptyGroups = groups.filter((g) => !ofGroups.some((u) => u.group === g));
      if (emptyGroups.length > 0) {
        throw new BadRequestException(
          `Không có đơn vị nào thuộc nhóm: ${emptyGroups.join(', ')}; không đơn vị nào được thêm.`,
        );
      }
      const units = [...new Map([...named, ...ofGroups].map((u) => [u.id, u])).values()];
      const existing = await manager.find(Participation, {
        where: { campaignId, unitId: In(units.map((u) => u.id)) },
      });
      // Named codes already in: a mistake worth saying. Units of a whole group: those already in stay.
      const already = named.filter((u) => existing.some((p) => p.unitId === u.id));
      if (already.length > 0) {
        throw new ConflictException(
          `Các đơn vị đã tham gia chiến dịch ${campaign.code}: ${already.map((u) => u.code).join(', ')}; không đơn vị nào được thêm.`,
        );
      }
      const fresh = units
        .filter((u) => !existing.some((p) => p.unitId === u.id))
        .sort((a, b) => a.group.localeCompare(b.group) || a.code.localeCompare(b.code));
      const saved = fresh.length
        ? await manager.save(
            fresh.map((u) =>
              manager.create(Participation, { campaignId, unitId: u.id, status: 'registered' }),
            ),
          )
        : [];
      await this.audit.record(
        actor,
        {
          action: 'participation.create_many',
          entityType: 'campaign',
          entityId: campaignId,
          details: {
            campaignCode: campaign.code,
            unitCodes: fresh.map((u) => u.code),
            groups,
          },
        },
        manager,
      );
      return {
        added: saved.length,
        participations: saved.map((p, i) => view({ ...p, unit: fresh[i]! })),
      };
    });
  }
}
