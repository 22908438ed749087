import { Injectable, UnprocessableEntityException } from '@nestjs/common';
import { GROUP_NAMES_VI } from '../../domain/scoring/commendations.js';
import { DataSource, type EntityManager, In } from 'typeorm';
import {
  Agency,
  AppraisalScore,
  type AppraisalRound,
  type Campaign,
  ExplanationRequest,
} from '../../entities/index.js';
import type { Actor } from '../auth/actor.js';
import { AuditService } from '../audit/audit.service.js';
import {
  assertLaunched,
  assertMayReadUnit,
  assertScoresOpen,
  findUnitRef,
} from '../scoring-data/campaign-scope.js';
import { loadIndexTrees, treeOfGroup } from '../scoring-data/index-tree.js';
import { loadScoringInputs, loadUnits, type UnitRef } from '../scoring-data/scoring-inputs.js';
import { buildUnitSheet, type UnitSheet } from '../scoring-data/unit-sheet.js';
import type { SaveAppraisalDto } from './appraisal.dto.js';
import {
  campaignRoundClosure,
  checkAgency,
  checkItems,
  checkRoundTwo,
  checkShape,
  unitRoundClosure,
} from './appraisal-rules.js';
import { findCampaign } from '../campaigns/campaign-lookup.js';

export interface UnitSheetView extends UnitSheet {
  campaignId: string;
  campaignCode: string;
  unitCode: string;
  unitName: string;
  unitGroup: string;
  indexSet: { id: string; name: string; illustrative: boolean };
  scoresFixedAt: string | null;
  resultsPublishedAt: string | null;
  /**
   * Whether each round takes this unit's scores now, and why not: the same checks that refuse a
   * save (so a page shows what the API would answer). Round 2: the criteria it re-scores.
   */
  rounds: { 1: RoundOpenness; 2: RoundOpenness & { criteria: string[] } };
}

export interface RoundOpenness {
  open: boolean;
  /** Why the round refuses scores (the 409's message); null when open. */
  reason: string | null;
}

export interface ProgressCount {
  required: number;
  entered: number;
}

export interface ProgressView {
  campaignCode: string;
  round: AppraisalRound;
  total: ProgressCount;
  agencies: (ProgressCount & { agencyCode: string; agencyName: string })[];
  units: (ProgressCount & {
    unitCode: string;
    unitName: string;
    group: string;
    /** The group as officials name it: "sở, ban, ngành tỉnh". */
    groupName: string;
    missing: string[];
  })[];
}

export interface FixResult {
  campaignCode: string;
  scoresFixedAt: string;
  scoresFixedBy: string;
  units: number;
  /** Requested criteria that round 2 did not re-score: their round-1 score stands. */
  keptRoundOne: { unitCode: string; criteria: string[] }[];
}

/** "1.1, 1.2.1, … and 12 more": long lists stay readable in a message. */
function listCodes(codes: string[], max = 10): string {
  const shown = codes.slice(0, max).join(', ');
  return codes.length > max ? `${shown} và ${codes.length - max} tiêu chí khác` : shown;
}

/**
 * Appraisal rounds 1 and 2 (steps 4 and 7) and their aggregation's last act (step 8: fixing the
 * scores). Rounds are not tied to their step windows: appraisers often finish late, so a round
 * closes by the secretariat's actions instead: confirming a unit's explanation requests closes
 * its round 1, fixing the scores closes both rounds for every unit.
 */
@Injectable()
export class AppraisalsService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly audit: AuditService,
  ) {}

  async saveRound(
    actor: Actor,
    campaignRef: string,
    unitCode: string,
    round: AppraisalRound,
    dto: SaveAppraisalDto,
  ): Promise<UnitSheetView> {
    checkShape(dto.items);
    return this.dataSource.transaction(async (manager) => {
      const campaign = await findCampaign(manager, campaignRef);
      return this.saveRoundIn(manager, actor, campaign, unitCode, round, dto.items);
    });
  }

  /**
   * Enters one unit's round in the caller's transaction: the PUT route and the sheet import both
   * come here, so the same checks decide (shape already checked by the caller).
   */
  async saveRoundIn(
    manager: EntityManager,
    actor: Actor,
    campaign: Campaign,
    unitCode: string,
    round: AppraisalRound,
    entries: SaveAppraisalDto['items'],
  ): Promise<UnitSheetView> {
    const closedCampaign = campaignRoundClosure(campaign, round);
    if (closedCampaign) throw closedCampaign;
    // Locks the unit's participation: writes to one unit's scores run one after another.
    const unit = await findUnitRef(manager, campaign, unitCode, { lock: true });
    const tree = treeOfGroup(
      await loadIndexTrees(manager, campaign.id),
      unit.group,
      campaign.code,
      unit.unitCode,
    );
    const items = checkItems(tree, entries);
    const agency = actor.agencyId ? await manager.findOneBy(Agency, { id: actor.agencyId }) : null;
    checkAgency(actor, items, agency?.code ?? null);

    const confirmed = await manager.find(ExplanationRequest, {
      where: { participationId: unit.participationId, status: 'confirmed' },
      order: { confirmedAt: 'ASC' },
    });
    const closedUnit = unitRoundClosure(campaign, unit.unitCode, round, confirmed);
    if (closedUnit) throw closedUnit;
    if (round === 2) checkRoundTwo(items, new Set(confirmed.map((r) => r.criterionId)));

    const existing = new Map(
      (
        await manager.findBy(AppraisalScore, {
          participationId: unit.participationId,
          round,
          criterionId: In(items.map((i) => i.leaf.id)),
        })
      ).map((row) => [row.criterionId, row]),
    );
    const now = new Date();
    await manager.save(
      items.map((item) =>
        manager.create(AppraisalScore, {
          ...(existing.get(item.leaf.id) ?? {}),
          participationId: unit.participationId,
          criterionId: item.leaf.id,
          round,
          score: item.score,
          notApplicable: item.notApplicable,
          comment: item.comment,
          agencyId: item.leaf.agencyId,
          scoredBy: actor.name,
          scoredAt: now,
        }),
      ),
    );
    await this.audit.record(
      actor,
      {
        action: `appraisal.round${round}.save`,
        entityType: 'participation',
        entityId: unit.participationId,
        details: {
          campaignCode: campaign.code,
          unitCode: unit.unitCode,
          round,
          items: items.map((i) => ({
            criterionCode: i.leaf.code,
            score: i.score,
            notApplicable: i.notApplicable,
            comment: i.comment,
          })),
          onBehalfOfAgency: actor.role !== 'appraiser',
        },
      },
      manager,
    );
    return this.sheetOf(manager, campaign, unit);
  }

  async sheet(actor: Actor, campaignRef: string, unitCode: string): Promise<UnitSheetView> {
    const manager = this.dataSource.manager;
    const campaign = await findCampaign(manager, campaignRef);
    const unit = await findUnitRef(manager, campaign, unitCode);
    assertMayReadUnit(actor, campaign, unit);
    return this.sheetOf(manager, campaign, unit);
  }

  async sheetOf(manager: EntityManager, campaign: Campaign, unit: UnitRef): Promise<UnitSheetView> {
    const tree = treeOfGroup(
      await loadIndexTrees(manager, campaign.id),
      unit.group,
      campaign.code,
      unit.unitCode,
    );
    const [inputs] = await loadScoringInputs(manager, [unit]);
    const confirmed = [...inputs!.requests.values()]
      .filter((r) => r.status === 'confirmed')
      .sort((a, b) => (a.confirmedAt?.getTime() ?? 0) - (b.confirmedAt?.getTime() ?? 0));
    const round = (n: AppraisalRound): RoundOpenness => {
      const closed =
        campaignRoundClosure(campaign, n) ??
        unitRoundClosure(campaign, unit.unitCode, n, confirmed);
      return { open: closed === null, reason: closed ? closed.message : null };
    };
    return {
      campaignId: campaign.id,
      campaignCode: campaign.code,
      unitCode: unit.unitCode,
      unitName: unit.unitName,
      unitGroup: unit.group,
      indexSet: {
        id: tree.indexSet.id,
        name: tree.indexSet.name,
        illustrative: tree.indexSet.illustrative,
      },
      scoresFixedAt: campaign.scoresFixedAt?.toISOString() ?? null,
      resultsPublishedAt: campaign.resultsPublishedAt?.toISOString() ?? null,
      rounds: {
        1: round(1),
        2: {
          ...round(2),
          criteria: confirmed.flatMap((r) => tree.byId.get(r.criterionId)?.code ?? []),
        },
      },
      ...buildUnitSheet(tree, inputs!),
    };
  }

  /**
   * Entered / required per agency and per unit. Round 1 requires every appraised leaf of each
   * unit's index set; round 2 the criteria each unit was asked to explain. An appraiser's token
   * sees its own agency's criteria only.
   */
  async progress(actor: Actor, campaignRef: string, round: AppraisalRound): Promise<ProgressView> {
    const manager = this.dataSource.manager;
    const campaign = await findCampaign(manager, campaignRef);
    const trees = await loadIndexTrees(manager, campaign.id);
    const units = await loadUnits(manager, campaign.id);
    const ids = units.map((u) => u.participationId);
    const entered = new Set(
      (ids.length > 0
        ? await manager.find(AppraisalScore, {
            where: { participationId: In(ids), round },
            select: { participationId: true, criterionId: true },
          })
        : []
      ).map((row) => `${row.participationId}/${row.criterionId}`),
    );
    const requested =
      round === 2 && ids.length > 0
        ? await manager.find(ExplanationRequest, {
            where: { participationId: In(ids), status: 'confirmed' },
            select: { participationId: true, criterionId: true },
          })
        : [];
    const agencies = await manager.find(Agency, { order: { code: 'ASC' } });
    const byAgency = new Map<string, ProgressCount>();
    const total: ProgressCount = { required: 0, entered: 0 };
    const unitRows: ProgressView['units'] = [];
    for (const unit of units) {
      const tree = trees.get(unit.group);
      if (!tree) continue;
      const leaves =
        round === 1
          ? tree.appraisedLeaves
          : requested
              .filter((r) => r.participationId === unit.participationId)
              .flatMap((r) => tree.byId.get(r.criterionId) ?? []);
      const mine = leaves.filter(
        (leaf) => actor.role !== 'appraiser' || leaf.agencyId === actor.agencyId,
      );
      const row = {
        unitCode: unit.unitCode,
        unitName: unit.unitName,
        group: unit.group,
        groupName: GROUP_NAMES_VI[unit.group] ?? unit.group,
      };
      const missing: string[] = [];
      for (const leaf of mine) {
        const done = entered.has(`${unit.participationId}/${leaf.id}`);
        if (!done) missing.push(leaf.code);
        const count = byAgency.get(leaf.agencyId ?? '') ?? { required: 0, entered: 0 };
        count.required += 1;
        count.entered += done ? 1 : 0;
        byAgency.set(leaf.agencyId ?? '', count);
      }
      total.required += mine.length;
      total.entered += mine.length - missing.length;
      unitRows.push({
        ...row,
        required: mine.length,
        entered: mine.length - missing.length,
        missing,
      });
    }
    return {
      campaignCode: campaign.code,
      round,
      total,
      agencies: agencies
        .filter((a) => byAgency.has(a.id))
        .map((a) => ({ agencyCode: a.code, agencyName: a.name, ...byAgency.get(a.id)! })),
      units: unitRows,
    };
  }

  /**
   * Step 8: the appraised scores become final (round 2 where re-scored, else round 1). Refused
   * while a unit lacks round-1 scores or still has unconfirmed explanation proposals.
   */
  async fix(actor: Actor, campaignRef: string): Promise<FixResult> {
    return this.dataSource.transaction(async (manager) => {
      const campaign = await findCampaign(manager, campaignRef, { lock: true });
      assertLaunched(campaign);
      assertScoresOpen(campaign, 'chốt điểm lại');
      const trees = await loadIndexTrees(manager, campaign.id);
      const units = await loadUnits(manager, campaign.id);
      const inputs = await loadScoringInputs(manager, units);
      const problems: string[] = [];
      const keptRoundOne: FixResult['keptRoundOne'] = [];
      for (const unit of inputs) {
        const tree = treeOfGroup(trees, unit.unit.group, campaign.code, unit.unit.unitCode);
        const code = (id: string) => tree.byId.get(id)?.code ?? id;
        const withoutRoundOne = tree.appraisedLeaves.filter((l) => !unit.appraisals.get(l.id)?.[1]);
        if (withoutRoundOne.length > 0) {
          problems.push(
            `đơn vị ${unit.unit.unitCode} chưa có điểm thẩm định lần 1 cho tiêu chí ${listCodes(withoutRoundOne.map((l) => l.code))}`,
          );
        }
        const pending = [...unit.requests.values()].filter((r) => r.status === 'proposed');
        if (pending.length > 0) {
          problems.push(
            `đơn vị ${unit.unit.unitCode} còn đề xuất giải trình chưa được xác nhận hay bỏ qua: ${listCodes(pending.map((r) => code(r.criterionId)))}`,
          );
        }
        const kept = [...unit.requests.values()]
          .filter((r) => r.status === 'confirmed' && !unit.appraisals.get(r.criterionId)?.[2])
          .map((r) => code(r.criterionId));
        if (kept.length > 0) keptRoundOne.push({ unitCode: unit.unit.unitCode, criteria: kept });
      }
      if (problems.length > 0) {
        throw new UnprocessableEntityException(
          `Chưa thể chốt điểm của chiến dịch ${campaign.code} (${problems.length} vấn đề): ${problems.join('; ')}.`,
        );
      }
      campaign.scoresFixedAt = new Date();
      campaign.scoresFixedBy = actor.name;
      await manager.save(campaign);
      await this.audit.record(
        actor,
        {
          action: 'appraisal.fix',
          entityType: 'campaign',
          entityId: campaign.id,
          details: { campaignCode: campaign.code, units: units.length, keptRoundOne },
        },
        manager,
      );
      return {
        campaignCode: campaign.code,
        scoresFixedAt: campaign.scoresFixedAt.toISOString(),
        scoresFixedBy: actor.name,
        units: units.length,
        keptRoundOne,
      };
    });
  }
}
