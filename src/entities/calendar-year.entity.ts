import { Column, Entity, PrimaryColumn, UpdateDateColumn } from 'typeorm';
import type { CalendarYear } from '../domain/calendar/calendar-data.js';

/**
 * A year of the working-day calendar held as data (loaded by the secretariat): it replaces the
 * built-in year of the same number for every planner (src/loaders/business-calendar.ts).
 */
@Entity({ name: 'calendar_years' })
export class CalendarYearRecord {
  @PrimaryColumn({ type: 'int' })
  year: number;

  /** The year as calendar-json.ts reads it (checked before it is stored). */
  @Column({ type: 'jsonb' })
  data: CalendarYear;

  /** The decision(s) it follows, as an official cites them (a copy of data.sourceDecision). */
  @Column({ name: 'source_decision', type: 'text', nullable: true })
  sourceDecision: string | null;

  /** Not yet checked against the published text, or not decreed (a copy of data.provisional). */
  @Column({ type: 'boolean', default: false })
  provisional: boolean;

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt: Date;

  /** Who loaded it (the token's or account's name). */
  @Column({ name: 'updated_by', type: 'varchar', length: 255 })
  updatedBy: string;
}
