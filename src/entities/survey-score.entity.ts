import { Column, Entity, JoinColumn, ManyToOne, PrimaryGeneratedColumn, Unique } from 'typeorm';
import type { Criterion } from './criterion.entity.js';
import { numericTransformer } from './numeric-transformer.js';
import type { Participation } from './participation.entity.js';

/**
 * Points of a survey leaf (điều tra xã hội học, SIPAS) for one unit, imported, never appraised.
 * A later import of the same unit and criterion replaces it.
 */
@Entity({ name: 'survey_scores' })
@Unique('uq_survey_scores_criterion', ['participationId', 'criterionId'])
export class SurveyScore {
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

  @Column({ type: 'numeric', precision: 7, scale: 2, transformer: numericTransformer })
  points: number;

  /** The imported file's name, or null for a JSON body. */
  @Column({ type: 'varchar', length: 255, nullable: true })
  source: string | null;

  @Column({ name: 'imported_by', type: 'varchar', length: 255 })
  importedBy: string;

  @Column({ name: 'imported_at', type: 'timestamptz' })
  importedAt: Date;
}
