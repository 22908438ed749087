/**
 * Sending one e-mail exactly once, keyed by its business key in the notifications table.
 *
 * Activities run at least once: Temporal retries them, and a worker may die at any line. SMTP has
 * no transaction we can join, so "exactly once" rests on the row and one column, handoff_at:
 *
 * 1. Claim the key: INSERT … ON CONFLICT DO NOTHING, status 'sending', handoff_at NULL.
 * 2. Take the handoff: one UPDATE sets handoff_at (and counts the attempt) only where it is NULL
 *    and the status is 'sending'. Only one attempt can win it, so two attempts running at once
 *    (an attempt that timed out but still runs, and its retry) never both talk to SMTP.
 * 3. Hand the message to SMTP, then record what the server answered:
 *    - 250: 'sent';
 *    - 5xx (a rejected address): 'failed' with the reply, returned rather than thrown: retrying
 *      would get the same answer, and the secretariat reads it in the log;
 *    - 4xx, or a connection that never opened: nothing was accepted, so handoff_at goes back to
 *      NULL and a retryable error is thrown; the next attempt may take the handoff again. The
 *      last attempt records 'failed' instead of throwing;
 *    - a connection lost or timed out mid-session: the server may have accepted it: 'unconfirmed'.
 * 4. An attempt that finds the key already taken does not send:
 *    - 'sent', 'failed', 'unconfirmed': returns what is recorded;
 *    - 'sending' with handoff_at set: an earlier attempt died (or is still waiting) between the
 *      handoff and the record. It may have been sent, so it is not sent again: it becomes
 *      'unconfirmed', which the secretariat sees in the log (the Message-ID lets them check the
 *      mail server's log). Should the earlier attempt still finish, it records its real outcome
 *      over 'unconfirmed' (its writes are conditional on its own attempt number).
 *    - 'sending' with handoff_at NULL: the earlier attempt stopped before the handoff (it crashed
 *      right after the claim, or SMTP refused it for now): it is sent.
 *
 * So a message is never sent twice, and none is lost silently: the one window where a crash
 * leaves the outcome unknown (after step 2, before the record) ends in 'unconfirmed', in the log.
 * A crash after step 2 but before the first byte reached SMTP also ends there: the price of never
 * sending twice is that this rare case is checked by hand.
 */
import { Context } from '@temporalio/activity';
import { ApplicationFailure } from '@temporalio/common';
import type { Transporter } from 'nodemailer';
import type { DataSource } from 'typeorm';
import {
  ACCOUNT_MAIL_KINDS,
  NOTIFICATION_KINDS,
  type NotificationAudience,
  type NotificationKind,
  type NotificationStatus,
} from '../../entities/index.js';
import { notificationMessageId } from './message-id.js';
import { SEND_AUDIENCES } from '../../domain/reminders/planned-send.js';
import {
  INVALID_NOTIFICATION,
  NOTIFICATION_MAX_ATTEMPTS,
  SMTP_TEMPORARY_FAILURE,
} from '../../contracts/notification-retry.js';
import { classifySmtpFailure } from './smtp-failure.js';

/** One message, ready to send: plain JSON, so it can be an activity's input. */
export interface SendNotificationInput {
  /** Null only for account mails (ACCOUNT_MAIL_KINDS), which belong to no campaign. */
  campaignId: string | null;
  /** The unit it is about, when it is about one. */
  participationId?: string | null;
  /** The appraising agency it goes to, for appraisal reminders. */
  agencyId?: string | null;
  businessKey: string;
  kind: NotificationKind;
  stepNumber: number | null;
  audience: NotificationAudience;
  /** Empty when the recipient has no address: the message is then recorded 'failed'. */
  to: string[];
  cc?: string[];
  subject: string;
  html: string;
  text: string;
  /** When the plan meant it to go out (ISO instant). */
  scheduledFor: string;
}

export interface SendNotificationResult {
  businessKey: string;
  status: NotificationStatus;
  /** True when this call handed the message to SMTP; false when it found it already decided. */
  sentNow: boolean;
  attempts: number;
  messageId: string | null;
  smtpResponse: string | null;
  lastError: string | null;
  sentAt: string | null;
}

export interface NotificationSenderDeps {
  dataSource: DataSource;
  /** The pooled transport (createMailTransport). */
  transport: Transporter;
  /** The From header, e.g. "Sở Nội vụ - Chỉ số CCHC <cchc@snv.vinhlong.gov.vn>". */
  mailFrom: string;
  /** Attempts with temporary failures before 'failed' (default NOTIFICATION_MAX_ATTEMPTS). */
  maxAttempts?: number;
}

interface Row {
  business_key: string;
  status: NotificationStatus;
  attempts: number;
  handoff_at: Date | null;
  message_id: string | null;
  smtp_response: string | null;
  last_error: string | null;
  sent_at: Date | null;
}

const RETURNING =
  'RETURNING business_key, status, attempts, handoff_at, message_id, smtp_response, last_error, sent_at';
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const AUDIENCES: readonly NotificationAudience[] = [...SEND_AUDIENCES, 'person'];

const MSG = {
  noAddress: 'Không gửi được: người nhận chưa có địa chỉ e-mail.',
  refused: (detail: string) => `Máy chủ thư từ chối: ${detail}`,
  retrying: (detail: string) => `Lỗi tạm thời của máy chủ thư, sẽ thử lại: ${detail}`,
  gaveUp: (attempts: number, detail: string) =>
    `Không gửi được sau ${attempts} lần thử (lỗi tạm thời của máy chủ thư): ${detail}`,
  unknownOutcome: (detail: string) =>
    `Chưa xác nhận: kết nối tới máy chủ thư bị ngắt khi đang gửi (${detail}). Không gửi lại để tránh trùng lặp; cần kiểm tra thủ công.`,
  crashed: (attempt: number, at: Date) =>
    `Chưa xác nhận: lần gửi thứ ${attempt} (lúc ${at.toISOString()}) đã chuyển thư cho máy chủ thư nhưng không ghi nhận được kết quả. Không gửi lại để tránh trùng lặp; cần kiểm tra thủ công.`,
  overtaken: (detail: string) =>
    `Không gửi được (lỗi tạm thời: ${detail}); thư đã được đánh dấu chưa xác nhận nên không thử lại.`,
  rejectedSome: (list: string) => `Một số người nhận bị từ chối: ${list}`,
};

function invalid(message: string): never {
  throw ApplicationFailure.nonRetryable(`Invalid notification: ${message}`, INVALID_NOTIFICATION);
}

/** Throws a non-retryable failure naming the first field that is wrong. */
export function assertSendInput(input: SendNotificationInput): void {
  if (typeof input !== 'object' || input === null) invalid('expected an object');
  const accountMail = (ACCOUNT_MAIL_KINDS as readonly string[]).includes(input.kind);
  if (accountMail ? input.campaignId !== null : !UUID.test(input.campaignId ?? '')) {
    invalid(accountMail ? 'an account mail has no campaignId' : 'campaignId must be a UUID');
  }
  for (const field of ['participationId', 'agencyId'] as const) {
    const value = input[field];
    if (value !== undefined && value !== null && !UUID.test(value)) {
      invalid(`${field} must be a UUID or null`);
    }
  }
  if (typeof input.businessKey !== 'string' || input.businessKey.length === 0) {
    invalid('businessKey must be a non-empty string');
  }
  if (!NOTIFICATION_KINDS.includes(input.kind)) {
    invalid(`kind must be one of ${NOTIFICATION_KINDS.join(', ')}`);
  }
  if (!AUDIENCES.includes(input.audience))
    invalid(`audience must be one of ${AUDIENCES.join(', ')}`);
  if (input.stepNumber !== null && !Number.isInteger(input.stepNumber)) {
    invalid('stepNumber must be an integer or null');
  }
  for (const field of ['to', 'cc'] as const) {
    const list = input[field] ?? [];
    if (!Array.isArray(list) || list.some((a) => typeof a !== 'string' || !a.includes('@'))) {
      invalid(`${field} must be a list of e-mail addresses`);
    }
  }
  for (const field of ['subject', 'html', 'text'] as const) {
    if (typeof input[field] !== 'string' || input[field].length === 0) {
      invalid(`${field} must be a non-empty string`);
    }
  }
  if (typeof input.scheduledFor !== 'string' || Number.isNaN(Date.parse(input.scheduledFor))) {
    invalid('scheduledFor must be an ISO instant');
  }
}

/** This attempt's number and the schedule's last one, when running as a Temporal activity. */
function temporalAttempt(): { attempt: number; maximumAttempts: number | undefined } | null {
  try {
    const { info } = Context.current();
    return { attempt: info.attempt, maximumAttempts: info.retryPolicy?.maximumAttempts };
  } catch {
    return null; // called outside an activity (a script, a test)
  }
}

function result(row: Row, sentNow: boolean): SendNotificationResult {
  return {
    businessKey: row.business_key,
    status: row.status,
    sentNow,
    attempts: row.attempts,
    messageId: row.message_id,
    smtpResponse: row.smtp_response,
    lastError: row.last_error,
    sentAt: row.sent_at ? new Date(row.sent_at).toISOString() : null,
  };
}

export function createNotificationSender(deps: NotificationSenderDeps) {
  const { dataSource, transport, mailFrom } = deps;
  const maxAttempts = deps.maxAttempts ?? NOTIFICATION_MAX_ATTEMPTS;

  async function rows(sql: string, params: unknown[]): Promise<Row[]> {
    // pg returns [rows, count] for UPDATE … RETURNING through TypeORM's query(); normalise.
    const out: unknown = await dataSource.query(sql, params);
    if (Array.isArray(out) && out.length === 2 && Array.isArray(out[0])) return out[0] as Row[];
    return out as Row[];
  }

  async function read(businessKey: string): Promise<Row> {
    const found = await rows(
      'SELECT business_key, status, attempts, handoff_at, message_id, smtp_response, last_error, sent_at FROM notifications WHERE business_key = $1',
      [businessKey],
    );
    if (!found[0]) throw new Error(`Notification ${businessKey} vanished while being sent`);
    return found[0];
  }

  /** Step 1: the row exists afterwards, whoever created it. */
  async function claim(input: SendNotificationInput, messageId: string): Promise<void> {
    const noAddress = input.to.length === 0;
    await dataSource.query(
      `INSERT INTO notifications (campaign_id, participation_id, agency_id, business_key, kind, step_number, audience, to_addresses, cc_addresses, subject, scheduled_for, status, message_id, last_error)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14)
       ON CONFLICT (business_key) DO NOTHING`,
      [
        input.campaignId,
        input.participationId ?? null,
        input.agencyId ?? null,
        input.businessKey,
        input.kind,
        input.stepNumber,
        input.audience,
        input.to,
        input.cc ?? [],
        input.subject,
        new Date(input.scheduledFor),
        noAddress ? 'failed' : 'sending',
        messageId,
        noAddress ? MSG.noAddress : null,
      ],
    );
  }

  /** Step 2: the attempt number when this attempt won the handoff, else null. */
  async function takeHandoff(businessKey: string): Promise<number | null> {
    const won = await rows(
      `UPDATE notifications SET handoff_at = now(), attempts = attempts + 1, updated_at = now()
       WHERE business_key = $1 AND status = 'sending' AND handoff_at IS NULL ${RETURNING}`,
      [businessKey],
    );
    return won[0]?.attempts ?? null;
  }

  /** Records this attempt's outcome, unless another attempt decided the message meanwhile. */
  async function record(
    businessKey: string,
    attempt: number,
    fields: {
      status: NotificationStatus;
      smtpResponse: string | null;
      lastError: string | null;
      sent?: boolean;
    },
  ): Promise<Row> {
    const updated = await rows(
      `UPDATE notifications SET status = $3, smtp_response = COALESCE($4, smtp_response), last_error = $5,
         sent_at = CASE WHEN $6 THEN now() ELSE sent_at END, updated_at = now()
       WHERE business_key = $1 AND attempts = $2 AND status IN ('sending', 'unconfirmed') ${RETURNING}`,
      [
        businessKey,
        attempt,
        fields.status,
        fields.smtpResponse,
        fields.lastError,
        fields.sent ?? false,
      ],
    );
    return updated[0] ?? (await read(businessKey));
  }

  /** Step 4: the key was taken; decide without sending (or say the handoff is free again). */
  async function settleTaken(businessKey: string): Promise<Row | 'free'> {
    const row = await read(businessKey);
    if (row.status !== 'sending') return row;
    if (row.handoff_at === null) return 'free';
    const marked = await rows(
      `UPDATE notifications SET status = 'unconfirmed', last_error = $3, updated_at = now()
       WHERE business_key = $1 AND status = 'sending' AND attempts = $2 AND handoff_at IS NOT NULL ${RETURNING}`,
      [businessKey, row.attempts, MSG.crashed(row.attempts, new Date(row.handoff_at))],
    );
    return marked[0] ?? (await read(businessKey));
  }

  async function sendNotification(input: SendNotificationInput): Promise<SendNotificationResult> {
    assertSendInput(input);
    const messageId = notificationMessageId(input.businessKey, mailFrom);
    await claim(input, messageId);

    let attempt: number | null = null;
    // A few rounds: another attempt may release the handoff between our UPDATE and our read.
    for (let round = 0; round < 3 && attempt === null; round++) {
      attempt = await takeHandoff(input.businessKey);
      if (attempt !== null) break;
      const settled = await settleTaken(input.businessKey);
      if (settled !== 'free') return result(settled, false);
    }
    if (attempt === null) {
      throw new Error(`Notification ${input.businessKey}: could not take the SMTP handoff`);
    }

    let info: { response?: string; rejected?: unknown[]; rejectedErrors?: unknown[] };
    try {
      info = await transport.sendMail({
        from: mailFrom,
        to: input.to,
        cc: input.cc ?? [],
        subject: input.subject,
        text: input.text,
        html: input.html,
        messageId,
        headers: {
          // RFC 3834: an automatic message; auto-responders do not answer it.
          'Auto-Submitted': 'auto-generated',
          'X-PAR-Business-Key': input.businessKey,
        },
      });
    } catch (err) {
      return onFailure(input.businessKey, attempt, err);
    }
    const rejected = (info.rejectedErrors ?? info.rejected ?? []).map((r) =>
      r instanceof Error ? r.message : String(r),
    );
    const row = await record(input.businessKey, attempt, {
      status: 'sent',
      smtpResponse: info.response ?? null,
      lastError: rejected.length > 0 ? MSG.rejectedSome(rejected.join('; ')) : null,
      sent: true,
    });
    return result(row, true);
  }

  async function onFailure(
    businessKey: string,
    attempt: number,
    err: unknown,
  ): Promise<SendNotificationResult> {
    const failure = classifySmtpFailure(err);
    if (failure.kind === 'permanent') {
      const row = await record(businessKey, attempt, {
        status: 'failed',
        smtpResponse: failure.response,
        lastError: MSG.refused(failure.message),
      });
      return result(row, true);
    }
    if (failure.kind === 'unknown_outcome') {
      const row = await record(businessKey, attempt, {
        status: 'unconfirmed',
        smtpResponse: null,
        lastError: MSG.unknownOutcome(failure.message),
      });
      return result(row, true);
    }
    const temporal = temporalAttempt();
    const lastTry =
      attempt >= maxAttempts ||
      (temporal !== null &&
        (temporal.maximumAttempts ?? 0) > 0 &&
        temporal.attempt >= (temporal.maximumAttempts ?? 0));
    if (!lastTry) {
      // Nothing was accepted: free the handoff for the next attempt, then let Temporal retry.
      const released = await rows(
        `UPDATE notifications SET handoff_at = NULL, smtp_response = COALESCE($3, smtp_response), last_error = $4, updated_at = now()
         WHERE business_key = $1 AND attempts = $2 AND status = 'sending' ${RETURNING}`,
        [businessKey, attempt, failure.response, MSG.retrying(failure.message)],
      );
      if (released[0]) {
        throw ApplicationFailure.retryable(
          `Temporary SMTP failure for ${businessKey} (attempt ${attempt}): ${failure.message}`,
          SMTP_TEMPORARY_FAILURE,
        );
      }
      // Another attempt marked it 'unconfirmed' meanwhile and returned: nobody will retry it.
    }
    const row = await record(businessKey, attempt, {
      status: 'failed',
      smtpResponse: failure.response,
      lastError: lastTry ? MSG.gaveUp(attempt, failure.message) : MSG.overtaken(failure.message),
    });
    return result(row, true);
  }

  /**
   * For a workflow whose send activity failed for good (e.g. the database was down through every
   * attempt): a message left 'sending' becomes 'unconfirmed' if it may have been handed to SMTP,
   * else 'failed'. Never sends.
   */
  async function abandonNotification(input: {
    businessKey: string;
    reason: string;
  }): Promise<SendNotificationResult | null> {
    const updated = await rows(
      `UPDATE notifications SET status = CASE WHEN handoff_at IS NULL THEN 'failed' ELSE 'unconfirmed' END,
         last_error = $2, updated_at = now()
       WHERE business_key = $1 AND status = 'sending' ${RETURNING}`,
      [input.businessKey, input.reason],
    );
    if (updated[0]) return result(updated[0], false);
    const found = await rows(
      'SELECT business_key, status, attempts, handoff_at, message_id, smtp_response, last_error, sent_at FROM notifications WHERE business_key = $1',
      [input.businessKey],
    );
    return found[0] ? result(found[0], false) : null;
  }

  return { sendNotification, abandonNotification };
}
