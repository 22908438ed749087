import { Injectable } from '@nestjs/common';
import { DataSource, In } from 'typeorm';
import { SurveyScore } from '../../entities/index.js';
import type { Actor } from '../auth/actor.js';
import { AuditService } from '../audit/audit.service.js';
import {
  ImportValidationException,
  readImportWithCsv,
  type UploadedImportFile,
} from '../common/import-file.js';
import { assertLaunched, assertNotPublished } from '../scoring-data/campaign-scope.js';
import { loadIndexTrees } from '../scoring-data/index-tree.js';
import { loadUnits } from '../scoring-data/scoring-inputs.js';
import { hasResults, recomputeResults } from './results-store.js';
import { type Rounded, readSurveyRows, SURVEY_COLUMNS } from './survey-import.js';
import { findCampaign } from '../campaigns/campaign-lookup.js';

export interface SurveyImportSummary {
  campaignCode: string;
  format: string;
  fileName: string | null;
  /** Rows stored (each replaces the unit's earlier points for that criterion). */
  imported: number;
  created: number;
  updated: number;
  units: number;
  /** Figures with more than two decimals, rounded half up. */
  rounded: Rounded[];
  /** Computed results were recomputed with the new points. */
  resultsRecomputed: boolean;
}

/** Imports survey points (JSON, XLSX or CSV); everything is checked before anything is written. */
@Injectable()
export class SurveyScoresService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly audit: AuditService,
  ) {}

  async import(
    actor: Actor,
    campaignRef: string,
    file: UploadedImportFile | undefined,
    body: unknown,
  ): Promise<SurveyImportSummary> {
    const source = await readImportWithCsv(
      { listKey: 'scores', columns: SURVEY_COLUMNS, optionKeys: [] },
      file,
      body,
    );
    return this.dataSource.transaction(async (manager) => {
      const campaign = await findCampaign(manager, campaignRef, { lock: true });
      assertLaunched(campaign);
      assertNotPublished(campaign, 'nhập điểm điều tra xã hội học');
      const units = new Map((await loadUnits(manager, campaign.id)).map((u) => [u.unitCode, u]));
      const trees = await loadIndexTrees(manager, campaign.id);
      const { rows, issues, rounded } = readSurveyRows(source, units, trees, campaign.code);
      if (issues.length > 0)
        throw new ImportValidationException('Điểm điều tra xã hội học nhập vào', issues);

      const existing = await manager.find(SurveyScore, {
        where: { participationId: In([...new Set(rows.map((r) => r.unit.participationId))]) },
      });
      const byKey = new Map(existing.map((s) => [`${s.participationId}/${s.criterionId}`, s]));
      const now = new Date();
      let created = 0;
      const records = rows.map((row) => {
        const current = byKey.get(`${row.unit.participationId}/${row.criterionId}`);
        if (!current) created += 1;
        return manager.create(SurveyScore, {
          ...(current ?? {}),
          participationId: row.unit.participationId,
          criterionId: row.criterionId,
          points: row.points,
          source: source.fileName,
          importedBy: actor.name,
          importedAt: now,
        });
      });
      await manager.save(records);
      const resultsRecomputed = await hasResults(manager, campaign);
      if (resultsRecomputed) await recomputeResults(manager, campaign);
      const summary: SurveyImportSummary = {
        campaignCode: campaign.code,
        format: source.format,
        fileName: source.fileName,
        imported: rows.length,
        created,
        updated: rows.length - created,
        units: new Set(rows.map((r) => r.unit.unitCode)).size,
        rounded,
        resultsRecomputed,
      };
      await this.audit.record(
        actor,
        {
          action: 'survey_scores.import',
          entityType: 'campaign',
          entityId: campaign.id,
          details: { ...summary },
        },
        manager,
      );
      return summary;
    });
  }
}
