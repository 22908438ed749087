import { Column, Entity, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';

/**
 * An appraising body (cơ quan thẩm định): SNV, Văn phòng UBND tỉnh, Sở Tư pháp, … Kept as data
 * the secretariat corrects: its appraisal contact gets the round's reminders, its head the
 * escalation when the round's scores are late. An agency that no longer exists (departments merged
 * in 2025) is inactive: it gets no mail, and a plan naming it cannot be launched.
 */
@Entity({ name: 'agencies' })
export class Agency {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ type: 'varchar', length: 32, unique: true })
  code: string;

  @Column({ type: 'varchar', length: 255 })
  name: string;

  /** The appraisal contact's address: the round's reminders go here. */
  @Column({ type: 'varchar', length: 320, nullable: true })
  email: string | null;

  /** Further addresses of the appraisal contact (a team), in copy of the same mails. */
  @Column({ name: 'cc_emails', type: 'text', array: true, default: () => "'{}'" })
  ccEmails: string[];

  /** Who handles the appraisal (người đầu mối thẩm định), as the mails greet them. */
  @Column({ name: 'contact_name', type: 'varchar', length: 255, nullable: true })
  contactName: string | null;

  /** The agency's head (Giám đốc, Chánh Văn phòng …): escalations go to them. */
  @Column({ name: 'head_name', type: 'varchar', length: 255, nullable: true })
  headName: string | null;

  @Column({ name: 'head_title', type: 'varchar', length: 255, nullable: true })
  headTitle: string | null;

  @Column({ name: 'head_email', type: 'varchar', length: 320, nullable: true })
  headEmail: string | null;

  /** False once the agency no longer exists (merged, dissolved): no mail goes to it. */
  @Column({ type: 'boolean', default: true })
  active: boolean;

  /** The agency that took over its work, when it was merged. */
  @Column({ name: 'merged_into', type: 'varchar', length: 32, nullable: true })
  mergedInto: string | null;

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt: Date;
}
