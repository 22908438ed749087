import {
  Column,
  CreateDateColumn,
  Entity,
  Index,
  JoinColumn,
  ManyToOne,
  PrimaryGeneratedColumn,
} from 'typeorm';
import type { Campaign } from './campaign.entity.js';

/** What an outbox row asks of Temporal: start a workflow, or signal one. */
export type OutboxKind = 'start' | 'signal';

/**
 * How a row ended: delivered; the target had ended (nothing left to tell); it never ran while
 * its campaign did; or Temporal refused it for good (e.g. another campaign's workflow holds the
 * ID). The last three are logged with the reason.
 */
export type OutboxOutcome = 'delivered' | 'workflow_ended' | 'not_running' | 'refused';

/**
 * A message to a workflow, written in the same transaction as the action it tells of (and its
 * audit entry), then delivered by the relay until Temporal has it, also after a restart. Its id
 * is the action's ID in the signal, so a repeated delivery is a no-op in the workflow.
 */
@Entity({ name: 'workflow_outbox' })
// The relay's look-ups: the rows still due, and a target's undelivered rows in order.
@Index('ix_workflow_outbox_due', ['nextAttemptAt', 'id'], { where: '"delivered_at" IS NULL' })
@Index('ix_workflow_outbox_target', ['workflowId', 'id'], { where: '"delivered_at" IS NULL' })
@Index('ix_workflow_outbox_campaign', ['campaignId'])
export class OutboxMessage {
  @PrimaryGeneratedColumn({ type: 'bigint' })
  id: string;

  @Column({ name: 'campaign_id', type: 'uuid' })
  campaignId: string;

  @ManyToOne('Campaign', { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'campaign_id', foreignKeyConstraintName: 'fk_workflow_outbox_campaign' })
  campaign?: Campaign;

  @Column({ name: 'workflow_id', type: 'varchar', length: 200 })
  workflowId: string;

  @Column({ type: 'varchar', length: 16 })
  kind: OutboxKind;

  /** The signal's name, or the workflow type to start. */
  @Column({ type: 'varchar', length: 64 })
  name: string;

  /** The signal's argument, or the start's options and arguments. */
  @Column({ type: 'jsonb' })
  payload: Record<string, unknown>;

  /** The audited action it tells of, e.g. "self_assessment.submit". */
  @Column({ type: 'varchar', length: 64 })
  action: string;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;

  @Column({ type: 'int', default: 0 })
  attempts: number;

  @Column({ name: 'next_attempt_at', type: 'timestamptz', default: () => 'now()' })
  nextAttemptAt: Date;

  @Column({ name: 'delivered_at', type: 'timestamptz', nullable: true })
  deliveredAt: Date | null;

  @Column({ type: 'varchar', length: 16, nullable: true })
  outcome: OutboxOutcome | null;

  @Column({ name: 'last_error', type: 'text', nullable: true })
  lastError: string | null;
}
