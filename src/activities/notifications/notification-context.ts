/**
 * Loads what composeNotification needs for one planned send from PostgreSQL: the campaign, the
 * step, the unit or agency with its addresses, the digest lists. The workflow passes only codes
 * and the planned send, so no address or mail body travels through workflow history.
 */
import { ApplicationFailure } from '@temporalio/common';
import type { DataSource, EntityManager } from 'typeorm';
import type { BusinessCalendar } from '../../domain/calendar/business-calendar.js';
import type { PlannedSend } from '../../domain/reminders/planned-send.js';
import { localDateOf } from '../../domain/reminders/local-clock.js';
import { actionPageOf } from '../../domain/notifications/action-page.js';
import { portalPageUrl } from '../../domain/portal-pages.js';
import { Agency, Campaign, CampaignStep } from '../../entities/index.js';
import {
  councilRecipients,
  secretariatRecipients,
  type Mailbox,
  type SecretariatRecipients,
} from '../../loaders/recipients.js';
import type { AgencyBacklog } from '../../loaders/appraisal-backlog.js';
import type { ComposeInput, ComposeMailbox, ComposeUnit } from './compose.js';
import { digestLists } from './digest-lists.js';
import { INVALID_NOTIFICATION } from '../../contracts/notification-retry.js';
import { loadBusinessCalendar } from '../../loaders/business-calendar.js';

/** A planned send as a workflow hands it over: plain JSON. */
export interface PlannedNotificationInput {
  campaignId: string;
  planned: PlannedSend;
  /** For sends to a unit or its head. */
  unitCode?: string | null;
  /** For appraisal reminders: the agency they go to. */
  agencyCode?: string | null;
  /** What is still missing, e.g. the criteria to explain; the template's default otherwise. */
  missing?: string[];
  /**
   * Until when a late submission is taken (escalations, overdue reminders). Default: for the
   * self-assessment under late policy 'accept', the first appraisal round's deadline.
   */
  acceptedUntil?: string | null;
  /** Appraisal escalations: what the agency has still to score in the round. */
  backlog?: AgencyBacklog;
}

export interface NotificationContextOptions {
  dataSource: DataSource;
  /** The API's public URL; each mail links to the portal page where its reader acts. */
  publicUrl: string;
  /**
   * The council's addresses when a campaign has no member with one (COUNCIL_EMAILS), handed to councilRecipients; the
   * secretariat's come from its contacts in PostgreSQL (secretariatRecipients).
   */
  council: ComposeMailbox;
  /**
   * For "N ngày làm việc" in reminders; loadComposeInput loads it from PostgreSQL when not given
   * (a year without data counts Monday–Friday).
   */
  calendar?: BusinessCalendar;
}

/** Wrong references do not get better with retries. */
function notFound(message: string): never {
  throw ApplicationFailure.nonRetryable(message, INVALID_NOTIFICATION);
}

function workingDaysLeft(
  calendar: BusinessCalendar | undefined,
  planned: PlannedSend,
  timeZone: string,
): number | undefined {
  if (!calendar || planned.kind !== 'reminder') return undefined;
  try {
    const deadlineDay = localDateOf(new Date(planned.deadline), timeZone);
    return calendar.workingDaysBetween(planned.localDate, deadlineDay);
  } catch {
    return undefined; // a year without calendar data: the mail simply leaves the line out
  }
}

/** What composing needs of a campaign, loaded once: a wave composes thousands of sends from it. */
export interface NotificationCampaignData {
  campaign: Campaign;
  steps: CampaignStep[];
  /** Participating units by code (only those asked for). */
  units: Map<string, ComposeUnit>;
  /** The secretariat's active contacts and its head, as stored now. */
  secretariat: SecretariatRecipients;
  /** The council's addresses for this campaign (councilRecipients). */
  council: Mailbox;
}

/**
 * Loads the campaign, its steps, the units (all, or those codes) composing will need, and the
 * campaign-wide recipients as they stand now (read at every wave, never kept from the start).
 */
export async function loadNotificationCampaign(
  manager: EntityManager,
  campaignId: string,
  unitCodes: string[] | 'all',
  councilEmails?: readonly string[],
): Promise<NotificationCampaignData> {
  const campaign = await manager.findOneBy(Campaign, { id: campaignId });
  if (!campaign) notFound(`No campaign ${campaignId}`);
  const [secretariat, council] = await Promise.all([
    secretariatRecipients(manager),
    councilRecipients(manager, campaignId, councilEmails),
  ]);
  const steps = await manager.find(CampaignStep, {
    where: { campaignId: campaign.id },
    order: { number: 'ASC' },
  });
  const units = new Map<string, ComposeUnit>();
  if (unitCodes === 'all' || unitCodes.length > 0) {
    const rows: {
      participation_id: string;
      code: string;
      name: string;
      focal_email: string | null;
      head_email: string | null;
    }[] = await manager.query(
      `SELECT p.id AS participation_id, u.code, u.name, u.focal_email, u.head_email
       FROM participations p JOIN units u ON u.id = p.unit_id
       WHERE p.campaign_id = $1 AND ($2::text[] IS NULL OR u.code = ANY($2::text[]))`,
      [campaign.id, unitCodes === 'all' ? null : unitCodes],
    );
    for (const row of rows) {
      units.set(row.code, {
        code: row.code,
        name: row.name,
        participationId: row.participation_id,
        focalEmail: row.focal_email,
        headEmail: row.head_email,
      });
    }
  }
  return { campaign, steps, units, secretariat, council };
}

/** The compose input of one planned send, from loaded campaign data (and the digest, if one). */
export async function buildComposeInput(
  options: NotificationContextOptions,
  data: NotificationCampaignData,
  input: PlannedNotificationInput,
  digestOf: (step: CampaignStep) => Promise<ComposeInput['digest']> = (step) =>
    digestLists(options.dataSource.manager, step, data.campaign.timeZone),
): Promise<ComposeInput> {
  const manager = options.dataSource.manager;
  const { planned } = input;
  const { campaign, steps } = data;
  const step = steps.find((s) => s.number === planned.stepNumber);
  if (!step) notFound(`Campaign ${campaign.code} has no step ${planned.stepNumber}`);

  let unit: ComposeUnit | undefined;
  if (planned.audience === 'unit' || planned.audience === 'unit_head') {
    if (!input.unitCode) notFound(`A ${planned.kind} to ${planned.audience} needs unitCode`);
    unit = data.units.get(input.unitCode);
    if (!unit) notFound(`Unit ${input.unitCode} does not take part in campaign ${campaign.code}`);
  }

  let agency: ComposeInput['agency'];
  if (planned.audience === 'appraisers') {
    if (!input.agencyCode) notFound('An appraisal reminder needs agencyCode');
    const found = await manager.findOneBy(Agency, { code: input.agencyCode });
    if (!found) notFound(`No agency with code ${input.agencyCode}`);
    agency = {
      id: found.id,
      code: found.code,
      name: found.name,
      email: found.email,
      ccEmails: found.ccEmails,
      headName: found.headName,
      headTitle: found.headTitle,
      headEmail: found.headEmail,
    };
  }

  const digest = planned.audience === 'secretariat' ? await digestOf(step) : undefined;

  const roundOne = steps.find((s) => s.kind === 'appraisal_round_1');
  const acceptedUntil =
    input.acceptedUntil !== undefined
      ? input.acceptedUntil
      : step.kind === 'self_assessment' && campaign.latePolicy === 'accept'
        ? (roundOne?.deadline?.toISOString() ?? null)
        : null;
  const days = workingDaysLeft(options.calendar, planned, campaign.timeZone);

  return {
    campaign: { id: campaign.id, year: campaign.year, timeZone: campaign.timeZone },
    step: {
      number: step.number,
      titleVi: step.titleVi,
      kind: step.kind,
      opensAt: step.opensAt?.toISOString() ?? null,
    },
    planned,
    actionUrl: portalPageUrl(
      options.publicUrl,
      actionPageOf({
        audience: planned.audience,
        stepKind: step.kind,
        campaign: campaign.code,
        unitCode: unit?.code ?? null,
      }),
    ),
    secretariat: data.secretariat,
    council: data.council,
    ...(unit && { unit }),
    ...(input.backlog && { backlog: input.backlog }),
    ...(agency && { agency }),
    ...(digest && { digest }),
    ...(input.missing && { missing: input.missing }),
    ...(acceptedUntil && { acceptedUntil }),
    ...(days !== undefined && { workingDaysLeft: days }),
  };
}

/** Loads what one planned send needs from PostgreSQL and builds its compose input. */
export async function loadComposeInput(
  options: NotificationContextOptions,
  input: PlannedNotificationInput,
): Promise<ComposeInput> {
  const unitCodes = input.unitCode ? [input.unitCode] : [];
  const data = await loadNotificationCampaign(
    options.dataSource.manager,
    input.campaignId,
    unitCodes,
    options.council.emails,
  );
  // The calendar as PostgreSQL holds it now, unless the caller bound one (tests).
  const calendar = options.calendar ?? (await loadBusinessCalendar(options.dataSource.manager));
  return buildComposeInput({ ...options, calendar }, data, input);
}
