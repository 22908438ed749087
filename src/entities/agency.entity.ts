import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';

/** An appraising body (cơ quan thẩm định): SNV, Văn phòng UBND tỉnh, Sở Tư pháp, … */
@Entity({ name: 'agencies' })
export class Agency {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ type: 'varchar', length: 32, unique: true })
  code: string;

  @Column({ type: 'varchar', length: 255 })
  name: string;

  @Column({ type: 'varchar', length: 320, nullable: true })
  email: string | null;
}
