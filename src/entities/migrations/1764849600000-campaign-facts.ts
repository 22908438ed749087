import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * One authority for a campaign's state: PostgreSQL records facts (the secretariat's early
 * openings and closes, completions, the council's approval) and every reader computes where a
 * step stands from them with the campaign rules; the step statuses the workflows used to report
 * are dropped (their facts carried over). The outbox holds what each action must tell Temporal,
 * written in the action's own transaction and delivered until Temporal has it.
 */
export class CampaignFacts1764849600000 implements MigrationInterface {
  name = 'CampaignFacts1764849600000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `ALTER TABLE "campaign_steps" ADD "opened_early_at" TIMESTAMP WITH TIME ZONE`,
    );
    await queryRunner.query(
      `ALTER TABLE "campaign_steps" ADD "completed_at" TIMESTAMP WITH TIME ZONE`,
    );
    await queryRunner.query(
      `ALTER TABLE "campaign_steps" ADD "completed_by" character varying(16)`,
    );
    // What the workflows reported becomes facts: openings before the window, closes by people.
    await queryRunner.query(
      `UPDATE "campaign_steps" SET "opened_early_at" = "opened_at"
        WHERE "opened_at" IS NOT NULL AND "opens_at" IS NOT NULL AND "opened_at" < "opens_at"`,
    );
    await queryRunner.query(
      `UPDATE "campaign_steps" SET "completed_at" = "closed_at", "completed_by" = "closed_by"
        WHERE "closed_at" IS NOT NULL AND "closed_by" IS NOT NULL AND "closed_by" <> 'deadline'`,
    );
    for (const column of ['status', 'opened_at', 'closed_at', 'closed_by', 'overdue']) {
      await queryRunner.query(`ALTER TABLE "campaign_steps" DROP COLUMN "${column}"`);
    }
    await queryRunner.query(`ALTER TABLE "campaigns" DROP COLUMN "current_step"`);

    await queryRunner.query(
      `ALTER TABLE "campaigns" ADD "council_approved_at" TIMESTAMP WITH TIME ZONE`,
    );
    await queryRunner.query(`ALTER TABLE "campaigns" ADD "council_approval_note" text`);
    await queryRunner.query(
      `ALTER TABLE "campaigns" ADD "council_approved_by" character varying(255)`,
    );

    await queryRunner.query(`ALTER TABLE "explanation_requests" ADD "request_reason" text`);

    await queryRunner.query(
      `CREATE TABLE "workflow_outbox" (
        "id" BIGSERIAL NOT NULL,
        "campaign_id" uuid NOT NULL,
        "workflow_id" character varying(200) NOT NULL,
        "kind" character varying(16) NOT NULL,
        "name" character varying(64) NOT NULL,
        "payload" jsonb NOT NULL,
        "action" character varying(64) NOT NULL,
        "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
        "attempts" integer NOT NULL DEFAULT 0,
        "next_attempt_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
        "delivered_at" TIMESTAMP WITH TIME ZONE,
        "outcome" character varying(16),
        "last_error" text,
        CONSTRAINT "pk_workflow_outbox" PRIMARY KEY ("id"),
        CONSTRAINT "fk_workflow_outbox_campaign" FOREIGN KEY ("campaign_id")
          REFERENCES "campaigns"("id") ON DELETE CASCADE
      )`,
    );
    await queryRunner.query(
      `CREATE INDEX "ix_workflow_outbox_due" ON "workflow_outbox" ("next_attempt_at", "id")
        WHERE "delivered_at" IS NULL`,
    );
    await queryRunner.query(
      `CREATE INDEX "ix_workflow_outbox_target" ON "workflow_outbox" ("workflow_id", "id")
        WHERE "delivered_at" IS NULL`,
    );
    await queryRunner.query(
      `CREATE INDEX "ix_workflow_outbox_campaign" ON "workflow_outbox" ("campaign_id")`,
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE "workflow_outbox"`);
    await queryRunner.query(`ALTER TABLE "explanation_requests" DROP COLUMN "request_reason"`);
    await queryRunner.query(`ALTER TABLE "campaigns" DROP COLUMN "council_approved_by"`);
    await queryRunner.query(`ALTER TABLE "campaigns" DROP COLUMN "council_approval_note"`);
    await queryRunner.query(`ALTER TABLE "campaigns" DROP COLUMN "council_approved_at"`);
    await queryRunner.query(`ALTER TABLE "campaigns" ADD "current_step" integer`);
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
    await queryRunner.query(
      `UPDATE "campaign_steps" SET "opened_at" = "opened_early_at", "closed_at" = "completed_at",
         "closed_by" = "completed_by"`,
    );
    await queryRunner.query(`ALTER TABLE "campaign_steps" DROP COLUMN "completed_by"`);
    await queryRunner.query(`ALTER TABLE "campaign_steps" DROP COLUMN "completed_at"`);
    await queryRunner.query(`ALTER TABLE "campaign_steps" DROP COLUMN "opened_early_at"`);
  }
}
