import {
  Check,
  Column,
  CreateDateColumn,
  Entity,
  JoinColumn,
  ManyToOne,
  PrimaryGeneratedColumn,
} from 'typeorm';
import type { Agency } from './agency.entity.js';
import type { Role } from './api-token.entity.js';
import type { Unit } from './unit.entity.js';

/**
 * A person who signs in to the portal, with the same roles as the machine tokens. The password is
 * only ever kept as a scrypt hash; an invited account has none until its invitation link is used.
 */
@Entity({ name: 'accounts' })
@Check('ck_accounts_role', `"role" IN ('admin', 'secretariat', 'appraiser', 'unit', 'council')`)
export class Account {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  /** Lower-cased and trimmed before it is stored, so sign-in ignores the case. */
  @Column({ type: 'varchar', length: 320, unique: true })
  email: string;

  @Column({ name: 'full_name', type: 'varchar', length: 255 })
  fullName: string;

  @Column({ type: 'varchar', length: 16 })
  role: Role;

  /** For role "unit": the only unit the person acts for. */
  @Column({ name: 'unit_id', type: 'uuid', nullable: true })
  unitId: string | null;

  // RESTRICT: a unit with accounts is not deleted from under them.
  @ManyToOne('Unit', { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'unit_id', foreignKeyConstraintName: 'fk_accounts_unit' })
  unit?: Unit;

  /** For role "appraiser": the only agency whose criteria the person scores. */
  @Column({ name: 'agency_id', type: 'uuid', nullable: true })
  agencyId: string | null;

  @ManyToOne('Agency', { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'agency_id', foreignKeyConstraintName: 'fk_accounts_agency' })
  agency?: Agency;

  /** "scrypt$N$r$p$salt$hash" (see password-hash.ts); null until the person sets a password. */
  @Column({ name: 'password_hash', type: 'varchar', length: 255, nullable: true })
  passwordHash: string | null;

  @Column({ name: 'disabled_at', type: 'timestamptz', nullable: true })
  disabledAt: Date | null;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;

  @Column({ name: 'last_sign_in_at', type: 'timestamptz', nullable: true })
  lastSignInAt: Date | null;
}
