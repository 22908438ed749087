import { ApiProperty } from '@nestjs/swagger';

/** An evidence file's record (tài liệu kiểm chứng); the bytes are at downloadUrl. */
export class EvidenceView {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ format: 'uuid' }) campaignId: string;
  @ApiProperty({ example: 'SNV' }) unitCode: string;
  @ApiProperty({ example: 'Báo cáo CCHC năm 2021.pdf' }) fileName: string;
  @ApiProperty({ example: 'application/pdf' }) mimeType: string;
  @ApiProperty() sizeBytes: number;
  @ApiProperty({ description: 'SHA-256 of the content, hex.' }) sha256: string;
  @ApiProperty({ type: String, nullable: true, example: '1.2.1' }) criterionCode: string | null;
  @ApiProperty({ example: 'Sở Nội vụ - đầu mối CCHC' }) uploadedBy: string;
  @ApiProperty({ type: String, format: 'date-time' }) uploadedAt: string;
  @ApiProperty({ example: '/evidence/7d7c…/download' }) downloadUrl: string;
}
