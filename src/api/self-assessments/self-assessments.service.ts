import {
  BadRequestException,
  ConflictException,
  Inject,
  Injectable,
  NotFoundException,
  UnprocessableEntityException,
} from '@nestjs/common';
import { DataSource, type EntityManager, In } from 'typeorm';
import { formatLocalDateTime } from '../../domain/local-time.js';
import { completeness, scoreProblem, type LeafAnswer } from '../../domain/self-assessment-rules.js';
import {
  type SelfAssessmentWindow,
  selfAssessmentWindowAt,
  statusesBefore,
} from '../../domain/campaign-rules/index.js';
import { selfAssessmentSubmittedSignal } from '../../contracts/signals.js';
import { unitWorkflowId } from '../../contracts/workflow-ids.js';
import { loadSteps } from '../../loaders/campaign-facts.js';
import { loadUnitSnapshot } from '../../loaders/unit-facts.js';
import {
  EvidenceFile,
  Participation,
  SelfAssessment,
  SelfAssessmentItem,
} from '../../entities/index.js';
import type { Actor } from '../auth/actor.js';
import type { Clock } from '../clock.js';
import { Outbox } from '../outbox/outbox.js';
import { OutboxRelay } from '../outbox/outbox-relay.js';
import { CLOCK } from '../tokens.js';
import { AuditService } from '../audit/audit.service.js';
import type {
  DraftItemDto,
  SaveDraftDto,
  SelfAssessmentVersionView,
  SelfAssessmentView,
  SubmissionRecord,
} from './self-assessment.dto.js';
import { readsSubmittedOnly, type UnitScope, UnitScopeService } from './unit-scope.service.js';
import { ApiError } from '../common/api-error.js';
import { type IndexTree, whyNotScored } from '../scoring-data/index-tree.js';
import type { UnitStatus } from '../../domain/words.js';

type ItemValues = Pick<SelfAssessmentItem, 'score' | 'notApplicable' | 'note' | 'evidenceIds'>;

const iso = (date: Date | null | undefined): string | null => (date ? date.toISOString() : null);

const capitalize = (text: string): string => text.charAt(0).toUpperCase() + text.slice(1);

function unprocessable(problems: string[]): UnprocessableEntityException {
  return new UnprocessableEntityException(
    problems.length === 1
      ? `${capitalize(problems[0]!)}.`
      : `Có ${problems.length} lỗi: ${problems.join('; ')}.`,
  );
}

/**
 * A unit's self-assessment (tự đánh giá): drafts merged by criterion, submits that freeze a
 * version, and reads of any version. Every write runs in one transaction that locks the unit's
 * participation row, validates everything first, and records the audit entry with it: a refused
 * request changes nothing.
 */
@Injectable()
export class SelfAssessmentsService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly scopes: UnitScopeService,
    private readonly audit: AuditService,
    private readonly outbox: Outbox,
    private readonly relay: OutboxRelay,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  /**
   * The newest version (draft or submitted), or `version`; a blank form before the first draft.
   * Appraisers and the council get the newest submitted version (404 before the first submit).
   */
  async get(
    actor: Actor,
    campaignRef: string,
    unitCode: string,
    version?: number,
  ): Promise<SelfAssessmentView> {
    const manager = this.dataSource.manager;
    const scope = await this.scopes.resolve(actor, campaignRef, unitCode, 'read');
    const tree = await this.scopes.indexTree(scope, manager);
    const submittedOnly = readsSubmittedOnly(actor);
    const assessment = await manager.findOne(SelfAssessment, {
      where: {
        participationId: scope.participation.id,
        ...(version !== undefined ? { version } : {}),
        ...(submittedOnly ? { status: 'submitted' as const } : {}),
      },
      order: { version: 'DESC' },
    });
    if (submittedOnly && !assessment) {
      const { unit, campaign } = scope;
      throw new ApiError(
        404,
        'not_found',
        version === undefined
          ? `Đơn vị ${unit.code} chưa nộp bản tự đánh giá nào trong đợt ${campaign.code}: thẩm định viên và Hội đồng chỉ xem bản đơn vị đã nộp.`
          : `Đơn vị ${unit.code} không có bản tự đánh giá đã nộp số ${version} trong đợt ${campaign.code}: thẩm định viên và Hội đồng chỉ xem bản đơn vị đã nộp.`,
      );
    }
    if (version !== undefined && !assessment) {
      throw new NotFoundException(
        `Đơn vị ${scope.unit.code} không có bản tự đánh giá phiên bản ${version} trong chiến dịch ${scope.campaign.code}.`,
      );
    }
    return this.view(manager, scope, tree, assessment);
  }

  async versions(
    actor: Actor,
    campaignRef: string,
    unitCode: string,
  ): Promise<SelfAssessmentVersionView[]> {
    const scope = await this.scopes.resolve(actor, campaignRef, unitCode, 'read');
    const manager = this.dataSource.manager;
    const rows = await manager.find(SelfAssessment, {
      where: {
        participationId: scope.participation.id,
        ...(readsSubmittedOnly(actor) ? { status: 'submitted' as const } : {}),
      },
      order: { version: 'ASC' },
    });
    const counts = new Map<string, number>();
    if (rows.length > 0) {
      const raw = await manager
        .createQueryBuilder(SelfAssessmentItem, 'item')
        .select('item.self_assessment_id', 'id')
        .addSelect('COUNT(*)::int', 'count')
        .where('item.self_assessment_id IN (:...ids)', { ids: rows.map((sa) => sa.id) })
        .groupBy('item.self_assessment_id')
        .getRawMany<{ id: string; count: number }>();
      for (const row of raw) counts.set(row.id, row.count);
    }
    return rows.map((sa) => ({
      version: sa.version,
      status: sa.status,
      submittedAt: iso(sa.submittedAt),
      submittedBy: sa.submittedBy,
      late: sa.late,
      itemCount: counts.get(sa.id) ?? 0,
      createdAt: sa.createdAt.toISOString(),
      updatedAt: sa.updatedAt.toISOString(),
    }));
  }

  /**
   * Merges `dto.items` into the unit's draft. Without a draft, starts one: version 1, or the next
   * version starting from the newest submitted items.
   */
  async saveDraft(
    actor: Actor,
    campaignRef: string,
    unitCode: string,
    dto: SaveDraftDto,
  ): Promise<SelfAssessmentView> {
    return this.dataSource.transaction(async (manager) => {
      const scope = await this.scopes.resolve(actor, campaignRef, unitCode, 'write', {
        manager,
        lock: true,
      });
      const window = await this.window(manager, scope, this.clock.now());
      if (window?.phase === 'closed') throw this.closed(scope, window, 'saved');
      const tree = await this.scopes.indexTree(scope, manager);
      const newest = await manager.findOne(SelfAssessment, {
        where: { participationId: scope.participation.id },
        order: { version: 'DESC' },
      });
      const current = new Map<string, ItemValues>();
      if (newest) {
        for (const item of await manager.findBy(SelfAssessmentItem, {
          selfAssessmentId: newest.id,
        })) {
          current.set(item.criterionId, item);
        }
      }
      const changes = await this.mergeItems(manager, scope, tree, current, dto.items);

      let draft: SelfAssessment;
      const startsVersion = !newest || newest.status === 'submitted';
      if (startsVersion) {
        draft = await manager.save(
          manager.create(SelfAssessment, {
            participationId: scope.participation.id,
            version: (newest?.version ?? 0) + 1,
            status: 'draft',
          }),
        );
      } else {
        draft = newest;
        await manager.update(SelfAssessment, { id: draft.id }, { updatedAt: new Date() });
      }
      // A new version carries every item of the submitted one; an existing draft only the changes.
      const toWrite = startsVersion
        ? [...current.keys()]
        : [...changes.keys()].filter((id) => current.has(id));
      if (toWrite.length > 0) {
        await manager.upsert(
          SelfAssessmentItem,
          toWrite.map((criterionId) => {
            const values = current.get(criterionId)!;
            return {
              selfAssessmentId: draft.id,
              criterionId,
              score: values.score,
              notApplicable: values.notApplicable,
              note: values.note,
              evidenceIds: values.evidenceIds,
            };
          }),
          ['selfAssessmentId', 'criterionId'],
        );
      }
      await this.audit.record(
        actor,
        {
          action: 'self_assessment.save_draft',
          entityType: 'self_assessment',
          entityId: draft.id,
          details: {
            campaignId: scope.campaign.id,
            campaignCode: scope.campaign.code,
            unitCode: scope.unit.code,
            version: draft.version,
            newVersion: startsVersion,
            criteria: [...changes.values()],
            onBehalfOfUnit: scope.onBehalf,
          },
        },
        manager,
      );
      const saved = await manager.findOneByOrFail(SelfAssessment, { id: draft.id });
      return this.view(manager, scope, tree, saved);
    });
  }

  /**
   * Submits the unit's current draft: checks the self-assessment window (late policy, opening,
   * the unit's extension), that every self-scored leaf is answered and evidenced, then freezes
   * the version and moves the participation to 'submitted' or 'late'. Returns what was recorded,
   * which the campaign workflow will be signalled with.
   */
  async submit(actor: Actor, campaignRef: string, unitCode: string): Promise<SubmissionRecord> {
    const { record, outboxIds } = await this.recordSubmission(actor, campaignRef, unitCode);
    if (outboxIds.length === 0) return { ...record, delivery: 'not_launched' };
    return { ...record, delivery: await this.relay.deliver(outboxIds) };
  }

  /**
   * The unit's self-assessment window now, by the campaign rules on PostgreSQL's facts (null when
   * the plan has no self-assessment step). The campaign row is share-locked first, so the steps
   * cannot move under the decision (actions on steps lock it exclusively).
   */
  private async window(
    manager: EntityManager,
    scope: UnitScope,
    now: Date,
  ): Promise<SelfAssessmentWindow | null> {
    await manager.query('SELECT 1 FROM campaigns WHERE id = $1 FOR SHARE', [scope.campaign.id]);
    const steps = await loadSteps(manager, scope.campaign.id);
    const snapshot = await loadUnitSnapshot(manager, scope.campaign, steps, scope.participation.id);
    return selfAssessmentWindowAt(snapshot!.facts, now.getTime());
  }

  /** 409 for a closed window, saying why and since when. */
  private closed(
    scope: UnitScope,
    window: Extract<SelfAssessmentWindow, { phase: 'closed' }>,
    what: 'saved' | 'submitted',
  ): ConflictException {
    const { campaign, unit } = scope;
    const since = `${formatLocalDateTime(new Date(window.since), campaign.timeZone)} (${campaign.timeZone})`;
    const why = {
      refuses_late: `hạn tự đánh giá${window.deadline.extended ? ` (đã gia hạn cho đơn vị ${unit.code})` : ''} đã hết lúc ${since} và chiến dịch ${campaign.code} không nhận bản nộp muộn`,
      round_one_ended: `hạn tự đánh giá đã hết và bản nộp muộn chỉ được nhận đến khi thẩm định lần 1 kết thúc lúc ${since}`,
      results_published: `kết quả chiến dịch ${campaign.code} đã được công bố lúc ${since}`,
    }[window.reason];
    return new ConflictException(
      `Không thể ${what === 'saved' ? 'lưu' : 'nộp'} bản tự đánh giá của đơn vị ${unit.code} nữa: ${why}.`,
    );
  }

  private async recordSubmission(
    actor: Actor,
    campaignRef: string,
    unitCode: string,
  ): Promise<{ record: Omit<SubmissionRecord, 'delivery'>; outboxIds: string[] }> {
    return this.dataSource.transaction(async (manager) => {
      const scope = await this.scopes.resolve(actor, campaignRef, unitCode, 'write', {
        manager,
        lock: true,
      });
      const { campaign, unit, participation } = scope;
      const now = this.clock.now();
      const window = await this.window(manager, scope, now);
      if (!window) {
        throw new ConflictException(
          `Kế hoạch của chiến dịch ${campaign.code} không có bước tự đánh giá (kind «self_assessment»), nên không có thời hạn để nộp bản tự đánh giá.`,
        );
      }
      const local = (d: number) =>
        `${formatLocalDateTime(new Date(d), campaign.timeZone)} (${campaign.timeZone})`;
      if (window.phase === 'not_open') {
        throw new ConflictException(
          `Bước tự đánh giá của chiến dịch ${campaign.code} mở lúc ${local(window.opensAt)}; chưa thể nộp trước thời điểm đó.`,
        );
      }
      if (window.phase === 'closed') throw this.closed(scope, window, 'submitted');
      const decision = {
        late: window.phase === 'late',
        deadline: window.deadline.instant === null ? null : new Date(window.deadline.instant),
        extended: window.deadline.extended,
      };

      const draft = await manager.findOne(SelfAssessment, {
        where: { participationId: participation.id },
        order: { version: 'DESC' },
      });
      if (!draft) {
        throw new ConflictException(
          `Đơn vị ${unit.code} chưa có bản nháp tự đánh giá trong chiến dịch ${campaign.code}: hãy lưu bản nháp trước (PUT …/self-assessment/draft).`,
        );
      }
      if (draft.status === 'submitted') {
        throw new ConflictException(
          `Phiên bản ${draft.version} bản tự đánh giá của đơn vị ${unit.code} đã được nộp lúc ${formatLocalDateTime(draft.submittedAt!, campaign.timeZone)}; hãy lưu bản nháp để bắt đầu phiên bản ${draft.version + 1}.`,
        );
      }

      const tree = await this.scopes.indexTree(scope, manager);
      const items = await manager.findBy(SelfAssessmentItem, { selfAssessmentId: draft.id });
      const answers = new Map<string, LeafAnswer>();
      for (const item of items) {
        const leaf = tree.byId.get(item.criterionId);
        if (leaf) answers.set(leaf.code, item);
      }
      const problems: string[] = [];
      for (const leaf of tree.appraisedLeaves) {
        const score = answers.get(leaf.code)?.score;
        const problem =
          score === null || score === undefined
            ? null
            : scoreProblem(leaf.code, score, leaf.maxPoints);
        if (problem) problems.push(problem);
      }
      const { missing, missingEvidence } = completeness(tree.appraisedLeaves, answers);
      if (missing.length > 0) {
        problems.push(
          `chưa chấm điểm (hãy nhập điểm hoặc đánh dấu không áp dụng, notApplicable: true): ${missing.join(', ')}`,
        );
      }
      if (missingEvidence.length > 0) {
        problems.push(
          `bắt buộc có tài liệu kiểm chứng nhưng chưa đính kèm: ${missingEvidence.join(', ')}`,
        );
      }
      if (problems.length > 0) {
        throw new UnprocessableEntityException(
          `Không thể nộp phiên bản ${draft.version} bản tự đánh giá của đơn vị ${unit.code}: ${problems.join('; ')}.`,
        );
      }

      await manager.update(
        SelfAssessment,
        { id: draft.id },
        { status: 'submitted', submittedAt: now, submittedBy: actor.name, late: decision.late },
      );
      // Only a unit still in its self-assessment phase moves (never back from a later status).
      const to: UnitStatus = decision.late ? 'late' : 'submitted';
      const moved = await manager.update(
        Participation,
        { id: participation.id, status: In(statusesBefore(to)) },
        { status: to, statusChangedAt: now },
      );
      const participationStatus = moved.affected ? to : participation.status;
      const record: Omit<SubmissionRecord, 'delivery'> = {
        selfAssessmentId: draft.id,
        campaignId: campaign.id,
        campaignCode: campaign.code,
        participationId: participation.id,
        unitCode: unit.code,
        version: draft.version,
        submittedAt: now.toISOString(),
        submittedBy: actor.name,
        late: decision.late,
        deadline: iso(decision.deadline),
        deadlineExtended: decision.extended,
        participationStatus,
      };
      await this.audit.record(
        actor,
        {
          action: 'self_assessment.submit',
          entityType: 'self_assessment',
          entityId: draft.id,
          details: { ...record, onBehalfOfUnit: scope.onBehalf },
        },
        manager,
      );
      // The unit's workflow hears of it once the campaign runs (before, it reads it at its start).
      const first = await manager.findOne(SelfAssessment, {
        where: { participationId: participation.id, status: 'submitted' },
        order: { submittedAt: 'ASC' },
      });
      const outboxIds = campaign.workflowId
        ? await this.outbox.add(manager, campaign.id, [
            {
              workflowId: unitWorkflowId(campaign.workflowId, unit.code),
              kind: 'signal',
              name: selfAssessmentSubmittedSignal.name,
              payload: {
                submittedAt: (first?.submittedAt ?? now).toISOString(),
                late: first?.late ?? decision.late,
                version: draft.version,
                ...(moved.affected ? { recordedStatus: to } : {}),
              },
              action: 'self_assessment.submit',
            },
          ])
        : [];
      return { record, outboxIds };
    });
  }

  /**
   * Validates the requested items and applies them to `current` (criterion id → values). Returns
   * the changed criteria (id → code). Throws before anything is applied when any item is wrong.
   */
  private async mergeItems(
    manager: EntityManager,
    scope: UnitScope,
    tree: IndexTree,
    current: Map<string, ItemValues>,
    items: DraftItemDto[],
  ): Promise<Map<string, string>> {
    const seen = new Set<string>();
    const duplicates = new Set<string>();
    for (const item of items) {
      if (seen.has(item.criterionCode)) duplicates.add(item.criterionCode);
      seen.add(item.criterionCode);
    }
    if (duplicates.size > 0) {
      throw new BadRequestException(
        `Mỗi tiêu chí chỉ được xuất hiện một lần trong một yêu cầu; bị lặp: ${[...duplicates].join(', ')}.`,
      );
    }

    const problems: string[] = [];
    for (const item of items) {
      const why = whyNotScored(tree, item.criterionCode, 'unit');
      if (why) {
        problems.push(why);
        continue;
      }
      const leaf = tree.byCode.get(item.criterionCode)!;
      if (typeof item.score === 'number') {
        const problem = scoreProblem(leaf.code, item.score, leaf.maxPoints);
        if (problem) problems.push(problem);
        if (item.notApplicable === true) {
          problems.push(
            `tiêu chí ${leaf.code}: không thể vừa có điểm vừa đánh dấu không áp dụng (notApplicable: true)`,
          );
        }
      }
    }
    if (problems.length > 0) throw unprocessable(problems);

    // Evidence must be this unit's, in this campaign.
    const evidenceIds = [...new Set(items.flatMap((item) => item.evidenceIds ?? []))];
    if (evidenceIds.length > 0) {
      const owned = await manager.find(EvidenceFile, {
        where: { id: In(evidenceIds), participationId: scope.participation.id },
        select: { id: true },
      });
      const ownedIds = new Set(owned.map((file) => file.id));
      const foreign = evidenceIds.filter((id) => !ownedIds.has(id));
      if (foreign.length > 0) {
        throw unprocessable([
          `tài liệu kiểm chứng ${foreign.join(', ')} không phải là tệp đã tải lên cho đơn vị ${scope.unit.code} trong chiến dịch ${scope.campaign.code}`,
        ]);
      }
    }

    const changed = new Map<string, string>();
    for (const item of items) {
      const leaf = tree.byCode.get(item.criterionCode)!;
      const next: ItemValues = {
        ...(current.get(leaf.id) ?? {
          score: null,
          notApplicable: false,
          note: null,
          evidenceIds: [],
        }),
      };
      if (item.score !== undefined) {
        next.score = item.score;
        if (item.score !== null && item.notApplicable === undefined) next.notApplicable = false;
      }
      if (item.notApplicable !== undefined) {
        next.notApplicable = item.notApplicable;
        if (item.notApplicable && item.score === undefined) next.score = null;
      }
      if (item.note !== undefined) next.note = item.note?.trim() ? item.note : null;
      if (item.evidenceIds !== undefined) next.evidenceIds = [...new Set(item.evidenceIds)];
      current.set(leaf.id, next);
      changed.set(leaf.id, leaf.code);
    }
    return changed;
  }

  private async view(
    manager: EntityManager,
    scope: UnitScope,
    tree: IndexTree,
    assessment: SelfAssessment | null,
  ): Promise<SelfAssessmentView> {
    const items = assessment
      ? await manager.findBy(SelfAssessmentItem, { selfAssessmentId: assessment.id })
      : [];
    const byCriterion = new Map(items.map((item) => [item.criterionId, item]));
    const evidenceIds = [...new Set(items.flatMap((item) => item.evidenceIds))];
    const evidence = new Map(
      (evidenceIds.length > 0
        ? await manager.findBy(EvidenceFile, { id: In(evidenceIds) })
        : []
      ).map((file) => [file.id, file]),
    );
    const answers = new Map<string, LeafAnswer>();
    for (const leaf of tree.appraisedLeaves) {
      const item = byCriterion.get(leaf.id);
      if (item) answers.set(leaf.code, item);
    }
    const { missing, missingEvidence } = completeness(tree.appraisedLeaves, answers);
    const steps = await loadSteps(manager, scope.campaign.id);
    const snapshot = await loadUnitSnapshot(manager, scope.campaign, steps, scope.participation.id);
    const window = selfAssessmentWindowAt(snapshot!.facts, this.clock.now().getTime());
    const isoMs = (ms: number | null) => (ms === null ? null : new Date(ms).toISOString());
    // The participation may have moved on since it was resolved (e.g. in this transaction).
    const participation = await manager.findOneByOrFail(Participation, {
      id: scope.participation.id,
    });
    return {
      campaignId: scope.campaign.id,
      campaignCode: scope.campaign.code,
      unitCode: scope.unit.code,
      unitName: scope.unit.name,
      unitGroup: scope.unit.group,
      indexSet: {
        id: tree.indexSet.id,
        name: tree.indexSet.name,
        illustrative: tree.indexSet.illustrative,
      },
      version: assessment?.version ?? null,
      status: assessment?.status ?? 'not_started',
      submittedAt: iso(assessment?.submittedAt),
      submittedBy: assessment?.submittedBy ?? null,
      late: assessment?.late ?? false,
      updatedAt: iso(assessment?.updatedAt),
      deadline: isoMs(window?.deadline.instant ?? null),
      deadlineExtended: window?.deadline.extended ?? false,
      participationStatus: participation.status,
      window: {
        phase: window?.phase ?? 'closed',
        opensAt: window?.phase === 'not_open' ? isoMs(window.opensAt) : null,
        deadline: isoMs(window?.deadline.instant ?? null),
        acceptedUntil: window?.phase === 'late' ? isoMs(window.acceptedUntil) : null,
        closedBecause: window?.phase === 'closed' ? window.reason : null,
      },
      items: tree.appraisedLeaves.map((leaf) => {
        const item = byCriterion.get(leaf.id);
        return {
          criterionCode: leaf.code,
          title: leaf.title,
          level: leaf.level,
          kind: leaf.kind,
          maxPoints: leaf.maxPoints,
          evidenceRequired: leaf.evidenceRequired,
          score: item?.score ?? null,
          notApplicable: item?.notApplicable ?? false,
          note: item?.note ?? null,
          evidence: (item?.evidenceIds ?? []).flatMap((id) => {
            const file = evidence.get(id);
            return file
              ? [
                  {
                    id: file.id,
                    fileName: file.fileName,
                    mimeType: file.mimeType,
                    sizeBytes: file.sizeBytes,
                    sha256: file.sha256,
                    downloadUrl: `/evidence/${file.id}/download`,
                  },
                ]
              : [];
          }),
        };
      }),
      missing,
      missingEvidence,
    };
  }
}
