import {
  Column,
  CreateDateColumn,
  Entity,
  Index,
  PrimaryGeneratedColumn,
  UpdateDateColumn,
} from 'typeorm';

/**
 * A member of the secretariat (Tổ thư ký) mails go to: digests and delivery reports to every
 * active contact, escalations to the head (Tổ trưởng Tổ thư ký). Data, not a process setting, so
 * the secretariat corrects it itself; SECRETARIAT_EMAILS only fills an empty table on first start.
 */
@Entity({ name: 'secretariat_contacts' })
export class SecretariatContact {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ type: 'varchar', length: 255 })
  name: string;

  /** "Phó Trưởng phòng CCHC", "Chuyên viên" … */
  @Column({ type: 'varchar', length: 255, nullable: true })
  title: string | null;

  /** Unique among contacts; stored in lower case. */
  @Index('uq_secretariat_contacts_email', { unique: true })
  @Column({ type: 'varchar', length: 320 })
  email: string;

  @Column({ type: 'varchar', length: 32, nullable: true })
  phone: string | null;

  /** Trưởng / Tổ trưởng Tổ thư ký: the escalations' recipient. */
  @Column({ name: 'is_head', type: 'boolean', default: false })
  isHead: boolean;

  @Column({ type: 'boolean', default: true })
  active: boolean;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt: Date;
}
