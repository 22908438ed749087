import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Amendments of a launched campaign's plan (sửa đổi, bổ sung kế hoạch), each with its decision's
 * number and date; a participation records the amendment a unit joined or left by, and when it
 * left (its data stays; results, reminders and the forecast leave it out).
 */
export class PlanAmendments1765340000000 implements MigrationInterface {
  name = 'PlanAmendments1765340000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE TABLE "plan_amendments" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "campaign_id" uuid NOT NULL, "kind" character varying(32) NOT NULL, "decision_number" character varying(64) NOT NULL, "decision_date" date NOT NULL, "reason" text NOT NULL, "details" jsonb NOT NULL, "recorded_by" character varying(255) NOT NULL, "recorded_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_097a6540224e9522ddfd2902498" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(
      `CREATE INDEX "ix_plan_amendments_campaign" ON "plan_amendments" ("campaign_id", "recorded_at")`,
    );
    await queryRunner.query(`ALTER TABLE "participations" ADD "left_at" TIMESTAMP WITH TIME ZONE`);
    await queryRunner.query(`ALTER TABLE "participations" ADD "left_by_amendment_id" uuid`);
    await queryRunner.query(`ALTER TABLE "participations" ADD "joined_by_amendment_id" uuid`);
    await queryRunner.query(
      `ALTER TABLE "participations" ADD CONSTRAINT "FK_669a745595d21a1a6b71e14a241" FOREIGN KEY ("left_by_amendment_id") REFERENCES "plan_amendments"("id") ON DELETE SET NULL ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "participations" ADD CONSTRAINT "FK_aa28cd4edfc615e821745efe201" FOREIGN KEY ("joined_by_amendment_id") REFERENCES "plan_amendments"("id") ON DELETE SET NULL ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "plan_amendments" ADD CONSTRAINT "FK_852108de76b5a5b36a6697af81f" FOREIGN KEY ("campaign_id") REFERENCES "campaigns"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `ALTER TABLE "plan_amendments" DROP CONSTRAINT "FK_852108de76b5a5b36a6697af81f"`,
    );
    await queryRunner.query(
      `ALTER TABLE "participations" DROP CONSTRAINT "FK_aa28cd4edfc615e821745efe201"`,
    );
    await queryRunner.query(
      `ALTER TABLE "participations" DROP CONSTRAINT "FK_669a745595d21a1a6b71e14a241"`,
    );
    await queryRunner.query(`ALTER TABLE "participations" DROP COLUMN "joined_by_amendment_id"`);
    await queryRunner.query(`ALTER TABLE "participations" DROP COLUMN "left_by_amendment_id"`);
    await queryRunner.query(`ALTER TABLE "participations" DROP COLUMN "left_at"`);
    await queryRunner.query(`DROP INDEX "public"."ix_plan_amendments_campaign"`);
    await queryRunner.query(`DROP TABLE "plan_amendments"`);
  }
}
