/**
 * From a planned send and who it is for to a message ready for sendNotification: business key,
 * recipients, and the Vietnamese subject, HTML and text of the matching template. Pure (no I/O):
 * the caller loads the campaign, step, unit or agency (see notification-context.ts).
 */
import { notificationBusinessKey, recipientFor } from '../../domain/notifications/business-key.js';
import type { PlannedSend } from '../../domain/reminders/planned-send.js';
import {
  appraisalEscalationMail,
  appraisalReminderMail,
  councilEscalationMail,
  councilReminderMail,
  secretariatEscalationMail,
  windowOpenedMail,
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
  /** The appraisal contact (reminders). */
  email: string | null;
  /** Further addresses of the appraisal contact, in copy. */
  ccEmails?: readonly string[];
  /** The agency's head: escalations go to them (else to the appraisal contact). */
  headName?: string | null;
  headTitle?: string | null;
  headEmail?: string | null;
}

export interface ComposeMailbox {
  /** How the mail addresses it ("Tổ thư ký Hội đồng thẩm định Chỉ số CCHC"). */
  name?: string;
  emails: readonly string[];
}

/** The secretariat's active contacts; its head receives (or is copied on) escalations. */
export interface ComposeSecretariat extends ComposeMailbox {
  head?: ComposeMailbox;
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
  /** Digests go to it; escalations copy its head. */
  secretariat: ComposeSecretariat;
  /** Council reminders go to it. */
  council?: ComposeMailbox;
  /** What is still missing (criteria, reports), shown in the mail; a default per template. */
  missing?: readonly string[];
  /** Until when a late submission is still taken (escalations, overdue reminders). */
  acceptedUntil?: string | null;
  /** Working days left until the deadline (reminders), shown when given. */
  workingDaysLeft?: number;
  /** Appraisal escalations: how many units and criteria the agency has still to score. */
  backlog?: { units: number; criteria: number };
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

/** "Giám đốc Sở Tư pháp" or "Thủ trưởng Sở Tư pháp" when the head's title is not recorded. */
function headLabel(agency: ComposeAgency): string {
  const title = agency.headTitle?.trim();
  const name = agency.headName?.trim();
  return `${title ?? 'Thủ trưởng'} ${agency.name}${name ? ` (${name})` : ''}`;
}

function secretariatHeadName(input: ComposeInput): string {
  return input.secretariat.head?.name ?? input.secretariat.name ?? 'Tổ trưởng Tổ thư ký';
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
    case 'window_opened': {
      const unit = need(input.unit, 'the unit', planned);
      return windowOpenedMail({
        ...common,
        unitName: unit.name,
        step: mailStep,
        opensAt: step.opensAt ?? planned.sendAt,
        deadline: planned.deadline,
        purpose,
        ...missing,
      });
    }
    case 'appraisal_escalation': {
      const agency = need(input.agency, 'the agency', planned);
      return appraisalEscalationMail({
        ...common,
        agencyName: agency.name,
        headLabel: headLabel(agency),
        step: mailStep,
        deadline: planned.deadline,
        backlog: need(input.backlog, 'what the agency has left', planned),
        secretariatName: secretariatHeadName(input),
      });
    }
    case 'council_escalation':
      return councilEscalationMail({
        ...common,
        ...(input.council?.name && { councilName: input.council.name }),
        step: mailStep,
        deadline: planned.deadline,
        secretariatName: secretariatHeadName(input),
      });
    case 'secretariat_escalation':
      return secretariatEscalationMail({
        ...common,
        headName: secretariatHeadName(input),
        step: mailStep,
        deadline: planned.deadline,
      });
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

/**
 * Addresses: the unit's focal point; its head (else the focal point) with the head of the
 * secretariat in copy; the secretariat's active contacts; its head for its own steps' escalations;
 * the agency's appraisal contact, or its head for an escalation; the council. Every escalation
 * copies the head of the secretariat (every active contact when no head is marked).
 */
function recipients(input: ComposeInput): { to: string[]; cc: string[] } {
  const { planned } = input;
  const present = (list: readonly (string | null | undefined)[]) => [
    ...new Set(list.filter((a): a is string => !!a && a.trim().length > 0)),
  ];
  const head = input.secretariat.head?.emails ?? input.secretariat.emails;
  const addressed = (to: string[], cc: readonly (string | null | undefined)[]) => ({
    to,
    cc: present(cc).filter((a) => !to.includes(a)),
  });
  const copy = planned.copySecretariat ? head : [];
  switch (planned.audience) {
    case 'unit':
      return { to: present([need(input.unit, 'the unit', planned).focalEmail]), cc: [] };
    case 'unit_head': {
      const unit = need(input.unit, 'the unit', planned);
      return addressed(present([unit.headEmail ?? unit.focalEmail]), head);
    }
    case 'secretariat':
      return { to: present(input.secretariat.emails), cc: [] };
    case 'secretariat_head':
      return addressed(present(head), input.secretariat.emails);
    case 'appraisers': {
      const agency = need(input.agency, 'the agency', planned);
      const contact = [agency.email, ...(agency.ccEmails ?? [])];
      if (planned.kind === 'appraisal_escalation') {
        return addressed(present([agency.headEmail ?? agency.email]), [...contact, ...copy]);
      }
      return addressed(present([agency.email ?? agency.ccEmails?.[0]]), contact);
    }
    case 'council':
      return addressed(present(need(input.council, 'the council', planned).emails), copy);
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
