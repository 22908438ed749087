import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The notification log (one row per e-mail, unique by business key: the exactly-once guard of
 * the mail activities) and each campaign's reminder policy.
 */
export class Notifications1764241200000 implements MigrationInterface {
  name = 'Notifications1764241200000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE TABLE "notifications" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "campaign_id" uuid NOT NULL, "participation_id" uuid, "agency_id" uuid, "business_key" text NOT NULL, "kind" character varying(32) NOT NULL, "step_number" integer, "audience" character varying(16) NOT NULL, "to_addresses" text array NOT NULL, "cc_addresses" text array NOT NULL DEFAULT '{}', "subject" text NOT NULL, "scheduled_for" TIMESTAMP WITH TIME ZONE NOT NULL, "status" character varying(16) NOT NULL DEFAULT 'sending', "attempts" integer NOT NULL DEFAULT '0', "handoff_at" TIMESTAMP WITH TIME ZONE, "last_error" text, "smtp_response" text, "message_id" character varying(255), "sent_at" TIMESTAMP WITH TIME ZONE, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "UQ_956a750f059188c4bce2df63122" UNIQUE ("business_key"), CONSTRAINT "ck_notifications_status" CHECK ("status" IN ('sending', 'sent', 'failed', 'unconfirmed')), CONSTRAINT "PK_6a72c3c0f683f6462415e653c3a" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(
      `CREATE INDEX "ix_notifications_campaign_created" ON "notifications"  ("campaign_id", "created_at") `,
    );
    await queryRunner.query(
      `CREATE INDEX "ix_notifications_campaign_participation" ON "notifications"  ("campaign_id", "participation_id") `,
    );
    await queryRunner.query(`ALTER TABLE "campaigns" ADD "reminder_policy" jsonb`);
    await queryRunner.query(
      `ALTER TABLE "notifications" ADD CONSTRAINT "FK_56b94248cf930d1adc7cc07dd63" FOREIGN KEY ("campaign_id") REFERENCES "campaigns"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "notifications" ADD CONSTRAINT "FK_ba4018856eb613bc876bbf5f6e6" FOREIGN KEY ("participation_id") REFERENCES "participations"("id") ON DELETE SET NULL ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "notifications" ADD CONSTRAINT "FK_ab0731d07b55a853a9718d3e85d" FOREIGN KEY ("agency_id") REFERENCES "agencies"("id") ON DELETE SET NULL ON UPDATE NO ACTION`,
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `ALTER TABLE "notifications" DROP CONSTRAINT "FK_ab0731d07b55a853a9718d3e85d"`,
    );
    await queryRunner.query(
      `ALTER TABLE "notifications" DROP CONSTRAINT "FK_ba4018856eb613bc876bbf5f6e6"`,
    );
    await queryRunner.query(
      `ALTER TABLE "notifications" DROP CONSTRAINT "FK_56b94248cf930d1adc7cc07dd63"`,
    );
    await queryRunner.query(`ALTER TABLE "campaigns" DROP COLUMN "reminder_policy"`);
    await queryRunner.query(`DROP INDEX "public"."ix_notifications_campaign_participation"`);
    await queryRunner.query(`DROP INDEX "public"."ix_notifications_campaign_created"`);
    await queryRunner.query(`DROP TABLE "notifications"`);
  }
}
