/**
 * From a planned send and who it is for to a message ready for sendNotification: business key,
 * recipients, and the Vietnamese subject, HTML and text of the matching template. Pure (no I/O):
 * the caller loads the campaign, step, unit or agency (see notification-context.ts).
 */
import { notificationBusinessKey, recipientFor } from '../../domain/notifications/business-key.js';
import type { PlannedSend } from '../../domain/reminders/planned-send.js';
import {
  appraisalReminderMail,
  councilReminderMail,
  escalationMail,
  explanationReminderMail,
  overdueReminderMail,
  secretariatDigestMail,
  selfAssessmentReminderMail,
  type DigestUnit,
  type MailCommon,
  type RenderedMail,
} from '../mail/templates/index.js';
import type { SendNotificationInput } from './send-notification.js';

export interface ComposeUnit {
  code: string;
  /** Official name, e.g. "Sở Giao thông vận tải". */
  name: string;
  participationId: string;
  focalEmail: string | null;
  headEmail: string | null;
}

export interface ComposeAgency {
  id: string;
  code: string;
  name: string;
  email: string | null;
}

export interface ComposeMailbox {
  /** How the mail addresses it ("Tổ thư ký Hội đồng thẩm định Chỉ số CCHC"). */
  name?: string;
  emails: readonly string[];
}

export interface ComposeInput {
  campaign: { id: string; year: number; timeZone: string };
  step: { number: number; titleVi: string; kind: string; opensAt?: string | null };
  planned: PlannedSend;
  /** Where to submit or act (http/https). */
  actionUrl: string;
  /** Unit sends: the unit. */
  unit?: ComposeUnit;
  /** Appraisal reminders: the agency. */
  agency?: ComposeAgency;
  /** Digests go to it; escalations copy it. */
  secretariat: ComposeMailbox;
  /** Council reminders go to it. */
  council?: ComposeMailbox;
  /** What is still missing (criteria, reports), shown in the mail; a default per template. */
  missing?: readonly string[];
  /** Until when a late submission is still taken (escalations, overdue reminders). */
  acceptedUntil?: string | null;
  /** Working days left until the deadline (reminders), shown when given. */
  workingDaysLeft?: number;
  /** Digests: the units by where they stand. */
  digest?: {
    submitted: readonly DigestUnit[];
    missing: readonly DigestUnit[];
    late: readonly DigestUnit[];
  };
  /** Signature and the standing body's name, when not the defaults. */
  senderName?: string;
  standingBodyName?: string;
}

function need<T>(value: T | undefined, what: string, planned: PlannedSend): T {
  if (value === undefined) {
    throw new TypeError(`A ${planned.kind} (${planned.audience}) needs ${what} to be composed`);
  }
  return value;
}

function render(input: ComposeInput, common: MailCommon): RenderedMail {
  const { planned, step } = input;
  const mailStep = { number: step.number, titleVi: step.titleVi };
  const purpose = step.kind === 'explanation' ? 'explanation' : 'self_assessment';
  const missing = input.missing ? { missing: input.missing } : {};
  const acceptedUntil = input.acceptedUntil ? { acceptedUntil: input.acceptedUntil } : {};
  switch (planned.kind) {
    case 'reminder': {
      const unit = need(input.unit, 'the unit', planned);
      const ctx = {
        ...common,
        unitName: unit.name,
        step: mailStep,
        deadline: planned.deadline,
        purpose,
        ...missing,
        ...(input.workingDaysLeft !== undefined && { workingDaysLeft: input.workingDaysLeft }),
      } as const;
      return purpose === 'explanation'
        ? explanationReminderMail(ctx)
        : selfAssessmentReminderMail(ctx);
    }
    case 'escalation':
      return escalationMail({
        ...common,
        unitName: need(input.unit, 'the unit', planned).name,
        step: mailStep,
        deadline: planned.deadline,
        purpose,
        ...missing,
        ...acceptedUntil,
        ...(input.secretariat.name && { secretariatName: input.secretariat.name }),
      });
    case 'overdue_reminder':
      return overdueReminderMail({
        ...common,
        unitName: need(input.unit, 'the unit', planned).name,
        step: mailStep,
        deadline: planned.deadline,
        purpose,
        ...missing,
        ...acceptedUntil,
        ...(planned.repeat !== undefined && { repeat: planned.repeat }),
      });
    case 'digest_window_opened':
    case 'digest_window_closed': {
      const digest = need(input.digest, 'the digest lists', planned);
      return secretariatDigestMail({
        ...common,
        event: planned.kind === 'digest_window_opened' ? 'window_opened' : 'window_closed',
        step: mailStep,
        opensAt: step.opensAt ?? null,
        deadline: planned.deadline,
        ...digest,
        ...(input.secretariat.name && { secretariatName: input.secretariat.name }),
      });
    }
    case 'appraisal_reminder':
      return appraisalReminderMail({
        ...common,
        agencyName: need(input.agency, 'the agency', planned).name,
        step: mailStep,
        opensAt: step.opensAt ?? null,
        deadline: planned.deadline,
        ...missing,
      });
    case 'council_reminder':
      return councilReminderMail({
        ...common,
        ...(input.council?.name && { councilName: input.council.name }),
        step: mailStep,
        meetingStart: step.opensAt ?? planned.deadline,
        deadline: planned.deadline,
        ...missing,
      });
  }
}

/** Addresses: the unit's focal point; its head (else the focal point) with the secretariat in copy. */
function recipients(input: ComposeInput): { to: string[]; cc: string[] } {
  const { planned } = input;
  const present = (list: readonly (string | null | undefined)[]) => [
    ...new Set(list.filter((a): a is string => !!a && a.trim().length > 0)),
  ];
  switch (planned.audience) {
    case 'unit':
      return { to: present([need(input.unit, 'the unit', planned).focalEmail]), cc: [] };
    case 'unit_head': {
      const unit = need(input.unit, 'the unit', planned);
      const to = present([unit.headEmail ?? unit.focalEmail]);
      return { to, cc: present(input.secretariat.emails).filter((a) => !to.includes(a)) };
    }
    case 'secretariat':
      return { to: present(input.secretariat.emails), cc: [] };
    case 'appraisers':
      return { to: present([need(input.agency, 'the agency', planned).email]), cc: [] };
    case 'council':
      return { to: present(need(input.council, 'the council', planned).emails), cc: [] };
  }
}

/**
 * The message for one planned send, ready for sendNotification. The business key is
 * notificationBusinessKey(campaign, recipient, planned.key): the forecast shows the same key.
 * A recipient without an address gives an empty `to`, which the sender records as 'failed'.
 */
export function composeNotification(input: ComposeInput): SendNotificationInput {
  const { planned, campaign } = input;
  const common: MailCommon = {
    timeZone: campaign.timeZone,
    actionUrl: input.actionUrl,
    campaignLabel: `Chỉ số CCHC năm ${campaign.year}`,
    ...(input.senderName && { senderName: input.senderName }),
    ...(input.standingBodyName && { standingBodyName: input.standingBodyName }),
  };
  const mail = render(input, common);
  const recipient = recipientFor(planned.audience, {
    unitCode: input.unit?.code ?? null,
    agencyCode: input.agency?.code ?? null,
  });
  return {
    campaignId: campaign.id,
    participationId: input.unit?.participationId ?? null,
    agencyId: planned.audience === 'appraisers' ? (input.agency?.id ?? null) : null,
    businessKey: notificationBusinessKey(campaign.id, recipient, planned.key),
    kind: planned.kind,
    stepNumber: planned.stepNumber,
    audience: planned.audience,
    ...recipients(input),
    subject: mail.subject,
    html: mail.html,
    text: mail.text,
    scheduledFor: planned.sendAt,
  };
}
