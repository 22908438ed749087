import { ApiProperty } from '@nestjs/swagger';
import { WORK_KINDS, type WorkKind } from './work-items.js';

/** One thing due for the caller, with the portal page where it is done. */
export class WorkItemView {
  @ApiProperty({
    enum: WORK_KINDS,
    description:
      'self_assessment, explanation (a unit); appraisal (an appraiser, rounds 1 and 2); council_approval (the council); step, aggregation (the secretariat and admins).',
  })
  kind: WorkKind;

  @ApiProperty({ example: 'Nộp báo cáo tự đánh giá, chấm điểm' }) title: string;
  @ApiProperty({ format: 'uuid' }) campaignId: string;
  @ApiProperty({ example: 'vinhlong-2021' }) campaignCode: string;
  @ApiProperty({ example: 'Xác định Chỉ số CCHC năm 2021' }) campaignName: string;
  @ApiProperty({ type: String, nullable: true, example: 'SNV' }) unitCode: string | null;
  @ApiProperty({ type: String, nullable: true, example: 'Sở Nội vụ' }) unitName: string | null;
  @ApiProperty({ type: Number, nullable: true, example: 3 }) stepNumber: number | null;
  @ApiProperty({ type: String, nullable: true, example: 'Tự đánh giá, chấm điểm' })
  stepTitle: string | null;

  @ApiProperty({
    type: String,
    format: 'date-time',
    nullable: true,
    description: 'The deadline that counts for the caller (amended, extended, closed early).',
  })
  deadline: string | null;

  @ApiProperty({
    type: String,
    nullable: true,
    example: '24/12/2021 23:59',
    description: "The deadline in the campaign's time zone, dd/MM/yyyy HH:mm.",
  })
  deadlineLocal: string | null;

  @ApiProperty({
    description: 'Past its deadline (late intake still open, or an owned step late).',
  })
  overdue: boolean;

  @ApiProperty({
    type: Number,
    nullable: true,
    example: 4,
    description:
      'Working days (the working-day calendar) from today to the deadline day, or, when overdue, from the deadline day to today; null without a deadline (a year without calendar data counts Monday–Friday).',
  })
  workingDays: number | null;

  @ApiProperty({
    example: '/chien-dich/vinhlong-2021/don-vi/SNV/tu-danh-gia',
    description: 'The portal page where it is done, under /portal.',
  })
  link: string;
}

export class MyWorkView {
  @ApiProperty({ type: String, format: 'date-time', description: 'The instant it was read at.' })
  at: string;

  @ApiProperty({ type: [WorkItemView], description: 'Sorted by deadline (none last).' })
  items: WorkItemView[];
}
