import {
  Check,
  Column,
  CreateDateColumn,
  Entity,
  Index,
  JoinColumn,
  ManyToOne,
  PrimaryGeneratedColumn,
} from 'typeorm';
import type { Criterion } from './criterion.entity.js';
import { numericTransformer } from './numeric-transformer.js';
import type { Participation } from './participation.entity.js';

/**
 * A decision of the Appraisal Council (step 9) changing a unit's result, with its reason:
 * - on a leaf criterion: its final score (or "not applicable") replaces the appraised one;
 * - on the total (no criterion): `points` are added to (or, negative, taken from) the unit's
 *   achieved points before the index is computed.
 * Rows are never changed: the newest per unit and criterion (or per unit, for the total) applies,
 * the older ones stay as the record.
 */
@Entity({ name: 'council_adjustments' })
@Index('ix_council_adjustments_participation', ['participationId'])
@Check(
  'ck_council_adjustments_target',
  `("criterion_id" IS NULL AND "points" IS NOT NULL AND "score" IS NULL AND NOT "not_applicable") OR ("criterion_id" IS NOT NULL AND "points" IS NULL AND (("score" IS NOT NULL) <> "not_applicable"))`,
)
export class CouncilAdjustment {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ name: 'participation_id', type: 'uuid' })
  participationId: string;

  @ManyToOne('Participation', { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'participation_id' })
  participation?: Participation;

  /** The leaf adjusted; null for an adjustment of the total. */
  @Column({ name: 'criterion_id', type: 'uuid', nullable: true })
  criterionId: string | null;

  // NO ACTION, not RESTRICT: checked at the end of the statement, so deleting a campaign (its
  // criteria and participations cascade together) works; deleting a scored criterion alone fails.
  @ManyToOne('Criterion', { onDelete: 'NO ACTION' })
  @JoinColumn({ name: 'criterion_id' })
  criterion?: Criterion | null;

  /** The leaf's new final score. */
  @Column({
    type: 'numeric',
    precision: 7,
    scale: 2,
    nullable: true,
    transformer: numericTransformer,
  })
  score: number | null;

  @Column({ name: 'not_applicable', type: 'boolean', default: false })
  notApplicable: boolean;

  /** Points added to the total (negative: taken away). */
  @Column({
    type: 'numeric',
    precision: 7,
    scale: 2,
    nullable: true,
    transformer: numericTransformer,
  })
  points: number | null;

  @Column({ type: 'text' })
  reason: string;

  @Column({ name: 'adjusted_by', type: 'varchar', length: 255 })
  adjustedBy: string;

  @CreateDateColumn({ name: 'adjusted_at', type: 'timestamptz' })
  adjustedAt: Date;
}
