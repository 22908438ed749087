/**
 * The business key of an e-mail: campaign, recipient, and the planned send's own key (step, kind,
 * which one, the deadline it is about). Held unique in PostgreSQL, it is what makes a retry, a
 * replay, a continue-as-new or a worker crash send nothing twice. Pure and free of Node built-ins:
 * workflows, activities and the API's forecast build the same key from the same inputs.
 */
import type { SendAudience } from '../reminders/planned-send.js';

/** Who a message goes to, by what stays stable through a campaign (codes, not addresses). */
export type NotificationRecipient =
  | { audience: 'unit' | 'unit_head'; unitCode: string }
  | { audience: 'secretariat' }
  | { audience: 'secretariat_head' }
  | { audience: 'appraisers'; agencyCode: string }
  | { audience: 'council' };

/** "unit:SNV", "unit-head:SNV", "secretariat", "secretariat-head", "agency:STP", "council". */
export function recipientTag(recipient: NotificationRecipient): string {
  switch (recipient.audience) {
    case 'unit':
      return `unit:${recipient.unitCode}`;
    case 'unit_head':
      return `unit-head:${recipient.unitCode}`;
    case 'appraisers':
      return `agency:${recipient.agencyCode}`;
    case 'secretariat_head':
      return 'secretariat-head';
    case 'secretariat':
    case 'council':
      return recipient.audience;
  }
}

/**
 * The recipient of a planned send of `audience`, from the unit's or the agency's code; throws
 * when the code the audience needs is missing.
 */
export function recipientFor(
  audience: SendAudience,
  codes: { unitCode?: string | null; agencyCode?: string | null } = {},
): NotificationRecipient {
  if (audience === 'unit' || audience === 'unit_head') {
    if (!codes.unitCode) throw new TypeError(`A send to audience "${audience}" needs a unit code`);
    return { audience, unitCode: codes.unitCode };
  }
  if (audience === 'appraisers') {
    if (!codes.agencyCode) throw new TypeError('A send to the appraisers needs an agency code');
    return { audience, agencyCode: codes.agencyCode };
  }
  return { audience };
}

/**
 * "<campaignId>/unit:SNV/step-3/reminder/wd-7/2021-12-24T16:59:59.000Z". A changed deadline
 * changes the planned key, so a reminder about the new deadline is a new message.
 */
export function notificationBusinessKey(
  campaignId: string,
  recipient: NotificationRecipient,
  plannedKey: string,
): string {
  if (!campaignId || !plannedKey) throw new TypeError('A business key needs a campaign and a key');
  return `${campaignId}/${recipientTag(recipient)}/${plannedKey}`;
}
