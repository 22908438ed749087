/**
 * Resolving /campaigns/:campaignId[/units/:unitCode] for the appraisal, explanation and results
 * routes, and the access rules they share.
 */
import { ConflictException, ForbiddenException, NotFoundException } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { formatLocalDateTime } from '../../domain/local-time.js';
import { ROLE_NAMES_VI } from '../../domain/words.js';
import { type Campaign, Participation, Unit } from '../../entities/index.js';
import type { Actor } from '../auth/actor.js';
import type { UnitRef } from './scoring-inputs.js';

/**
 * A participating unit of the campaign: 404 for an unknown unit or one not taking part. With
 * `lock` (the writes: appraisals, explanations, extensions), 409 for a unit that left the
 * campaign by an amending decision: its data stays readable, nothing more is written for it.
 */
export async function findUnitRef(
  manager: EntityManager,
  campaign: Campaign,
  unitCode: string,
  options: { lock?: boolean } = {},
): Promise<UnitRef> {
  const unit = await manager.findOneBy(Unit, { code: unitCode });
  if (!unit) throw new NotFoundException(`Không có đơn vị mã «${unitCode}».`);
  const participation = await manager.findOne(Participation, {
    where: { campaignId: campaign.id, unitId: unit.id },
    ...(options.lock ? { lock: { mode: 'pessimistic_write' as const } } : {}),
  });
  if (!participation) {
    throw new NotFoundException(`Đơn vị ${unit.code} không tham gia chiến dịch ${campaign.code}.`);
  }
  if (options.lock && participation.leftAt) {
    throw new ConflictException(
      `Đơn vị ${unit.code} đã rút khỏi chiến dịch ${campaign.code} lúc ${when(campaign, participation.leftAt)} theo quyết định sửa đổi, bổ sung kế hoạch: dữ liệu của đơn vị chỉ còn để xem.`,
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
    throw new ForbiddenException(
      `Mã truy cập này thuộc một đơn vị khác, không phải đơn vị «${unit.unitCode}».`,
    );
  }
}

const when = (campaign: Campaign, at: Date | null) =>
  at ? formatLocalDateTime(at, campaign.timeZone) : '';

/** 409 for a draft: appraisal and results belong to a launched campaign. */
export function assertLaunched(campaign: Campaign): void {
  if (campaign.status === 'draft') {
    throw new ConflictException(
      `Chiến dịch ${campaign.code} còn là bản nháp: thẩm định và kết quả chỉ bắt đầu sau khi triển khai (POST /campaigns/${campaign.id}/launch).`,
    );
  }
}

/**
 * 409 once the aggregation of round 2 fixed the appraised scores. `what` (here and in
 * assertNotPublished) is the refused action in Vietnamese: "không thể ${what} nữa".
 */
export function assertScoresOpen(campaign: Campaign, what: string): void {
  if (campaign.scoresFixedAt) {
    throw new ConflictException(
      `Điểm thẩm định của chiến dịch ${campaign.code} đã được chốt lúc ${when(campaign, campaign.scoresFixedAt)} (người chốt: ${campaign.scoresFixedBy ?? ROLE_NAMES_VI.secretariat}, bước tổng hợp lần 2): không thể ${what} nữa; Hội đồng thẩm định điều chỉnh kết quả kèm lý do được ghi nhận.`,
    );
  }
}

/** 409 once the Chairman's decision published the results. */
export function assertNotPublished(campaign: Campaign, what: string): void {
  if (campaign.resultsPublishedAt) {
    throw new ConflictException(
      `Kết quả chiến dịch ${campaign.code} đã được công bố lúc ${when(campaign, campaign.resultsPublishedAt)}: không thể ${what} nữa.`,
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
      `Mã truy cập này thuộc một đơn vị khác: đơn vị chỉ xem được điểm của chính mình, không xem được điểm của đơn vị ${unit.unitCode}.`,
    );
  }
  if (!campaign.resultsPublishedAt) {
    throw new ForbiddenException(
      `Kết quả chiến dịch ${campaign.code} chưa được công bố: đơn vị xem được điểm thẩm định sau khi quyết định của Chủ tịch UBND tỉnh được ghi nhận.`,
    );
  }
}
