import {
  BadRequestException,
  ConflictException,
  ForbiddenException,
  Inject,
  Injectable,
  Logger,
  NotFoundException,
} from '@nestjs/common';
import { DataSource } from 'typeorm';
import type { AppConfig } from '../../config.js';
import {
  DOCUMENT_KIND_INFO,
  DOCUMENT_KINDS,
  type DocumentKind,
  isDocumentKind,
  renderDocx,
} from '../../documents/index.js';
import { convertDocxToPdf, PdfConversionError } from '../../documents/pdf-converter.js';
import { type Campaign, Unit } from '../../entities/index.js';
import {
  documentStepNumbers,
  loadDocument,
  selfAssessmentReportStates,
} from '../../loaders/document-inputs.js';
import { loadUnits } from '../scoring-data/scoring-inputs.js';
import { type Actor, CAMPAIGN_STAFF } from '../auth/actor.js';
import { findCampaign } from '../campaigns/campaign-lookup.js';
import { ApiError } from '../common/api-error.js';
import { APP_CONFIG } from '../tokens.js';
import type { DocumentsView, DocumentView } from './documents.dto.js';

export interface DocumentFile {
  buffer: Buffer;
  type: string;
  fileName: string;
}

const DOCX = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';

/**
 * The documents of each step, produced from the campaign's data on request (never stored: they
 * always show the data as it stands). Who may read one follows the data it shows.
 */
@Injectable()
export class DocumentsService {
  private readonly logger = new Logger(DocumentsService.name);

  constructor(
    private readonly dataSource: DataSource,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  /** The unit code of a unit's token; null for the other roles. */
  private async ownUnitCode(actor: Actor): Promise<string | null> {
    if (actor.role !== 'unit' || !actor.unitId) return null;
    const unit = await this.dataSource.manager.findOneBy(Unit, { id: actor.unitId });
    return unit?.code ?? null;
  }

  /**
   * Why the caller may not read this kind of document, in Vietnamese; null when it may. The same
   * rules as the routes that show the same data (docs/access.md).
   */
  private whyForbidden(actor: Actor, campaign: Campaign, kind: DocumentKind): string | null {
    if (CAMPAIGN_STAFF.includes(actor.role)) return null;
    const published = campaign.resultsPublishedAt !== null;
    switch (kind) {
      case 'council_decision':
      case 'guidance_notice':
        return null;
      case 'self_assessment_report':
        return null; // a unit: its own only (checked with the unit code)
      case 'round_1_summary':
      case 'round_2_summary':
        return actor.role === 'unit'
          ? 'Báo cáo tổng hợp kết quả thẩm định nêu điểm của mọi đơn vị: mã truy cập của đơn vị không xem được.'
          : null;
      case 'chairman_dossier':
        return actor.role === 'council' || published
          ? null
          : 'Tờ trình nêu bảng xếp hạng: cơ quan thẩm định và đơn vị chỉ xem được sau khi Chủ tịch UBND tỉnh công bố kết quả.';
      case 'commendation_proposal':
        return 'Tờ trình đề nghị khen thưởng chỉ dành cho Tổ thư ký (Sở Nội vụ) và quản trị.';
    }
  }

  async list(actor: Actor, campaignRef: string): Promise<DocumentsView> {
    const manager = this.dataSource.manager;
    const campaign = await findCampaign(manager, campaignRef);
    const steps = await documentStepNumbers(manager, campaign);
    const own = await this.ownUnitCode(actor);
    const documents: DocumentView[] = [];
    for (const kind of DOCUMENT_KINDS) {
      const info = DOCUMENT_KIND_INFO[kind];
      const view: DocumentView = {
        kind,
        step: steps[kind],
        title: info.title,
        perUnit: info.perUnit,
        available: false,
        reason: null,
        url: `/campaigns/${campaign.code}/documents/${kind}`,
      };
      const forbidden = this.whyForbidden(actor, campaign, kind);
      if (forbidden) {
        documents.push({ ...view, reason: forbidden });
        continue;
      }
      if (info.perUnit) {
        const units = await selfAssessmentReportStates(
          manager,
          campaign,
          actor.role === 'unit' ? [own ?? ''] : undefined,
        );
        const ready = units.filter((u) => u.available).length;
        documents.push({
          ...view,
          available: ready > 0,
          reason:
            ready > 0
              ? null
              : units.length === 0
                ? 'Chưa có đơn vị nào tham gia chiến dịch.'
                : 'Chưa có đơn vị nào nộp bản tự đánh giá.',
          units,
        });
        continue;
      }
      const outcome = await loadDocument(manager, campaign, kind, {
        publicUrl: this.config.publicUrl,
      });
      documents.push({
        ...view,
        available: outcome.ok,
        reason: outcome.ok ? null : outcome.reason,
      });
    }
    return {
      campaignCode: campaign.code,
      pdfAvailable: this.config.documentPdfConverter !== null,
      documents,
    };
  }

  async produce(
    actor: Actor,
    campaignRef: string,
    kindParam: string,
    query: { unitCode?: string; format?: 'docx' | 'pdf' },
  ): Promise<DocumentFile> {
    if (!isDocumentKind(kindParam)) {
      throw new NotFoundException(
        `Không có loại văn bản «${kindParam}»; các loại: ${DOCUMENT_KINDS.join(', ')}.`,
      );
    }
    const kind = kindParam;
    const format = query.format ?? 'docx';
    if (format === 'pdf' && !this.config.documentPdfConverter) {
      throw new ApiError(
        406,
        'unsupported_media_type',
        'Máy chủ chưa cấu hình bộ chuyển đổi PDF (biến môi trường DOCUMENT_PDF_CONVERTER, đường dẫn tới soffice của LibreOffice): hãy tải bản DOCX (bỏ ?format=pdf).',
      );
    }
    const manager = this.dataSource.manager;
    const campaign = await findCampaign(manager, campaignRef);
    const forbidden = this.whyForbidden(actor, campaign, kind);
    if (forbidden) throw new ForbiddenException(forbidden);
    let unitCode = query.unitCode;
    if (DOCUMENT_KIND_INFO[kind].perUnit) {
      const own = await this.ownUnitCode(actor);
      if (actor.role === 'unit') {
        if (unitCode !== undefined && unitCode !== own) {
          throw new ForbiddenException(
            `Mã truy cập của đơn vị chỉ lấy được văn bản của chính đơn vị đó, không lấy được của đơn vị ${unitCode}.`,
          );
        }
        unitCode = own ?? undefined;
      }
      if (!unitCode) {
        throw new BadRequestException(
          'Báo cáo tự đánh giá được lập cho từng đơn vị: hãy nêu mã đơn vị (?unitCode=…).',
        );
      }
      const [unit] = await loadUnits(manager, campaign.id, [unitCode]);
      if (!unit) {
        throw new NotFoundException(
          `Đơn vị «${unitCode}» không tham gia chiến dịch ${campaign.code}.`,
        );
      }
    } else if (unitCode !== undefined) {
      throw new BadRequestException(
        `Văn bản «${DOCUMENT_KIND_INFO[kind].title}» là văn bản chung của chiến dịch: không nêu mã đơn vị (unitCode).`,
      );
    }
    const outcome = await loadDocument(manager, campaign, kind, {
      publicUrl: this.config.publicUrl,
      ...(unitCode !== undefined && { unitCode }),
    });
    if (!outcome.ok) throw new ConflictException(outcome.reason);
    const docx = await renderDocx(outcome.document);
    if (format === 'docx') {
      return { buffer: docx, type: DOCX, fileName: `${outcome.fileName}.docx` };
    }
    try {
      const pdf = await convertDocxToPdf(this.config.documentPdfConverter!, docx);
      return { buffer: pdf, type: 'application/pdf', fileName: `${outcome.fileName}.pdf` };
    } catch (err) {
      if (!(err instanceof PdfConversionError)) throw err;
      this.logger.warn(`PDF conversion failed: ${err.message}`);
      throw new ApiError(
        503,
        'service_unavailable',
        'Bộ chuyển đổi PDF (LibreOffice) không chuyển được văn bản lúc này: hãy thử lại sau hoặc tải bản DOCX.',
      );
    }
  }
}
