/**
 * Who the campaign-wide mails go to, read from PostgreSQL at each wave (never once at the worker's
 * start), so a contact the secretariat corrects counts from the next mail on.
 */
import type { EntityManager } from 'typeorm';
import { DEFAULTS } from '../config.js';
import { CouncilMember, SecretariatContact } from '../entities/index.js';

export interface Mailbox {
  /** How the mail addresses it. */
  name: string;
  emails: string[];
}

export interface SecretariatRecipients extends Mailbox {
  /** The active head(s) of the secretariat: escalations go to them (or copy them). */
  head: Mailbox;
}

export const SECRETARIAT_NAME = 'Tổ thư ký Hội đồng thẩm định Chỉ số CCHC';
const SECRETARIAT_HEAD_NAME = 'Tổ trưởng Tổ thư ký Hội đồng thẩm định Chỉ số CCHC';
export const COUNCIL_NAME = 'Hội đồng thẩm định Chỉ số CCHC';

/**
 * The secretariat's active contacts (digests, delivery reports) and its head (escalations). With
 * no head marked, every active contact stands for the head, so no escalation goes nowhere.
 */
export async function secretariatRecipients(
  manager: EntityManager,
): Promise<SecretariatRecipients> {
  const contacts = await manager.find(SecretariatContact, {
    where: { active: true },
    order: { isHead: 'DESC', name: 'ASC' },
  });
  const emails = contacts.map((c) => c.email);
  const heads = contacts.filter((c) => c.isHead);
  const head = heads[0];
  return {
    name: SECRETARIAT_NAME,
    emails,
    head: {
      name: head
        ? `${head.title ?? 'Tổ trưởng Tổ thư ký'} ${head.name}`.trim()
        : SECRETARIAT_HEAD_NAME,
      emails: heads.length > 0 ? heads.map((c) => c.email) : emails,
    },
  };
}

/**
 * The council's addresses for a campaign: its members with an address, as the establishment
 * decision lists them (council_members, chair first). Until the secretariat has entered them
 * (before step 1 ends), the process setting COUNCIL_EMAILS stands in, so no council mail goes
 * nowhere.
 */
export async function councilRecipients(
  manager: EntityManager,
  campaignId: string,
  configured: readonly string[] = DEFAULTS.councilEmails,
): Promise<Mailbox> {
  const members = await manager.find(CouncilMember, {
    where: { campaignId },
    order: { sortOrder: 'ASC' },
  });
  const emails = [
    ...new Set(members.flatMap((m) => (m.email ? [m.email.trim().toLowerCase()] : []))),
  ];
  return { name: COUNCIL_NAME, emails: emails.length > 0 ? emails : [...configured] };
}

/**
 * On first start, or in a fresh database: the secretariat's contacts from the configured addresses
 * (SECRETARIAT_EMAILS), the first as head, when the table has no contact at all. Afterwards the
 * data alone counts. Call it inside a transaction (the lock is the transaction's). Returns how
 * many were added.
 */
export async function ensureSecretariatContacts(
  tx: EntityManager,
  emails: readonly string[],
): Promise<number> {
  await tx.query("SELECT pg_advisory_xact_lock(hashtext('par:secretariat-contacts'))");
  if ((await tx.count(SecretariatContact)) > 0) return 0;
  const unique = [...new Set(emails.map((e) => e.trim().toLowerCase()).filter(Boolean))];
  await tx.save(
    unique.map((email, i) =>
      tx.create(SecretariatContact, {
        name: SECRETARIAT_NAME,
        title: i === 0 ? 'Tổ trưởng Tổ thư ký' : null,
        email,
        phone: null,
        isHead: i === 0,
        active: true,
      }),
    ),
  );
  return unique.length;
}
