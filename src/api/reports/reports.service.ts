import { createHash } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { access, rename } from 'node:fs/promises';
import path from 'node:path';
import type { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import {
  BadRequestException,
  ForbiddenException,
  Inject,
  Injectable,
  InternalServerErrorException,
  NotFoundException,
  PayloadTooLargeException,
  UnsupportedMediaTypeException,
} from '@nestjs/common';
import { DataSource } from 'typeorm';
import type { AppConfig } from '../../config.js';
import {
  CONTENT_HEAD_BYTES,
  checkContent,
  checkDeclaredType,
  cleanUploadedFileName,
} from '../../domain/evidence-file-types.js';
import {
  Agency,
  type Campaign,
  CampaignReport,
  type CampaignReportKind,
  Participation,
  Unit,
} from '../../entities/index.js';
import { appraisingAgencies } from '../../loaders/appraising-agencies.js';
import { AuditService } from '../audit/audit.service.js';
import { type Actor, CAMPAIGN_STAFF } from '../auth/actor.js';
import { findCampaign } from '../campaigns/campaign-lookup.js';
import { ApiError } from '../common/api-error.js';
import { isUuid } from '../common/params.js';
import { formatBytes } from '../evidence/format-bytes.js';
import { assertContainerHolds, readHead } from '../evidence/evidence.service.js';
import { type HashedUpload, removeIfPresent } from '../evidence/hashing-disk-storage.js';
import { APP_CONFIG } from '../tokens.js';
import type { CampaignReportView } from './reports.dto.js';

/** Whose report an upload is: a unit's (step 3) or an agency's for a round (steps 4, 7). */
export interface ReportScope {
  campaign: Campaign;
  kind: CampaignReportKind;
  unit: Unit | null;
  agency: Agency | null;
  /** Absolute folder the upload is written to, and the same relative to the reports root. */
  directory: string;
  relativeDirectory: string;
}

/** Reports one unit or agency may keep per campaign and kind: a signed report is re-sent, not kept by the hundred. */
export const REPORTS_PER_OWNER = 50;

const segment = (code: string) =>
  /^[A-Za-z0-9_-][A-Za-z0-9._-]*$/.test(code)
    ? code
    : encodeURIComponent(code).replace(/\./g, '%2E');

async function sha256Of(file: string): Promise<string> {
  const hash = createHash('sha256');
  await pipeline(createReadStream(file), hash);
  return hash.digest('hex');
}

/**
 * Signed reports uploaded per campaign: a unit's self-assessment report (step 3) and an agency's
 * field appraisal report of round 1 or 2 (steps 4, 7). The same type and content checks and size
 * limit as evidence (EVIDENCE_MAX_BYTES); stored under <dataDir>/reports/<campaignId>/….
 */
@Injectable()
export class ReportsService {
  private readonly root: string;

  constructor(
    private readonly dataSource: DataSource,
    private readonly audit: AuditService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {
    this.root = path.resolve(config.dataDir, 'reports');
  }

  get maxBytes(): number {
    return this.config.evidenceMaxBytes;
  }

  tooLarge(): Error {
    return new PayloadTooLargeException(
      `Tệp lớn hơn giới hạn ${formatBytes(this.maxBytes)} (${this.maxBytes} byte, theo EVIDENCE_MAX_BYTES).`,
    );
  }

  /** A unit's report: the unit must take part in the campaign (ownership: the guard). */
  async unitScope(campaignRef: string, unitCode: string): Promise<ReportScope> {
    const manager = this.dataSource.manager;
    const campaign = await findCampaign(manager, campaignRef);
    const unit = await manager.findOneBy(Unit, { code: unitCode });
    const takesPart =
      unit &&
      (await manager.exists(Participation, {
        where: { campaignId: campaign.id, unitId: unit.id },
      }));
    if (!unit || !takesPart) {
      throw new NotFoundException(
        `Đơn vị «${unitCode}» không tham gia chiến dịch ${campaign.code}.`,
      );
    }
    const relativeDirectory = path.join(campaign.id, 'units', segment(unit.code));
    return {
      campaign,
      kind: 'self_assessment_report',
      unit,
      agency: null,
      relativeDirectory,
      directory: path.join(this.root, relativeDirectory),
    };
  }

  /** An agency's report: it must appraise in the campaign; an appraiser only its own agency's. */
  async agencyScope(actor: Actor, campaignRef: string, agencyCode: string): Promise<ReportScope> {
    const manager = this.dataSource.manager;
    const campaign = await findCampaign(manager, campaignRef);
    const agency = await manager.findOneBy(Agency, { code: agencyCode });
    if (actor.role === 'appraiser' && agency?.id !== actor.agencyId) {
      throw new ForbiddenException(
        `Mã truy cập của cơ quan thẩm định chỉ làm việc với báo cáo của chính cơ quan mình, không với báo cáo của cơ quan ${agencyCode}.`,
      );
    }
    const appraises =
      agency && (await appraisingAgencies(manager, campaign.id, agency.id)).length > 0;
    if (!agency || !appraises) {
      throw new NotFoundException(
        `Cơ quan «${agencyCode}» không thẩm định tiêu chí nào trong chiến dịch ${campaign.code}.`,
      );
    }
    const relativeDirectory = path.join(campaign.id, 'agencies', segment(agency.code));
    return {
      campaign,
      kind: 'field_appraisal_report',
      unit: null,
      agency,
      relativeDirectory,
      directory: path.join(this.root, relativeDirectory),
    };
  }

  async completeUpload(
    actor: Actor,
    scope: ReportScope,
    file: HashedUpload | undefined,
    fields: Record<string, unknown>,
  ): Promise<CampaignReportView> {
    try {
      return await this.acceptUpload(actor, scope, file, fields);
    } finally {
      await removeIfPresent(file?.path);
    }
  }

  private async acceptUpload(
    actor: Actor,
    scope: ReportScope,
    file: HashedUpload | undefined,
    fields: Record<string, unknown>,
  ): Promise<CampaignReportView> {
    const allowed = scope.kind === 'field_appraisal_report' ? ['round'] : [];
    const unexpected = Object.keys(fields).filter((name) => !allowed.includes(name));
    if (unexpected.length > 0) {
      throw new BadRequestException(
        `Biểu mẫu có trường không hợp lệ ${unexpected.map((n) => `"${n}"`).join(', ')}: chỉ gửi tệp trong trường "file"${allowed.length > 0 ? ' và lần thẩm định trong trường "round" (1 hoặc 2)' : ''}.`,
      );
    }
    let round: 1 | 2 | null = null;
    if (scope.kind === 'field_appraisal_report') {
      if (fields.round !== '1' && fields.round !== '2') {
        throw new BadRequestException(
          `Báo cáo thẩm định cần nêu lần thẩm định trong trường "round": 1 (bước 4) hoặc 2 (bước 7), nhận được ${JSON.stringify(fields.round ?? null)}.`,
        );
      }
      round = fields.round === '1' ? 1 : 2;
    }
    if (!file) {
      throw new BadRequestException(
        'Chưa có tệp: hãy gửi tệp dưới dạng multipart/form-data trong trường "file" (curl -F "file=@bao-cao.pdf").',
      );
    }
    const fileName = cleanUploadedFileName(file.originalname);
    if (!fileName) throw new BadRequestException('Tệp không có tên.');
    if (file.size === 0) throw new BadRequestException(`Tệp «${fileName}» rỗng.`);
    const declared = checkDeclaredType(fileName, file.mimetype);
    if (!declared.ok) throw new UnsupportedMediaTypeException(declared.problem);
    const content = checkContent(fileName, await readHead(file.path, CONTENT_HEAD_BYTES));
    if (!content.ok) throw new UnsupportedMediaTypeException(content.problem);
    await assertContainerHolds(fileName, file.path);

    const storagePath = path.join(scope.relativeDirectory, file.sha256);
    const finalPath = path.join(this.root, storagePath);
    // The same content uploaded again shares its bytes; keep them if a record already uses them.
    const existed = await access(finalPath).then(
      () => true,
      () => false,
    );
    try {
      return await this.record(
        actor,
        scope,
        file,
        { fileName, mime: content.mime, round, storagePath },
        () => rename(file.path, finalPath),
      );
    } catch (err) {
      if (!existed) await removeIfPresent(finalPath).catch(() => undefined);
      throw err;
    }
  }

  /** Stores the record and its audit entry; at most REPORTS_PER_OWNER per unit or agency. */
  private record(
    actor: Actor,
    scope: ReportScope,
    file: HashedUpload,
    about: { fileName: string; mime: string; round: 1 | 2 | null; storagePath: string },
    moveBytes: () => Promise<void>,
  ): Promise<CampaignReportView> {
    const { fileName, round } = about;
    return this.dataSource.transaction(async (manager) => {
      // Locked: uploads for one campaign are counted one after another against the cap.
      await findCampaign(manager, scope.campaign.id, { lock: true });
      const owner = scope.unit ? { unitId: scope.unit.id } : { agencyId: scope.agency!.id };
      const kept = await manager.count(CampaignReport, {
        where: { campaignId: scope.campaign.id, kind: scope.kind, ...owner },
      });
      if (kept >= REPORTS_PER_OWNER) {
        throw new ApiError(
          409,
          'quota_exceeded',
          `${scope.unit ? `Đơn vị ${scope.unit.code}` : `Cơ quan ${scope.agency!.code}`} đã có ${kept} báo cáo tải lên trong chiến dịch ${scope.campaign.code} (tối đa ${REPORTS_PER_OWNER}); chưa lưu tệp «${fileName}».`,
        );
      }
      await moveBytes();
      const saved = await manager.save(
        manager.create(CampaignReport, {
          campaignId: scope.campaign.id,
          kind: scope.kind,
          stepNumber: scope.kind === 'self_assessment_report' ? 3 : round === 1 ? 4 : 7,
          unitId: scope.unit?.id ?? null,
          agencyId: scope.agency?.id ?? null,
          fileName,
          mimeType: about.mime,
          sizeBytes: file.size,
          sha256: file.sha256,
          storagePath: about.storagePath.split(path.sep).join('/'),
          uploadedBy: actor.name,
        }),
      );
      await this.audit.record(
        actor,
        {
          action: 'report.upload',
          entityType: 'campaign_report',
          entityId: saved.id,
          details: {
            campaignCode: scope.campaign.code,
            kind: scope.kind,
            unitCode: scope.unit?.code ?? null,
            agencyCode: scope.agency?.code ?? null,
            round,
            fileName,
            sizeBytes: file.size,
            sha256: file.sha256,
          },
        },
        manager,
      );
      return this.toView(saved, scope.unit?.code ?? null, scope.agency?.code ?? null);
    });
  }

  async list(scope: ReportScope): Promise<CampaignReportView[]> {
    const reports = await this.dataSource.manager.find(CampaignReport, {
      where: {
        campaignId: scope.campaign.id,
        kind: scope.kind,
        ...(scope.unit ? { unitId: scope.unit.id } : { agencyId: scope.agency!.id }),
      },
      order: { uploadedAt: 'ASC', id: 'ASC' },
    });
    return reports.map((r) => this.toView(r, scope.unit?.code ?? null, scope.agency?.code ?? null));
  }

  /** The report's bytes, for the unit or agency concerned and staff; checked against its digest. */
  async openForDownload(
    actor: Actor,
    id: string,
  ): Promise<{ report: CampaignReport; stream: Readable }> {
    const manager = this.dataSource.manager;
    const report = isUuid(id) ? await manager.findOneBy(CampaignReport, { id }) : null;
    if (!report) throw new NotFoundException(`Không tìm thấy báo cáo có mã định danh «${id}».`);
    const mayRead =
      CAMPAIGN_STAFF.includes(actor.role) ||
      (actor.role === 'unit' && report.unitId !== null && report.unitId === actor.unitId) ||
      (actor.role === 'appraiser' &&
        report.agencyId !== null &&
        report.agencyId === actor.agencyId);
    if (!mayRead) {
      throw new ForbiddenException(
        'Báo cáo này thuộc đơn vị hoặc cơ quan khác: chỉ đơn vị, cơ quan có báo cáo và Tổ thư ký tải được.',
      );
    }
    const location = path.resolve(this.root, report.storagePath);
    let actual: string;
    try {
      actual = location.startsWith(this.root + path.sep) ? await sha256Of(location) : '';
    } catch {
      actual = '';
    }
    if (actual !== report.sha256) {
      throw new InternalServerErrorException(
        `Tệp báo cáo ${report.id} («${report.fileName}») không còn nguyên vẹn trong kho lưu trữ; cần khôi phục từ bản sao lưu.`,
      );
    }
    return { report, stream: createReadStream(location) };
  }

  private toView(
    report: CampaignReport,
    unitCode: string | null,
    agencyCode: string | null,
  ): CampaignReportView {
    return {
      id: report.id,
      campaignId: report.campaignId,
      kind: report.kind,
      step: report.stepNumber,
      round: report.kind === 'field_appraisal_report' ? (report.stepNumber === 4 ? 1 : 2) : null,
      unitCode,
      agencyCode,
      fileName: report.fileName,
      mimeType: report.mimeType,
      sizeBytes: report.sizeBytes,
      sha256: report.sha256,
      uploadedBy: report.uploadedBy,
      uploadedAt: report.uploadedAt.toISOString(),
      downloadUrl: `/reports/${report.id}/download`,
    };
  }
}
