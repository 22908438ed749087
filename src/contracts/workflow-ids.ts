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

/**
 * Unit codes that would give a unit the workflow ID of its campaign's own batch or notifications
 * workflow ("par-2021-vinhlong-batch-1", "par-2021-vinhlong-notifications"): refused for units.
 */
export function reservedUnitCode(code: string): boolean {
  return /^(batch-\d+|notifications)$/i.test(code);
}

/** Why a unit code cannot be used, for a 400; null when it can. */
export function reservedUnitCodeProblem(code: string): string | null {
  return reservedUnitCode(code)
    ? `mã đơn vị «${code}» được dành riêng: các quy trình theo lô và quy trình thông báo của chiến dịch mang tên «…-batch-N» và «…-notifications», nên đơn vị không được đặt mã «batch-N» hoặc «notifications»`
    : null;
}
