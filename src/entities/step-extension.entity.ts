import {
  Column,
  CreateDateColumn,
  Entity,
  JoinColumn,
  ManyToOne,
  PrimaryGeneratedColumn,
  Unique,
} from 'typeorm';
import type { Participation } from './participation.entity.js';

/** A later deadline granted to one unit for one step (gia hạn). The latest grant counts. */
@Entity({ name: 'step_extensions' })
@Unique('uq_step_extensions_participation_step', ['participationId', 'stepNumber'])
export class StepExtension {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ name: 'participation_id', type: 'uuid' })
  participationId: string;

  @ManyToOne('Participation', (p: Participation) => p.extensions, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'participation_id' })
  participation?: Participation;

  @Column({ name: 'step_number', type: 'int' })
  stepNumber: number;

  @Column({ type: 'timestamptz' })
  deadline: Date;

  @Column({ type: 'text', nullable: true })
  reason: string | null;

  /** Name of the token that granted it. */
  @Column({ name: 'granted_by', type: 'varchar', length: 255 })
  grantedBy: string;

  @CreateDateColumn({ name: 'granted_at', type: 'timestamptz' })
  grantedAt: Date;
}
