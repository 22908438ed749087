import {
  Column,
  CreateDateColumn,
  Entity,
  Index,
  JoinColumn,
  ManyToOne,
  PrimaryGeneratedColumn,
  UpdateDateColumn,
} from 'typeorm';
import type { Campaign } from './campaign.entity.js';

/** A member's place in the Appraisal Council, as the establishment decision lists them. */
export const COUNCIL_ROLES = ['chair', 'vice_chair', 'member', 'secretary'] as const;
export type CouncilRole = (typeof COUNCIL_ROLES)[number];

/**
 * A member of a campaign's Appraisal Council (thành viên Hội đồng thẩm định), as the decision
 * establishing it (step 1) names them: the council changes from year to year, so it is per
 * campaign.
 */
@Entity({ name: 'council_members' })
@Index('ix_council_members_campaign', ['campaignId', 'sortOrder'])
export class CouncilMember {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ name: 'campaign_id', type: 'uuid' })
  campaignId: string;

  @ManyToOne('Campaign', { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'campaign_id' })
  campaign?: Campaign;

  /** "Nguyễn Văn A" */
  @Column({ name: 'full_name', type: 'varchar', length: 255 })
  fullName: string;

  /** Chức vụ: "Phó Chủ tịch UBND tỉnh", "Giám đốc Sở Nội vụ". */
  @Column({ type: 'varchar', length: 255 })
  position: string;

  /** Cơ quan công tác: "Sở Nội vụ". */
  @Column({ type: 'varchar', length: 255 })
  organisation: string;

  @Column({ name: 'council_role', type: 'varchar', length: 16 })
  role: CouncilRole;

  @Column({ type: 'varchar', length: 320, nullable: true })
  email: string | null;

  /** Order in the decision's list (the chair first). */
  @Column({ name: 'sort_order', type: 'int' })
  sortOrder: number;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt: Date;
}
