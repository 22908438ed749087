/**
 * What one unit may keep in one campaign (EVIDENCE_QUOTA_MB, EVIDENCE_MAX_FILES), so that a unit
 * cannot fill the disk. Checked twice: before the body is read (from what is stored already, and
 * by capping the upload's size at what is left), and in the transaction that records the file,
 * with the participation row locked, so two uploads at once cannot both take the last place.
 * A refused upload leaves what is stored as it was.
 */
import type { EntityManager } from 'typeorm';
import { EvidenceFile } from '../../entities/index.js';
import { ApiError } from '../common/api-error.js';
import { formatBytes } from './format-bytes.js';

export interface EvidenceQuota {
  maxBytes: number;
  maxFiles: number;
}

export interface EvidenceUsage {
  bytes: number;
  files: number;
}

/** The unit's files in the campaign: their count and total size. */
export async function evidenceUsage(
  manager: EntityManager,
  participationId: string,
): Promise<EvidenceUsage> {
  const row = await manager
    .createQueryBuilder(EvidenceFile, 'f')
    .select('COUNT(*)::int', 'files')
    .addSelect('COALESCE(SUM(f.size_bytes), 0)::bigint', 'bytes')
    .where('f.participation_id = :participationId', { participationId })
    .getRawOne<{ files: number; bytes: string }>();
  return { files: row?.files ?? 0, bytes: Number(row?.bytes ?? 0) };
}

interface Who {
  unitCode: string;
  campaignCode: string;
}

/** 409: the unit keeps as many files as it may. */
function tooManyFiles(who: Who, usage: EvidenceUsage, quota: EvidenceQuota): ApiError {
  return new ApiError(
    409,
    'quota_exceeded',
    `Đơn vị ${who.unitCode} đã có ${usage.files}/${quota.maxFiles} tệp tài liệu kiểm chứng trong đợt ${who.campaignCode}, đạt số tệp tối đa (EVIDENCE_MAX_FILES): không nhận thêm tệp. Các tệp đã lưu được giữ nguyên.`,
  );
}

/** 413: the file (or any file, when `fileBytes` is unknown) does not fit in what is left. */
export function quotaBytesExceeded(
  who: Who,
  usage: EvidenceUsage,
  quota: EvidenceQuota,
  file?: { name: string; bytes?: number },
): ApiError {
  const used = `đã dùng ${formatBytes(usage.bytes)}/${formatBytes(quota.maxBytes)}`;
  const left = formatBytes(Math.max(0, quota.maxBytes - usage.bytes));
  const what = !file
    ? 'không còn dung lượng cho tệp mới'
    : file.bytes === undefined
      ? `tệp «${file.name}» lớn hơn phần còn lại (${left})`
      : `tệp «${file.name}» (${formatBytes(file.bytes)}) lớn hơn phần còn lại (${left})`;
  return new ApiError(
    413,
    'quota_exceeded',
    `Đơn vị ${who.unitCode} ${used} dung lượng tài liệu kiểm chứng trong đợt ${who.campaignCode} (EVIDENCE_QUOTA_MB): ${what}. Các tệp đã lưu được giữ nguyên.`,
  );
}

/**
 * Before the body is read: refuses when no file can be added; otherwise the largest size the
 * upload may have (the smaller of the per-file limit and what is left of the quota).
 */
export function uploadAllowance(
  who: Who,
  usage: EvidenceUsage,
  quota: EvidenceQuota,
  maxFileBytes: number,
): { maxBytes: number; quotaCaps: boolean } {
  if (usage.files >= quota.maxFiles) throw tooManyFiles(who, usage, quota);
  const left = quota.maxBytes - usage.bytes;
  if (left <= 0) throw quotaBytesExceeded(who, usage, quota);
  return { maxBytes: Math.min(maxFileBytes, left), quotaCaps: left < maxFileBytes };
}

/** In the recording transaction: the file must still fit. */
export function assertFits(
  who: Who,
  usage: EvidenceUsage,
  quota: EvidenceQuota,
  file: { name: string; bytes: number },
): void {
  if (usage.files >= quota.maxFiles) throw tooManyFiles(who, usage, quota);
  if (usage.bytes + file.bytes > quota.maxBytes) {
    throw quotaBytesExceeded(who, usage, quota, file);
  }
}
