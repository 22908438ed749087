/**
 * Writes a campaign plan (by default Vĩnh Long 2021) into the database, once.
 *
 * - Idempotent: when the campaign's code already exists nothing is changed.
 * - One transaction, serialised with a PostgreSQL advisory lock, so that an API and a worker
 *   starting together cannot both seed.
 * - Units and agencies are shared between campaigns and upserted by code: the seed's name (and
 *   group) win, but an e-mail address already set is kept, so placeholders never overwrite the
 *   real addresses an administrator entered.
 */
import { randomUUID } from 'node:crypto';
import type { DataSource, EntityManager } from 'typeorm';
import { endOfLocalDay, startOfLocalDay } from '../domain/plan-dates.js';
import {
  Agency,
  Campaign,
  CampaignStep,
  Criterion,
  IndexSet,
  Participation,
  Unit,
} from '../entities/index.js';
import { VINH_LONG_2021, type SeedCriterion, type SeedPlan } from './vinh-long-2021.js';
import { DEFAULTS } from '../config.js';
import { ensureSecretariatContacts } from '../loaders/recipients.js';

export interface SeedResult {
  /** false when the campaign already existed (then nothing was changed). */
  created: boolean;
  campaignId: string;
}

/** Key of the transaction-scoped advisory lock every seeding takes. */
const SEED_LOCK = 'par-index-campaign:seed';

async function takeSeedLock(manager: EntityManager): Promise<void> {
  await manager.query('SELECT pg_advisory_xact_lock(hashtext($1))', [SEED_LOCK]);
}

/** Seeds the Vĩnh Long 2021 campaign unless a campaign with its code exists. */
export function seedVinhLong2021(dataSource: DataSource): Promise<SeedResult> {
  return seedCampaignPlan(dataSource, VINH_LONG_2021);
}

/** Seeds `plan` unless a campaign with its code exists. */
export function seedCampaignPlan(dataSource: DataSource, plan: SeedPlan): Promise<SeedResult> {
  return dataSource.transaction(async (manager) => {
    await takeSeedLock(manager);
    const existing = await manager.findOne(Campaign, {
      where: { code: plan.campaign.code },
      select: { id: true },
    });
    if (existing) return { created: false, campaignId: existing.id };
    return { created: true, campaignId: await writePlan(manager, plan) };
  });
}

/**
 * For the first start: seeds Vĩnh Long 2021 only when there is no campaign at all. Returns null
 * when there was one (nothing changed).
 */
export function seedIfEmpty(dataSource: DataSource): Promise<SeedResult | null> {
  return dataSource.transaction(async (manager) => {
    await takeSeedLock(manager);
    if (await manager.exists(Campaign)) return null;
    return { created: true, campaignId: await writePlan(manager, VINH_LONG_2021) };
  });
}

async function writePlan(manager: EntityManager, plan: SeedPlan): Promise<string> {
  const { campaign: c, steps } = plan;
  // A database without secretariat contacts gets the default mailbox as its head (placeholder).
  await ensureSecretariatContacts(manager, DEFAULTS.secretariatEmails);
  const agencyIds = await upsertAgencies(manager, plan);
  const unitIds = await upsertUnits(manager, plan);

  const campaign = await manager.save(
    manager.create(Campaign, {
      code: c.code,
      province: c.province,
      year: c.year,
      name: c.name,
      timeZone: c.timeZone,
      decisionRefs: c.decisionRefs,
      status: 'draft',
    }),
  );

  await manager.insert(
    CampaignStep,
    steps.map((step) => ({
      campaignId: campaign.id,
      number: step.number,
      kind: step.kind,
      titleVi: step.titleVi,
      titleEn: step.titleEn,
      actor: step.actor,
      lead: step.lead,
      coordinating: step.coordinating,
      windowText: step.windowText,
      opensAt: step.start === null ? null : startOfLocalDay(step.start, c.timeZone),
      deadline: step.end === null ? null : endOfLocalDay(step.end, c.timeZone),
      startsAfterStep: step.startsAfterStep,
    })),
  );

  for (const set of plan.indexSets) {
    const indexSet = await manager.save(
      manager.create(IndexSet, {
        campaignId: campaign.id,
        group: set.group,
        name: set.name,
        illustrative: set.illustrative,
        source: set.source,
      }),
    );
    await insertCriteria(manager, indexSet.id, [...set.fields, ...set.adjustments], agencyIds);
  }

  if (plan.units.length === 0) return campaign.id;
  await manager.insert(
    Participation,
    plan.units.map((unit) => ({
      campaignId: campaign.id,
      unitId: lookup(unitIds, unit.code, 'unit'),
      status: 'registered' as const,
    })),
  );
  return campaign.id;
}

function lookup(ids: Map<string, string>, code: string, what: string): string {
  const id = ids.get(code);
  if (!id) throw new Error(`seed: no ${what} with code "${code}"`);
  return id;
}

/**
 * Inserts a criteria tree level by level (parents first). sort_order is the node's position in a
 * depth-first walk of the whole set, so ORDER BY sort_order lists the tree as written.
 */
async function insertCriteria(
  manager: EntityManager,
  indexSetId: string,
  roots: SeedCriterion[],
  agencyIds: Map<string, string>,
): Promise<void> {
  const byDepth: Partial<Criterion>[][] = [];
  let sortOrder = 0;
  const walk = (nodes: SeedCriterion[], parentId: string | null, depth: number): void => {
    for (const node of nodes) {
      const id = randomUUID();
      (byDepth[depth] ??= []).push({
        id,
        indexSetId,
        parentId,
        code: node.code,
        level: node.level,
        kind: node.kind,
        title: node.title,
        maxPoints: node.maxPoints,
        agencyId: lookup(agencyIds, node.agencyCode, 'agency'),
        evidenceRequired: node.evidenceRequired,
        guidance: node.guidance,
        sortOrder: ++sortOrder,
      });
      walk(node.children, id, depth + 1);
    }
  };
  walk(roots, null, 0);
  for (const rows of byDepth) if (rows.length) await manager.insert(Criterion, rows);
}

/** Builds "($1, $2), ($3, $4)" for rows of `width` parameters. */
function placeholders(rows: number, width: number): string {
  return Array.from(
    { length: rows },
    (_, r) => `(${Array.from({ length: width }, (_, i) => `$${r * width + i + 1}`).join(', ')})`,
  ).join(', ');
}

async function idsByCode(
  manager: EntityManager,
  table: string,
  codes: string[],
): Promise<Map<string, string>> {
  const rows = await manager.query<{ id: string; code: string }[]>(
    `SELECT id, code FROM "${table}" WHERE code = ANY($1)`,
    [codes],
  );
  return new Map(rows.map((row) => [row.code, row.id]));
}

async function upsertAgencies(
  manager: EntityManager,
  plan: SeedPlan,
): Promise<Map<string, string>> {
  const table = manager.getRepository(Agency).metadata.tableName;
  if (plan.agencies.length === 0) return new Map();
  await manager.query(
    `INSERT INTO "${table}" (code, name, email)
     VALUES ${placeholders(plan.agencies.length, 3)}
     ON CONFLICT (code) DO UPDATE
       SET name = EXCLUDED.name, email = COALESCE("${table}".email, EXCLUDED.email)
       WHERE ("${table}".name, "${table}".email) IS DISTINCT FROM
             (EXCLUDED.name, COALESCE("${table}".email, EXCLUDED.email))`,
    plan.agencies.flatMap((a) => [a.code, a.name, a.email]),
  );
  return idsByCode(
    manager,
    table,
    plan.agencies.map((a) => a.code),
  );
}

async function upsertUnits(manager: EntityManager, plan: SeedPlan): Promise<Map<string, string>> {
  const table = manager.getRepository(Unit).metadata.tableName;
  if (plan.units.length === 0) return new Map();
  await manager.query(
    `INSERT INTO "${table}" (code, name, group_code, focal_email, head_email)
     VALUES ${placeholders(plan.units.length, 5)}
     ON CONFLICT (code) DO UPDATE
       SET name = EXCLUDED.name,
           group_code = EXCLUDED.group_code,
           focal_email = COALESCE("${table}".focal_email, EXCLUDED.focal_email),
           head_email = COALESCE("${table}".head_email, EXCLUDED.head_email),
           updated_at = now()
       WHERE ("${table}".name, "${table}".group_code, "${table}".focal_email, "${table}".head_email)
             IS DISTINCT FROM
             (EXCLUDED.name, EXCLUDED.group_code,
              COALESCE("${table}".focal_email, EXCLUDED.focal_email),
              COALESCE("${table}".head_email, EXCLUDED.head_email))`,
    plan.units.flatMap((u) => [u.code, u.name, u.group, u.focalEmail, u.headEmail]),
  );
  return idsByCode(
    manager,
    table,
    plan.units.map((u) => u.code),
  );
}
