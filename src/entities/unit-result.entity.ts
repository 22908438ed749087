import {
  Column,
  Entity,
  Index,
  JoinColumn,
  ManyToOne,
  PrimaryGeneratedColumn,
  Unique,
} from 'typeorm';
import type { Campaign } from './campaign.entity.js';
import { numericTransformer } from './numeric-transformer.js';
import type { Participation } from './participation.entity.js';

/** One field's figures (lĩnh vực) in a unit's result. */
export interface FieldResult {
  code: string;
  title: string;
  kind: 'regular' | 'survey';
  maxPoints: number;
  /** Maximum of the criteria that apply to the unit. */
  applicableMax: number;
  achieved: number;
  /** achieved ÷ applicableMax × 100 with two decimals; null when nothing in it applies. */
  index: number | null;
}

const points = {
  type: 'numeric',
  precision: 7,
  scale: 2,
  transformer: numericTransformer,
} as const;

/**
 * A unit's computed result (kết quả Chỉ số CCHC): totals per field and overall, index, rank in
 * its group and rating band. Recomputed whenever the council adjusts, until published by the
 * Chairman's decision; from then on readable by every unit and never recomputed.
 */
@Entity({ name: 'unit_results' })
@Unique('uq_unit_results_participation', ['participationId'])
@Index('ix_unit_results_campaign', ['campaignId'])
export class UnitResult {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ name: 'campaign_id', type: 'uuid' })
  campaignId: string;

  @ManyToOne('Campaign', { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'campaign_id' })
  campaign?: Campaign;

  @Column({ name: 'participation_id', type: 'uuid' })
  participationId: string;

  @ManyToOne('Participation', { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'participation_id' })
  participation?: Participation;

  /** The unit group it is ranked in. */
  @Column({ name: 'group_code', type: 'varchar', length: 32 })
  group: string;

  @Column({ type: 'jsonb' })
  fields: FieldResult[];

  /** Sum of the fields' maxima (usually 100). */
  @Column({ name: 'max_points', ...points })
  maxPoints: number;

  @Column({ name: 'applicable_max', ...points })
  applicableMax: number;

  /** Points of the fields, before bonus and penalty. */
  @Column(points)
  points: number;

  @Column(points)
  bonus: number;

  @Column(points)
  penalty: number;

  /** The council's adjustment of the total (0 without one). */
  @Column({ name: 'council_points', ...points, default: 0 })
  councilPoints: number;

  @Column(points)
  achieved: number;

  /** Chỉ số CCHC, two decimals. */
  @Column({ name: 'index_value', ...points })
  index: number;

  @Column({ type: 'int' })
  rank: number;

  /** Another unit of the group shares the rank (đồng hạng). */
  @Column({ type: 'boolean', default: false })
  tied: boolean;

  /** Xếp loại, e.g. "Tốt". */
  @Column({ type: 'varchar', length: 64 })
  band: string;

  @Column({ name: 'computed_at', type: 'timestamptz' })
  computedAt: Date;

  @Column({ name: 'published_at', type: 'timestamptz', nullable: true })
  publishedAt: Date | null;
}
