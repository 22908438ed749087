/**
 * Stores explanation requests and answers in explanation_requests. Used by the explanation
 * actions, which store them with the message to the unit workflow: the stored request (criteria,
 * reasons, step-6 deadline) is what the unit workflow's request mail names, and the unit's
 * answers are what round 2 reads.
 */
import { Injectable, UnprocessableEntityException } from '@nestjs/common';
import { type EntityManager, In } from 'typeorm';
import { compareCriterionCodes } from '../../domain/self-assessment-rules.js';
import {
  type Campaign,
  EvidenceFile,
  ExplanationRequest,
  type Participation,
  Unit,
} from '../../entities/index.js';
import type { Actor } from '../auth/actor.js';
import {
  type IndexTree,
  loadIndexTrees,
  treeOfGroup,
  whyNotScored,
} from '../scoring-data/index-tree.js';

export interface ConfirmRequest {
  campaign: Campaign;
  participation: Pick<Participation, 'id' | 'unitId'>;
  criteria: string[];
  /** The request's reason: for criteria without a reason of their own. */
  reason: string;
  /** Per criterion code: the reason proposed or edited for it. */
  reasons?: ReadonlyMap<string, string>;
  /** The explanation deadline that applies to the unit (with its extension). */
  deadline: Date | null;
  at: Date;
}

export interface AnswerInput {
  criterionCode: string;
  text: string;
  evidenceIds?: string[];
}

export interface SaveAnswers {
  campaign: Campaign;
  participation: Pick<Participation, 'id' | 'unitId'>;
  answers: AnswerInput[];
  /** A general explanation: answers every requested criterion not answered one by one. */
  text?: string;
  at: Date;
}

function unprocessable(problems: string[]): UnprocessableEntityException {
  return new UnprocessableEntityException(
    problems.length === 1
      ? `${problems[0]}.`
      : `Có ${problems.length} vấn đề: ${problems.join('; ')}.`,
  );
}

@Injectable()
export class ExplanationRequestStore {
  private async treeOf(
    manager: EntityManager,
    campaign: Campaign,
    participation: Pick<Participation, 'unitId'>,
  ) {
    const unit = await manager.findOneByOrFail(Unit, { id: participation.unitId });
    return {
      unit,
      tree: treeOfGroup(
        await loadIndexTrees(manager, campaign.id),
        unit.group,
        campaign.code,
        unit.code,
      ),
    };
  }

  /**
   * Marks the criteria confirmed (422 for a code that is not an appraised leaf of the unit's
   * index set); answers already given are kept. Returns every confirmed criterion of the unit,
   * in the index set's order: the workflow's request replaces the previous one, so it carries all.
   */
  async confirm(manager: EntityManager, actor: Actor, request: ConfirmRequest): Promise<string[]> {
    const { tree } = await this.treeOf(manager, request.campaign, request.participation);
    const problems = request.criteria.flatMap(
      (code) => whyNotScored(tree, code, 'appraiser') ?? [],
    );
    if (problems.length > 0) throw unprocessable(problems);
    const leaves = [...new Set(request.criteria)].map((code) => tree.byCode.get(code)!);
    const existing = new Map(
      (
        await manager.findBy(ExplanationRequest, {
          participationId: request.participation.id,
          criterionId: In(leaves.map((l) => l.id)),
        })
      ).map((row) => [row.criterionId, row]),
    );
    await manager.save(
      leaves.map((leaf) => {
        const row = existing.get(leaf.id);
        return manager.create(ExplanationRequest, {
          ...(row ?? { origin: 'secretariat' as const, grounds: [] }),
          participationId: request.participation.id,
          criterionId: leaf.id,
          status: 'confirmed' as const,
          reason: request.reasons?.get(leaf.code) ?? request.reason,
          requestReason: request.reason,
          confirmedBy: actor.name,
          confirmedAt: request.at,
          deadline: request.deadline,
        });
      }),
    );
    return this.confirmedCodes(manager, tree, request.participation.id);
  }

  async confirmedCodes(
    manager: EntityManager,
    tree: IndexTree,
    participationId: string,
  ): Promise<string[]> {
    const rows = await manager.findBy(ExplanationRequest, { participationId, status: 'confirmed' });
    return rows
      .map((row) => tree.byId.get(row.criterionId)?.code ?? '')
      .filter(Boolean)
      .sort(compareCriterionCodes);
  }

  /**
   * Stores the unit's answers: each for a confirmed request (422 otherwise), evidence files the
   * unit's own; then every confirmed request must have an answer (422 naming the others).
   * Without stored requests (a request made before they were stored) there is nothing to check.
   */
  async saveAnswers(manager: EntityManager, actor: Actor, input: SaveAnswers): Promise<string[]> {
    const { tree } = await this.treeOf(manager, input.campaign, input.participation);
    const requests = await manager.findBy(ExplanationRequest, {
      participationId: input.participation.id,
      status: 'confirmed',
    });
    const byCode = new Map(
      requests.flatMap((row) => {
        const code = tree.byId.get(row.criterionId)?.code;
        return code ? [[code, row] as const] : [];
      }),
    );
    const problems: string[] = [];
    const seen = new Set<string>();
    for (const answer of input.answers) {
      if (seen.has(answer.criterionCode)) {
        problems.push(`Tiêu chí ${answer.criterionCode} được giải trình hai lần`);
      } else if (!byCode.has(answer.criterionCode)) {
        problems.push(
          `Tiêu chí ${answer.criterionCode} không thuộc các tiêu chí đơn vị được yêu cầu giải trình (${[...byCode.keys()].sort(compareCriterionCodes).join(', ') || 'chưa có tiêu chí nào'})`,
        );
      }
      seen.add(answer.criterionCode);
    }
    const evidenceIds = [...new Set(input.answers.flatMap((a) => a.evidenceIds ?? []))];
    if (evidenceIds.length > 0) {
      const owned = new Set(
        (
          await manager.find(EvidenceFile, {
            where: { id: In(evidenceIds), participationId: input.participation.id },
            select: { id: true },
          })
        ).map((f) => f.id),
      );
      const foreign = evidenceIds.filter((id) => !owned.has(id));
      if (foreign.length > 0) {
        problems.push(
          `Tài liệu kiểm chứng ${foreign.join(', ')} không phải tệp được tải lên cho đơn vị này trong chiến dịch ${input.campaign.code}`,
        );
      }
    }
    if (problems.length > 0) throw unprocessable(problems);

    const answered = new Map(input.answers.map((a) => [a.criterionCode, a]));
    const changed: ExplanationRequest[] = [];
    for (const [code, row] of byCode) {
      const answer = answered.get(code);
      const text = answer?.text.trim() || (row.answerText ? null : input.text?.trim() || null);
      if (!text) continue;
      row.answerText = text;
      if (answer?.evidenceIds) row.answerEvidenceIds = [...new Set(answer.evidenceIds)];
      row.answeredBy = actor.name;
      row.answeredAt = input.at;
      changed.push(row);
    }
    await manager.save(changed);
    const unanswered = [...byCode]
      .filter(([, row]) => !row.answerText)
      .map(([code]) => code)
      .sort(compareCriterionCodes);
    if (unanswered.length > 0) {
      throw unprocessable([
        `Chưa có nội dung giải trình cho tiêu chí ${unanswered.join(', ')}: cần giải trình từng tiêu chí được yêu cầu, hoặc gửi nội dung giải trình chung ("text")`,
      ]);
    }
    return [...byCode.keys()].sort(compareCriterionCodes);
  }
}
