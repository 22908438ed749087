import { createHash } from 'node:crypto';

/** The domain of the sender's address ("… <cchc@snv.vinhlong.gov.vn>"), for Message-IDs. */
export function senderDomain(mailFrom: string): string {
  const match = /@([A-Za-z0-9.-]+)>?\s*$/.exec(mailFrom.trim());
  return match?.[1]?.toLowerCase() ?? 'par-index.invalid';
}

/**
 * The same Message-ID for every attempt at one business key: a mail server or client that
 * deduplicates by Message-ID drops a copy, and an 'unconfirmed' message can be looked up in the
 * SMTP server's logs by it.
 */
export function notificationMessageId(businessKey: string, mailFrom: string): string {
  const digest = createHash('sha256').update(businessKey).digest('hex').slice(0, 40);
  return `<par.${digest}@${senderDomain(mailFrom)}>`;
}
