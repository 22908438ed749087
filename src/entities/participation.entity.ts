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
import type { UnitStatus } from '../domain/words.js';
import type { Campaign } from './campaign.entity.js';
import type { PlanAmendment } from './plan-amendment.entity.js';
import type { StepExtension } from './step-extension.entity.js';
import type { Unit } from './unit.entity.js';

/** A unit taking part in a campaign. */
@Entity({ name: 'participations' })
@Unique('uq_participations_campaign_unit', ['campaignId', 'unitId'])
export class Participation {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ name: 'campaign_id', type: 'uuid' })
  campaignId: string;

  @ManyToOne('Campaign', { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'campaign_id' })
  campaign?: Campaign;

  @Column({ name: 'unit_id', type: 'uuid' })
  unitId: string;

  @ManyToOne('Unit', { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'unit_id' })
  unit?: Unit;

  @Column({ type: 'varchar', length: 32, default: 'registered' })
  status: UnitStatus;

  @Column({ name: 'status_changed_at', type: 'timestamptz', nullable: true })
  statusChangedAt: Date | null;

  /**
   * The unit left the campaign by an amending decision (plan_amendments): its workflow ended, its
   * data stays readable, and results, reminders and the forecast leave it out.
   */
  @Column({ name: 'left_at', type: 'timestamptz', nullable: true })
  leftAt: Date | null;

  @Column({ name: 'left_by_amendment_id', type: 'uuid', nullable: true })
  leftByAmendmentId: string | null;

  @ManyToOne('PlanAmendment', { onDelete: 'SET NULL' })
  @JoinColumn({ name: 'left_by_amendment_id' })
  leftByAmendment?: PlanAmendment;

  /** The unit joined after the launch, by this amending decision. */
  @Column({ name: 'joined_by_amendment_id', type: 'uuid', nullable: true })
  joinedByAmendmentId: string | null;

  @ManyToOne('PlanAmendment', { onDelete: 'SET NULL' })
  @JoinColumn({ name: 'joined_by_amendment_id' })
  joinedByAmendment?: PlanAmendment;

  @OneToMany('StepExtension', (extension: StepExtension) => extension.participation)
  extensions?: StepExtension[];

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt: Date;
}
