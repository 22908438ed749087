import {
  Check,
  Column,
  CreateDateColumn,
  Entity,
  Index,
  JoinColumn,
  ManyToOne,
  PrimaryGeneratedColumn,
  UpdateDateColumn,
} from 'typeorm';
import { SEND_KINDS, type SendAudience, type SendKind } from '../domain/reminders/planned-send.js';
import type { Agency } from './agency.entity.js';
import type { Campaign } from './campaign.entity.js';
import type { Participation } from './participation.entity.js';

/** Mails to one person about their account, in no campaign: an invitation, a reset link. */
export type AccountMailKind = 'account_invitation' | 'password_reset';
export const ACCOUNT_MAIL_KINDS: readonly AccountMailKind[] = [
  'account_invitation',
  'password_reset',
];

/** What a message is: a planned send's kind, one of the mails sent on an event, an account mail. */
export type NotificationKind =
  | SendKind
  | 'explanation_request'
  | 'results'
  | 'delivery_failures'
  | 'calendar_year_missing'
  | AccountMailKind;

/** Who it goes to: a planned send's audience, or one person (account mails). */
export type NotificationAudience = SendAudience | 'person';

export const NOTIFICATION_KINDS: readonly NotificationKind[] = [
  ...SEND_KINDS,
  'explanation_request',
  'results',
  'delivery_failures',
  'calendar_year_missing',
  ...ACCOUNT_MAIL_KINDS,
];

/**
 * - sending: claimed by an attempt; `handoffAt` says whether it may have reached the SMTP server;
 * - sent: the SMTP server accepted it (250);
 * - failed: refused for good (5xx, no address), or temporary failures until the attempts ran out;
 * - unconfirmed: an attempt may have handed it to SMTP and then died: it is not sent again, and
 *   the secretariat checks it by hand (the Message-ID is in the row).
 */
export type NotificationStatus = 'sending' | 'sent' | 'failed' | 'unconfirmed';

export const NOTIFICATION_STATUSES: readonly NotificationStatus[] = [
  'sending',
  'sent',
  'failed',
  'unconfirmed',
];

/** One e-mail, keyed by its business key: the log the secretariat reads and the send guard. */
@Entity({ name: 'notifications' })
@Index('ix_notifications_campaign_participation', ['campaignId', 'participationId'])
@Index('ix_notifications_campaign_created', ['campaignId', 'createdAt'])
@Check('ck_notifications_status', `"status" IN ('sending', 'sent', 'failed', 'unconfirmed')`)
@Check(
  'ck_notifications_campaign',
  `"campaign_id" IS NOT NULL OR "kind" IN ('account_invitation', 'password_reset')`,
)
export class Notification {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  /** Null only for account mails (invitations, reset links), which belong to no campaign. */
  @Column({ name: 'campaign_id', type: 'uuid', nullable: true })
  campaignId: string | null;

  @ManyToOne('Campaign', { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'campaign_id' })
  campaign?: Campaign;

  /** The unit the message is about (reminders, escalations); null for digests and agencies. */
  @Column({ name: 'participation_id', type: 'uuid', nullable: true })
  participationId: string | null;

  // SET NULL: what was sent stays in the log even if the unit leaves a (draft) campaign.
  @ManyToOne('Participation', { onDelete: 'SET NULL' })
  @JoinColumn({ name: 'participation_id' })
  participation?: Participation;

  /** The appraising agency it went to (appraisal reminders). */
  @Column({ name: 'agency_id', type: 'uuid', nullable: true })
  agencyId: string | null;

  @ManyToOne('Agency', { onDelete: 'SET NULL' })
  @JoinColumn({ name: 'agency_id' })
  agency?: Agency;

  /** Unique: campaign, recipient and the planned send's key (see notificationBusinessKey). */
  @Column({ name: 'business_key', type: 'text', unique: true })
  businessKey: string;

  @Column({ type: 'varchar', length: 32 })
  kind: NotificationKind;

  @Column({ name: 'step_number', type: 'int', nullable: true })
  stepNumber: number | null;

  @Column({ type: 'varchar', length: 16 })
  audience: NotificationAudience;

  @Column({ name: 'to_addresses', type: 'text', array: true })
  to: string[];

  @Column({ name: 'cc_addresses', type: 'text', array: true, default: () => "'{}'" })
  cc: string[];

  @Column({ type: 'text' })
  subject: string;

  /** When the plan meant it to go out. */
  @Column({ name: 'scheduled_for', type: 'timestamptz' })
  scheduledFor: Date;

  @Column({ type: 'varchar', length: 16, default: 'sending' })
  status: NotificationStatus;

  /** How many times an attempt started handing it to SMTP. */
  @Column({ type: 'int', default: 0 })
  attempts: number;

  /**
   * Set just before an attempt hands the message to SMTP, cleared when SMTP refused it for now
   * (nothing was accepted). A 'sending' row with it set may have been sent: never resend it.
   */
  @Column({ name: 'handoff_at', type: 'timestamptz', nullable: true })
  handoffAt: Date | null;

  @Column({ name: 'last_error', type: 'text', nullable: true })
  lastError: string | null;

  /** The SMTP server's reply, e.g. "250 Message queued as …" or "550 5.1.1 No such user". */
  @Column({ name: 'smtp_response', type: 'text', nullable: true })
  smtpResponse: string | null;

  /** The Message-ID header, derived from the business key. */
  @Column({ name: 'message_id', type: 'varchar', length: 255, nullable: true })
  messageId: string | null;

  @Column({ name: 'sent_at', type: 'timestamptz', nullable: true })
  sentAt: Date | null;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt: Date;
}
