import { ApiProperty } from '@nestjs/swagger';
import { CAMPAIGN_REPORT_KINDS, type CampaignReportKind } from '../../entities/index.js';

export class CampaignReportView {
  @ApiProperty() id: string;
  @ApiProperty() campaignId: string;
  @ApiProperty({ enum: CAMPAIGN_REPORT_KINDS }) kind: CampaignReportKind;
  @ApiProperty({ example: 3, description: "The plan's step (3; 4 or 7 for rounds 1 and 2)." })
  step: number;
  @ApiProperty({ nullable: true, type: Number, example: 1 }) round: number | null;
  @ApiProperty({ nullable: true, type: String, example: 'SNV' }) unitCode: string | null;
  @ApiProperty({ nullable: true, type: String, example: 'STP' }) agencyCode: string | null;
  @ApiProperty({ example: 'Báo cáo tự đánh giá (đã ký).pdf' }) fileName: string;
  @ApiProperty({ example: 'application/pdf' }) mimeType: string;
  @ApiProperty() sizeBytes: number;
  @ApiProperty() sha256: string;
  @ApiProperty() uploadedBy: string;
  @ApiProperty() uploadedAt: string;
  @ApiProperty({ example: '/reports/…/download' }) downloadUrl: string;
}
