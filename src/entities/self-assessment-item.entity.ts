import { Column, Entity, JoinColumn, ManyToOne, PrimaryGeneratedColumn, Unique } from 'typeorm';
import type { Criterion } from './criterion.entity.js';
import { numericTransformer } from './numeric-transformer.js';
import type { SelfAssessment } from './self-assessment.entity.js';

/** A unit's self-score for one leaf criterion, with its note and evidence. */
@Entity({ name: 'self_assessment_items' })
@Unique('uq_self_assessment_items_criterion', ['selfAssessmentId', 'criterionId'])
export class SelfAssessmentItem {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ name: 'self_assessment_id', type: 'uuid' })
  selfAssessmentId: string;

  @ManyToOne('SelfAssessment', (sa: SelfAssessment) => sa.items, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'self_assessment_id' })
  selfAssessment?: SelfAssessment;

  @Column({ name: 'criterion_id', type: 'uuid' })
  criterionId: string;

  @ManyToOne('Criterion', { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'criterion_id' })
  criterion?: Criterion;

  /** Null in a draft not yet scored; "not applicable" leaves have notApplicable = true. */
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

  @Column({ type: 'text', nullable: true })
  note: string | null;

  /** Evidence files (ids) backing this score. */
  @Column({ name: 'evidence_ids', type: 'uuid', array: true, default: () => "'{}'" })
  evidenceIds: string[];
}
