import {
  Column,
  CreateDateColumn,
  Entity,
  JoinColumn,
  ManyToOne,
  OneToMany,
  PrimaryGeneratedColumn,
  Unique,
  UpdateDateColumn,
} from 'typeorm';
import type { Participation } from './participation.entity.js';
import type { SelfAssessmentItem } from './self-assessment-item.entity.js';

export type SelfAssessmentStatus = 'draft' | 'submitted';

/**
 * A unit's self-assessment (báo cáo tự đánh giá). Versioned: the draft is the newest version until
 * submitted; editing after a submit opens a new draft version, and a re-submit keeps the old one.
 */
@Entity({ name: 'self_assessments' })
@Unique('uq_self_assessments_version', ['participationId', 'version'])
export class SelfAssessment {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ name: 'participation_id', type: 'uuid' })
  participationId: string;

  @ManyToOne('Participation', { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'participation_id' })
  participation?: Participation;

  @Column({ type: 'int' })
  version: number;

  @Column({ type: 'varchar', length: 16, default: 'draft' })
  status: SelfAssessmentStatus;

  @Column({ name: 'submitted_at', type: 'timestamptz', nullable: true })
  submittedAt: Date | null;

  /** Submitted after the step's deadline (or the unit's extension). */
  @Column({ type: 'boolean', default: false })
  late: boolean;

  @Column({ name: 'submitted_by', type: 'varchar', length: 255, nullable: true })
  submittedBy: string | null;

  @OneToMany('SelfAssessmentItem', (item: SelfAssessmentItem) => item.selfAssessment, {
    cascade: true,
  })
  items?: SelfAssessmentItem[];

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt: Date;
}
