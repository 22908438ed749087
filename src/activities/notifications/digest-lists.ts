/**
 * Who has submitted, who is late, who is missing, for the secretariat's digest of a unit-facing
 * window, from what PostgreSQL records (the API writes submissions there before signalling).
 */
import type { EntityManager } from 'typeorm';
import { formatLocalDateTime } from '../../domain/local-time.js';
import type { DigestUnit } from '../mail/templates/index.js';

export interface DigestLists {
  submitted: DigestUnit[];
  missing: DigestUnit[];
  late: DigestUnit[];
}

interface SelfAssessmentRow {
  name: string;
  submitted_at: Date | null;
  late: boolean | null;
  extension: Date | null;
}

const extensionNote = (extension: Date | null, timeZone: string) =>
  extension ? { note: `gia hạn đến ${formatLocalDateTime(extension, timeZone)}` } : {};

/** Self-assessment: each unit's first submission decides on time or late. */
async function selfAssessmentLists(
  manager: EntityManager,
  campaignId: string,
  stepNumber: number,
  timeZone: string,
): Promise<DigestLists> {
  const rows: SelfAssessmentRow[] = await manager.query(
    `SELECT u.name, first.submitted_at, first.late, e.deadline AS extension
     FROM participations p
     JOIN units u ON u.id = p.unit_id
     LEFT JOIN LATERAL (
       SELECT sa.submitted_at, sa.late FROM self_assessments sa
       WHERE sa.participation_id = p.id AND sa.status = 'submitted' AND sa.submitted_at IS NOT NULL
       ORDER BY sa.submitted_at ASC LIMIT 1
     ) first ON true
     LEFT JOIN step_extensions e ON e.participation_id = p.id AND e.step_number = $2
     WHERE p.campaign_id = $1
     ORDER BY u.name`,
    [campaignId, stepNumber],
  );
  const lists: DigestLists = { submitted: [], missing: [], late: [] };
  for (const row of rows) {
    const unit: DigestUnit = {
      unitName: row.name,
      ...(row.submitted_at && { submittedAt: new Date(row.submitted_at).toISOString() }),
      ...extensionNote(row.extension, timeZone),
    };
    if (!row.submitted_at) lists.missing.push(unit);
    else if (row.late) lists.late.push(unit);
    else lists.submitted.push(unit);
  }
  return lists;
}

/** Explanation round: only the units asked to explain; explained or not yet. */
async function explanationLists(
  manager: EntityManager,
  campaignId: string,
  stepNumber: number,
  timeZone: string,
): Promise<DigestLists> {
  const rows: { name: string; status: string; extension: Date | null }[] = await manager.query(
    `SELECT u.name, p.status, e.deadline AS extension
     FROM participations p
     JOIN units u ON u.id = p.unit_id
     LEFT JOIN step_extensions e ON e.participation_id = p.id AND e.step_number = $2
     WHERE p.campaign_id = $1
       AND p.status IN ('explanation_requested', 'explained', 'explanation_missing')
     ORDER BY u.name`,
    [campaignId, stepNumber],
  );
  const lists: DigestLists = { submitted: [], missing: [], late: [] };
  for (const row of rows) {
    const unit: DigestUnit = { unitName: row.name, ...extensionNote(row.extension, timeZone) };
    (row.status === 'explained' ? lists.submitted : lists.missing).push(unit);
  }
  return lists;
}

export function digestLists(
  manager: EntityManager,
  step: { campaignId: string; number: number; kind: string },
  timeZone: string,
): Promise<DigestLists> {
  return step.kind === 'explanation'
    ? explanationLists(manager, step.campaignId, step.number, timeZone)
    : selfAssessmentLists(manager, step.campaignId, step.number, timeZone);
}
