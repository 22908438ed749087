import { ConflictException, NotFoundException } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { formatLocalDateTime } from '../../domain/local-time.js';
import type { CampaignStatus } from '../../domain/words.js';
import { Campaign } from '../../entities/index.js';
import { isUuid } from '../common/params.js';

/** A campaign's status as messages say it ("Chiến dịch X đang triển khai"). */
export const CAMPAIGN_STATUS_VI: Readonly<Record<CampaignStatus, string>> = {
  draft: 'còn là bản nháp',
  launched: 'đang triển khai',
  completed: 'đã hoàn thành',
};

/**
 * The campaign by its id (a UUID) or its code ("vinhlong-2021"), or 404 naming it. `lock` takes a
 * row lock for the rest of the transaction.
 */
export async function findCampaign(
  manager: EntityManager,
  ref: string,
  options: { lock?: boolean } = {},
): Promise<Campaign> {
  const campaign = await manager.findOne(Campaign, {
    where: isUuid(ref) ? { id: ref } : { code: ref },
    ...(options.lock ? { lock: { mode: 'pessimistic_write' as const } } : {}),
  });
  if (!campaign)
    throw new NotFoundException(
      `Không có chiến dịch «${ref}» (hãy gửi id hoặc mã của chiến dịch).`,
    );
  return campaign;
}

/**
 * 409 unless the campaign is still a draft: `what` is what the caller tried to change, in
 * Vietnamese ("danh sách đơn vị tham gia").
 */
export function assertNotLaunched(campaign: Campaign, what: string): void {
  if (campaign.status === 'draft') return;
  const when = campaign.launchedAt
    ? ` lúc ${formatLocalDateTime(campaign.launchedAt, campaign.timeZone)}`
    : '';
  throw new ConflictException(
    `Chiến dịch ${campaign.code} ${CAMPAIGN_STATUS_VI[campaign.status]} (triển khai${when}, quy trình ${campaign.workflowId ?? 'không rõ'}): ${what} chỉ thay đổi được trước khi triển khai. Hạn của chiến dịch đang triển khai được điều chỉnh qua quy trình của chiến dịch, không sửa trực tiếp trong kế hoạch.`,
  );
}
