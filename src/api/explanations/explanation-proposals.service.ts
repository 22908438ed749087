import {
  ConflictException,
  ForbiddenException,
  Injectable,
  UnprocessableEntityException,
} from '@nestjs/common';
import { DataSource, type EntityManager, In } from 'typeorm';
import {
  type ProposalOutcome,
  proposeExplanations,
  type RoundAnswer,
  type SelfAnswer,
} from '../../domain/appraisal/explanation-proposals.js';
import { asLeafScore } from '../../domain/appraisal/final-scores.js';
import { compareCriterionCodes } from '../../domain/self-assessment-rules.js';
import {
  type Campaign,
  ExplanationRequest,
  type ExplanationRequestStatus,
} from '../../entities/index.js';
import type { Actor } from '../auth/actor.js';
import { AuditService } from '../audit/audit.service.js';
import { ExplanationActionsService } from './explanation-actions.service.js';
import {
  assertLaunched,
  assertNotPublished,
  assertScoresOpen,
  findUnitRef,
} from '../scoring-data/campaign-scope.js';
import {
  type IndexTree,
  loadIndexTrees,
  treeOfGroup,
  whyNotScored,
} from '../scoring-data/index-tree.js';
import {
  loadScoringInputs,
  loadUnits,
  type UnitInputs,
  type UnitRef,
} from '../scoring-data/scoring-inputs.js';
import type {
  ConfirmProposalsDto,
  EditProposalsDto,
  GenerateProposalsDto,
  ProposalsQueryDto,
} from './explanation.dto.js';
import { findCampaign } from '../campaigns/campaign-lookup.js';

type Score = number | 'not_applicable' | null;

export interface RequestView {
  criterionCode: string;
  title: string;
  maxPoints: number;
  status: ExplanationRequestStatus;
  origin: string;
  grounds: string[];
  /** What the unit reads: no appraised score in it. */
  reason: string;
  /** For staff only (null for a unit): the grounds with the scores compared, from today's scores. */
  finding: string | null;
  selfScore: Score;
  round1Score: Score;
  round1Comment: string | null;
  round2Score: Score;
  proposedAt: string;
  editedBy: string | null;
  editedAt: string | null;
  confirmedBy: string | null;
  confirmedAt: string | null;
  deadline: string | null;
  answerText: string | null;
  answerEvidenceIds: string[];
  answeredBy: string | null;
  answeredAt: string | null;
}

export interface UnitRequestsView {
  unitCode: string;
  unitName: string;
  group: string;
  requests: RequestView[];
  /** Appraised leaves without a round-1 score: not compared yet (only from generate). */
  notAppraised?: string[];
}

const iso = (date: Date | null) => (date ? date.toISOString() : null);

/** The aggregation of round 1 for one unit, from its scores as they are now. */
function proposalsOf(tree: IndexTree, unit: UnitInputs): ProposalOutcome {
  const self = new Map<string, SelfAnswer>();
  const round1 = new Map<string, RoundAnswer>();
  for (const leaf of tree.appraisedLeaves) {
    const own = unit.self.get(leaf.id);
    if (own) self.set(leaf.code, { ...own, evidenceCount: own.evidenceIds.length });
    const appraised = unit.appraisals.get(leaf.id)?.[1];
    if (appraised) round1.set(leaf.code, appraised);
  }
  return proposeExplanations(
    tree.appraisedLeaves.map((leaf) => ({
      code: leaf.code,
      kind: leaf.kind as 'regular' | 'bonus' | 'penalty',
      evidenceRequired: leaf.evidenceRequired,
    })),
    self,
    round1,
  );
}
const DEFAULT_REASON =
  'Đề nghị đơn vị giải trình, bổ sung tài liệu kiểm chứng đối với tiêu chí này.';

/**
 * The aggregation of round 1 (step 5): explanation requests proposed from the scores, edited and
 * confirmed by the secretariat. Confirming goes through the campaign-workflow service, which
 * stores the requests and signals the unit workflow.
 */
@Injectable()
export class ExplanationProposalsService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly audit: AuditService,
    private readonly actions: ExplanationActionsService,
  ) {}

  /**
   * Proposes, for each unit, the criteria whose round-1 score is worse than its self-score or
   * whose required evidence is missing. A re-run refreshes the untouched proposals, drops those
   * no longer found, and keeps what the secretariat edited, struck out or confirmed.
   */
  async generate(
    actor: Actor,
    campaignRef: string,
    dto: GenerateProposalsDto,
  ): Promise<UnitRequestsView[]> {
    return this.dataSource.transaction(async (manager) => {
      const campaign = await findCampaign(manager, campaignRef, { lock: true });
      this.assertOpen(campaign, 'lập đề xuất yêu cầu giải trình');
      const trees = await loadIndexTrees(manager, campaign.id);
      const units = await loadUnits(manager, campaign.id, dto.unitCodes);
      const unknown = (dto.unitCodes ?? []).filter((c) => !units.some((u) => u.unitCode === c));
      if (unknown.length > 0) {
        throw new UnprocessableEntityException(
          `${unknown.join(', ')}: không có đơn vị này trong chiến dịch ${campaign.code}.`,
        );
      }
      const inputs = await loadScoringInputs(manager, units);
      const views: UnitRequestsView[] = [];
      let proposed = 0;
      for (const unit of inputs) {
        const tree = treeOfGroup(trees, unit.unit.group, campaign.code, unit.unit.unitCode);
        const notAppraised = await this.reconcile(manager, tree, unit);
        const fresh = await manager.findBy(ExplanationRequest, {
          participationId: unit.unit.participationId,
        });
        unit.requests = new Map(fresh.map((r) => [r.criterionId, r]));
        const view = this.unitView(tree, unit);
        proposed += view.requests.filter((r) => r.status === 'proposed').length;
        views.push({ ...view, notAppraised });
      }
      await this.audit.record(
        actor,
        {
          action: 'explanation.proposals.generate',
          entityType: 'campaign',
          entityId: campaign.id,
          details: { campaignCode: campaign.code, units: units.length, proposed },
        },
        manager,
      );
      return views;
    });
  }

  /** Brings one unit's stored proposals in line with its scores; returns the leaves not appraised. */
  private async reconcile(
    manager: EntityManager,
    tree: IndexTree,
    unit: UnitInputs,
  ): Promise<string[]> {
    const outcome = proposalsOf(tree, unit);
    const found = new Map(outcome.proposals.map((p) => [tree.byCode.get(p.code)!.id, p]));
    const untouched = (row: ExplanationRequest) =>
      row.status === 'proposed' && row.origin === 'aggregation' && row.editedAt === null;
    const stale = [...unit.requests.values()].filter(
      (row) => untouched(row) && !found.has(row.criterionId),
    );
    if (stale.length > 0) await manager.remove(stale);
    const writes: ExplanationRequest[] = [];
    for (const [criterionId, proposal] of found) {
      const row = unit.requests.get(criterionId);
      if (row && !untouched(row)) continue; // edited, struck out or confirmed: the secretariat's
      writes.push(
        manager.create(ExplanationRequest, {
          ...(row ?? {}),
          participationId: unit.unit.participationId,
          criterionId,
          status: 'proposed',
          origin: 'aggregation',
          grounds: proposal.grounds,
          reason: proposal.reason,
        }),
      );
    }
    if (writes.length > 0) await manager.save(writes);
    return outcome.notAppraised;
  }

  async list(
    actor: Actor,
    campaignRef: string,
    query: ProposalsQueryDto,
  ): Promise<UnitRequestsView[]> {
    const manager = this.dataSource.manager;
    const campaign = await findCampaign(manager, campaignRef);
    const trees = await loadIndexTrees(manager, campaign.id);
    const units = await loadUnits(
      manager,
      campaign.id,
      query.unitCode ? [query.unitCode] : undefined,
    );
    const inputs = await loadScoringInputs(manager, units);
    return inputs.flatMap((unit) => {
      const tree = trees.get(unit.unit.group);
      if (!tree) return [];
      const view = this.unitView(tree, unit);
      const requests = view.requests.filter((r) => !query.status || r.status === query.status);
      return requests.length > 0 || query.unitCode ? [{ ...view, requests }] : [];
    });
  }

  /** One unit's requests; a unit token reads its own confirmed ones (with its answers). */
  async unitRequests(
    actor: Actor,
    campaignRef: string,
    unitCode: string,
  ): Promise<UnitRequestsView> {
    const manager = this.dataSource.manager;
    const campaign = await findCampaign(manager, campaignRef);
    const unit = await findUnitRef(manager, campaign, unitCode);
    // A unit reads its own requests before the results too: it must see what it is asked.
    if (actor.role === 'unit' && actor.unitId !== unit.unitId) {
      throw new ForbiddenException(
        `Mã truy cập này thuộc về đơn vị khác: mỗi đơn vị chỉ xem yêu cầu giải trình của chính mình, không xem được của đơn vị ${unit.unitCode}.`,
      );
    }
    const view = await this.viewOf(manager, campaign, unit);
    if (actor.role !== 'unit') return view;
    return {
      ...view,
      requests: view.requests
        .filter((r) => r.status === 'confirmed')
        // No appraised score reaches a unit before the results are announced (nor after, here:
        // the score sheet gives them then).
        .map((r) => ({
          ...r,
          finding: null,
          round1Score: null,
          round1Comment: null,
          round2Score: null,
        })),
    };
  }

  /** The secretariat's edit: strike proposals out, put them back, add criteria, reword reasons. */
  async edit(
    actor: Actor,
    campaignRef: string,
    unitCode: string,
    dto: EditProposalsDto,
  ): Promise<UnitRequestsView> {
    return this.dataSource.transaction(async (manager) => {
      const campaign = await findCampaign(manager, campaignRef);
      this.assertOpen(campaign, 'sửa đề xuất yêu cầu giải trình');
      const unit = await findUnitRef(manager, campaign, unitCode, { lock: true });
      const tree = treeOfGroup(
        await loadIndexTrees(manager, campaign.id),
        unit.group,
        campaign.code,
        unit.unitCode,
      );
      const problems: string[] = [];
      const seen = new Set<string>();
      for (const item of dto.items) {
        if (seen.has(item.criterionCode))
          problems.push(`Tiêu chí ${item.criterionCode} xuất hiện hai lần`);
        seen.add(item.criterionCode);
        const why = whyNotScored(tree, item.criterionCode, 'appraiser');
        if (why) problems.push(why);
      }
      if (problems.length > 0) {
        throw new UnprocessableEntityException(`${problems.join('; ')}.`);
      }
      const leaves = dto.items.map((item) => tree.byCode.get(item.criterionCode)!);
      const existing = new Map(
        (
          await manager.findBy(ExplanationRequest, {
            participationId: unit.participationId,
            criterionId: In(leaves.map((l) => l.id)),
          })
        ).map((row) => [row.criterionId, row]),
      );
      const confirmed = leaves.filter((l) => existing.get(l.id)?.status === 'confirmed');
      if (confirmed.length > 0) {
        throw new ConflictException(
          `Tiêu chí ${confirmed.map((l) => l.code).join(', ')} đã được gửi tới đơn vị ${unit.unitCode}: yêu cầu giải trình đã xác nhận thì không rút lại hay sửa nội dung.`,
        );
      }
      const now = new Date();
      const writes: ExplanationRequest[] = [];
      dto.items.forEach((item, i) => {
        const leaf = leaves[i]!;
        const row = existing.get(leaf.id);
        if (!item.include && !row) return; // nothing proposed, nothing to strike out
        writes.push(
          manager.create(ExplanationRequest, {
            ...(row ?? { origin: 'secretariat' as const, grounds: [], reason: DEFAULT_REASON }),
            participationId: unit.participationId,
            criterionId: leaf.id,
            status: item.include ? 'proposed' : 'dismissed',
            ...(item.reason ? { reason: item.reason.trim() } : {}),
            editedBy: actor.name,
            editedAt: now,
          }),
        );
      });
      if (writes.length > 0) await manager.save(writes);
      await this.audit.record(
        actor,
        {
          action: 'explanation.proposals.edit',
          entityType: 'participation',
          entityId: unit.participationId,
          details: { campaignCode: campaign.code, unitCode: unit.unitCode, items: dto.items },
        },
        manager,
      );
      return this.viewOf(manager, campaign, unit);
    });
  }

  /** Sends the unit's proposed criteria (step 5 → 6) as the unit's explanation request. */
  async confirm(
    actor: Actor,
    campaignRef: string,
    unitCode: string,
    dto: ConfirmProposalsDto,
  ): Promise<UnitRequestsView> {
    const manager = this.dataSource.manager;
    const campaign = await findCampaign(manager, campaignRef);
    this.assertOpen(campaign, 'yêu cầu giải trình');
    const unit = await findUnitRef(manager, campaign, unitCode);
    const tree = treeOfGroup(
      await loadIndexTrees(manager, campaign.id),
      unit.group,
      campaign.code,
      unit.unitCode,
    );
    const proposed = (
      await manager.findBy(ExplanationRequest, {
        participationId: unit.participationId,
        status: 'proposed',
      })
    )
      .map((row) => ({ row, code: tree.byId.get(row.criterionId)?.code ?? '' }))
      .filter((p) => p.code)
      .sort((a, b) => compareCriterionCodes(a.code, b.code));
    if (proposed.length === 0) {
      throw new ConflictException(
        `Đơn vị ${unit.unitCode} chưa có đề xuất yêu cầu giải trình nào để xác nhận: cần lập đề xuất (POST /campaigns/${campaign.code}/explanation-proposals/generate) hoặc thêm tiêu chí trước.`,
      );
    }
    const codes = proposed.map((p) => p.code);
    await this.actions.request(
      actor,
      campaign.id,
      unit.unitCode,
      codes,
      dto.reason?.trim() ||
        `Đề nghị đơn vị giải trình, bổ sung tài liệu kiểm chứng đối với các tiêu chí: ${codes.join(', ')}.`,
      new Map(proposed.map((p) => [p.code, p.row.reason])),
    );
    return this.viewOf(this.dataSource.manager, campaign, unit);
  }

  private assertOpen(campaign: Campaign, what: string): void {
    assertLaunched(campaign);
    assertScoresOpen(campaign, what);
    assertNotPublished(campaign, what);
  }

  private async viewOf(
    manager: EntityManager,
    campaign: Campaign,
    unit: UnitRef,
  ): Promise<UnitRequestsView> {
    const tree = treeOfGroup(
      await loadIndexTrees(manager, campaign.id),
      unit.group,
      campaign.code,
      unit.unitCode,
    );
    const [inputs] = await loadScoringInputs(manager, [unit]);
    return this.unitView(tree, inputs!);
  }

  private unitView(tree: IndexTree, unit: UnitInputs): UnitRequestsView {
    const score = (entry: { score: number | null; notApplicable: boolean } | undefined): Score =>
      entry ? asLeafScore(entry) : null;
    const findings = new Map(proposalsOf(tree, unit).proposals.map((p) => [p.code, p.finding]));
    const requests = [...unit.requests.values()]
      .flatMap((row) => {
        const leaf = tree.byId.get(row.criterionId);
        if (!leaf) return [];
        const rounds = unit.appraisals.get(row.criterionId);
        const view: RequestView = {
          criterionCode: leaf.code,
          title: leaf.title,
          maxPoints: leaf.maxPoints,
          status: row.status,
          origin: row.origin,
          grounds: row.grounds,
          reason: row.reason,
          finding: findings.get(leaf.code) ?? null,
          selfScore: score(unit.self.get(row.criterionId)),
          round1Score: score(rounds?.[1]),
          round1Comment: rounds?.[1]?.comment ?? null,
          round2Score: score(rounds?.[2]),
          proposedAt: row.createdAt.toISOString(),
          editedBy: row.editedBy,
          editedAt: iso(row.editedAt),
          confirmedBy: row.confirmedBy,
          confirmedAt: iso(row.confirmedAt),
          deadline: iso(row.deadline),
          answerText: row.answerText,
          answerEvidenceIds: row.answerEvidenceIds,
          answeredBy: row.answeredBy,
          answeredAt: iso(row.answeredAt),
        };
        return [view];
      })
      .sort((a, b) => compareCriterionCodes(a.criterionCode, b.criterionCode));
    return {
      unitCode: unit.unit.unitCode,
      unitName: unit.unit.unitName,
      group: unit.unit.group,
      requests,
    };
  }
}
