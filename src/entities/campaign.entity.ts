import {
  Column,
  CreateDateColumn,
  Entity,
  OneToMany,
  PrimaryGeneratedColumn,
  UpdateDateColumn,
} from 'typeorm';
import type { CampaignStatus, LatePolicy } from '../domain/words.js';
import type { ReminderPolicyInput } from '../domain/reminders/reminder-policy.js';
import type { CommendationPolicy, RatingBand } from '../domain/scoring/index.js';
import type { CampaignStep } from './campaign-step.entity.js';

/** A document the campaign rests on, e.g. Decision 3176/QĐ-UBND of 18/11/2021. */
export interface DecisionReference {
  /** "3176/QĐ-UBND" */
  number: string;
  /** Local date, "2021-11-18". */
  date: string;
  /** What it is, in Vietnamese: "Kế hoạch chấm điểm Chỉ số CCHC năm 2021". */
  title: string;
}

/** One province's scoring campaign for one year (chấm điểm Chỉ số CCHC năm …). */
@Entity({ name: 'campaigns' })
export class Campaign {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  /** Readable and stable; the campaign workflow's ID derives from it: "par-2021-vinhlong". */
  @Column({ type: 'varchar', length: 64, unique: true })
  code: string;

  /** "Vĩnh Long" */
  @Column({ type: 'varchar', length: 128 })
  province: string;

  @Column({ type: 'int' })
  year: number;

  @Column({ type: 'varchar', length: 255 })
  name: string;

  @Column({ name: 'decision_refs', type: 'jsonb', default: () => "'[]'" })
  decisionRefs: DecisionReference[];

  /** IANA zone the plan's local dates are in; "Asia/Ho_Chi_Minh". */
  @Column({ name: 'time_zone', type: 'varchar', length: 64, default: 'Asia/Ho_Chi_Minh' })
  timeZone: string;

  @Column({ type: 'varchar', length: 16, default: 'draft' })
  status: CampaignStatus;

  @Column({ name: 'late_policy', type: 'varchar', length: 16, default: 'accept' })
  latePolicy: LatePolicy;

  /**
   * When reminders, escalations and digests go out: the fields that differ from
   * DEFAULT_REMINDER_POLICY; null follows the default.
   */
  @Column({ name: 'reminder_policy', type: 'jsonb', nullable: true })
  reminderPolicy: ReminderPolicyInput | null;

  /**
   * Rating bands (xếp loại) of this campaign's results; null follows ILLUSTRATIVE_RATING_BANDS.
   * Checked with ratingBandProblems before it is stored.
   */
  @Column({ name: 'rating_bands', type: 'jsonb', nullable: true })
  ratingBands: RatingBand[] | null;

  /** Who is proposed for commendation (step 11); null follows DEFAULT_COMMENDATION_POLICY. */
  @Column({ name: 'commendation_policy', type: 'jsonb', nullable: true })
  commendationPolicy: CommendationPolicy | null;

  /**
   * Set by the aggregation of round 2 (step 8): the appraised scores are final, neither round
   * takes scores any more.
   */
  @Column({ name: 'scores_fixed_at', type: 'timestamptz', nullable: true })
  scoresFixedAt: Date | null;

  @Column({ name: 'scores_fixed_by', type: 'varchar', length: 255, nullable: true })
  scoresFixedBy: string | null;

  /** Set by the Chairman's decision (step 10): results are public to every unit, and frozen. */
  @Column({ name: 'results_published_at', type: 'timestamptz', nullable: true })
  resultsPublishedAt: Date | null;

  /** The Chairman's decision announcing the results: number and local date. */
  @Column({ name: 'results_decision', type: 'jsonb', nullable: true })
  resultsDecision: { number: string; date: string } | null;

  /** The Appraisal Council approved the results (step 9). */
  @Column({ name: 'council_approved_at', type: 'timestamptz', nullable: true })
  councilApprovedAt: Date | null;

  @Column({ name: 'council_approval_note', type: 'text', nullable: true })
  councilApprovalNote: string | null;

  @Column({ name: 'council_approved_by', type: 'varchar', length: 255, nullable: true })
  councilApprovedBy: string | null;

  /** Set when launched. */
  @Column({ name: 'workflow_id', type: 'varchar', length: 128, nullable: true })
  workflowId: string | null;

  @Column({ name: 'launched_at', type: 'timestamptz', nullable: true })
  launchedAt: Date | null;

  /** The campaign this one was created from (next year's plan repeats the last one). */
  @Column({ name: 'copied_from_id', type: 'uuid', nullable: true })
  copiedFromId: string | null;

  @OneToMany('CampaignStep', (step: CampaignStep) => step.campaign)
  steps?: CampaignStep[];

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt: Date;
}
