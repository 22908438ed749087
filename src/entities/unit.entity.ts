import {
  Column,
  CreateDateColumn,
  Entity,
  PrimaryGeneratedColumn,
  UpdateDateColumn,
} from 'typeorm';

/** A scored unit (đơn vị, địa phương): a department, a district or a commune People's Committee. */
@Entity({ name: 'units' })
export class Unit {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  /** Short stable code used in workflow IDs and search attributes, e.g. "SNV". */
  @Column({ type: 'varchar', length: 32, unique: true })
  code: string;

  /** Official Vietnamese name, e.g. "Sở Nội vụ". */
  @Column({ type: 'varchar', length: 255 })
  name: string;

  /** Unit group the index set and ranking are per: "department", "district", "commune", … */
  @Column({ name: 'group_code', type: 'varchar', length: 32 })
  group: string;

  @Column({ name: 'focal_email', type: 'varchar', length: 320, nullable: true })
  focalEmail: string | null;

  @Column({ name: 'head_email', type: 'varchar', length: 320, nullable: true })
  headEmail: string | null;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt: Date;
}
