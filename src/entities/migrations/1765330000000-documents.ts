import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The documents of each step: the council's members per campaign (the establishment decision's
 * list), the individuals proposed for commendation (step 11), and the signed reports uploaded by
 * units (step 3) and agencies (steps 4 and 7).
 */
export class Documents1765330000000 implements MigrationInterface {
  name = 'Documents1765330000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE TABLE "council_members" (
        "id" uuid NOT NULL DEFAULT gen_random_uuid(),
        "campaign_id" uuid NOT NULL,
        "full_name" character varying(255) NOT NULL,
        "position" character varying(255) NOT NULL,
        "organisation" character varying(255) NOT NULL,
        "council_role" character varying(16) NOT NULL,
        "email" character varying(320),
        "sort_order" integer NOT NULL,
        "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
        "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
        CONSTRAINT "PK_council_members" PRIMARY KEY ("id"),
        CONSTRAINT "FK_75dafd421e715cc80f3657815c1" FOREIGN KEY ("campaign_id") REFERENCES "campaigns"("id") ON DELETE CASCADE
      )`,
    );
    await queryRunner.query(
      `CREATE INDEX "ix_council_members_campaign" ON "council_members" ("campaign_id", "sort_order")`,
    );
    await queryRunner.query(
      `CREATE TABLE "commendation_nominees" (
        "id" uuid NOT NULL DEFAULT gen_random_uuid(),
        "campaign_id" uuid NOT NULL,
        "full_name" character varying(255) NOT NULL,
        "position" character varying(255) NOT NULL,
        "unit_name" character varying(255) NOT NULL,
        "achievement" text NOT NULL,
        "sort_order" integer NOT NULL,
        "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
        "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
        CONSTRAINT "PK_commendation_nominees" PRIMARY KEY ("id"),
        CONSTRAINT "FK_6d35bfa5b48500bdc04d3e72ed3" FOREIGN KEY ("campaign_id") REFERENCES "campaigns"("id") ON DELETE CASCADE
      )`,
    );
    await queryRunner.query(
      `CREATE INDEX "ix_commendation_nominees_campaign" ON "commendation_nominees" ("campaign_id", "sort_order")`,
    );
    await queryRunner.query(
      `CREATE TABLE "campaign_reports" (
        "id" uuid NOT NULL DEFAULT gen_random_uuid(),
        "campaign_id" uuid NOT NULL,
        "kind" character varying(32) NOT NULL,
        "step_number" integer NOT NULL,
        "unit_id" uuid,
        "agency_id" uuid,
        "file_name" character varying(255) NOT NULL,
        "mime_type" character varying(128) NOT NULL,
        "size_bytes" integer NOT NULL,
        "sha256" character(64) NOT NULL,
        "storage_path" character varying(512) NOT NULL,
        "uploaded_by" character varying(255) NOT NULL,
        "uploaded_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
        CONSTRAINT "PK_campaign_reports" PRIMARY KEY ("id"),
        CONSTRAINT "FK_7d7c577a485606471cefe420cbc" FOREIGN KEY ("campaign_id") REFERENCES "campaigns"("id") ON DELETE CASCADE
      )`,
    );
    await queryRunner.query(
      `CREATE INDEX "ix_campaign_reports_campaign" ON "campaign_reports" ("campaign_id", "kind")`,
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE "campaign_reports"`);
    await queryRunner.query(`DROP TABLE "commendation_nominees"`);
    await queryRunner.query(`DROP TABLE "council_members"`);
  }
}
