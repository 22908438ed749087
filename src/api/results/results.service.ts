import {
  BadRequestException,
  ConflictException,
  ForbiddenException,
  Injectable,
  NotFoundException,
  UnprocessableEntityException,
} from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import { scoreProblem } from '../../domain/self-assessment-rules.js';
import { ROLE_NAMES_VI } from '../../domain/words.js';
import { pointsToHundredths } from '../../domain/scoring/index.js';
import { type Campaign, CouncilAdjustment } from '../../entities/index.js';
import type { Actor } from '../auth/actor.js';
import { AuditService } from '../audit/audit.service.js';
import { assertLaunched, assertNotPublished, findUnitRef } from '../scoring-data/campaign-scope.js';
import { loadIndexTrees, treeOfGroup } from '../scoring-data/index-tree.js';
import type { CouncilAdjustmentDto, ScoringPolicyDto } from './results.dto.js';
import { resultsAnnounced } from './results-publication.js';
import { hasResults, readResults, recomputeResults, type ResultsView } from './results-store.js';
import { commendationPolicyOf, ratingBandsOf } from './scoring-policy.js';
import { findCampaign } from '../campaigns/campaign-lookup.js';

/** Roles that read results before they are announced. */
const BEFORE_ANNOUNCEMENT = ['admin', 'secretariat', 'council'];

export interface AdjustmentView {
  id: string;
  unitCode: string;
  criterionCode: string | null;
  score: number | null;
  notApplicable: boolean;
  points: number | null;
  reason: string;
  adjustedBy: string;
  adjustedAt: string;
}

/**
 * The results: computed from the fixed scores, adjusted by the council (each adjustment
 * recomputes every unit's rank), published by the Chairman's decision.
 */
@Injectable()
export class ResultsService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly audit: AuditService,
  ) {}

  /** The campaign, after checking the caller may read its results (403 before announcement). */
  async readableCampaign(actor: Actor, campaignRef: string): Promise<Campaign> {
    const campaign = await findCampaign(this.dataSource.manager, campaignRef);
    if (!resultsAnnounced(campaign) && !BEFORE_ANNOUNCEMENT.includes(actor.role)) {
      throw new ForbiddenException(
        `Kết quả của chiến dịch ${campaign.code} chưa được công bố: trước khi có quyết định của Chủ tịch UBND tỉnh, chỉ ${ROLE_NAMES_VI.secretariat}, ${ROLE_NAMES_VI.council} và ${ROLE_NAMES_VI.admin} được xem kết quả.`,
      );
    }
    return campaign;
  }

  async get(actor: Actor, campaignRef: string): Promise<ResultsView> {
    const campaign = await this.readableCampaign(actor, campaignRef);
    const view = await readResults(this.dataSource.manager, campaign);
    if (!view) {
      throw new NotFoundException(
        `Chiến dịch ${campaign.code} chưa có kết quả được tính: cần chốt điểm rồi tính kết quả (POST /campaigns/${campaign.code}/results/compute).`,
      );
    }
    return view;
  }

  /** Computes (or recomputes) the results from the fixed scores: 422 listing what is missing. */
  async compute(actor: Actor, campaignRef: string): Promise<ResultsView> {
    return this.dataSource.transaction(async (manager) => {
      const campaign = await this.lockedForResults(manager, campaignRef, 'tính lại kết quả');
      if (!campaign.scoresFixedAt) {
        throw new ConflictException(
          `Điểm thẩm định của chiến dịch ${campaign.code} chưa được chốt: cần tổng hợp kết quả thẩm định lần 2 và chốt điểm trước (POST /campaigns/${campaign.code}/appraisals/fix).`,
        );
      }
      const computedAt = await recomputeResults(manager, campaign);
      await this.audit.record(
        actor,
        {
          action: 'results.compute',
          entityType: 'campaign',
          entityId: campaign.id,
          details: { campaignCode: campaign.code, computedAt: computedAt.toISOString() },
        },
        manager,
      );
      return (await readResults(manager, campaign))!;
    });
  }

  /** A council decision with its reason; the results (and every rank) are recomputed. */
  async adjust(actor: Actor, campaignRef: string, dto: CouncilAdjustmentDto): Promise<ResultsView> {
    const onLeaf = dto.criterionCode !== undefined;
    if (onLeaf && dto.points !== undefined) {
      throw new BadRequestException(
        'Điểm cộng/trừ (points) điều chỉnh tổng điểm: bỏ criterionCode, hoặc cho tiêu chí một điểm mới (score) hay notApplicable: true.',
      );
    }
    if (onLeaf && (typeof dto.score === 'number') === (dto.notApplicable === true)) {
      throw new BadRequestException(
        `Tiêu chí ${dto.criterionCode}: cần cho điểm mới (score) hoặc notApplicable: true (không được cả hai).`,
      );
    }
    if (
      !onLeaf &&
      (dto.points === undefined || dto.score !== undefined || dto.notApplicable !== undefined)
    ) {
      throw new BadRequestException(
        'Không có criterionCode, Hội đồng thẩm định điều chỉnh tổng điểm: cần gửi points (số âm để trừ điểm) và không gửi score.',
      );
    }
    return this.dataSource.transaction(async (manager) => {
      const campaign = await this.lockedForResults(manager, campaignRef, 'điều chỉnh kết quả');
      if (!(await hasResults(manager, campaign))) {
        throw new ConflictException(
          `Chiến dịch ${campaign.code} chưa có kết quả được tính để điều chỉnh: cần tính kết quả trước (POST /campaigns/${campaign.code}/results/compute).`,
        );
      }
      const unit = await findUnitRef(manager, campaign, dto.unitCode);
      let criterionId: string | null = null;
      if (onLeaf) {
        const tree = treeOfGroup(
          await loadIndexTrees(manager, campaign.id),
          unit.group,
          campaign.code,
          unit.unitCode,
        );
        const node = tree.byCode.get(dto.criterionCode!);
        if (!node || !node.isLeaf) {
          throw new UnprocessableEntityException(
            node
              ? `Tiêu chí ${node.code} có tiêu chí thành phần: Hội đồng thẩm định chỉ điều chỉnh điểm của tiêu chí không có tiêu chí con, hoặc tổng điểm.`
              : `Tiêu chí ${dto.criterionCode} không có trong bộ chỉ số «${tree.indexSet.name}».`,
          );
        }
        if (typeof dto.score === 'number') {
          const problem = scoreProblem(node.code, dto.score, node.maxPoints);
          if (problem) throw new UnprocessableEntityException(`${problem}.`);
        }
        criterionId = node.id;
      } else if (pointsToHundredths(dto.points!) === null || Math.abs(dto.points!) > 1000) {
        throw new UnprocessableEntityException(
          `Điểm cộng/trừ (points) phải có tối đa hai chữ số thập phân và nằm trong khoảng ±1000, nhận được ${dto.points}.`,
        );
      }
      const saved = await manager.save(
        manager.create(CouncilAdjustment, {
          participationId: unit.participationId,
          criterionId,
          score: onLeaf && dto.notApplicable !== true ? (dto.score ?? null) : null,
          notApplicable: onLeaf && dto.notApplicable === true,
          points: onLeaf ? null : dto.points!,
          reason: dto.reason.trim(),
          adjustedBy: actor.name,
        }),
      );
      await recomputeResults(manager, campaign);
      await this.audit.record(
        actor,
        {
          action: 'results.council.adjust',
          entityType: 'participation',
          entityId: unit.participationId,
          details: { campaignCode: campaign.code, adjustmentId: saved.id, ...dto },
        },
        manager,
      );
      return (await readResults(manager, campaign))!;
    });
  }

  async adjustments(actor: Actor, campaignRef: string): Promise<AdjustmentView[]> {
    const campaign = await this.readableCampaign(actor, campaignRef);
    const rows = await this.dataSource.manager
      .createQueryBuilder(CouncilAdjustment, 'a')
      .innerJoin('a.participation', 'p')
      .innerJoin('p.unit', 'u')
      .leftJoin('a.criterion', 'c')
      .select(['a.id', 'a.score', 'a.notApplicable', 'a.points', 'a.reason', 'a.adjustedBy'])
      .addSelect(['a.adjustedAt', 'p.id', 'u.code', 'c.code'])
      .where('p.campaign_id = :id', { id: campaign.id })
      .orderBy('a.adjusted_at', 'ASC')
      .getMany();
    return rows.map((row) => ({
      id: row.id,
      unitCode: row.participation!.unit!.code,
      criterionCode: row.criterion?.code ?? null,
      score: row.score,
      notApplicable: row.notApplicable,
      points: row.points,
      reason: row.reason,
      adjustedBy: row.adjustedBy,
      adjustedAt: row.adjustedAt.toISOString(),
    }));
  }

  async policy(campaignRef: string) {
    const campaign = await findCampaign(this.dataSource.manager, campaignRef);
    return this.policyView(campaign);
  }

  /** Changes the bands or the policy until the results are announced; results are re-rated. */
  async setPolicy(actor: Actor, campaignRef: string, dto: ScoringPolicyDto) {
    if (dto.ratingBands === undefined && dto.commendationPolicy === undefined) {
      throw new BadRequestException(
        'Yêu cầu không nêu nội dung cần thay đổi (gửi ratingBands, commendationPolicy, hoặc cả hai).',
      );
    }
    return this.dataSource.transaction(async (manager) => {
      const campaign = await findCampaign(manager, campaignRef, { lock: true });
      assertNotPublished(campaign, 'thay đổi thang xếp loại hoặc tiêu chuẩn đề nghị khen thưởng');
      const before = this.policyView(campaign);
      if (dto.ratingBands !== undefined) campaign.ratingBands = dto.ratingBands;
      if (dto.commendationPolicy !== undefined)
        campaign.commendationPolicy = dto.commendationPolicy;
      await manager.save(campaign);
      const recomputed = await hasResults(manager, campaign);
      // The bands rate the results: stored results follow at once.
      if (recomputed) await recomputeResults(manager, campaign);
      await this.audit.record(
        actor,
        {
          action: 'campaign.scoring_policy.update',
          entityType: 'campaign',
          entityId: campaign.id,
          details: { from: before, to: this.policyView(campaign), resultsRecomputed: recomputed },
        },
        manager,
      );
      return this.policyView(campaign);
    });
  }

  private policyView(campaign: Campaign) {
    return {
      campaignCode: campaign.code,
      ratingBands: ratingBandsOf(campaign),
      ratingBandsDefault: campaign.ratingBands === null,
      commendationPolicy: commendationPolicyOf(campaign),
      commendationPolicyDefault: campaign.commendationPolicy === null,
    };
  }

  private async lockedForResults(
    manager: EntityManager,
    campaignRef: string,
    what: string,
  ): Promise<Campaign> {
    const campaign = await findCampaign(manager, campaignRef, { lock: true });
    assertLaunched(campaign);
    assertNotPublished(campaign, what);
    return campaign;
  }
}
