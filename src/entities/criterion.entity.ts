import { Column, Entity, JoinColumn, ManyToOne, PrimaryGeneratedColumn, Unique } from 'typeorm';
import type { CriterionKind, CriterionLevel } from '../domain/words.js';
import type { Agency } from './agency.entity.js';
import type { IndexSet } from './index-set.entity.js';
import { numericTransformer } from './numeric-transformer.js';

/** A node of an index set. Leaves are what units and appraisers score. */
@Entity({ name: 'criteria' })
@Unique('uq_criteria_index_set_code', ['indexSetId', 'code'])
export class Criterion {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ name: 'index_set_id', type: 'uuid' })
  indexSetId: string;

  @ManyToOne('IndexSet', (set: IndexSet) => set.criteria, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'index_set_id' })
  indexSet?: IndexSet;

  @Column({ name: 'parent_id', type: 'uuid', nullable: true })
  parentId: string | null;

  @ManyToOne('Criterion', { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'parent_id' })
  parent?: Criterion | null;

  /** Hierarchical code, unique in the set: "1", "1.2", "1.2.3". */
  @Column({ type: 'varchar', length: 32 })
  code: string;

  @Column({ type: 'varchar', length: 16 })
  level: CriterionLevel;

  @Column({ type: 'varchar', length: 16, default: 'regular' })
  kind: CriterionKind;

  @Column({ type: 'text' })
  title: string;

  /** Điểm tối đa. For penalties, the cap of points that can be subtracted. */
  @Column({
    name: 'max_points',
    type: 'numeric',
    precision: 7,
    scale: 2,
    transformer: numericTransformer,
  })
  maxPoints: number;

  /** The appraising agency that scores this node's leaves. */
  @Column({ name: 'agency_id', type: 'uuid', nullable: true })
  agencyId: string | null;

  @ManyToOne('Agency', { onDelete: 'SET NULL' })
  @JoinColumn({ name: 'agency_id' })
  agency?: Agency | null;

  @Column({ name: 'evidence_required', type: 'boolean', default: false })
  evidenceRequired: boolean;

  /** Hướng dẫn chấm điểm. */
  @Column({ type: 'text', nullable: true })
  guidance: string | null;

  @Column({ name: 'sort_order', type: 'int', default: 0 })
  sortOrder: number;
}
