import { Column, Entity, JoinColumn, ManyToOne, PrimaryGeneratedColumn, Unique } from 'typeorm';
import type { StepActor, StepClosedBy, StepKind } from '../domain/words.js';
import type { Campaign } from './campaign.entity.js';

/** One step of the campaign's plan, with its window as instants (computed from local dates). */
@Entity({ name: 'campaign_steps' })
@Unique('uq_campaign_steps_number', ['campaignId', 'number'])
export class CampaignStep {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ name: 'campaign_id', type: 'uuid' })
  campaignId: string;

  @ManyToOne('Campaign', (campaign: Campaign) => campaign.steps, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'campaign_id' })
  campaign?: Campaign;

  @Column({ type: 'int' })
  number: number;

  @Column({ type: 'varchar', length: 32, default: 'other' })
  kind: StepKind;

  @Column({ name: 'title_vi', type: 'text' })
  titleVi: string;

  @Column({ name: 'title_en', type: 'text' })
  titleEn: string;

  @Column({ type: 'varchar', length: 16 })
  actor: StepActor;

  /** Cơ quan chủ trì, e.g. "Sở Nội vụ". */
  @Column({ type: 'varchar', length: 255 })
  lead: string;

  /** Cơ quan phối hợp, e.g. "Tổ thư ký". */
  @Column({ type: 'varchar', length: 255 })
  coordinating: string;

  /** Window opening; null when the step starts after another one (startsAfterStep). */
  @Column({ name: 'opens_at', type: 'timestamptz', nullable: true })
  opensAt: Date | null;

  /**
   * Deadline as amended (the audit log keeps every amendment); null when the step has no date (it
   * ends when its actor completes it).
   */
  @Column({ type: 'timestamptz', nullable: true })
  deadline: Date | null;

  /** "starts after step N", e.g. step 11 starts after the announcement (step 10). */
  @Column({ name: 'starts_after_step', type: 'int', nullable: true })
  startsAfterStep: number | null;

  /**
   * The secretariat opened the step before its window. Where a step stands is computed from
   * these facts by the campaign rules (src/domain/campaign-rules), never stored.
   */
  @Column({ name: 'opened_early_at', type: 'timestamptz', nullable: true })
  openedEarlyAt: Date | null;

  /** Closed early (a units' step) or completed by its actor (the others). */
  @Column({ name: 'completed_at', type: 'timestamptz', nullable: true })
  completedAt: Date | null;

  @Column({ name: 'completed_by', type: 'varchar', length: 16, nullable: true })
  completedBy: Exclude<StepClosedBy, 'deadline'> | null;

  /** The plan's own wording of the window, kept for the record: "Từ ngày 01-24/12/2021". */
  @Column({ name: 'window_text', type: 'varchar', length: 255, nullable: true })
  windowText: string | null;
}
