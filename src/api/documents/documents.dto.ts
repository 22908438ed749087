import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional } from 'class-validator';
import { IsCode } from '../common/dto-validators.js';
import { DOCUMENT_KINDS, type DocumentKind } from '../../documents/document-kinds.js';

export class DocumentQueryDto {
  @ApiPropertyOptional({
    example: 'SNV',
    description: 'The unit of a per-unit document (self_assessment_report); a unit token: its own.',
  })
  @IsOptional()
  @IsCode(32)
  unitCode?: string;

  @ApiPropertyOptional({
    enum: ['docx', 'pdf'],
    default: 'docx',
    description: 'pdf needs DOCUMENT_PDF_CONVERTER (LibreOffice soffice); 503 without it.',
  })
  @IsOptional()
  @IsIn(['docx', 'pdf'], { message: 'format must be docx or pdf' })
  format?: 'docx' | 'pdf';
}

export class UnitDocumentView {
  @ApiProperty({ example: 'SNV' }) unitCode: string;
  @ApiProperty({ example: 'Sở Nội vụ' }) unitName: string;
  @ApiProperty() available: boolean;
  @ApiProperty({ nullable: true, type: String }) reason: string | null;
}

export class DocumentView {
  @ApiProperty({ enum: DOCUMENT_KINDS }) kind: DocumentKind;
  @ApiProperty({ example: 1, description: "The campaign's step the document belongs to." })
  step: number;
  @ApiProperty({ example: 'Quyết định kiện toàn Hội đồng thẩm định và danh sách thành viên' })
  title: string;
  @ApiProperty({ description: 'One document per unit (ask with ?unitCode=).' }) perUnit: boolean;
  @ApiProperty({ description: 'Whether it can be produced now (for the caller).' })
  available: boolean;
  @ApiProperty({ nullable: true, type: String, description: 'Why not, in Vietnamese.' })
  reason: string | null;
  @ApiProperty({ example: '/campaigns/vinhlong-2021/documents/council_decision' })
  url: string;
  @ApiPropertyOptional({ type: [UnitDocumentView], description: 'Per-unit documents: each unit.' })
  units?: UnitDocumentView[];
}

export class DocumentsView {
  @ApiProperty() campaignCode: string;
  @ApiProperty({ description: 'Whether ?format=pdf is served (DOCUMENT_PDF_CONVERTER set).' })
  pdfAvailable: boolean;
  @ApiProperty({ type: [DocumentView] }) documents: DocumentView[];
}
