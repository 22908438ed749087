import {
  Check,
  Column,
  CreateDateColumn,
  Entity,
  Index,
  JoinColumn,
  ManyToOne,
  PrimaryGeneratedColumn,
  Unique,
} from 'typeorm';
import type { Agency } from './agency.entity.js';
import type { Criterion } from './criterion.entity.js';
import { numericTransformer } from './numeric-transformer.js';
import type { Participation } from './participation.entity.js';

/** Round 1 (thẩm định lần thứ nhất, step 4) or round 2 (lần thứ 2, step 7). */
export type AppraisalRound = 1 | 2;

/**
 * An appraiser's score for one leaf criterion of one unit in one round, with its comment. Round 2
 * re-scores only the criteria the unit was asked to explain; the final appraised score is round 2
 * where there is one, else round 1.
 */
@Entity({ name: 'appraisal_scores' })
@Unique('uq_appraisal_scores_round', ['participationId', 'criterionId', 'round'])
@Index('ix_appraisal_scores_participation', ['participationId'])
@Check('ck_appraisal_scores_round', `"round" IN (1, 2)`)
@Check(
  'ck_appraisal_scores_value',
  `("not_applicable" AND "score" IS NULL) OR (NOT "not_applicable" AND "score" IS NOT NULL)`,
)
export class AppraisalScore {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ name: 'participation_id', type: 'uuid' })
  participationId: string;

  @ManyToOne('Participation', { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'participation_id' })
  participation?: Participation;

  @Column({ name: 'criterion_id', type: 'uuid' })
  criterionId: string;

  // NO ACTION, not RESTRICT: checked at the end of the statement, so deleting a campaign (its
  // criteria and participations cascade together) works; deleting a scored criterion alone fails.
  @ManyToOne('Criterion', { onDelete: 'NO ACTION' })
  @JoinColumn({ name: 'criterion_id' })
  criterion?: Criterion;

  @Column({ type: 'smallint' })
  round: AppraisalRound;

  /** Points given, 0..max (for a penalty: points subtracted); null when not applicable. */
  @Column({
    type: 'numeric',
    precision: 7,
    scale: 2,
    nullable: true,
    transformer: numericTransformer,
  })
  score: number | null;

  /** The criterion does not apply to the unit: its maximum leaves the unit's maximum. */
  @Column({ name: 'not_applicable', type: 'boolean', default: false })
  notApplicable: boolean;

  /** Nhận xét của cơ quan thẩm định. */
  @Column({ type: 'text', nullable: true })
  comment: string | null;

  /** The appraising agency the score was entered for (the criterion's agency). */
  @Column({ name: 'agency_id', type: 'uuid', nullable: true })
  agencyId: string | null;

  @ManyToOne('Agency', { onDelete: 'SET NULL' })
  @JoinColumn({ name: 'agency_id' })
  agency?: Agency | null;

  /** Name of the token that last entered it. */
  @Column({ name: 'scored_by', type: 'varchar', length: 255 })
  scoredBy: string;

  /** When it was last entered (an edit moves it; the audit log keeps every version). */
  @Column({ name: 'scored_at', type: 'timestamptz' })
  scoredAt: Date;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;
}
