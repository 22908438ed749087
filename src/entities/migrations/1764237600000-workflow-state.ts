import type { MigrationInterface, QueryRunner } from 'typeorm';

/** Where steps, campaigns and units stand, as the workflows report it. */
export class WorkflowState1764237600000 implements MigrationInterface {
  name = 'WorkflowState1764237600000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `ALTER TABLE "campaign_steps" ADD "status" character varying(16) NOT NULL DEFAULT 'pending'`,
    );
    await queryRunner.query(
      `ALTER TABLE "campaign_steps" ADD "opened_at" TIMESTAMP WITH TIME ZONE`,
    );
    await queryRunner.query(
      `ALTER TABLE "campaign_steps" ADD "closed_at" TIMESTAMP WITH TIME ZONE`,
    );
    await queryRunner.query(`ALTER TABLE "campaign_steps" ADD "closed_by" character varying(16)`);
    await queryRunner.query(
      `ALTER TABLE "campaign_steps" ADD "overdue" boolean NOT NULL DEFAULT false`,
    );
    await queryRunner.query(`ALTER TABLE "campaigns" ADD "current_step" integer`);
    await queryRunner.query(
      `ALTER TABLE "participations" ADD "status_changed_at" TIMESTAMP WITH TIME ZONE`,
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "participations" DROP COLUMN "status_changed_at"`);
    await queryRunner.query(`ALTER TABLE "campaigns" DROP COLUMN "current_step"`);
    await queryRunner.query(`ALTER TABLE "campaign_steps" DROP COLUMN "overdue"`);
    await queryRunner.query(`ALTER TABLE "campaign_steps" DROP COLUMN "closed_by"`);
    await queryRunner.query(`ALTER TABLE "campaign_steps" DROP COLUMN "closed_at"`);
    await queryRunner.query(`ALTER TABLE "campaign_steps" DROP COLUMN "opened_at"`);
    await queryRunner.query(`ALTER TABLE "campaign_steps" DROP COLUMN "status"`);
  }
}
