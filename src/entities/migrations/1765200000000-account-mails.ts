import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Invitations and reset links go through the notification log like every other mail (one row per
 * business key, a stable Message-ID, sent once): such a row belongs to no campaign.
 */
export class AccountMails1765200000000 implements MigrationInterface {
  name = 'AccountMails1765200000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "notifications" ALTER COLUMN "campaign_id" DROP NOT NULL`);
    await queryRunner.query(
      `ALTER TABLE "notifications" ADD CONSTRAINT "ck_notifications_campaign" CHECK ("campaign_id" IS NOT NULL OR "kind" IN ('account_invitation', 'password_reset'))`,
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DELETE FROM "notifications" WHERE "campaign_id" IS NULL`);
    await queryRunner.query(
      `ALTER TABLE "notifications" DROP CONSTRAINT "ck_notifications_campaign"`,
    );
    await queryRunner.query(`ALTER TABLE "notifications" ALTER COLUMN "campaign_id" SET NOT NULL`);
  }
}
