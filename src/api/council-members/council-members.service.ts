import { BadRequestException, Injectable, NotFoundException } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import { COUNCIL_ROLE_VI } from '../../documents/council-decision.js';
import { type Campaign, CouncilMember } from '../../entities/index.js';
import { AuditService } from '../audit/audit.service.js';
import type { Actor } from '../auth/actor.js';
import { findCampaign } from '../campaigns/campaign-lookup.js';
import {
  ImportValidationException,
  readImport,
  type UploadedImportFile,
} from '../common/import-file.js';
import { isUuid } from '../common/params.js';
import type {
  CouncilMembersImportSummary,
  CouncilMemberView,
  CreateCouncilMemberDto,
  UpdateCouncilMemberDto,
} from './council-member.dto.js';
import { COUNCIL_MEMBERS_IMPORT, validateCouncilMembersImport } from './council-members-import.js';

function view(member: CouncilMember): CouncilMemberView {
  return {
    id: member.id,
    fullName: member.fullName,
    position: member.position,
    organisation: member.organisation,
    role: member.role,
    roleVi: COUNCIL_ROLE_VI[member.role],
    email: member.email,
    order: member.sortOrder,
  };
}

/**
 * The Appraisal Council's members per campaign (the establishment decision's list, step 1): the
 * secretariat enters them; the decision (GET …/documents/council_decision) lists them.
 */
@Injectable()
export class CouncilMembersService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly audit: AuditService,
  ) {}

  private members(manager: EntityManager, campaign: Campaign) {
    return manager.find(CouncilMember, {
      where: { campaignId: campaign.id },
      order: { sortOrder: 'ASC', fullName: 'ASC' },
    });
  }

  /** 409 naming the existing chair when a second one is entered. */
  private async assertOneChair(
    manager: EntityManager,
    campaign: Campaign,
    exceptId: string | null,
  ): Promise<void> {
    const chair = (await this.members(manager, campaign)).find(
      (m) => m.role === 'chair' && m.id !== exceptId,
    );
    if (chair) {
      throw new BadRequestException(
        `Hội đồng thẩm định của chiến dịch ${campaign.code} đã có Chủ tịch (${chair.fullName}): mỗi Hội đồng chỉ có một Chủ tịch; hãy đổi vai trò của người đó trước.`,
      );
    }
  }

  async list(campaignRef: string): Promise<CouncilMemberView[]> {
    const manager = this.dataSource.manager;
    const campaign = await findCampaign(manager, campaignRef);
    return (await this.members(manager, campaign)).map(view);
  }

  async create(
    actor: Actor,
    campaignRef: string,
    dto: CreateCouncilMemberDto,
  ): Promise<CouncilMemberView> {
    return this.dataSource.transaction(async (manager) => {
      // Locked: two members added at once get distinct places, and one chair at most.
      const campaign = await findCampaign(manager, campaignRef, { lock: true });
      if (dto.role === 'chair') await this.assertOneChair(manager, campaign, null);
      const existing = await this.members(manager, campaign);
      const member = await manager.save(
        manager.create(CouncilMember, {
          campaignId: campaign.id,
          fullName: dto.fullName,
          position: dto.position,
          organisation: dto.organisation,
          role: dto.role,
          email: dto.email ?? null,
          sortOrder: dto.order ?? Math.max(0, ...existing.map((m) => m.sortOrder)) + 1,
        }),
      );
      await this.audit.record(
        actor,
        {
          action: 'council_member.create',
          entityType: 'council_member',
          entityId: member.id,
          details: { campaignCode: campaign.code, fullName: member.fullName, role: member.role },
        },
        manager,
      );
      return view(member);
    });
  }

  private async find(manager: EntityManager, campaign: Campaign, id: string) {
    const member = isUuid(id)
      ? await manager.findOne(CouncilMember, {
          where: { id, campaignId: campaign.id },
          lock: { mode: 'pessimistic_write' },
        })
      : null;
    if (!member) {
      throw new NotFoundException(
        `Không có thành viên Hội đồng thẩm định «${id}» trong chiến dịch ${campaign.code}.`,
      );
    }
    return member;
  }

  async update(
    actor: Actor,
    campaignRef: string,
    id: string,
    dto: UpdateCouncilMemberDto,
  ): Promise<CouncilMemberView> {
    const changed = Object.keys(dto).filter(
      (k) => dto[k as keyof UpdateCouncilMemberDto] !== undefined,
    );
    if (changed.length === 0) {
      throw new BadRequestException(
        'Yêu cầu không nêu thông tin nào cần thay đổi (hãy gửi ít nhất một trong các trường fullName, position, organisation, role, email, order).',
      );
    }
    return this.dataSource.transaction(async (manager) => {
      const campaign = await findCampaign(manager, campaignRef, { lock: true });
      const member = await this.find(manager, campaign, id);
      if (dto.role === 'chair' && member.role !== 'chair') {
        await this.assertOneChair(manager, campaign, member.id);
      }
      const before = view(member);
      if (dto.fullName !== undefined) member.fullName = dto.fullName;
      if (dto.position !== undefined) member.position = dto.position;
      if (dto.organisation !== undefined) member.organisation = dto.organisation;
      if (dto.role !== undefined) member.role = dto.role;
      if (dto.email !== undefined) member.email = dto.email;
      if (dto.order !== undefined) member.sortOrder = dto.order;
      const saved = await manager.save(CouncilMember, member);
      await this.audit.record(
        actor,
        {
          action: 'council_member.update',
          entityType: 'council_member',
          entityId: member.id,
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
      const member = await this.find(manager, campaign, id);
      await manager.delete(CouncilMember, { id: member.id });
      await this.audit.record(
        actor,
        {
          action: 'council_member.delete',
          entityType: 'council_member',
          entityId: member.id,
          details: { campaignCode: campaign.code, removed: view(member) },
        },
        manager,
      );
    });
  }

  /** Replaces the campaign's list with an imported one (JSON body, .json or .xlsx upload). */
  async import(
    actor: Actor,
    campaignRef: string,
    file: UploadedImportFile | undefined,
    body: unknown,
  ): Promise<CouncilMembersImportSummary> {
    const source = await readImport(COUNCIL_MEMBERS_IMPORT, file, body);
    const result = validateCouncilMembersImport(source);
    if (!result.ok) {
      throw new ImportValidationException('danh sách thành viên Hội đồng thẩm định', result.issues);
    }
    return this.dataSource.transaction(async (manager) => {
      const campaign = await findCampaign(manager, campaignRef, { lock: true });
      const replaced = await manager.count(CouncilMember, { where: { campaignId: campaign.id } });
      await manager.delete(CouncilMember, { campaignId: campaign.id });
      const saved = await manager.save(
        result.members.map((m) =>
          manager.create(CouncilMember, {
            campaignId: campaign.id,
            fullName: m.fullName,
            position: m.position,
            organisation: m.organisation,
            role: m.role,
            email: m.email,
            sortOrder: m.order,
          }),
        ),
      );
      await this.audit.record(
        actor,
        {
          action: 'council_member.import',
          entityType: 'campaign',
          entityId: campaign.id,
          details: {
            campaignCode: campaign.code,
            format: source.format,
            fileName: source.fileName,
            replaced,
            members: saved.length,
          },
        },
        manager,
      );
      return {
        format: source.format,
        fileName: source.fileName,
        replaced,
        members: (await this.members(manager, campaign)).map(view),
      };
    });
  }
}
