import {
  ConflictException,
  ForbiddenException,
  Injectable,
  NotFoundException,
} from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import { findCampaign } from '../campaigns/campaign-lookup.js';
import { Campaign, Participation, Unit } from '../../entities/index.js';
import { ROLE_NAMES_VI } from '../../domain/words.js';
import type { Actor } from '../auth/actor.js';
import { type IndexTree, loadIndexTrees, treeOfGroup } from '../scoring-data/index-tree.js';

export type Access = 'read' | 'write';

/**
 * Appraisers and the council judge what the unit submitted, never a draft it is still editing;
 * the unit, and admin and secretariat who may write for it, read its newest version.
 */
export function readsSubmittedOnly(actor: Actor): boolean {
  return actor.role === 'appraiser' || actor.role === 'council';
}

/** A unit's place in one campaign, resolved from the URL and checked against the caller. */
export interface UnitScope {
  campaign: Campaign;
  unit: Unit;
  participation: Participation;
  /** The caller is staff acting for the unit (admin or secretariat), not the unit itself. */
  onBehalf: boolean;
}

/**
 * Resolves /campaigns/:campaignId/units/:unitCode for the self-assessment and evidence routes, and
 * says who may do what there:
 * - a unit token reads and writes only its own unit;
 * - admin and secretariat read everything and may write for a unit (recorded as on its behalf);
 * - appraiser and council tokens read (they appraise) but never write.
 */
@Injectable()
export class UnitScopeService {
  constructor(private readonly dataSource: DataSource) {}

  /** Checks the caller may read or write `unit`'s data; throws 403 saying why not. */
  checkAccess(actor: Actor, unit: Unit, access: Access): void {
    if (actor.role === 'unit') {
      if (actor.unitId !== unit.id) {
        throw new ForbiddenException(
          `Mã truy cập này thuộc một đơn vị khác: đơn vị chỉ được ${access === 'read' ? 'xem' : 'sửa'} bản tự đánh giá và tài liệu kiểm chứng của chính mình, không phải của đơn vị ${unit.code}.`,
        );
      }
      return;
    }
    if (access === 'write' && actor.role !== 'admin' && actor.role !== 'secretariat') {
      throw new ForbiddenException(
        `Vai trò «${ROLE_NAMES_VI[actor.role]}» chỉ được xem bản tự đánh giá và tài liệu kiểm chứng, không được sửa; chỉ chính đơn vị, hoặc ${ROLE_NAMES_VI.admin} và ${ROLE_NAMES_VI.secretariat} thay mặt đơn vị, mới được sửa.`,
      );
    }
  }

  /**
   * Resolves the scope and checks access, in this order: campaign (404), unit (404), access (403),
   * participation (404). With `lock`, the participation row is locked until the transaction
   * ends, which serialises writes to one unit's self-assessment.
   */
  async resolve(
    actor: Actor,
    campaignRef: string,
    unitCode: string,
    access: Access,
    options: { manager?: EntityManager; lock?: boolean } = {},
  ): Promise<UnitScope> {
    const manager = options.manager ?? this.dataSource.manager;
    const campaign = await findCampaign(manager, campaignRef);
    const unit = await manager.findOneBy(Unit, { code: unitCode });
    if (!unit) throw new NotFoundException(`Không có đơn vị mã «${unitCode}».`);
    this.checkAccess(actor, unit, access);
    const participation = await manager.findOne(Participation, {
      where: { campaignId: campaign.id, unitId: unit.id },
      ...(options.lock ? { lock: { mode: 'pessimistic_write' as const } } : {}),
    });
    if (!participation) {
      throw new NotFoundException(
        `Đơn vị ${unit.code} không tham gia chiến dịch ${campaign.code}.`,
      );
    }
    if (access === 'write' && participation.leftAt) {
      // Its data stays readable; nothing is written for a unit no longer in the campaign.
      throw new ConflictException(
        `Đơn vị ${unit.code} đã rút khỏi chiến dịch ${campaign.code} theo quyết định sửa đổi, bổ sung kế hoạch: bản tự đánh giá và tài liệu kiểm chứng của đơn vị chỉ còn để xem.`,
      );
    }
    return { campaign, unit, participation, onBehalf: actor.role !== 'unit' };
  }

  /** The index tree of the unit's group in the campaign (409 when there is none). */
  async indexTree(
    scope: Pick<UnitScope, 'campaign' | 'unit'>,
    manager: EntityManager = this.dataSource.manager,
  ): Promise<IndexTree> {
    const { campaign, unit } = scope;
    const trees = await loadIndexTrees(manager, campaign.id);
    return treeOfGroup(trees, unit.group, campaign.code, unit.code);
  }
}
