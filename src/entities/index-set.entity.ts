import {
  Column,
  CreateDateColumn,
  Entity,
  JoinColumn,
  ManyToOne,
  OneToMany,
  PrimaryGeneratedColumn,
  Unique,
} from 'typeorm';
import type { Campaign } from './campaign.entity.js';
import type { Criterion } from './criterion.entity.js';

/** The index (Bộ Chỉ số CCHC) a campaign scores one group of units with. */
@Entity({ name: 'index_sets' })
@Unique('uq_index_sets_campaign_group', ['campaignId', 'group'])
export class IndexSet {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ name: 'campaign_id', type: 'uuid' })
  campaignId: string;

  @ManyToOne('Campaign', { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'campaign_id' })
  campaign?: Campaign;

  /** Unit group it applies to: "department", "district", "commune", … */
  @Column({ name: 'group_code', type: 'varchar', length: 32 })
  group: string;

  @Column({ type: 'varchar', length: 255 })
  name: string;

  /** Marks sample data that is not any province's real index set. */
  @Column({ type: 'boolean', default: false })
  illustrative: boolean;

  /** Where it came from, e.g. "Quyết định 771/QĐ-UBND ngày 05/4/2021" or an import file name. */
  @Column({ type: 'varchar', length: 255, nullable: true })
  source: string | null;

  @OneToMany('Criterion', (criterion: Criterion) => criterion.indexSet)
  criteria?: Criterion[];

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;
}
