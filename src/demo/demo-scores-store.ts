/**
 * Writes illustrative scores into a campaign as the API would have stored them after the
 * aggregation of round 2: each unit's submitted self-assessment (version 1), round-1 appraised
 * scores with the criterion's agency, imported survey points, and the campaign launched (without
 * a workflow) with its scores fixed. Replaces whatever scores the campaign's units had, so that
 * running the demo again gives the same data.
 */
import { type EntityManager, In } from 'typeorm';
import {
  AppraisalScore,
  type Campaign,
  CouncilAdjustment,
  ExplanationRequest,
  Participation,
  SelfAssessment,
  SelfAssessmentItem,
  SurveyScore,
  UnitResult,
} from '../entities/index.js';
import type { IndexTree } from '../api/scoring-data/index-tree.js';
import type { UnitRef } from '../api/scoring-data/scoring-inputs.js';
import type { IllustrativeUnitScores } from './illustrative-scores.js';

/** Who entered the scores, as the score sheets and provenance show it. */
export const DEMO_ACTOR = 'Dữ liệu minh họa (npm run demo:results)';

export interface DemoUnitScores {
  unit: UnitRef;
  tree: IndexTree;
  scores: IllustrativeUnitScores;
}

/** Replaces the scores of the campaign's units with `units`' and fixes them. */
export async function writeDemoScores(
  manager: EntityManager,
  campaign: Campaign,
  units: readonly DemoUnitScores[],
): Promise<void> {
  const ids = units.map((u) => u.unit.participationId);
  const ofUnits = { participationId: In(ids) };
  await manager.delete(UnitResult, { campaignId: campaign.id });
  for (const entity of [
    CouncilAdjustment,
    ExplanationRequest,
    AppraisalScore,
    SurveyScore,
    SelfAssessment, // its items go with it
  ]) {
    await manager.delete(entity, ofUnits);
  }

  const now = new Date();
  for (const { unit, tree, scores } of units) {
    const assessment = await manager.save(
      manager.create(SelfAssessment, {
        participationId: unit.participationId,
        version: 1,
        status: 'submitted',
        submittedAt: now,
        submittedBy: DEMO_ACTOR,
      }),
    );
    await manager.insert(
      SelfAssessmentItem,
      [...scores.self].map(([criterionId, entry]) => ({
        selfAssessmentId: assessment.id,
        criterionId,
        score: entry.score,
        notApplicable: entry.notApplicable,
        note: null,
        evidenceIds: [],
      })),
    );
    await manager.insert(
      AppraisalScore,
      [...scores.appraised].map(([criterionId, entry]) => ({
        participationId: unit.participationId,
        criterionId,
        round: 1 as const,
        score: entry.score,
        notApplicable: entry.notApplicable,
        comment: entry.comment,
        agencyId: tree.byId.get(criterionId)?.agencyId ?? null,
        scoredBy: DEMO_ACTOR,
        scoredAt: now,
      })),
    );
    if (scores.survey.size > 0) {
      await manager.insert(
        SurveyScore,
        [...scores.survey].map(([criterionId, points]) => ({
          participationId: unit.participationId,
          criterionId,
          points,
          source: 'dữ liệu minh họa',
          importedBy: DEMO_ACTOR,
          importedAt: now,
        })),
      );
    }
  }
  await manager.update(
    Participation,
    { id: In(ids) },
    { status: 'submitted', statusChangedAt: now },
  );
  campaign.status = 'launched';
  campaign.launchedAt ??= now;
  campaign.scoresFixedAt = now;
  campaign.scoresFixedBy = DEMO_ACTOR;
  // A demo campaign published through the API goes back to a draft of its results.
  campaign.resultsPublishedAt = null;
  campaign.resultsDecision = null;
  await manager.save(campaign);
}
