import {
  Check,
  Column,
  CreateDateColumn,
  Entity,
  JoinColumn,
  ManyToOne,
  PrimaryGeneratedColumn,
  Unique,
  UpdateDateColumn,
} from 'typeorm';
import type { Criterion } from './criterion.entity.js';
import type { Participation } from './participation.entity.js';

/**
 * - proposed: found by the aggregation of round 1 (or added by the secretariat), not sent yet;
 * - dismissed: the secretariat struck the proposal out (kept, so a re-run does not propose it again);
 * - confirmed: sent to the unit (its workflow was signalled); the unit answers it in step 6.
 */
export type ExplanationRequestStatus = 'proposed' | 'dismissed' | 'confirmed';

/** Who put the criterion on the list: the aggregation of round 1, or the secretariat by hand. */
export type ExplanationRequestOrigin = 'aggregation' | 'secretariat';

/** Why the aggregation proposed it. */
export type ExplanationGround = 'below_self_score' | 'missing_evidence';

/**
 * One criterion a unit is (or may be) asked to explain (đề nghị giải trình, step 5), and the
 * unit's answer to it (step 6): text and extra evidence files.
 */
@Entity({ name: 'explanation_requests' })
@Unique('uq_explanation_requests_criterion', ['participationId', 'criterionId'])
@Check('ck_explanation_requests_status', `"status" IN ('proposed', 'dismissed', 'confirmed')`)
@Check('ck_explanation_requests_origin', `"origin" IN ('aggregation', 'secretariat')`)
export class ExplanationRequest {
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

  @Column({ type: 'varchar', length: 16, default: 'proposed' })
  status: ExplanationRequestStatus;

  @Column({ type: 'varchar', length: 16 })
  origin: ExplanationRequestOrigin;

  @Column({ type: 'text', array: true, default: () => "'{}'" })
  grounds: ExplanationGround[];

  /** Why the unit must explain, in Vietnamese, as the unit reads it. */
  @Column({ type: 'text' })
  reason: string;

  /** The request letter's own words when it was confirmed (every criterion it asked about). */
  @Column({ name: 'request_reason', type: 'text', nullable: true })
  requestReason: string | null;

  /** Last edit by the secretariat (reason changed, struck out or put back). */
  @Column({ name: 'edited_by', type: 'varchar', length: 255, nullable: true })
  editedBy: string | null;

  @Column({ name: 'edited_at', type: 'timestamptz', nullable: true })
  editedAt: Date | null;

  @Column({ name: 'confirmed_by', type: 'varchar', length: 255, nullable: true })
  confirmedBy: string | null;

  @Column({ name: 'confirmed_at', type: 'timestamptz', nullable: true })
  confirmedAt: Date | null;

  /**
   * The explanation deadline (step 6) that applied to the unit when the request was confirmed,
   * with its extension: what the request mail names.
   */
  @Column({ type: 'timestamptz', nullable: true })
  deadline: Date | null;

  /** The unit's explanation of this criterion (giải trình). */
  @Column({ name: 'answer_text', type: 'text', nullable: true })
  answerText: string | null;

  /** Extra evidence files (ids in evidence_files, the unit's own). */
  @Column({ name: 'answer_evidence_ids', type: 'uuid', array: true, default: () => "'{}'" })
  answerEvidenceIds: string[];

  @Column({ name: 'answered_by', type: 'varchar', length: 255, nullable: true })
  answeredBy: string | null;

  @Column({ name: 'answered_at', type: 'timestamptz', nullable: true })
  answeredAt: Date | null;

  /** When the aggregation (or the secretariat) first proposed it. */
  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt: Date;
}
