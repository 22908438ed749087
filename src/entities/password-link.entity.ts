import {
  Check,
  Column,
  CreateDateColumn,
  Entity,
  Index,
  JoinColumn,
  ManyToOne,
  PrimaryGeneratedColumn,
} from 'typeorm';
import type { Account } from './account.entity.js';

export type PasswordLinkPurpose = 'invitation' | 'reset';

/**
 * A one-time link to set a password (an invitation, or a reset). Only the token's SHA-256 is
 * stored; the token is in the e-mail alone. Used once, then `usedAt` is set.
 */
@Entity({ name: 'password_links' })
@Index('ix_password_links_account', ['accountId'])
@Check('ck_password_links_purpose', `"purpose" IN ('invitation', 'reset')`)
export class PasswordLink {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ name: 'account_id', type: 'uuid' })
  accountId: string;

  @ManyToOne('Account', { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'account_id', foreignKeyConstraintName: 'fk_password_links_account' })
  account?: Account;

  @Column({ type: 'varchar', length: 16 })
  purpose: PasswordLinkPurpose;

  @Column({ name: 'token_hash', type: 'char', length: 64, unique: true })
  tokenHash: string;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;

  @Column({ name: 'expires_at', type: 'timestamptz' })
  expiresAt: Date;

  @Column({ name: 'used_at', type: 'timestamptz', nullable: true })
  usedAt: Date | null;
}
