import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The second half of the campaign (issue 6): appraisal scores of rounds 1 and 2, explanation
 * requests with the units' answers, imported survey points, council adjustments, the computed and
 * published results, and per campaign its rating bands, commendation policy and the instants its
 * scores were fixed and its results published.
 */
export class AppraisalResults1764244800000 implements MigrationInterface {
  name = 'AppraisalResults1764244800000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE TABLE "appraisal_scores" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "participation_id" uuid NOT NULL, "criterion_id" uuid NOT NULL, "round" smallint NOT NULL, "score" numeric(7,2), "not_applicable" boolean NOT NULL DEFAULT false, "comment" text, "agency_id" uuid, "scored_by" character varying(255) NOT NULL, "scored_at" TIMESTAMP WITH TIME ZONE NOT NULL, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "uq_appraisal_scores_round" UNIQUE ("participation_id", "criterion_id", "round"), CONSTRAINT "ck_appraisal_scores_value" CHECK (("not_applicable" AND "score" IS NULL) OR (NOT "not_applicable" AND "score" IS NOT NULL)), CONSTRAINT "ck_appraisal_scores_round" CHECK ("round" IN (1, 2)), CONSTRAINT "PK_8090a39d5652e085bebeb661b7b" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(
      `CREATE INDEX "ix_appraisal_scores_participation" ON "appraisal_scores"  ("participation_id") `,
    );
    await queryRunner.query(
      `CREATE TABLE "council_adjustments" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "participation_id" uuid NOT NULL, "criterion_id" uuid, "score" numeric(7,2), "not_applicable" boolean NOT NULL DEFAULT false, "points" numeric(7,2), "reason" text NOT NULL, "adjusted_by" character varying(255) NOT NULL, "adjusted_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "ck_council_adjustments_target" CHECK (("criterion_id" IS NULL AND "points" IS NOT NULL AND "score" IS NULL AND NOT "not_applicable") OR ("criterion_id" IS NOT NULL AND "points" IS NULL AND (("score" IS NOT NULL) <> "not_applicable"))), CONSTRAINT "PK_af42f698013e9fe6d89820e1754" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(
      `CREATE INDEX "ix_council_adjustments_participation" ON "council_adjustments"  ("participation_id") `,
    );
    await queryRunner.query(
      `CREATE TABLE "explanation_requests" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "participation_id" uuid NOT NULL, "criterion_id" uuid NOT NULL, "status" character varying(16) NOT NULL DEFAULT 'proposed', "origin" character varying(16) NOT NULL, "grounds" text array NOT NULL DEFAULT '{}', "reason" text NOT NULL, "edited_by" character varying(255), "edited_at" TIMESTAMP WITH TIME ZONE, "confirmed_by" character varying(255), "confirmed_at" TIMESTAMP WITH TIME ZONE, "deadline" TIMESTAMP WITH TIME ZONE, "answer_text" text, "answer_evidence_ids" uuid array NOT NULL DEFAULT '{}', "answered_by" character varying(255), "answered_at" TIMESTAMP WITH TIME ZONE, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "uq_explanation_requests_criterion" UNIQUE ("participation_id", "criterion_id"), CONSTRAINT "ck_explanation_requests_origin" CHECK ("origin" IN ('aggregation', 'secretariat')), CONSTRAINT "ck_explanation_requests_status" CHECK ("status" IN ('proposed', 'dismissed', 'confirmed')), CONSTRAINT "PK_04e094a2fc5cd5be3d942a337a4" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(
      `CREATE TABLE "survey_scores" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "participation_id" uuid NOT NULL, "criterion_id" uuid NOT NULL, "points" numeric(7,2) NOT NULL, "source" character varying(255), "imported_by" character varying(255) NOT NULL, "imported_at" TIMESTAMP WITH TIME ZONE NOT NULL, CONSTRAINT "uq_survey_scores_criterion" UNIQUE ("participation_id", "criterion_id"), CONSTRAINT "PK_7c921f02f0153fdb95622ae3d0f" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(
      `CREATE TABLE "unit_results" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "campaign_id" uuid NOT NULL, "participation_id" uuid NOT NULL, "group_code" character varying(32) NOT NULL, "fields" jsonb NOT NULL, "max_points" numeric(7,2) NOT NULL, "applicable_max" numeric(7,2) NOT NULL, "points" numeric(7,2) NOT NULL, "bonus" numeric(7,2) NOT NULL, "penalty" numeric(7,2) NOT NULL, "council_points" numeric(7,2) NOT NULL DEFAULT '0', "achieved" numeric(7,2) NOT NULL, "index_value" numeric(7,2) NOT NULL, "rank" integer NOT NULL, "tied" boolean NOT NULL DEFAULT false, "band" character varying(64) NOT NULL, "computed_at" TIMESTAMP WITH TIME ZONE NOT NULL, "published_at" TIMESTAMP WITH TIME ZONE, CONSTRAINT "uq_unit_results_participation" UNIQUE ("participation_id"), CONSTRAINT "PK_1ddc3a148735639a9c8ead5a685" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(
      `CREATE INDEX "ix_unit_results_campaign" ON "unit_results"  ("campaign_id") `,
    );
    await queryRunner.query(`ALTER TABLE "campaigns" ADD "rating_bands" jsonb`);
    await queryRunner.query(`ALTER TABLE "campaigns" ADD "commendation_policy" jsonb`);
    await queryRunner.query(
      `ALTER TABLE "campaigns" ADD "scores_fixed_at" TIMESTAMP WITH TIME ZONE`,
    );
    await queryRunner.query(`ALTER TABLE "campaigns" ADD "scores_fixed_by" character varying(255)`);
    await queryRunner.query(
      `ALTER TABLE "campaigns" ADD "results_published_at" TIMESTAMP WITH TIME ZONE`,
    );
    await queryRunner.query(`ALTER TABLE "campaigns" ADD "results_decision" jsonb`);
    await queryRunner.query(
      `ALTER TABLE "appraisal_scores" ADD CONSTRAINT "FK_6ef15a296c31b758f117a28decf" FOREIGN KEY ("participation_id") REFERENCES "participations"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "appraisal_scores" ADD CONSTRAINT "FK_ff6a0fdc34b2984dcd5b13a71f7" FOREIGN KEY ("criterion_id") REFERENCES "criteria"("id") ON DELETE NO ACTION ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "appraisal_scores" ADD CONSTRAINT "FK_6f2e841b6fcf0aac165c4a00ab5" FOREIGN KEY ("agency_id") REFERENCES "agencies"("id") ON DELETE SET NULL ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "council_adjustments" ADD CONSTRAINT "FK_ea59517154542e7bb494760fa3b" FOREIGN KEY ("participation_id") REFERENCES "participations"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "council_adjustments" ADD CONSTRAINT "FK_1a2be49b90ba70b338b8ea4f81c" FOREIGN KEY ("criterion_id") REFERENCES "criteria"("id") ON DELETE NO ACTION ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "explanation_requests" ADD CONSTRAINT "FK_30daf3653151a35e9c99ce188da" FOREIGN KEY ("participation_id") REFERENCES "participations"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "explanation_requests" ADD CONSTRAINT "FK_c7e632ab7e0e408d78225c30926" FOREIGN KEY ("criterion_id") REFERENCES "criteria"("id") ON DELETE NO ACTION ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "survey_scores" ADD CONSTRAINT "FK_12df5eb9e2a7ed1e796ab0695b1" FOREIGN KEY ("participation_id") REFERENCES "participations"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "survey_scores" ADD CONSTRAINT "FK_f4075c725822b93b8f3d641287a" FOREIGN KEY ("criterion_id") REFERENCES "criteria"("id") ON DELETE NO ACTION ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "unit_results" ADD CONSTRAINT "FK_2750dee424f772d4125ea167d72" FOREIGN KEY ("campaign_id") REFERENCES "campaigns"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "unit_results" ADD CONSTRAINT "FK_64855465201ebc43891c3933a22" FOREIGN KEY ("participation_id") REFERENCES "participations"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `ALTER TABLE "unit_results" DROP CONSTRAINT "FK_64855465201ebc43891c3933a22"`,
    );
    await queryRunner.query(
      `ALTER TABLE "unit_results" DROP CONSTRAINT "FK_2750dee424f772d4125ea167d72"`,
    );
    await queryRunner.query(
      `ALTER TABLE "survey_scores" DROP CONSTRAINT "FK_f4075c725822b93b8f3d641287a"`,
    );
    await queryRunner.query(
      `ALTER TABLE "survey_scores" DROP CONSTRAINT "FK_12df5eb9e2a7ed1e796ab0695b1"`,
    );
    await queryRunner.query(
      `ALTER TABLE "explanation_requests" DROP CONSTRAINT "FK_c7e632ab7e0e408d78225c30926"`,
    );
    await queryRunner.query(
      `ALTER TABLE "explanation_requests" DROP CONSTRAINT "FK_30daf3653151a35e9c99ce188da"`,
    );
    await queryRunner.query(
      `ALTER TABLE "council_adjustments" DROP CONSTRAINT "FK_1a2be49b90ba70b338b8ea4f81c"`,
    );
    await queryRunner.query(
      `ALTER TABLE "council_adjustments" DROP CONSTRAINT "FK_ea59517154542e7bb494760fa3b"`,
    );
    await queryRunner.query(
      `ALTER TABLE "appraisal_scores" DROP CONSTRAINT "FK_6f2e841b6fcf0aac165c4a00ab5"`,
    );
    await queryRunner.query(
      `ALTER TABLE "appraisal_scores" DROP CONSTRAINT "FK_ff6a0fdc34b2984dcd5b13a71f7"`,
    );
    await queryRunner.query(
      `ALTER TABLE "appraisal_scores" DROP CONSTRAINT "FK_6ef15a296c31b758f117a28decf"`,
    );
    await queryRunner.query(`ALTER TABLE "campaigns" DROP COLUMN "results_decision"`);
    await queryRunner.query(`ALTER TABLE "campaigns" DROP COLUMN "results_published_at"`);
    await queryRunner.query(`ALTER TABLE "campaigns" DROP COLUMN "scores_fixed_by"`);
    await queryRunner.query(`ALTER TABLE "campaigns" DROP COLUMN "scores_fixed_at"`);
    await queryRunner.query(`ALTER TABLE "campaigns" DROP COLUMN "commendation_policy"`);
    await queryRunner.query(`ALTER TABLE "campaigns" DROP COLUMN "rating_bands"`);
    await queryRunner.query(`DROP INDEX "public"."ix_unit_results_campaign"`);
    await queryRunner.query(`DROP TABLE "unit_results"`);
    await queryRunner.query(`DROP TABLE "survey_scores"`);
    await queryRunner.query(`DROP TABLE "explanation_requests"`);
    await queryRunner.query(`DROP INDEX "public"."ix_council_adjustments_participation"`);
    await queryRunner.query(`DROP TABLE "council_adjustments"`);
    await queryRunner.query(`DROP INDEX "public"."ix_appraisal_scores_participation"`);
    await queryRunner.query(`DROP TABLE "appraisal_scores"`);
  }
}
