import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The appraising agencies as data the secretariat corrects (contact, head, merged/inactive), and
 * the secretariat's own contacts (the head receives escalations) instead of a process setting.
 */
export class AgenciesAndContacts1765320000000 implements MigrationInterface {
  name = 'AgenciesAndContacts1765320000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `ALTER TABLE "agencies" ADD "cc_emails" text array NOT NULL DEFAULT '{}'`,
    );
    await queryRunner.query(`ALTER TABLE "agencies" ADD "contact_name" character varying(255)`);
    await queryRunner.query(`ALTER TABLE "agencies" ADD "head_name" character varying(255)`);
    await queryRunner.query(`ALTER TABLE "agencies" ADD "head_title" character varying(255)`);
    await queryRunner.query(`ALTER TABLE "agencies" ADD "head_email" character varying(320)`);
    await queryRunner.query(`ALTER TABLE "agencies" ADD "active" boolean NOT NULL DEFAULT true`);
    await queryRunner.query(`ALTER TABLE "agencies" ADD "merged_into" character varying(32)`);
    await queryRunner.query(
      `ALTER TABLE "agencies" ADD "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now()`,
    );
    await queryRunner.query(
      `CREATE TABLE "secretariat_contacts" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "name" character varying(255) NOT NULL, "title" character varying(255), "email" character varying(320) NOT NULL, "phone" character varying(32), "is_head" boolean NOT NULL DEFAULT false, "active" boolean NOT NULL DEFAULT true, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_secretariat_contacts" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(
      `CREATE UNIQUE INDEX "uq_secretariat_contacts_email" ON "secretariat_contacts" ("email")`,
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE "secretariat_contacts"`);
    for (const column of [
      'updated_at',
      'merged_into',
      'active',
      'head_email',
      'head_title',
      'head_name',
      'contact_name',
      'cc_emails',
    ]) {
      await queryRunner.query(`ALTER TABLE "agencies" DROP COLUMN "${column}"`);
    }
  }
}
