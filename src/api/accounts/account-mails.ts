import type { Transporter } from 'nodemailer';
import type { DataSource, EntityManager } from 'typeorm';
import { createNotificationSender } from '../../activities/notifications/send-notification.js';
import { type MailDocument, renderMail } from '../../activities/mail/templates/index.js';
import { DEFAULT_SENDER } from '../../activities/mail/templates/common.js';
import { formatLocalDateTime } from '../../domain/local-time.js';
import { ROLE_NAMES_VI, type Role } from '../../domain/words.js';
import type { Account, PasswordLinkPurpose } from '../../entities/index.js';
import { actsFor } from './account-scope.js';
import { createPasswordLink, setPasswordUrl } from './password-links.js';

/** The province's zone: these mails belong to no campaign, so they use the service's own. */
const ZONE = 'Asia/Ho_Chi_Minh';

export interface PasswordMail {
  purpose: PasswordLinkPurpose;
  to: string;
  fullName: string;
  role: Role;
  /** The unit or agency the account acts for, as people call it. */
  actsFor: string | null;
  link: string;
  expiresAt: Date;
}

/** An invitation, or a reset link: same facts, one link, its expiry in local time. */
export function passwordMailDocument(mail: PasswordMail): MailDocument {
  const until = `${formatLocalDateTime(mail.expiresAt, ZONE)} (giờ Việt Nam)`;
  const invitation = mail.purpose === 'invitation';
  return {
    subject: invitation
      ? '[Chỉ số CCHC] Mời sử dụng hệ thống chấm điểm Chỉ số CCHC'
      : '[Chỉ số CCHC] Đặt lại mật khẩu',
    to: mail.fullName,
    blocks: [
      {
        kind: 'paragraph',
        text: invitation
          ? 'Quý vị được mời sử dụng hệ thống chấm điểm Chỉ số cải cách hành chính (Chỉ số CCHC) của tỉnh. Để bắt đầu, vui lòng đặt mật khẩu cho tài khoản của mình theo liên kết dưới đây.'
          : 'Hệ thống nhận được yêu cầu đặt lại mật khẩu cho tài khoản của Quý vị. Nếu Quý vị không yêu cầu, vui lòng bỏ qua thư này; mật khẩu hiện tại vẫn giữ nguyên.',
      },
      {
        kind: 'facts',
        rows: [
          ['Tài khoản (e-mail)', mail.to],
          ['Vai trò', ROLE_NAMES_VI[mail.role]],
          ...(mail.actsFor ? ([['Thuộc', mail.actsFor]] as const) : []),
          ['Liên kết dùng được đến', until],
        ],
      },
      { kind: 'link', label: 'Đặt mật khẩu', url: mail.link },
      {
        kind: 'paragraph',
        text: 'Liên kết chỉ dùng được một lần. Mật khẩu cần có ít nhất 10 ký tự. Không chuyển tiếp thư này cho người khác.',
      },
    ],
    signature: DEFAULT_SENDER,
  };
}

/** The mail could not be handed to SMTP: the caller answers 503 and changes nothing. */
export class PasswordMailNotSent extends Error {}

/**
 * Sends it through the notification log like every other mail: one row per link (its business
 * key), a stable Message-ID, never sent twice. The row keeps the subject and the recipient, never
 * the link. Returns the Message-ID, for the audit log.
 */
export async function sendPasswordMail(
  dataSource: DataSource,
  transport: Transporter,
  mailFrom: string,
  mail: PasswordMail & { accountId: string; linkId: string },
): Promise<string> {
  const rendered = renderMail(passwordMailDocument(mail));
  const kind = mail.purpose === 'invitation' ? 'account_invitation' : 'password_reset';
  let result;
  try {
    result = await createNotificationSender({ dataSource, transport, mailFrom }).sendNotification({
      campaignId: null,
      businessKey: `account:${mail.accountId}/${kind}/${mail.linkId}`,
      kind,
      stepNumber: null,
      audience: 'person',
      to: [mail.to],
      subject: rendered.subject,
      text: rendered.text,
      html: rendered.html,
      scheduledFor: new Date().toISOString(),
    });
  } catch (err) {
    // A temporary SMTP failure is thrown for a retry: here the person retries.
    throw new PasswordMailNotSent(err instanceof Error ? err.message : String(err));
  }
  if (result.status !== 'sent') {
    throw new PasswordMailNotSent(`${result.status}: ${result.lastError ?? result.smtpResponse}`);
  }
  return result.messageId ?? '';
}

/**
 * A new one-time link for the account (an invitation or a reset), mailed to it; returns the
 * Message-ID. The link is written with `manager`, so it goes with the caller's transaction.
 */
export async function mailPasswordLink(
  manager: EntityManager,
  transport: Transporter,
  config: { mailFrom: string; publicUrl: string },
  account: Account,
  purpose: PasswordLinkPurpose,
): Promise<string> {
  const { id, token, expiresAt } = await createPasswordLink(manager, account.id, purpose);
  return sendPasswordMail(manager.connection, transport, config.mailFrom, {
    accountId: account.id,
    linkId: id,
    purpose,
    to: account.email,
    fullName: account.fullName,
    role: account.role,
    actsFor: actsFor(account),
    link: setPasswordUrl(config.publicUrl, token),
    expiresAt,
  });
}
