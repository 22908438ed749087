import { Injectable, NotFoundException, UnprocessableEntityException } from '@nestjs/common';
import { DataSource, In } from 'typeorm';
import { EvidenceFile } from '../../entities/index.js';
import type { Actor } from '../auth/actor.js';
import { assertMayReadUnit, findUnitRef } from '../scoring-data/campaign-scope.js';
import { loadIndexTrees, treeOfGroup } from '../scoring-data/index-tree.js';
import { loadScoringInputs } from '../scoring-data/scoring-inputs.js';
import { buildUnitSheet } from '../scoring-data/unit-sheet.js';
import { findCampaign } from '../campaigns/campaign-lookup.js';

type Score = number | 'not_applicable' | null;

interface EvidenceRef {
  id: string;
  fileName: string;
  downloadUrl: string;
}

/** One stage a score went through, with who and when. */
export interface ProvenanceStep {
  stage:
    | 'self_assessment'
    | 'appraisal_round_1'
    | 'explanation_request'
    | 'explanation'
    | 'appraisal_round_2'
    | 'survey'
    | 'council';
  /** The stage as officials name it. */
  label: string;
  score?: Score;
  text?: string | null;
  evidence?: EvidenceRef[];
  details?: Record<string, unknown>;
  by: string | null;
  at: string | null;
}

export interface ProvenanceView {
  campaignCode: string;
  unitCode: string;
  unitName: string;
  criterion: {
    code: string;
    title: string;
    kind: string;
    maxPoints: number;
    agencyCode: string | null;
    evidenceRequired: boolean;
  };
  steps: ProvenanceStep[];
  /** The score that counts now (council, else round 2, else round 1, else survey). */
  final: Score;
}

const asScore = (entry: { score: number | null; notApplicable: boolean }): Score =>
  entry.notApplicable ? 'not_applicable' : entry.score;

/**
 * The history of one unit's score for one leaf: self-score → round 1 (with comment) →
 * explanation request and answer → round 2 → council decisions, each with who and when.
 */
@Injectable()
export class ProvenanceService {
  constructor(private readonly dataSource: DataSource) {}

  async get(
    actor: Actor,
    campaignRef: string,
    unitCode: string,
    criterionCode: string,
  ): Promise<ProvenanceView> {
    const manager = this.dataSource.manager;
    const campaign = await findCampaign(manager, campaignRef);
    const unit = await findUnitRef(manager, campaign, unitCode);
    assertMayReadUnit(actor, campaign, unit);
    const tree = treeOfGroup(
      await loadIndexTrees(manager, campaign.id),
      unit.group,
      campaign.code,
      unit.unitCode,
    );
    const node = tree.byCode.get(criterionCode);
    if (!node) {
      throw new NotFoundException(
        `Bộ chỉ số «${tree.indexSet.name}» của đơn vị ${unit.unitCode} không có tiêu chí ${criterionCode}.`,
      );
    }
    if (!node.isLeaf) {
      throw new UnprocessableEntityException(
        `Tiêu chí ${criterionCode} có tiêu chí thành phần: lịch sử điểm được xem theo từng tiêu chí thành phần.`,
      );
    }
    const [inputs] = await loadScoringInputs(manager, [unit]);
    const row = buildUnitSheet(tree, inputs!).rows.find((r) => r.criterionCode === node.code)!;
    const ids = [...(row.self?.evidenceIds ?? []), ...(row.explanation?.answerEvidenceIds ?? [])];
    const files = new Map(
      (ids.length > 0 ? await manager.findBy(EvidenceFile, { id: In(ids) }) : []).map((f) => [
        f.id,
        { id: f.id, fileName: f.fileName, downloadUrl: `/evidence/${f.id}/download` },
      ]),
    );
    const evidence = (list: string[]) => list.flatMap((id) => files.get(id) ?? []);

    const steps: ProvenanceStep[] = [];
    if (row.self) {
      steps.push({
        stage: 'self_assessment',
        label: 'Đơn vị tự chấm điểm',
        score: asScore(row.self),
        text: row.self.note,
        evidence: evidence(row.self.evidenceIds),
        details: { version: row.self.version },
        by: row.self.by,
        at: row.self.at,
      });
    }
    if (row.round1) {
      steps.push({
        stage: 'appraisal_round_1',
        label: 'Thẩm định lần thứ nhất',
        score: asScore(row.round1),
        text: row.round1.comment,
        details: { agencyCode: row.round1.agencyCode },
        by: row.round1.by,
        at: row.round1.at,
      });
    }
    const request = row.explanation;
    if (request && request.status === 'confirmed') {
      steps.push({
        stage: 'explanation_request',
        label: 'Đề nghị giải trình, bổ sung tài liệu kiểm chứng',
        text: request.reason,
        details: { grounds: request.grounds, origin: request.origin, deadline: request.deadline },
        by: request.confirmedBy,
        at: request.confirmedAt,
      });
      if (request.answerText) {
        steps.push({
          stage: 'explanation',
          label: 'Đơn vị giải trình',
          text: request.answerText,
          evidence: evidence(request.answerEvidenceIds),
          by: request.answeredBy,
          at: request.answeredAt,
        });
      }
    }
    if (row.round2) {
      steps.push({
        stage: 'appraisal_round_2',
        label: 'Thẩm định lần thứ 2',
        score: asScore(row.round2),
        text: row.round2.comment,
        details: { agencyCode: row.round2.agencyCode },
        by: row.round2.by,
        at: row.round2.at,
      });
    }
    if (row.survey) {
      steps.push({
        stage: 'survey',
        label: 'Điểm điều tra xã hội học',
        score: row.survey.points,
        details: { source: row.survey.source },
        by: row.survey.by,
        at: row.survey.at,
      });
    }
    for (const decision of inputs!.council.history.filter((d) => d.criterionId === node.id)) {
      steps.push({
        stage: 'council',
        label: 'Hội đồng thẩm định điều chỉnh',
        score: asScore(decision),
        text: decision.reason,
        by: decision.adjustedBy,
        at: decision.adjustedAt.toISOString(),
      });
    }
    return {
      campaignCode: campaign.code,
      unitCode: unit.unitCode,
      unitName: unit.unitName,
      criterion: {
        code: node.code,
        title: node.title,
        kind: node.kind,
        maxPoints: node.maxPoints,
        agencyCode: node.agencyCode,
        evidenceRequired: node.evidenceRequired,
      },
      steps,
      final: row.final,
    };
  }
}
