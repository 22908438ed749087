import type { MigrationInterface, QueryRunner } from 'typeorm';

/** Years of the working-day calendar loaded as data; each replaces the built-in year. */
export class CalendarYears1765300000000 implements MigrationInterface {
  name = 'CalendarYears1765300000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE TABLE "calendar_years" ("year" integer NOT NULL, "data" jsonb NOT NULL, "source_decision" text, "provisional" boolean NOT NULL DEFAULT false, "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_by" character varying(255) NOT NULL, CONSTRAINT "PK_calendar_years" PRIMARY KEY ("year"))`,
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE "calendar_years"`);
  }
}
