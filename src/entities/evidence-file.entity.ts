import {
  Column,
  CreateDateColumn,
  Entity,
  JoinColumn,
  ManyToOne,
  PrimaryGeneratedColumn,
} from 'typeorm';
import type { Participation } from './participation.entity.js';

/** A document a unit uploads as evidence (tài liệu kiểm chứng). The bytes live on disk. */
@Entity({ name: 'evidence_files' })
export class EvidenceFile {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ name: 'participation_id', type: 'uuid' })
  participationId: string;

  @ManyToOne('Participation', { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'participation_id' })
  participation?: Participation;

  /** The leaf criterion it supports, when given at upload. */
  @Column({ name: 'criterion_id', type: 'uuid', nullable: true })
  criterionId: string | null;

  /** Original file name, e.g. "Báo cáo CCHC 2021.pdf". */
  @Column({ name: 'file_name', type: 'varchar', length: 255 })
  fileName: string;

  @Column({ name: 'mime_type', type: 'varchar', length: 128 })
  mimeType: string;

  @Column({ name: 'size_bytes', type: 'int' })
  sizeBytes: number;

  @Column({ type: 'char', length: 64 })
  sha256: string;

  /** Path relative to the evidence folder under DATA_DIR. */
  @Column({ name: 'storage_path', type: 'varchar', length: 512 })
  storagePath: string;

  @Column({ name: 'uploaded_by', type: 'varchar', length: 255 })
  uploadedBy: string;

  @CreateDateColumn({ name: 'uploaded_at', type: 'timestamptz' })
  uploadedAt: Date;
}
