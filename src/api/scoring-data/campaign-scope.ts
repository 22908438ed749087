/**
 * Resolving /campaigns/:campaignId[/units/:unitCode] for the appraisal, explanation and results
 * routes, and the access rules they share.
 */
import { ConflictException, ForbiddenException, NotFoundException } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { formatLocalDateTime } from '../../domain/local-time.js';
import { type Campaign, Participation, Unit } from '../../entities/index.js';
import type { Actor } from '../auth/actor.js';
import type { UnitRef } from './scoring-inputs.js';

/** A participating unit of the campaign: 404 for an unknown unit or one not taking part. */
export async function findUnitRef(
  manager: EntityManager,
  campaign: Campaign,
  unitCode: string,
  options: { lock?: boolean } = {},
): Promise<UnitRef> {
  const unit = await manager.findOneBy(Unit, { code: unitCode });
  if (!unit) throw new NotFoundException(`No unit with code "${unitCode}".`);
  const participation = await manager.findOne(Participation, {
    where: { campaignId: campaign.id, unitId: unit.id },
    ...(options.lock ? { lock: { mode: 'pessimistic_write' as const } } : {}),
  });
  if (!participation) {
    throw new NotFoundException(
      `Unit ${unit.code} does not take part in campaign ${campaign.code}.`,
    );
  }
  return {
    participationId: participation.id,
    unitId: unit.id,
    unitCode: unit.code,
    unitName: unit.name,
    group: unit.group,
  };
}

/** A unit token acts only for its own unit: 403 otherwise. Staff pass (their roles are checked). */
export function assertOwnUnit(actor: Actor, unit: UnitRef): void {
  if (actor.role === 'unit' && actor.unitId !== unit.unitId) {
    throw new ForbiddenException(`This token acts for another unit, not for "${unit.unitCode}".`);
  }
}

const when = (campaign: Campaign, at: Date | null) =>
  at ? formatLocalDateTime(at, campaign.timeZone) : '';

/** 409 for a draft: appraisal and results belong to a launched campaign. */
export function assertLaunched(campaign: Campaign): void {
  if (campaign.status === 'draft') {
    throw new ConflictException(
      `Campaign ${campaign.code} is a draft: appraisal and results start after launch (POST /campaigns/${campaign.id}/launch).`,
    );
  }
}

/** 409 once the aggregation of round 2 fixed the appraised scores. */
export function assertScoresOpen(campaign: Campaign, what: string): void {
  if (campaign.scoresFixedAt) {
    throw new ConflictException(
      `The appraised scores of campaign ${campaign.code} were fixed on ${when(campaign, campaign.scoresFixedAt)} by ${campaign.scoresFixedBy ?? 'the secretariat'} (aggregation of round 2): ${what} is no longer possible; the council adjusts results with a recorded reason.`,
    );
  }
}

/** 409 once the Chairman's decision published the results. */
export function assertNotPublished(campaign: Campaign, what: string): void {
  if (campaign.resultsPublishedAt) {
    throw new ConflictException(
      `The results of campaign ${campaign.code} were announced on ${when(campaign, campaign.resultsPublishedAt)}: ${what} is no longer possible.`,
    );
  }
}

/**
 * A unit token reads its own unit's scores and results, and only once they are announced;
 * staff, appraisers and the council read every unit's (the roles decorator narrows further).
 */
export function assertMayReadUnit(actor: Actor, campaign: Campaign, unit: UnitRef): void {
  if (actor.role !== 'unit') return;
  if (actor.unitId !== unit.unitId) {
    throw new ForbiddenException(
      `This token acts for another unit: a unit reads only its own scores, not those of unit ${unit.unitCode}.`,
    );
  }
  if (!campaign.resultsPublishedAt) {
    throw new ForbiddenException(
      `The results of campaign ${campaign.code} are not announced yet: a unit reads its appraised scores once the Chairman's decision is recorded.`,
    );
  }
}
