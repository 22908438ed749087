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

/**
 * Signed reports uploaded to a campaign: a unit's self-assessment report (step 3) and an
 * agency's field appraisal report (steps 4 and 7). The kinds of report a campaign keeps.
 */
export const CAMPAIGN_REPORT_KINDS = ['self_assessment_report', 'field_appraisal_report'] as const;
export type CampaignReportKind = (typeof CAMPAIGN_REPORT_KINDS)[number];

/** An uploaded signed report; the bytes live on disk under <dataDir>/reports. */
@Entity({ name: 'campaign_reports' })
@Index('ix_campaign_reports_campaign', ['campaignId', 'kind'])
export class CampaignReport {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ name: 'campaign_id', type: 'uuid' })
  campaignId: string;

  @ManyToOne('Campaign', { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'campaign_id' })
  campaign?: Campaign;

  @Column({ type: 'varchar', length: 32 })
  kind: CampaignReportKind;

  /** The plan's step it belongs to (3, 4 or 7). */
  @Column({ name: 'step_number', type: 'int' })
  stepNumber: number;

  /** The unit whose report it is (self-assessment reports). */
  @Column({ name: 'unit_id', type: 'uuid', nullable: true })
  unitId: string | null;

  /** The agency whose report it is (field appraisal reports). */
  @Column({ name: 'agency_id', type: 'uuid', nullable: true })
  agencyId: string | null;

  @Column({ name: 'file_name', type: 'varchar', length: 255 })
  fileName: string;

  @Column({ name: 'mime_type', type: 'varchar', length: 128 })
  mimeType: string;

  @Column({ name: 'size_bytes', type: 'int' })
  sizeBytes: number;

  @Column({ type: 'char', length: 64 })
  sha256: string;

  /** Path relative to the reports folder under DATA_DIR. */
  @Column({ name: 'storage_path', type: 'varchar', length: 512 })
  storagePath: string;

  @Column({ name: 'uploaded_by', type: 'varchar', length: 255 })
  uploadedBy: string;

  @CreateDateColumn({ name: 'uploaded_at', type: 'timestamptz' })
  uploadedAt: Date;
}
