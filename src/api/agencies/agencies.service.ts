/**
 * The appraising agencies as data: created, corrected, imported, merged or marked inactive by the
 * admin and the secretariat, each change audited. The decisions about an agency are made here;
 * the mails read the agency as stored at each wave, and the launch refuses a plan naming an
 * inactive one (launch-rules.ts).
 */
import {
  BadRequestException,
  ConflictException,
  Injectable,
  NotFoundException,
  UnprocessableEntityException,
} from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import { Agency } from '../../entities/index.js';
import { AuditService } from '../audit/audit.service.js';
import type { Actor } from '../auth/actor.js';
import {
  ImportValidationException,
  readImportWithCsv,
  type UploadedImportFile,
} from '../common/import-file.js';
import type {
  AgenciesImportSummary,
  AgencyChangeView,
  AgencyView,
  CreateAgencyDto,
  UpdateAgencyDto,
} from './agency.dto.js';
import { AGENCIES_IMPORT, validateAgenciesImport } from './agencies-import.js';

/** Serialises creating agencies: a row lock cannot cover a code not stored yet. */
async function lockAgencyCodes(manager: EntityManager): Promise<void> {
  await manager.query("SELECT pg_advisory_xact_lock(hashtext('par:agency-codes'))");
}

const lower = (email: string | null | undefined) => (email ? email.trim().toLowerCase() : email);

export function agencyView(agency: Agency): AgencyView {
  return {
    id: agency.id,
    code: agency.code,
    name: agency.name,
    email: agency.email,
    ccEmails: agency.ccEmails ?? [],
    contactName: agency.contactName,
    headName: agency.headName,
    headTitle: agency.headTitle,
    headEmail: agency.headEmail,
    active: agency.active,
    mergedInto: agency.mergedInto,
    updatedAt: agency.updatedAt.toISOString(),
  };
}

const FIELDS = [
  'name',
  'email',
  'ccEmails',
  'contactName',
  'headName',
  'headTitle',
  'headEmail',
  'active',
  'mergedInto',
] as const;

@Injectable()
export class AgenciesService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly audit: AuditService,
  ) {}

  async list(): Promise<AgencyView[]> {
    const agencies = await this.dataSource.getRepository(Agency).find({ order: { code: 'ASC' } });
    return agencies.map(agencyView);
  }

  async create(actor: Actor, dto: CreateAgencyDto): Promise<AgencyView> {
    return this.dataSource.transaction(async (manager) => {
      await lockAgencyCodes(manager);
      const existing = await manager.findOneBy(Agency, { code: dto.code });
      if (existing) {
        throw new ConflictException(
          `Đã có cơ quan thẩm định mã ${dto.code} (${existing.name}); để sửa cơ quan này, hãy dùng PATCH /agencies/${dto.code}.`,
        );
      }
      const agency = await manager.save(
        manager.create(Agency, {
          code: dto.code,
          name: dto.name.trim(),
          email: lower(dto.email) ?? null,
          ccEmails: (dto.ccEmails ?? []).map((a) => a.trim().toLowerCase()),
          contactName: dto.contactName ?? null,
          headName: dto.headName ?? null,
          headTitle: dto.headTitle ?? null,
          headEmail: lower(dto.headEmail) ?? null,
          active: true,
          mergedInto: null,
        }),
      );
      await this.audit.record(
        actor,
        {
          action: 'agency.create',
          entityType: 'agency',
          entityId: agency.id,
          details: { code: agency.code, name: agency.name },
        },
        manager,
      );
      return agencyView(agency);
    });
  }

  /**
   * Corrects an agency; `active: false` marks it inactive (no mail goes to it), `mergedInto`
   * marks it merged into another active agency and re-points the criteria of draft campaigns.
   * Launched campaigns keep their criteria (scores entered carry the agency): the response names
   * them, and the next launch of a plan naming the agency is refused.
   */
  async update(actor: Actor, code: string, dto: UpdateAgencyDto): Promise<AgencyChangeView> {
    const changed = FIELDS.filter((k) => dto[k] !== undefined);
    if (changed.length === 0) {
      throw new BadRequestException(
        `Yêu cầu không nêu thông tin nào cần thay đổi (hãy gửi ít nhất một trong các trường ${FIELDS.join(', ')}).`,
      );
    }
    if (dto.mergedInto !== undefined && dto.active === true) {
      throw new BadRequestException(
        'Không thể vừa hợp nhất cơ quan vào cơ quan khác (mergedInto) vừa giữ nó hoạt động (active: true).',
      );
    }
    return this.dataSource.transaction(async (manager) => {
      const agency = await manager.findOne(Agency, {
        where: { code },
        lock: { mode: 'pessimistic_write' },
      });
      if (!agency) throw new NotFoundException(`Không có cơ quan thẩm định mã «${code}».`);
      const before = agencyView(agency);
      if (dto.name !== undefined) agency.name = dto.name.trim();
      if (dto.email !== undefined) agency.email = lower(dto.email) ?? null;
      if (dto.ccEmails !== undefined)
        agency.ccEmails = dto.ccEmails.map((a) => a.trim().toLowerCase());
      if (dto.contactName !== undefined) agency.contactName = dto.contactName;
      if (dto.headName !== undefined) agency.headName = dto.headName;
      if (dto.headTitle !== undefined) agency.headTitle = dto.headTitle;
      if (dto.headEmail !== undefined) agency.headEmail = lower(dto.headEmail) ?? null;
      if (dto.active === true) {
        agency.active = true;
        agency.mergedInto = null;
      } else if (dto.active === false) {
        agency.active = false;
      }
      let repointed: string[] | undefined;
      if (dto.mergedInto !== undefined) {
        const target = await this.mergeTarget(manager, agency, dto.mergedInto);
        agency.active = false;
        agency.mergedInto = target.code;
        repointed = await this.repointDraftCriteria(manager, agency, target);
      }
      const saved = await manager.save(Agency, agency);
      const launched = saved.active ? [] : await this.launchedCampaignsNaming(manager, saved);
      await this.audit.record(
        actor,
        {
          action: dto.mergedInto !== undefined ? 'agency.merge' : 'agency.update',
          entityType: 'agency',
          entityId: agency.id,
          details: {
            code,
            changed,
            before,
            ...(repointed && { repointed }),
            ...(launched.length > 0 && { launchedCampaignsNamingIt: launched }),
          },
        },
        manager,
      );
      return {
        ...agencyView(saved),
        ...(repointed && { repointed }),
        ...(!saved.active && { launchedCampaignsNamingIt: launched }),
      };
    });
  }

  private async mergeTarget(manager: EntityManager, agency: Agency, code: string): Promise<Agency> {
    if (code === agency.code) {
      throw new UnprocessableEntityException(
        `Không thể hợp nhất cơ quan ${agency.code} vào chính nó (mergedInto).`,
      );
    }
    const target = await manager.findOneBy(Agency, { code });
    if (!target) {
      throw new UnprocessableEntityException(
        `mergedInto: không có cơ quan thẩm định mã «${code}»; hãy tạo cơ quan mới trước (POST /agencies).`,
      );
    }
    if (!target.active) {
      throw new UnprocessableEntityException(
        `mergedInto: cơ quan ${code} cũng không còn hoạt động${target.mergedInto ? ` (đã hợp nhất vào ${target.mergedInto})` : ''}; hãy chọn cơ quan đang hoạt động.`,
      );
    }
    return target;
  }

  /** Criteria of draft campaigns' index sets move to the agency that took over the work. */
  private async repointDraftCriteria(
    manager: EntityManager,
    from: Agency,
    to: Agency,
  ): Promise<string[]> {
    // An UPDATE answers [rows, count].
    const [rows]: [{ label: string }[], number] = await manager.query(
      `UPDATE criteria c SET agency_id = $2
       FROM index_sets s JOIN campaigns k ON k.id = s.campaign_id
       WHERE c.index_set_id = s.id AND c.agency_id = $1 AND k.status = 'draft'
       RETURNING k.code || '/' || s.group_code || '/' || c.code AS label`,
      [from.id, to.id],
    );
    return rows.map((r) => r.label).sort();
  }

  private async launchedCampaignsNaming(manager: EntityManager, agency: Agency): Promise<string[]> {
    const rows: { code: string }[] = await manager.query(
      `SELECT DISTINCT k.code FROM criteria c
       JOIN index_sets s ON s.id = c.index_set_id JOIN campaigns k ON k.id = s.campaign_id
       WHERE c.agency_id = $1 AND k.status = 'launched' ORDER BY k.code`,
      [agency.id],
    );
    return rows.map((r) => r.code);
  }

  /** Upserts agencies by code from JSON, or an uploaded .json, .xlsx or .csv file; all or nothing. */
  async import(
    actor: Actor,
    file: UploadedImportFile | undefined,
    body: unknown,
  ): Promise<AgenciesImportSummary> {
    const source = await readImportWithCsv(AGENCIES_IMPORT, file, body);
    const result = validateAgenciesImport(source);
    if (!result.ok)
      throw new ImportValidationException('danh sách cơ quan thẩm định', result.issues);
    return this.dataSource.transaction(async (manager) => {
      await lockAgencyCodes(manager);
      const codes = result.agencies.map((a) => a.code);
      const existing = await manager
        .createQueryBuilder(Agency, 'a')
        .setLock('pessimistic_write')
        .where('a.code = ANY(:codes)', { codes })
        .getMany();
      const byCode = new Map(existing.map((a) => [a.code, a]));
      const summary: AgenciesImportSummary = {
        format: source.format,
        fileName: source.fileName,
        created: [],
        updated: [],
        unchanged: [],
      };
      const toSave: Agency[] = [];
      for (const row of result.agencies) {
        const agency = byCode.get(row.code);
        const next = {
          name: row.name,
          // An empty cell keeps what is stored.
          email: lower(row.email) ?? agency?.email ?? null,
          ccEmails: row.ccEmails?.map((a) => a.toLowerCase()) ?? agency?.ccEmails ?? [],
          contactName: row.contactName ?? agency?.contactName ?? null,
          headName: row.headName ?? agency?.headName ?? null,
          headTitle: row.headTitle ?? agency?.headTitle ?? null,
          headEmail: lower(row.headEmail) ?? agency?.headEmail ?? null,
          active: row.active ?? agency?.active ?? true,
        };
        if (!agency) {
          toSave.push(manager.create(Agency, { code: row.code, ...next, mergedInto: null }));
          summary.created.push(row.code);
          continue;
        }
        const differs = (Object.keys(next) as (keyof typeof next)[]).some(
          (k) => JSON.stringify(next[k]) !== JSON.stringify(agency[k]),
        );
        if (differs) {
          Object.assign(agency, next, next.active ? { mergedInto: null } : {});
          toSave.push(agency);
          summary.updated.push(row.code);
        } else {
          summary.unchanged.push(row.code);
        }
      }
      if (toSave.length > 0) await manager.save(Agency, toSave);
      await this.audit.record(
        actor,
        {
          action: 'agencies.import',
          entityType: 'agency',
          entityId: null,
          details: {
            format: source.format,
            fileName: source.fileName,
            created: summary.created,
            updated: summary.updated,
            unchanged: summary.unchanged.length,
          },
        },
        manager,
      );
      return summary;
    });
  }
}
