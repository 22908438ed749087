/** Words and numbers of the unit's pages, as Vietnamese officials write them. */
import { formatInstant } from '../results/format';

export { formatInstant };

const TIME = new Intl.DateTimeFormat('en-GB', {
  timeZone: 'Asia/Ho_Chi_Minh',
  hour: '2-digit',
  minute: '2-digit',
  hourCycle: 'h23',
});

/** "14:05" in Việt Nam's time. */
export function formatTime(iso: string): string {
  return TIME.format(new Date(iso));
}

/** "1,5" for 1.5: points with a decimal comma. */
export function formatPoints(points: number): string {
  return String(points).replace('.', ',');
}

/** "2,4 MB" */
export function formatSize(bytes: number): string {
  if (bytes < 1024) return `${bytes} byte`;
  if (bytes < 1024 * 1024) return `${formatPoints(Math.round(bytes / 102.4) / 10)} KB`;
  return `${formatPoints(Math.round(bytes / (1024 * 102.4)) / 10)} MB`;
}

/** A participation's status (src/domain/words.ts UNIT_STATUSES) in Vietnamese. */
export const UNIT_STATUS_LABELS: Record<string, string> = {
  registered: 'Chưa nộp tự đánh giá',
  submitted: 'Đã nộp đúng hạn',
  late: 'Đã nộp muộn',
  missing: 'Không nộp',
  explanation_requested: 'Được đề nghị giải trình',
  explained: 'Đã giải trình',
  explanation_missing: 'Không giải trình',
  completed: 'Đã công bố kết quả',
};

export const unitStatusLabel = (status: string) => UNIT_STATUS_LABELS[status] ?? status;

export const CAMPAIGN_STATUS_LABELS: Record<string, string> = {
  draft: 'Đang chuẩn bị',
  launched: 'Đang triển khai',
  completed: 'Đã kết thúc',
};

/** How many points a leaf is worth, by its kind. */
export function maxPointsText(kind: string, maxPoints: number): string {
  if (kind === 'penalty') return `trừ tối đa ${formatPoints(maxPoints)} điểm`;
  if (kind === 'bonus') return `thưởng tối đa ${formatPoints(maxPoints)} điểm`;
  return `tối đa ${formatPoints(maxPoints)} điểm`;
}
