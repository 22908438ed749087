/** Readable workflow IDs, so the Temporal Web UI reads like the plan. Pure: used by API and workflows. */

/** "vinhlong-2021" (year 2021) → "par-2021-vinhlong" */
export function campaignWorkflowId(campaignCode: string, year: number): string {
  const slug = campaignCode
    .replace(new RegExp(`[-_]?${year}[-_]?`), '-')
    .replace(/^-+|-+$/g, '')
    .replace(/-{2,}/g, '-');
  return `par-${year}-${slug || campaignCode}`;
}

/** "par-2021-vinhlong" + "SNV" → "par-2021-vinhlong-SNV" */
export function unitWorkflowId(campaignWorkflowId: string, unitCode: string): string {
  return `${campaignWorkflowId}-${unitCode}`;
}

/** "par-2021-vinhlong" + 0 → "par-2021-vinhlong-batch-1" */
export function batchWorkflowId(campaignWorkflowId: string, batchIndex: number): string {
  return `${campaignWorkflowId}-batch-${batchIndex + 1}`;
}

/** "par-2021-vinhlong" → "par-2021-vinhlong-notifications" */
export function notificationsWorkflowId(campaignWorkflowId: string): string {
  return `${campaignWorkflowId}-notifications`;
}
