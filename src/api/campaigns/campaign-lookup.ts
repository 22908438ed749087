import { ConflictException, NotFoundException } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { formatLocalDateTime } from '../../domain/local-time.js';
import { Campaign } from '../../entities/index.js';
import { isUuid } from '../common/params.js';

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
  if (!campaign) throw new NotFoundException(`No campaign "${ref}" (give its id or its code).`);
  return campaign;
}

/** 409 unless the campaign is still a draft: `what` is what the caller tried to change, in Vietnamese. */
export function assertNotLaunched(campaign: Campaign, what: string): void {
  if (campaign.status === 'draft') return;
  const when = campaign.launchedAt
    ? ` lúc ${formatLocalDateTime(campaign.launchedAt, campaign.timeZone)}`
    : '';
  throw new ConflictException(
    `Chiến dịch ${campaign.code} ${campaign.status === 'completed' ? 'đã kết thúc' : 'đã được khởi động'} (khởi động${when}, quy trình ${campaign.workflowId ?? 'không rõ'}): chỉ được thay đổi ${what} trước khi khởi động. Hạn của chiến dịch đã khởi động được điều chỉnh qua quy trình của chiến dịch, không phải bằng cách sửa kế hoạch.`,
  );
}
