import { randomUUID } from 'node:crypto';
import { ConflictException, Injectable, NotFoundException } from '@nestjs/common';
import { DataSource, In, QueryFailedError } from 'typeorm';
import { Agency, Criterion, IndexSet } from '../../entities/index.js';
import { AuditService } from '../audit/audit.service.js';
import type { Actor } from '../auth/actor.js';
import { assertNotLaunched, findCampaign } from '../campaigns/campaign-lookup.js';
import {
  ImportValidationException,
  readImport,
  type UploadedImportFile,
} from '../common/import-file.js';
import type {
  CriterionNodeView,
  IndexSetImportSummary,
  IndexSetSummaryView,
  IndexSetView,
} from './index-set.dto.js';
import {
  INDEX_SET_IMPORT,
  validateIndexSetImport,
  type ImportedCriterion,
} from './index-set-import.js';

/**
 * A row still referenced: 23503 (foreign_key_violation), or 23001 (restrict_violation), which
 * PostgreSQL 18 (the embedded one) reports for an ON DELETE RESTRICT key such as
 * self_assessment_items → criteria where PostgreSQL 15 reported 23503.
 */
const STILL_REFERENCED = new Set(['23503', '23001']);

const cents = (points: number) => Math.round(points * 100);

function totals(criteria: Criterion[]) {
  const roots = criteria.filter((c) => c.parentId === null);
  const sum = (kinds: string[]) =>
    roots.filter((c) => kinds.includes(c.kind)).reduce((t, c) => t + cents(c.maxPoints), 0) / 100;
  const parents = new Set(criteria.map((c) => c.parentId).filter((id) => id !== null));
  return {
    criteria: criteria.length,
    leaves: criteria.filter((c) => !parents.has(c.id)).length,
    maxPoints: sum(['regular', 'survey']),
    bonusMax: sum(['bonus']),
    penaltyMax: sum(['penalty']),
  };
}

function summary(set: IndexSet, criteria: Criterion[]): IndexSetSummaryView {
  return {
    id: set.id,
    campaignId: set.campaignId,
    group: set.group,
    name: set.name,
    illustrative: set.illustrative,
    source: set.source,
    ...totals(criteria),
    createdAt: set.createdAt.toISOString(),
  };
}

@Injectable()
export class IndexSetsService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly audit: AuditService,
  ) {}

  async listForCampaign(campaignRef: string): Promise<IndexSetSummaryView[]> {
    const campaignId = (await findCampaign(this.dataSource.manager, campaignRef)).id;
    const sets = await this.dataSource
      .getRepository(IndexSet)
      .find({ where: { campaignId }, order: { group: 'ASC' } });
    if (sets.length === 0) return [];
    const criteria = await this.dataSource.getRepository(Criterion).find({
      where: { indexSetId: In(sets.map((s) => s.id)) },
      select: { id: true, indexSetId: true, parentId: true, kind: true, maxPoints: true },
    });
    return sets.map((set) =>
      summary(
        set,
        criteria.filter((c) => c.indexSetId === set.id),
      ),
    );
  }

  /** The set with its tree: fields → criteria → sub-criteria, in the order written. */
  async get(id: string): Promise<IndexSetView> {
    const set = await this.dataSource.getRepository(IndexSet).findOneBy({ id });
    if (!set) throw new NotFoundException(`Không tìm thấy bộ chỉ số có mã định danh ${id}.`);
    const criteria = await this.dataSource.getRepository(Criterion).find({
      where: { indexSetId: id },
      relations: { agency: true },
      order: { sortOrder: 'ASC', code: 'ASC' },
    });
    const nodes = new Map<string, CriterionNodeView>();
    for (const c of criteria) {
      nodes.set(c.id, {
        id: c.id,
        code: c.code,
        level: c.level,
        kind: c.kind,
        title: c.title,
        maxPoints: c.maxPoints,
        agencyCode: c.agency?.code ?? null,
        evidenceRequired: c.evidenceRequired,
        guidance: c.guidance,
        children: [],
      });
    }
    const fields: CriterionNodeView[] = [];
    for (const c of criteria) {
      const node = nodes.get(c.id)!;
      const parent = c.parentId ? nodes.get(c.parentId) : undefined;
      if (parent) parent.children.push(node);
      else fields.push(node);
    }
    return { ...summary(set, criteria), fields };
  }

  /**
   * Imports index sets (one per group in the file) into a draft campaign, replacing the set of
   * each group the file names, all in one transaction.
   */
  async import(
    actor: Actor,
    campaignRef: string,
    file: UploadedImportFile | undefined,
    body: unknown,
  ): Promise<IndexSetImportSummary> {
    const campaign = await findCampaign(this.dataSource.manager, campaignRef);
    const campaignId = campaign.id;
    assertNotLaunched(campaign, 'bộ chỉ số');
    const source = await readImport(INDEX_SET_IMPORT, file, body);
    const agencies = await this.dataSource.getRepository(Agency).find();
    const agencyIds = new Map(agencies.map((a) => [a.code, a.id]));
    // An agency that no longer exists (merged) cannot be given criteria: it would get no mail.
    const result = validateIndexSetImport(
      source,
      new Set(agencies.filter((a) => a.active).map((a) => a.code)),
      new Map(agencies.filter((a) => !a.active).map((a) => [a.code, a.mergedInto])),
    );
    if (!result.ok) throw new ImportValidationException('Bộ chỉ số nhập vào', result.issues);

    try {
      return await this.dataSource.transaction(async (manager) => {
        const locked = await findCampaign(manager, campaignId, { lock: true });
        assertNotLaunched(locked, 'bộ chỉ số');
        const imported: IndexSetImportSummary['indexSets'] = [];
        for (const set of result.sets) {
          const previous = await manager.findOneBy(IndexSet, { campaignId, group: set.group });
          if (previous) await manager.delete(IndexSet, { id: previous.id });
          const name =
            source.options.name?.trim() ||
            `Bộ Chỉ số CCHC — nhóm ${set.group}${source.fileName ? ` (${source.fileName})` : ''}`;
          const saved = await manager.save(
            manager.create(IndexSet, {
              campaignId,
              group: set.group,
              name: name.slice(0, 255),
              illustrative: false,
              source: (
                source.options.source?.trim() ||
                (source.fileName ? `Nhập từ tệp ${source.fileName}` : 'Nhập qua API (JSON)')
              ).slice(0, 255),
            }),
          );
          const ids = new Map(set.criteria.map((c) => [c.code, randomUUID()]));
          const row = (c: ImportedCriterion): Partial<Criterion> => ({
            id: ids.get(c.code)!,
            indexSetId: saved.id,
            parentId: c.parentCode === null ? null : ids.get(c.parentCode)!,
            code: c.code,
            level: c.level,
            kind: c.kind,
            title: c.title,
            maxPoints: c.maxPoints,
            agencyId: c.agencyCode === null ? null : agencyIds.get(c.agencyCode)!,
            evidenceRequired: c.evidenceRequired,
            guidance: c.guidance,
            sortOrder: c.sortOrder,
          });
          // Parents first: criteria come sorted by depth.
          for (const depth of [0, 1, 2]) {
            const rows = set.criteria.filter((c) => c.depth === depth).map(row);
            for (let i = 0; i < rows.length; i += 500) {
              await manager.insert(Criterion, rows.slice(i, i + 500));
            }
          }
          const parents = new Set(set.criteria.map((c) => c.parentCode));
          const view = {
            id: saved.id,
            group: set.group,
            name: saved.name,
            criteria: set.criteria.length,
            leaves: set.criteria.filter((c) => !parents.has(c.code)).length,
            maxPoints:
              set.criteria
                .filter((c) => c.depth === 0 && (c.kind === 'regular' || c.kind === 'survey'))
                .reduce((t, c) => t + cents(c.maxPoints), 0) / 100,
            replacedId: previous?.id ?? null,
          };
          imported.push(view);
          await this.audit.record(
            actor,
            {
              action: 'index_set.import',
              entityType: 'index_set',
              entityId: saved.id,
              details: {
                campaignId,
                campaignCode: locked.code,
                group: set.group,
                format: source.format,
                fileName: source.fileName,
                criteria: view.criteria,
                maxPoints: view.maxPoints,
                replacedId: view.replacedId,
              },
            },
            manager,
          );
        }
        return {
          campaignId,
          format: source.format,
          fileName: source.fileName,
          indexSets: imported,
        };
      });
    } catch (err) {
      if (
        err instanceof QueryFailedError &&
        STILL_REFERENCED.has((err.driverError as { code?: string } | undefined)?.code ?? '')
      ) {
        throw new ConflictException(
          'Bộ chỉ số mà tệp này thay thế đã có điểm tự chấm trên các tiêu chí nên không thể thay thế.',
        );
      }
      throw err;
    }
  }
}
