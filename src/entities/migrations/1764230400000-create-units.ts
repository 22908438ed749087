import type { MigrationInterface, QueryRunner } from 'typeorm';

export class CreateUnits1764230400000 implements MigrationInterface {
  name = 'CreateUnits1764230400000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE "units" (
        "id" uuid NOT NULL DEFAULT gen_random_uuid(),
        "code" varchar(32) NOT NULL,
        "name" varchar(255) NOT NULL,
        "group_code" varchar(32) NOT NULL,
        "focal_email" varchar(320),
        "head_email" varchar(320),
        "created_at" timestamptz NOT NULL DEFAULT now(),
        "updated_at" timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT "pk_units" PRIMARY KEY ("id"),
        CONSTRAINT "uq_units_code" UNIQUE ("code")
      )`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE "units"`);
  }
}
