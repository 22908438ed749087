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

  @OneToMany('StepExtension', (extension: StepExtension) => extension.participation)
  extensions?: StepExtension[];

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt: Date;
}
