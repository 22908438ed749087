import { createHash } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { access, open, rename } from 'node:fs/promises';
import path from 'node:path';
import type { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import {
  BadRequestException,
  Inject,
  Injectable,
  InternalServerErrorException,
  Logger,
  NotFoundException,
  UnprocessableEntityException,
  UnsupportedMediaTypeException,
} from '@nestjs/common';
import { DataSource, In } from 'typeorm';
import type { AppConfig } from '../../config.js';
import {
  CONTENT_HEAD_BYTES,
  checkContent,
  checkDeclaredType,
  cleanUploadedFileName,
  extensionOf,
} from '../../domain/evidence-file-types.js';
import { checkContainer, isCheckedContainer } from '../../domain/evidence-containers.js';
import { ApiError } from '../common/api-error.js';
import { readZipContents } from './zip-entries.js';
import { ClamdUnavailableError, type ScanResult, scanWithClamd } from './clamd-scan.js';
import { Criterion, EvidenceFile, Participation } from '../../entities/index.js';
import type { Actor } from '../auth/actor.js';
import { AuditService } from '../audit/audit.service.js';
import { APP_CONFIG } from '../tokens.js';
import { type UnitScope, UnitScopeService } from '../self-assessments/unit-scope.service.js';
import { whyNotScored } from '../scoring-data/index-tree.js';
import { isUuid } from '../common/params.js';
import type { EvidenceView } from './evidence.dto.js';
import { type HashedUpload, removeIfPresent } from './hashing-disk-storage.js';
import {
  assertFits,
  type EvidenceQuota,
  type EvidenceUsage,
  evidenceUsage,
  quotaBytesExceeded,
  uploadAllowance,
} from './evidence-quota.js';

/** A unit's evidence folder, resolved before any byte of an upload is stored. */
export interface UploadScope extends UnitScope {
  /** Absolute folder <dataDir>/evidence/<campaignId>/<unitCode>. */
  directory: string;
  /** The same, relative to the evidence root (as stored in storage_path). */
  relativeDirectory: string;
}

/** Multipart text fields an upload may carry besides the file. */
const UPLOAD_FIELDS = ['criterionCode'];

/** A unit code as one safe path segment (codes are short ASCII, but imports may bring others). */
function pathSegment(code: string): string {
  return /^[A-Za-z0-9_-][A-Za-z0-9._-]*$/.test(code)
    ? code
    : encodeURIComponent(code).replace(/\./g, '%2E');
}

const exists = (file: string) =>
  access(file).then(
    () => true,
    () => false,
  );

async function sha256Of(file: string): Promise<string> {
  const hash = createHash('sha256');
  await pipeline(createReadStream(file), hash);
  return hash.digest('hex');
}

export async function readHead(file: string, bytes: number): Promise<Uint8Array> {
  const handle = await open(file, 'r');
  try {
    const buffer = Buffer.alloc(bytes);
    const { bytesRead } = await handle.read(buffer, 0, bytes, 0);
    return buffer.subarray(0, bytesRead);
  } finally {
    await handle.close();
  }
}

/** 415 file_rejected for a .docx/.xlsx/.odt/.ods whose ZIP does not hold that document. */
export async function assertContainerHolds(fileName: string, file: string): Promise<void> {
  const extension = extensionOf(fileName);
  if (!isCheckedContainer(extension)) return;
  const zip = await readZipContents(file);
  const check = checkContainer(fileName, extension, zip?.names ?? null, zip?.mimetype ?? null);
  if (!check.ok) throw new ApiError(415, 'file_rejected', check.problem);
}

/**
 * Evidence files (tài liệu kiểm chứng): stored on disk under
 * <dataDir>/evidence/<campaignId>/<unitCode>/<sha256>, described in evidence_files. A file is
 * written to a temporary name in that folder while its digest is computed, checked, then renamed:
 * a refused upload leaves neither a file nor a row.
 */
@Injectable()
export class EvidenceService {
  private readonly root: string;
  private readonly logger = new Logger(EvidenceService.name);

  constructor(
    private readonly dataSource: DataSource,
    private readonly scopes: UnitScopeService,
    private readonly audit: AuditService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {
    this.root = path.resolve(config.dataDir, 'evidence');
  }

  get maxBytes(): number {
    return this.config.evidenceMaxBytes;
  }

  private get quota(): EvidenceQuota {
    return { maxBytes: this.config.evidenceQuotaBytes, maxFiles: this.config.evidenceMaxFiles };
  }

  private who(scope: UnitScope) {
    return { unitCode: scope.unit.code, campaignCode: scope.campaign.code };
  }

  /** Before the body is read: 409/413 when the unit's quota is full, else the size cap. */
  async uploadAllowance(scope: UploadScope) {
    const usage = await evidenceUsage(this.dataSource.manager, scope.participation.id);
    return {
      usage,
      allowance: uploadAllowance(this.who(scope), usage, this.quota, this.maxBytes),
    };
  }

  /** 413 for a file cut off because it did not fit in what is left of the quota. */
  overQuota(scope: UploadScope, usage: EvidenceUsage, fileName: string): Error {
    return quotaBytesExceeded(this.who(scope), usage, this.quota, { name: fileName });
  }

  /** Resolves and checks where an upload goes (404/403 before the body is read). */
  async uploadScope(actor: Actor, campaignRef: string, unitCode: string): Promise<UploadScope> {
    const scope = await this.scopes.resolve(actor, campaignRef, unitCode, 'write');
    const relativeDirectory = path.join(scope.campaign.id, pathSegment(scope.unit.code));
    return { ...scope, relativeDirectory, directory: path.join(this.root, relativeDirectory) };
  }

  /**
   * Accepts a file multer stored in the unit's folder under a temporary name: checks it, renames
   * it to its sha256 and records it with the audit entry. Whatever happens, the temporary file is
   * gone afterwards.
   */
  async completeUpload(
    actor: Actor,
    scope: UploadScope,
    file: HashedUpload | undefined,
    fields: Record<string, unknown>,
  ): Promise<EvidenceView> {
    try {
      return await this.acceptUpload(actor, scope, file, fields);
    } finally {
      await removeIfPresent(file?.path);
    }
  }

  /**
   * With CLAMD_URL set, every file is scanned before it is stored: 422 file_rejected naming the
   * signature when clamd finds one; 503 when clamd cannot scan it (never stored unscanned).
   */
  private async assertClean(fileName: string, file: string): Promise<void> {
    const { clamdUrl, clamdTimeoutMs } = this.config;
    if (!clamdUrl) return;
    let result: ScanResult;
    try {
      result = await scanWithClamd(clamdUrl, file, clamdTimeoutMs);
    } catch (err) {
      if (!(err instanceof ClamdUnavailableError)) throw err;
      this.logger.warn(`Evidence upload refused, not scanned: ${err.message}`);
      throw new ApiError(
        503,
        'service_unavailable',
        `Chưa lưu tệp «${fileName}»: máy quét virus (clamd, CLAMD_URL) tạm thời không quét được tệp. Vui lòng gửi lại sau ít phút.`,
      );
    }
    if (result.infected) {
      throw new ApiError(
        422,
        'file_rejected',
        `Tệp «${fileName}» bị từ chối: máy quét virus phát hiện mã độc «${result.signature}». Tệp không được lưu.`,
      );
    }
  }

  private async acceptUpload(
    actor: Actor,
    scope: UploadScope,
    file: HashedUpload | undefined,
    fields: Record<string, unknown>,
  ): Promise<EvidenceView> {
    const unexpected = Object.keys(fields).filter((name) => !UPLOAD_FIELDS.includes(name));
    if (unexpected.length > 0) {
      throw new BadRequestException(
        `Biểu mẫu có trường không hợp lệ ${unexpected.map((n) => `"${n}"`).join(', ')}: khi tải lên chỉ gửi tệp trong trường "file" và, nếu cần, "criterionCode".`,
      );
    }
    if (!file) {
      throw new BadRequestException(
        'Chưa có tệp: hãy gửi tệp dưới dạng multipart/form-data trong trường "file" (curl -F "file=@report.pdf").',
      );
    }
    const rawCode = fields.criterionCode;
    if (rawCode !== undefined && (typeof rawCode !== 'string' || !rawCode.trim())) {
      throw new BadRequestException(
        'Mã tiêu chí (criterionCode) phải là một giá trị văn bản duy nhất, không để trống.',
      );
    }
    const criterionCode = typeof rawCode === 'string' ? rawCode.trim() : null;
    const fileName = cleanUploadedFileName(file.originalname);
    if (!fileName) throw new BadRequestException('Tệp không có tên.');
    if (file.size === 0) throw new BadRequestException(`Tệp «${fileName}» rỗng.`);

    const declared = checkDeclaredType(fileName, file.mimetype);
    if (!declared.ok) throw new UnsupportedMediaTypeException(declared.problem);
    const content = checkContent(fileName, await readHead(file.path, CONTENT_HEAD_BYTES));
    if (!content.ok) throw new UnsupportedMediaTypeException(content.problem);
    await assertContainerHolds(fileName, file.path);
    await this.assertClean(fileName, file.path);

    let criterionId: string | null = null;
    if (criterionCode !== null) {
      const tree = await this.scopes.indexTree(scope);
      const why = whyNotScored(tree, criterionCode, 'unit');
      if (why) throw new UnprocessableEntityException(`${why}.`);
      criterionId = tree.byCode.get(criterionCode)!.id;
    }

    const storagePath = path.join(scope.relativeDirectory, file.sha256);
    const finalPath = path.join(this.root, storagePath);
    // The same content uploaded again shares its bytes; keep them if a record already uses them.
    let existed = true;
    try {
      return await this.dataSource.transaction(async (manager) => {
        // Locked: uploads of the same unit are counted one after another against its quota.
        await manager.findOne(Participation, {
          where: { id: scope.participation.id },
          lock: { mode: 'pessimistic_write' },
        });
        assertFits(
          this.who(scope),
          await evidenceUsage(manager, scope.participation.id),
          this.quota,
          { name: fileName, bytes: file.size },
        );
        existed = await exists(finalPath);
        await rename(file.path, finalPath);
        const saved = await manager.save(
          manager.create(EvidenceFile, {
            participationId: scope.participation.id,
            criterionId,
            fileName,
            mimeType: content.mime,
            sizeBytes: file.size,
            sha256: file.sha256,
            storagePath: storagePath.split(path.sep).join('/'),
            uploadedBy: actor.name,
          }),
        );
        await this.audit.record(
          actor,
          {
            action: 'evidence.upload',
            entityType: 'evidence_file',
            entityId: saved.id,
            details: {
              campaignId: scope.campaign.id,
              campaignCode: scope.campaign.code,
              unitCode: scope.unit.code,
              fileName,
              sizeBytes: file.size,
              sha256: file.sha256,
              criterionCode,
              onBehalfOfUnit: scope.onBehalf,
            },
          },
          manager,
        );
        return this.toView(saved, scope.campaign.id, scope.unit.code, criterionCode);
      });
    } catch (err) {
      if (!existed) await removeIfPresent(finalPath).catch(() => undefined);
      throw err;
    }
  }

  async list(actor: Actor, campaignRef: string, unitCode: string): Promise<EvidenceView[]> {
    const scope = await this.scopes.resolve(actor, campaignRef, unitCode, 'read');
    const files = await this.dataSource.manager.find(EvidenceFile, {
      where: { participationId: scope.participation.id },
      order: { uploadedAt: 'ASC', id: 'ASC' },
    });
    const codes = await this.criterionCodes(files);
    return files.map((file) =>
      this.toView(
        file,
        scope.campaign.id,
        scope.unit.code,
        codes.get(file.criterionId ?? '') ?? null,
      ),
    );
  }

  async get(actor: Actor, id: string): Promise<EvidenceView> {
    const { file, participation } = await this.find(actor, id);
    const codes = await this.criterionCodes([file]);
    return this.toView(
      file,
      participation.campaignId,
      participation.unit!.code,
      codes.get(file.criterionId ?? '') ?? null,
    );
  }

  /** The file's record and its bytes, after checking they are still those uploaded. */
  async openForDownload(
    actor: Actor,
    id: string,
  ): Promise<{ file: EvidenceFile; stream: Readable }> {
    const { file } = await this.find(actor, id);
    const location = path.resolve(this.root, file.storagePath);
    if (!location.startsWith(this.root + path.sep)) {
      throw new InternalServerErrorException(
        `Tệp tài liệu kiểm chứng ${file.id} có đường dẫn lưu trữ nằm ngoài thư mục tài liệu kiểm chứng; không thể tải về.`,
      );
    }
    let actual: string;
    try {
      actual = await sha256Of(location);
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code === 'ENOENT') {
        throw new InternalServerErrorException(
          `Tệp tài liệu kiểm chứng ${file.id} («${file.fileName}») không còn trong kho lưu trữ (${file.storagePath} trong thư mục tài liệu kiểm chứng); cần khôi phục từ bản sao lưu.`,
        );
      }
      throw err;
    }
    if (actual !== file.sha256) {
      throw new InternalServerErrorException(
        `Tệp tài liệu kiểm chứng ${file.id} («${file.fileName}») đã bị thay đổi trên đĩa: SHA-256 hiện là ${actual}, không phải ${file.sha256} như khi tải lên; cần khôi phục từ bản sao lưu.`,
      );
    }
    return { file, stream: createReadStream(location) };
  }

  private async find(
    actor: Actor,
    id: string,
  ): Promise<{ file: EvidenceFile; participation: Participation }> {
    const file = isUuid(id) ? await this.dataSource.manager.findOneBy(EvidenceFile, { id }) : null;
    if (!file)
      throw new NotFoundException(
        `Không tìm thấy tệp tài liệu kiểm chứng có mã định danh «${id}».`,
      );
    const participation = await this.dataSource.manager.findOneOrFail(Participation, {
      where: { id: file.participationId },
      relations: { unit: true },
    });
    this.scopes.checkAccess(actor, participation.unit!, 'read');
    return { file, participation };
  }

  private async criterionCodes(files: EvidenceFile[]): Promise<Map<string, string>> {
    const ids = [...new Set(files.flatMap((f) => (f.criterionId ? [f.criterionId] : [])))];
    if (ids.length === 0) return new Map();
    const criteria = await this.dataSource.manager.find(Criterion, {
      where: { id: In(ids) },
      select: { id: true, code: true },
    });
    return new Map(criteria.map((c) => [c.id, c.code]));
  }

  private toView(
    file: EvidenceFile,
    campaignId: string,
    unitCode: string,
    criterionCode: string | null,
  ): EvidenceView {
    return {
      id: file.id,
      campaignId,
      unitCode,
      fileName: file.fileName,
      mimeType: file.mimeType,
      sizeBytes: file.sizeBytes,
      sha256: file.sha256,
      criterionCode,
      uploadedBy: file.uploadedBy,
      uploadedAt: file.uploadedAt.toISOString(),
      downloadUrl: `/evidence/${file.id}/download`,
    };
  }
}
