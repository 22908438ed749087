import {
  ConflictException,
  ForbiddenException,
  Injectable,
  NotFoundException,
} from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import { findCampaign } from '../campaigns/campaign-lookup.js';
import { compareCriterionCodes } from '../../domain/self-assessment-rules.js';
import { Campaign, Criterion, IndexSet, Participation, Unit } from '../../entities/index.js';
import type { Actor } from '../auth/actor.js';
import { SCORED_KINDS, type CriterionKind, type CriterionLevel } from '../../domain/words.js';

export type Access = 'read' | 'write';

/** A unit's place in one campaign, resolved from the URL and checked against the caller. */
export interface UnitScope {
  campaign: Campaign;
  unit: Unit;
  participation: Participation;
  /** The caller is staff acting for the unit (admin or secretariat), not the unit itself. */
  onBehalf: boolean;
}

export interface Leaf {
  id: string;
  code: string;
  title: string;
  level: CriterionLevel;
  kind: CriterionKind;
  maxPoints: number;
  evidenceRequired: boolean;
}

/** The index set that applies to a unit, with its leaves in the order of the tree. */
export interface UnitCriteria {
  indexSet: IndexSet;
  /** Leaves the unit scores itself, in tree order. */
  leaves: Leaf[];
  leafByCode: Map<string, Leaf>;
  leafById: Map<string, Leaf>;
  /** Every node of the set by code, to explain why a code is not self-scored. */
  nodeByCode: Map<string, Criterion>;
  /** Codes of each node's children. */
  childCodes: Map<string, string[]>;
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

  /** The index set of the unit's group in the campaign (409 when there is none). */
  async criteria(
    scope: Pick<UnitScope, 'campaign' | 'unit'>,
    manager: EntityManager = this.dataSource.manager,
  ): Promise<UnitCriteria> {
    const { campaign, unit } = scope;
    const indexSet = await manager.findOneBy(IndexSet, {
      campaignId: campaign.id,
      group: unit.group,
    });
    if (!indexSet) {
      throw new ConflictException(
        `Campaign ${campaign.code} has no index set for the unit group "${unit.group}" of unit ${unit.code}; import one first.`,
      );
    }
    const nodes = await manager.findBy(Criterion, { indexSetId: indexSet.id });
    const children = new Map<string | null, Criterion[]>();
    for (const node of nodes) {
      const siblings = children.get(node.parentId) ?? [];
      siblings.push(node);
      children.set(node.parentId, siblings);
    }
    const order = (a: Criterion, b: Criterion) =>
      a.sortOrder - b.sortOrder || compareCriterionCodes(a.code, b.code);
    const leaves: Leaf[] = [];
    const childCodes = new Map<string, string[]>();
    const visit = (parentId: string | null, seen: Set<string>) => {
      for (const node of [...(children.get(parentId) ?? [])].sort(order)) {
        if (seen.has(node.id)) continue; // a cycle in imported data must not hang the API
        seen.add(node.id);
        const kids = children.get(node.id) ?? [];
        childCodes.set(
          node.code,
          kids.map((k) => k.code),
        );
        if (kids.length > 0) {
          visit(node.id, seen);
        } else if (SCORED_KINDS.includes(node.kind)) {
          leaves.push({
            id: node.id,
            code: node.code,
            title: node.title,
            level: node.level,
            kind: node.kind,
            maxPoints: node.maxPoints,
            evidenceRequired: node.evidenceRequired,
          });
        }
      }
    };
    visit(null, new Set());
    return {
      indexSet,
      leaves,
      leafByCode: new Map(leaves.map((leaf) => [leaf.code, leaf])),
      leafById: new Map(leaves.map((leaf) => [leaf.id, leaf])),
      nodeByCode: new Map(nodes.map((node) => [node.code, node])),
      childCodes,
    };
  }

  /**
   * Why `code` is not something the unit scores itself: unknown, a survey leaf, or a node with
   * sub-criteria. Null when it is a self-scored leaf.
   */
  whyNotSelfScored(criteria: UnitCriteria, code: string): string | null {
    if (criteria.leafByCode.has(code)) return null;
    const node = criteria.nodeByCode.get(code);
    if (!node) {
      return `criterion ${code} is not in the index set "${criteria.indexSet.name}"`;
    }
    const kids = criteria.childCodes.get(code) ?? [];
    if (kids.length > 0) {
      return `criterion ${code} has sub-criteria (${kids.join(', ')}): score those instead`;
    }
    return `criterion ${code} is scored from sociological surveys, not by the unit's self-assessment`;
  }
}
