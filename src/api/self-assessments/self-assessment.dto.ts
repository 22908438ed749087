import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  IsArray,
  IsBoolean,
  IsNotEmpty,
  IsNumber,
  IsOptional,
  IsString,
  IsUUID,
  MaxLength,
  ValidateIf,
  ValidateNested,
} from 'class-validator';
import { IsBoundedInt, PG_INT_MAX } from '../common/dto-validators.js';

/** One leaf's self-score in a draft. Fields left out keep their saved value. */
export class DraftItemDto {
  @ApiProperty({ example: '1.2.1', description: 'Code of a self-scored leaf criterion.' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(32)
  criterionCode: string;

  @ApiPropertyOptional({
    type: Number,
    nullable: true,
    example: 1.5,
    description:
      'Points claimed, 0..maxPoints with at most two decimals (for a penalty: points subtracted, up to its cap). null clears it.',
  })
  @IsOptional()
  @IsNumber({ allowNaN: false, allowInfinity: false })
  score?: number | null;

  @ApiPropertyOptional({
    description:
      'The criterion does not apply to the unit (its maximum is then rescaled). true clears the score.',
  })
  @ValidateIf((_, value) => value !== undefined)
  @IsBoolean()
  notApplicable?: boolean;

  @ApiPropertyOptional({ type: String, nullable: true, description: 'Explanation (giải trình).' })
  @IsOptional()
  @IsString()
  @MaxLength(10_000)
  note?: string | null;

  @ApiPropertyOptional({
    type: [String],
    format: 'uuid',
    description:
      "Ids of evidence files uploaded for this unit in this campaign; replaces the item's list.",
  })
  @ValidateIf((_, value) => value !== undefined)
  @IsArray()
  @ArrayMaxSize(100)
  @IsUUID('all', { each: true })
  evidenceIds?: string[];
}

export class SaveDraftDto {
  @ApiProperty({
    type: [DraftItemDto],
    description: 'Items to merge into the draft, by criterion.',
  })
  @IsArray()
  @ArrayMaxSize(5_000)
  @ValidateNested({ each: true })
  @Type(() => DraftItemDto)
  items: DraftItemDto[];
}

export class VersionQueryDto {
  @ApiPropertyOptional({
    minimum: 1,
    maximum: PG_INT_MAX,
    description: 'An older version; the newest by default.',
  })
  @IsOptional()
  @Type(() => Number)
  @IsBoundedInt(1, PG_INT_MAX)
  version?: number;
}

export class EvidenceRefView {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ example: 'Báo cáo CCHC năm 2021.pdf' }) fileName: string;
  @ApiProperty({ example: 'application/pdf' }) mimeType: string;
  @ApiProperty() sizeBytes: number;
  @ApiProperty() sha256: string;
  @ApiProperty({ example: '/evidence/7d7c…/download' }) downloadUrl: string;
}

export class SelfAssessmentItemView {
  @ApiProperty({ example: '1.2.1' }) criterionCode: string;
  @ApiProperty() title: string;
  @ApiProperty({ enum: ['field', 'criterion', 'sub_criterion'] }) level: string;
  @ApiProperty({ enum: ['regular', 'bonus', 'penalty'] }) kind: string;
  @ApiProperty({ example: 2 }) maxPoints: number;
  @ApiProperty() evidenceRequired: boolean;
  @ApiProperty({ type: Number, nullable: true }) score: number | null;
  @ApiProperty() notApplicable: boolean;
  @ApiProperty({ type: String, nullable: true }) note: string | null;
  @ApiProperty({ type: [EvidenceRefView] }) evidence: EvidenceRefView[];
}

/** Where the unit's self-assessment window stands, and what a submit gets now. */
export class SubmissionWindowView {
  @ApiProperty({
    enum: ['not_open', 'on_time', 'late', 'closed'],
    description:
      'not_open: drafts only; on_time: a submit is on time; late: a submit is taken and flagged late; closed: no draft or submit any more.',
  })
  phase: 'not_open' | 'on_time' | 'late' | 'closed';
  @ApiProperty({ type: String, nullable: true, description: 'When it opens (not_open).' })
  opensAt: string | null;
  @ApiProperty({ type: String, nullable: true, description: 'The deadline that counts.' })
  deadline: string | null;
  @ApiProperty({
    type: String,
    nullable: true,
    description: 'Until when late submissions are taken (late): the end of appraisal round 1.',
  })
  acceptedUntil: string | null;
  @ApiProperty({
    enum: ['refuses_late', 'round_one_ended', 'results_published'],
    nullable: true,
    description: 'Why it is closed.',
  })
  closedBecause: 'refuses_late' | 'round_one_ended' | 'results_published' | null;
}

export class SelfAssessmentView {
  @ApiProperty({ format: 'uuid' }) campaignId: string;
  @ApiProperty({ example: 'vinhlong-2021' }) campaignCode: string;
  @ApiProperty({ example: 'SNV' }) unitCode: string;
  @ApiProperty({ example: 'Sở Nội vụ' }) unitName: string;
  @ApiProperty({ example: 'department' }) unitGroup: string;
  @ApiProperty({ example: { id: '…', name: 'Bộ chỉ số …', illustrative: true } })
  indexSet: { id: string; name: string; illustrative: boolean };
  @ApiProperty({ type: Number, nullable: true, description: 'null before the first draft.' })
  version: number | null;
  @ApiProperty({ enum: ['not_started', 'draft', 'submitted'] })
  status: 'not_started' | 'draft' | 'submitted';
  @ApiProperty({ type: String, format: 'date-time', nullable: true }) submittedAt: string | null;
  @ApiProperty({ type: String, nullable: true }) submittedBy: string | null;
  @ApiProperty({ description: 'Submitted after the deadline (with any extension).' })
  late: boolean;
  @ApiProperty({ type: String, format: 'date-time', nullable: true }) updatedAt: string | null;
  @ApiProperty({
    type: String,
    format: 'date-time',
    nullable: true,
    description: 'The self-assessment deadline that applies to this unit (with its extension).',
  })
  deadline: string | null;
  @ApiProperty() deadlineExtended: boolean;
  @ApiProperty({ example: 'registered' }) participationStatus: string;
  @ApiProperty({
    type: () => SubmissionWindowView,
    description: 'What a submit would get now, by the campaign rules the unit workflow runs on.',
  })
  window: SubmissionWindowView;
  @ApiProperty({ type: [SelfAssessmentItemView], description: 'One per self-scored leaf.' })
  items: SelfAssessmentItemView[];
  @ApiProperty({ type: [String], description: 'Leaves neither scored nor not applicable.' })
  missing: string[];
  @ApiProperty({ type: [String], description: 'Scored leaves that need evidence and have none.' })
  missingEvidence: string[];
}

export class SelfAssessmentVersionView {
  @ApiProperty() version: number;
  @ApiProperty({ enum: ['draft', 'submitted'] }) status: string;
  @ApiProperty({ type: String, format: 'date-time', nullable: true }) submittedAt: string | null;
  @ApiProperty({ type: String, nullable: true }) submittedBy: string | null;
  @ApiProperty() late: boolean;
  @ApiProperty() itemCount: number;
  @ApiProperty({ type: String, format: 'date-time' }) createdAt: string;
  @ApiProperty({ type: String, format: 'date-time' }) updatedAt: string;
}

/** What a submit recorded; the campaign workflow is signalled with this (issue 4). */
export class SubmissionRecord {
  @ApiProperty({ format: 'uuid' }) selfAssessmentId: string;
  @ApiProperty({ format: 'uuid' }) campaignId: string;
  @ApiProperty() campaignCode: string;
  @ApiProperty({ format: 'uuid' }) participationId: string;
  @ApiProperty() unitCode: string;
  @ApiProperty() version: number;
  @ApiProperty({ type: String, format: 'date-time' }) submittedAt: string;
  @ApiProperty() submittedBy: string;
  @ApiProperty() late: boolean;
  @ApiProperty({ type: String, format: 'date-time', nullable: true }) deadline: string | null;
  @ApiProperty() deadlineExtended: boolean;
  @ApiProperty({ enum: ['submitted', 'late'] }) participationStatus: string;
  @ApiProperty({
    enum: ['delivered', 'pending', 'not_launched'],
    description:
      "Whether the unit's workflow has the submission: pending while Temporal does not answer (delivered as soon as it does), not_launched before the campaign runs.",
  })
  delivery: 'delivered' | 'pending' | 'not_launched';
}
