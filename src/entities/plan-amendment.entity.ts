import {
  Column,
  CreateDateColumn,
  Entity,
  Index,
  JoinColumn,
  ManyToOne,
  PrimaryGeneratedColumn,
} from 'typeorm';
import type { PlanAmendmentKind } from '../domain/campaign-rules/amendments.js';
import type { Campaign } from './campaign.entity.js';

/**
 * An amendment of a launched campaign's plan (sửa đổi, bổ sung kế hoạch), as the amending decision
 * allows: a unit joins or leaves, a step is added, an opening moves. Kept for the record with the
 * decision's number and date; the change itself is in the rows it touched (participations,
 * campaign_steps) and in the audit log.
 */
@Entity({ name: 'plan_amendments' })
@Index('ix_plan_amendments_campaign', ['campaignId', 'recordedAt'])
export class PlanAmendment {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ name: 'campaign_id', type: 'uuid' })
  campaignId: string;

  @ManyToOne('Campaign', { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'campaign_id' })
  campaign?: Campaign;

  @Column({ type: 'varchar', length: 32 })
  kind: PlanAmendmentKind;

  /** Số quyết định sửa đổi, bổ sung, e.g. "125/QĐ-UBND". */
  @Column({ name: 'decision_number', type: 'varchar', length: 64 })
  decisionNumber: string;

  /** Ngày ký, a local date 'YYYY-MM-DD'. */
  @Column({ name: 'decision_date', type: 'date' })
  decisionDate: string;

  @Column({ type: 'text' })
  reason: string;

  /** What changed: the units, the step added, the opening's old and new instants. */
  @Column({ type: 'jsonb' })
  details: Record<string, unknown>;

  /** Name of the token or account that recorded it. */
  @Column({ name: 'recorded_by', type: 'varchar', length: 255 })
  recordedBy: string;

  @CreateDateColumn({ name: 'recorded_at', type: 'timestamptz' })
  recordedAt: Date;
}
