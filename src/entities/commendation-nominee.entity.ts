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

/**
 * A person the secretariat proposes for commendation in step 11 (cá nhân đề nghị khen thưởng):
 * collectives follow from the ranking, individuals are entered by hand.
 */
@Entity({ name: 'commendation_nominees' })
@Index('ix_commendation_nominees_campaign', ['campaignId', 'sortOrder'])
export class CommendationNominee {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ name: 'campaign_id', type: 'uuid' })
  campaignId: string;

  @ManyToOne('Campaign', { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'campaign_id' })
  campaign?: Campaign;

  @Column({ name: 'full_name', type: 'varchar', length: 255 })
  fullName: string;

  /** Chức vụ: "Chuyên viên", "Trưởng phòng CCHC". */
  @Column({ type: 'varchar', length: 255 })
  position: string;

  /** Đơn vị công tác, as written in the proposal: "Sở Tư pháp". */
  @Column({ name: 'unit_name', type: 'varchar', length: 255 })
  unitName: string;

  /** Thành tích: what the commendation is for. */
  @Column({ type: 'text' })
  achievement: string;

  @Column({ name: 'sort_order', type: 'int' })
  sortOrder: number;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt: Date;
}
