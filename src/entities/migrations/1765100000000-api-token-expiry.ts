import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Machine tokens get an expiry (null: never expires, as every token issued before) and the
 * instant of their last use, for the portal's list; the auth guard refuses a token past its
 * expiry. The account that issued a token is kept, for the list and the audit log.
 */
export class ApiTokenExpiry1765100000000 implements MigrationInterface {
  name = 'ApiTokenExpiry1765100000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "api_tokens" ADD "expires_at" TIMESTAMP WITH TIME ZONE`);
    await queryRunner.query(`ALTER TABLE "api_tokens" ADD "last_used_at" TIMESTAMP WITH TIME ZONE`);
    await queryRunner.query(`ALTER TABLE "api_tokens" ADD "token_hint" character varying(16)`);
    await queryRunner.query(`ALTER TABLE "api_tokens" ADD "created_by" character varying(255)`);
    await queryRunner.query(`CREATE INDEX "ix_audit_log_at" ON "audit_log" ("at") `);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX "public"."ix_audit_log_at"`);
    await queryRunner.query(`ALTER TABLE "api_tokens" DROP COLUMN "created_by"`);
    await queryRunner.query(`ALTER TABLE "api_tokens" DROP COLUMN "token_hint"`);
    await queryRunner.query(`ALTER TABLE "api_tokens" DROP COLUMN "last_used_at"`);
    await queryRunner.query(`ALTER TABLE "api_tokens" DROP COLUMN "expires_at"`);
  }
}
