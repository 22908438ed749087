/**
 * What each appraising agency has still to score in a round, from the appraisal data the API
 * holds, by the rule of GET /campaigns/{id}/appraisals/progress: round 1 requires every appraised
 * leaf (regular, bonus, penalty) of each participating unit's index set, round 2 the criteria each
 * unit was asked to explain (confirmed requests); a leaf belongs to its own agency, else its
 * nearest ancestor's; a unit that left the campaign counts no more. An agency has finished its
 * round when nothing is left.
 */
import type { EntityManager } from 'typeorm';
import type { AppraisalRound } from '../entities/index.js';

export interface AgencyBacklog {
  /** Units with at least one criterion left. */
  units: number;
  /** (unit, criterion) pairs without a score of the round. */
  criteria: number;
}

/** Agency code → what it has left in `round`; agencies with nothing left are absent. */
export async function appraisalBacklog(
  manager: EntityManager,
  campaignId: string,
  round: AppraisalRound,
): Promise<Map<string, AgencyBacklog>> {
  const required =
    round === 1
      ? `SELECT p.id AS participation_id, l.id AS criterion_id, l.agency_id
         FROM participations p
         JOIN units u ON u.id = p.unit_id
         JOIN index_sets s ON s.campaign_id = p.campaign_id AND s.group_code = u.group_code
         JOIN leaves l ON l.index_set_id = s.id
         WHERE p.campaign_id = $1 AND p.left_at IS NULL`
      : `SELECT r.participation_id, l.id AS criterion_id, l.agency_id
         FROM explanation_requests r
         JOIN participations p ON p.id = r.participation_id
         JOIN leaves l ON l.id = r.criterion_id
         WHERE p.campaign_id = $1 AND p.left_at IS NULL AND r.status = 'confirmed'`;
  const rows: { code: string; units: number; criteria: number }[] = await manager.query(
    `WITH RECURSIVE tree AS (
       SELECT c.id, c.index_set_id, c.kind, c.agency_id
       FROM criteria c JOIN index_sets s ON s.id = c.index_set_id
       WHERE s.campaign_id = $1 AND c.parent_id IS NULL
       UNION ALL
       SELECT c.id, c.index_set_id, c.kind, COALESCE(c.agency_id, t.agency_id)
       FROM criteria c JOIN tree t ON c.parent_id = t.id
     ),
     leaves AS (
       SELECT t.* FROM tree t
       WHERE t.kind IN ('regular', 'bonus', 'penalty') AND t.agency_id IS NOT NULL
         AND NOT EXISTS (SELECT 1 FROM criteria ch WHERE ch.parent_id = t.id)
     ),
     required AS (${required})
     SELECT a.code, COUNT(DISTINCT q.participation_id)::int AS units, COUNT(*)::int AS criteria
     FROM required q
     JOIN agencies a ON a.id = q.agency_id
     WHERE NOT EXISTS (
       SELECT 1 FROM appraisal_scores sc
       WHERE sc.participation_id = q.participation_id AND sc.criterion_id = q.criterion_id
         AND sc.round = $2)
     GROUP BY a.code`,
    [campaignId, round],
  );
  return new Map(rows.map((row) => [row.code, { units: row.units, criteria: row.criteria }]));
}
