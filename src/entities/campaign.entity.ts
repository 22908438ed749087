import {
  Column,
  CreateDateColumn,
  Entity,
  OneToMany,
  PrimaryGeneratedColumn,
  UpdateDateColumn,
} from 'typeorm';
import type { ReminderPolicyInput } from '../domain/reminders/reminder-policy.js';
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

export type CampaignStatus = 'draft' | 'launched' | 'completed';
/** What happens to a self-assessment after its deadline: accepted and flagged late, or refused. */
export type LateSubmissionPolicy = 'accept' | 'refuse';

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
  latePolicy: LateSubmissionPolicy;

  /**
   * When reminders, escalations and digests go out: the fields that differ from
   * DEFAULT_REMINDER_POLICY; null follows the default.
   */
  @Column({ name: 'reminder_policy', type: 'jsonb', nullable: true })
  reminderPolicy: ReminderPolicyInput | null;

  /** The highest-numbered open step, as the campaign workflow reports it. */
  @Column({ name: 'current_step', type: 'int', nullable: true })
  currentStep: number | null;

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
