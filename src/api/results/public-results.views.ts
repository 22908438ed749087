import { ApiProperty } from '@nestjs/swagger';

/** The published results as anyone reads them, without signing in (the portal's public page). */
export class PublicUnitResultView {
  @ApiProperty({ example: 2, description: 'Rank in the group; tied units share it (1, 2, 2, 4).' })
  rank!: number;

  @ApiProperty({ description: 'Another unit of the group has the same rank.' })
  tied!: boolean;

  @ApiProperty({ example: 'SNV' })
  unitCode!: string;

  @ApiProperty({ example: 'Sở Nội vụ' })
  unitName!: string;

  @ApiProperty({ example: 91.25, description: 'Chỉ số CCHC.' })
  index!: number;

  @ApiProperty({ example: '91.25', description: 'The index as published, with two decimals.' })
  indexText!: string;

  @ApiProperty({ example: 'Xuất sắc', description: 'The rating band (xếp loại).' })
  band!: string;
}

export class PublicGroupResultsView {
  @ApiProperty({ example: 'department' })
  group!: string;

  @ApiProperty({ example: 'sở, ban, ngành tỉnh', description: 'The group as officials name it.' })
  groupName!: string;

  @ApiProperty({ type: [PublicUnitResultView], description: 'By rank, then unit code.' })
  units!: PublicUnitResultView[];
}

export class PublicDecisionView {
  @ApiProperty({ example: '123/QĐ-UBND' })
  number!: string;

  @ApiProperty({ example: '2022-03-15', description: 'Local date of the decision.' })
  date!: string;
}

export class PublicRatingBandView {
  @ApiProperty({ example: 'Xuất sắc' })
  label!: string;

  @ApiProperty({
    type: Number,
    nullable: true,
    example: 90,
    description: 'Lowest index, inclusive.',
  })
  min!: number | null;

  @ApiProperty({
    type: Number,
    nullable: true,
    example: null,
    description: 'Upper bound, exclusive.',
  })
  max!: number | null;
}

export class PublicResultsView {
  @ApiProperty({ example: 'vinhlong-2021' })
  campaignCode!: string;

  @ApiProperty({ example: 'Chỉ số CCHC năm 2021 tỉnh Vĩnh Long' })
  campaignName!: string;

  @ApiProperty({ example: 2021 })
  year!: number;

  @ApiProperty({ format: 'date-time', description: 'When the Chairman’s decision was recorded.' })
  publishedAt!: string;

  @ApiProperty({ type: PublicDecisionView, nullable: true })
  decision!: PublicDecisionView | null;

  @ApiProperty({ type: [PublicRatingBandView] })
  ratingBands!: PublicRatingBandView[];

  @ApiProperty({ type: [PublicGroupResultsView] })
  groups!: PublicGroupResultsView[];
}
