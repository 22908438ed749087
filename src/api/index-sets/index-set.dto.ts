import { ApiProperty } from '@nestjs/swagger';
import type { CriterionKind, CriterionLevel } from '../../domain/words.js';

export class CriterionNodeView {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ example: '1.2' }) code: string;
  @ApiProperty({ enum: ['field', 'criterion', 'sub_criterion'] }) level: CriterionLevel;
  @ApiProperty({ enum: ['regular', 'survey', 'bonus', 'penalty'] }) kind: CriterionKind;
  @ApiProperty({ example: 'Ban hành kế hoạch CCHC năm' }) title: string;
  @ApiProperty({ example: 2.5, description: 'Điểm tối đa; for bonus and penalty nodes, the cap.' })
  maxPoints: number;
  @ApiProperty({ nullable: true, type: String, example: 'SNV', description: 'Appraising agency.' })
  agencyCode: string | null;
  @ApiProperty() evidenceRequired: boolean;
  @ApiProperty({ nullable: true, type: String, description: 'Hướng dẫn chấm điểm.' })
  guidance: string | null;
  @ApiProperty({ type: () => [CriterionNodeView] }) children: CriterionNodeView[];
}

export class IndexSetSummaryView {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ format: 'uuid' }) campaignId: string;
  @ApiProperty({ example: 'department' }) group: string;
  @ApiProperty() name: string;
  @ApiProperty({ description: 'Sample data, not any province’s real index set.' })
  illustrative: boolean;
  @ApiProperty({ nullable: true, type: String }) source: string | null;
  @ApiProperty({ description: 'Number of nodes at every level.' }) criteria: number;
  @ApiProperty({ description: 'Number of leaves (what units and appraisers score).' })
  leaves: number;
  @ApiProperty({ example: 100, description: 'Sum of the regular and survey fields.' })
  maxPoints: number;
  @ApiProperty({ example: 3, description: 'Sum of the bonus caps at the top level.' })
  bonusMax: number;
  @ApiProperty({ example: 3, description: 'Sum of the penalty caps at the top level.' })
  penaltyMax: number;
  @ApiProperty() createdAt: string;
}

export class IndexSetView extends IndexSetSummaryView {
  @ApiProperty({ type: [CriterionNodeView], description: 'Fields → criteria → sub-criteria.' })
  fields: CriterionNodeView[];
}

export class ImportedIndexSetView {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ example: 'department' }) group: string;
  @ApiProperty() name: string;
  @ApiProperty() criteria: number;
  @ApiProperty() leaves: number;
  @ApiProperty({ example: 100 }) maxPoints: number;
  @ApiProperty({
    nullable: true,
    type: String,
    format: 'uuid',
    description: 'The set it replaced.',
  })
  replacedId: string | null;
}

export class IndexSetImportSummary {
  @ApiProperty({ format: 'uuid' }) campaignId: string;
  @ApiProperty({ enum: ['json', 'xlsx'] }) format: 'json' | 'xlsx';
  @ApiProperty({ nullable: true, type: String }) fileName: string | null;
  @ApiProperty({ type: [ImportedIndexSetView] }) indexSets: ImportedIndexSetView[];
}
