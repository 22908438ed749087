import {
  ConflictException,
  ForbiddenException,
  Injectable,
  NotFoundException,
  BadRequestException,
} from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import { Unit } from '../../entities/index.js';
import { AuditService } from '../audit/audit.service.js';
import type { Actor } from '../auth/actor.js';
import {
  ImportValidationException,
  readImport,
  type UploadedImportFile,
} from '../common/import-file.js';
import type {
  CreateUnitDto,
  UnitSummaryView,
  UnitsImportSummary,
  UnitView,
  UpdateUnitDto,
} from './unit.dto.js';
import { UNITS_IMPORT, validateUnitsImport } from './units-import.js';

/**
 * Serialises the transactions that create units: a row lock cannot cover a code not stored yet,
 * so two imports (or creates) of one new code both inserted it and the second failed with a
 * unique violation, a 500 (found by Schemathesis with two workers).
 */
async function lockUnitCodes(manager: EntityManager): Promise<void> {
  await manager.query("SELECT pg_advisory_xact_lock(hashtext('par:unit-codes'))");
}

function fullView(unit: Unit): UnitView {
  return {
    id: unit.id,
    code: unit.code,
    name: unit.name,
    group: unit.group,
    focalEmail: unit.focalEmail,
    headEmail: unit.headEmail,
    createdAt: unit.createdAt.toISOString(),
    updatedAt: unit.updatedAt.toISOString(),
  };
}

function summaryView(unit: Unit): UnitSummaryView {
  return { code: unit.code, name: unit.name, group: unit.group };
}

@Injectable()
export class UnitsService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly audit: AuditService,
  ) {}

  /** Units, by group and code. A unit's token gets names and codes only, no contact details. */
  async list(actor: Actor, group?: string): Promise<Array<UnitView | UnitSummaryView>> {
    const units = await this.dataSource.getRepository(Unit).find({
      where: group === undefined ? {} : { group },
      order: { group: 'ASC', code: 'ASC' },
    });
    return units.map(actor.role === 'unit' ? summaryView : fullView);
  }

  /** One unit; a unit's token reads only its own. */
  async get(actor: Actor, code: string): Promise<UnitView> {
    const unit = await this.dataSource.getRepository(Unit).findOneBy({ code });
    if (actor.role === 'unit' && unit?.id !== actor.unitId) {
      throw new ForbiddenException(
        `A unit's token reads only its own unit's details, not those of ${code}.`,
      );
    }
    if (!unit) throw new NotFoundException(`No unit with code ${code}.`);
    return fullView(unit);
  }

  async create(actor: Actor, dto: CreateUnitDto): Promise<UnitView> {
    return this.dataSource.transaction(async (manager) => {
      await lockUnitCodes(manager);
      const existing = await manager.findOneBy(Unit, { code: dto.code });
      if (existing) {
        throw new ConflictException(
          `A unit with code ${dto.code} exists already (${existing.name}); PATCH /units/${dto.code} changes it.`,
        );
      }
      const unit = await manager.save(
        manager.create(Unit, {
          code: dto.code,
          name: dto.name,
          group: dto.group,
          focalEmail: dto.focalEmail ?? null,
          headEmail: dto.headEmail ?? null,
        }),
      );
      await this.audit.record(
        actor,
        {
          action: 'unit.create',
          entityType: 'unit',
          entityId: unit.id,
          details: { code: unit.code, name: unit.name, group: unit.group },
        },
        manager,
      );
      return fullView(unit);
    });
  }

  async update(actor: Actor, code: string, dto: UpdateUnitDto): Promise<UnitView> {
    const changed = Object.keys(dto).filter((k) => dto[k as keyof UpdateUnitDto] !== undefined);
    if (changed.length === 0) {
      throw new BadRequestException(
        'The body names nothing to change: send one or more of name, group, focalEmail, headEmail.',
      );
    }
    return this.dataSource.transaction(async (manager) => {
      const unit = await manager.findOne(Unit, {
        where: { code },
        lock: { mode: 'pessimistic_write' },
      });
      if (!unit) throw new NotFoundException(`No unit with code ${code}.`);
      const before = {
        name: unit.name,
        group: unit.group,
        focalEmail: unit.focalEmail,
        headEmail: unit.headEmail,
      };
      if (dto.name !== undefined) unit.name = dto.name;
      if (dto.group !== undefined) unit.group = dto.group;
      if (dto.focalEmail !== undefined) unit.focalEmail = dto.focalEmail;
      if (dto.headEmail !== undefined) unit.headEmail = dto.headEmail;
      const saved = await manager.save(Unit, unit);
      await this.audit.record(
        actor,
        {
          action: 'unit.update',
          entityType: 'unit',
          entityId: unit.id,
          details: { code, changed, before },
        },
        manager,
      );
      return fullView(saved);
    });
  }

  /** Upserts units by code from a JSON body or an uploaded .json / .xlsx file. */
  async import(
    actor: Actor,
    file: UploadedImportFile | undefined,
    body: unknown,
  ): Promise<UnitsImportSummary> {
    const source = await readImport(UNITS_IMPORT, file, body);
    const result = validateUnitsImport(source);
    if (!result.ok) throw new ImportValidationException('Danh sách đơn vị', result.issues);
    return this.dataSource.transaction(async (manager) => {
      await lockUnitCodes(manager);
      const codes = result.units.map((u) => u.code);
      const existing = await manager
        .createQueryBuilder(Unit, 'u')
        .setLock('pessimistic_write')
        .where('u.code = ANY(:codes)', { codes })
        .getMany();
      const byCode = new Map(existing.map((u) => [u.code, u]));
      const summary: UnitsImportSummary = {
        format: source.format,
        fileName: source.fileName,
        created: [],
        updated: [],
        unchanged: [],
      };
      const toSave: Unit[] = [];
      for (const row of result.units) {
        const unit = byCode.get(row.code);
        if (!unit) {
          toSave.push(
            manager.create(Unit, {
              code: row.code,
              name: row.name,
              group: row.group,
              focalEmail: row.focalEmail,
              headEmail: row.headEmail,
            }),
          );
          summary.created.push(row.code);
          continue;
        }
        const next = {
          name: row.name,
          group: row.group,
          // An empty cell keeps the address already stored.
          focalEmail: row.focalEmail ?? unit.focalEmail,
          headEmail: row.headEmail ?? unit.headEmail,
        };
        const differs =
          next.name !== unit.name ||
          next.group !== unit.group ||
          next.focalEmail !== unit.focalEmail ||
          next.headEmail !== unit.headEmail;
        if (differs) {
          Object.assign(unit, next);
          toSave.push(unit);
          summary.updated.push(row.code);
        } else {
          summary.unchanged.push(row.code);
        }
      }
      if (toSave.length > 0) await manager.save(Unit, toSave);
      await this.audit.record(
        actor,
        {
          action: 'units.import',
          entityType: 'unit',
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
