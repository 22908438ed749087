import { ForbiddenException, Injectable, NotFoundException } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import { findCampaign } from '../campaigns/campaign-lookup.js';
import { Campaign, Participation, Unit } from '../../entities/index.js';
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
          `This token acts for another unit: a unit may only ${access === 'read' ? 'see' : 'change'} its own self-assessment and evidence, not those of unit ${unit.code}.`,
        );
      }
      return;
    }
    if (access === 'write' && actor.role !== 'admin' && actor.role !== 'secretariat') {
      throw new ForbiddenException(
        `Role "${actor.role}" may read self-assessments and evidence but not write them; only the unit itself, or admin and secretariat on its behalf, may.`,
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
    if (!unit) throw new NotFoundException(`No unit with code "${unitCode}".`);
    this.checkAccess(actor, unit, access);
    const participation = await manager.findOne(Participation, {
      where: { campaignId: campaign.id, unitId: unit.id },
      ...(options.lock ? { lock: { mode: 'pessimistic_write' as const } } : {}),
    });
    if (!participation) {
      throw new NotFoundException(
        `Unit ${unit.code} does not take part in campaign ${campaign.code}.`,
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
