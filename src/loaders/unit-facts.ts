/**
 * One unit's facts as PostgreSQL holds them (its windows as amended and extended for it, its
 * submission, the explanation asked and given, the publication), for the campaign rules: the API
 * decides the unit's actions with them, a batch hands them to the unit workflows it starts, and a
 * unit workflow reads them again before it records a status that time alone decided.
 */
import type { EntityManager } from 'typeorm';
import type { UnitSnapshot } from '../contracts/unit.js';
import type { UnitFacts, UnitWindowFacts } from '../domain/campaign-rules/index.js';
import { compareCriterionCodes } from '../domain/self-assessment-rules.js';
import type { StepKind, UnitStatus } from '../domain/words.js';
import type { Campaign, CampaignStep } from '../entities/index.js';

const ms = (date: Date | string | null | undefined): number | null =>
  date ? new Date(date).getTime() : null;

/** What PostgreSQL holds of one unit's own actions. */
interface UnitRow {
  participation_id: string;
  status: UnitStatus;
  extensions: Record<string, string> | null;
  first_submitted_at: Date | null;
  first_late: boolean | null;
  version: number | null;
  requested_at: Date | null;
  request_reason: string | null;
  requested_codes: string[] | null;
  answered_at: Date | null;
}

const byKind = (steps: readonly CampaignStep[], kind: StepKind) =>
  steps.find((step) => step.kind === kind) ?? null;

function windowOf(step: CampaignStep | null, extension: number | null): UnitWindowFacts | null {
  if (!step) return null;
  const completed = ms(step.completedAt);
  return {
    stepNumber: step.number,
    opensAt: ms(step.opensAt),
    openedEarlyAt: ms(step.openedEarlyAt),
    deadline: ms(step.deadline),
    // A units' step completed before its deadline was closed early.
    closedEarlyAt:
      completed !== null && (step.deadline === null || completed < step.deadline.getTime())
        ? completed
        : null,
    extension,
  };
}

/** The unit's facts from the campaign's facts and the unit's own row. */
function snapshotOf(
  campaign: Pick<Campaign, 'latePolicy' | 'resultsPublishedAt'>,
  steps: readonly CampaignStep[],
  row: UnitRow,
): UnitSnapshot {
  const extension = (step: CampaignStep | null) =>
    step ? ms(row.extensions?.[String(step.number)] ?? null) : null;
  const selfAssessment = byKind(steps, 'self_assessment');
  const explanation = byKind(steps, 'explanation');
  const roundOne = byKind(steps, 'appraisal_round_1');
  const facts: UnitFacts = {
    latePolicy: campaign.latePolicy,
    selfAssessment: windowOf(selfAssessment, extension(selfAssessment)),
    roundOne: roundOne
      ? {
          stepNumber: roundOne.number,
          deadline: ms(roundOne.deadline),
          completedAt: ms(roundOne.completedAt),
        }
      : null,
    explanation: windowOf(explanation, extension(explanation)),
    submission:
      row.first_submitted_at !== null
        ? { submittedAt: ms(row.first_submitted_at)!, late: row.first_late === true }
        : null,
    explanationRequestedAt: ms(row.requested_at),
    explanationAnsweredAt: ms(row.answered_at),
    publishedAt: ms(campaign.resultsPublishedAt),
  };
  return {
    facts,
    version: row.version,
    request:
      row.requested_at !== null
        ? {
            criteria: [...(row.requested_codes ?? [])].sort(compareCriterionCodes),
            reason: row.request_reason ?? '',
            requestedAt: new Date(row.requested_at).toISOString(),
          }
        : null,
    status: row.status,
  };
}

/** Snapshots of the given participations of one campaign, by participation id. */
export async function loadUnitSnapshots(
  manager: EntityManager,
  campaign: Pick<Campaign, 'id' | 'latePolicy' | 'resultsPublishedAt'>,
  steps: readonly CampaignStep[],
  participationIds: readonly string[],
): Promise<Map<string, UnitSnapshot>> {
  if (participationIds.length === 0) return new Map();
  const rows: UnitRow[] = await manager.query(
    `SELECT p.id AS participation_id, p.status,
            (SELECT jsonb_object_agg(e.step_number, e.deadline) FROM step_extensions e
              WHERE e.participation_id = p.id) AS extensions,
            first.submitted_at AS first_submitted_at, first.late AS first_late,
            (SELECT max(sa.version) FROM self_assessments sa
              WHERE sa.participation_id = p.id AND sa.status = 'submitted') AS version,
            asked.requested_at, asked.request_reason, asked.requested_codes, asked.answered_at
       FROM participations p
       LEFT JOIN LATERAL (
         SELECT sa.submitted_at, sa.late FROM self_assessments sa
          WHERE sa.participation_id = p.id AND sa.status = 'submitted'
          ORDER BY sa.submitted_at ASC LIMIT 1) first ON true
       LEFT JOIN LATERAL (
         SELECT max(r.confirmed_at) AS requested_at,
                (array_agg(coalesce(r.request_reason, r.reason) ORDER BY r.confirmed_at DESC))[1]
                  AS request_reason,
                array_agg(c.code) AS requested_codes,
                CASE WHEN bool_and(r.answered_at IS NOT NULL) THEN max(r.answered_at) END
                  AS answered_at
           FROM explanation_requests r JOIN criteria c ON c.id = r.criterion_id
          WHERE r.participation_id = p.id AND r.status = 'confirmed'
          HAVING count(*) > 0) asked ON true
      WHERE p.campaign_id = $1 AND p.id = ANY($2::uuid[])`,
    [campaign.id, participationIds],
  );
  return new Map(rows.map((row) => [row.participation_id, snapshotOf(campaign, steps, row)]));
}

/** One participation's snapshot; null when it is not the campaign's. */
export async function loadUnitSnapshot(
  manager: EntityManager,
  campaign: Pick<Campaign, 'id' | 'latePolicy' | 'resultsPublishedAt'>,
  steps: readonly CampaignStep[],
  participationId: string,
): Promise<UnitSnapshot | null> {
  return (
    (await loadUnitSnapshots(manager, campaign, steps, [participationId])).get(participationId) ??
    null
  );
}
