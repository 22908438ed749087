import type { EntityManager } from 'typeorm';

export interface AppraisingAgency {
  id: string;
  code: string;
  name: string;
  email: string | null;
  /** The agency's head: escalations go to them. */
  headEmail: string | null;
}

/**
 * The active agencies that appraise criteria of the campaign's index sets, by code: each gets its
 * own appraisal reminders and escalations (an inactive, merged agency gets no mail). One definition for the workflows (through the activity) and the forecast,
 * so both address the same agencies and so build the same business keys.
 */
export function appraisingAgencies(
  manager: EntityManager,
  campaignId: string,
  onlyAgencyId: string | null = null,
): Promise<AppraisingAgency[]> {
  return manager.query(
    `SELECT DISTINCT a.id, a.code, a.name, a.email, a.head_email AS "headEmail"
     FROM criteria c
     JOIN index_sets s ON s.id = c.index_set_id
     JOIN agencies a ON a.id = c.agency_id
     WHERE s.campaign_id = $1 AND a.active AND ($2::uuid IS NULL OR a.id = $2::uuid)
     ORDER BY a.code`,
    [campaignId, onlyAgencyId],
  );
}
