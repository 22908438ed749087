/**
 * The secretariat's contacts as data: every secretariat mail goes to the active ones, escalations
 * to the head. The decisions are made here: an address is one contact's, and a change never leaves
 * the secretariat without an active contact (its mails would go nowhere). Audited.
 */
import {
  BadRequestException,
  ConflictException,
  Injectable,
  NotFoundException,
} from '@nestjs/common';
import { DataSource, type EntityManager, Not } from 'typeorm';
import { SecretariatContact } from '../../entities/index.js';
import { AuditService } from '../audit/audit.service.js';
import type { Actor } from '../auth/actor.js';
import {
  ImportValidationException,
  readImportWithCsv,
  type UploadedImportFile,
} from '../common/import-file.js';
import type {
  CreateSecretariatContactDto,
  SecretariatContactsImportSummary,
  SecretariatContactView,
  UpdateSecretariatContactDto,
} from './secretariat-contact.dto.js';
import {
  SECRETARIAT_CONTACTS_IMPORT,
  validateSecretariatContactsImport,
} from './secretariat-contacts-import.js';

/** One writer at a time: the "one active contact" rule reads the whole table. */
async function lockContacts(manager: EntityManager): Promise<void> {
  await manager.query("SELECT pg_advisory_xact_lock(hashtext('par:secretariat-contacts'))");
}

function view(contact: SecretariatContact): SecretariatContactView {
  return {
    id: contact.id,
    name: contact.name,
    title: contact.title,
    email: contact.email,
    phone: contact.phone,
    isHead: contact.isHead,
    active: contact.active,
    createdAt: contact.createdAt.toISOString(),
    updatedAt: contact.updatedAt.toISOString(),
  };
}

const FIELDS = ['name', 'title', 'email', 'phone', 'isHead', 'active'] as const;

async function assertSomeoneActive(manager: EntityManager): Promise<void> {
  if (!(await manager.exists(SecretariatContact, { where: { active: true } }))) {
    throw new ConflictException(
      'Tổ thư ký phải còn ít nhất một người nhận thư đang hoạt động (active): thư tổng hợp và thư báo quá hạn sẽ không có nơi nhận. Hãy thêm người mới trước khi ngừng người cuối cùng.',
    );
  }
}

@Injectable()
export class SecretariatContactsService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly audit: AuditService,
  ) {}

  async list(): Promise<SecretariatContactView[]> {
    const contacts = await this.dataSource.getRepository(SecretariatContact).find({
      order: { isHead: 'DESC', active: 'DESC', name: 'ASC' },
    });
    return contacts.map(view);
  }

  async create(actor: Actor, dto: CreateSecretariatContactDto): Promise<SecretariatContactView> {
    const email = dto.email.trim().toLowerCase();
    return this.dataSource.transaction(async (manager) => {
      await lockContacts(manager);
      const existing = await manager.findOneBy(SecretariatContact, { email });
      if (existing) {
        throw new ConflictException(
          `Đã có người nhận thư của Tổ thư ký với địa chỉ ${email} (${existing.name}); để sửa, hãy dùng PATCH /secretariat-contacts/${existing.id}.`,
        );
      }
      const contact = await manager.save(
        manager.create(SecretariatContact, {
          name: dto.name.trim(),
          title: dto.title ?? null,
          email,
          phone: dto.phone ?? null,
          isHead: dto.isHead ?? false,
          active: dto.active ?? true,
        }),
      );
      await this.audit.record(
        actor,
        {
          action: 'secretariat_contact.create',
          entityType: 'secretariat_contact',
          entityId: contact.id,
          details: { name: contact.name, email, isHead: contact.isHead, active: contact.active },
        },
        manager,
      );
      return view(contact);
    });
  }

  async update(
    actor: Actor,
    id: string,
    dto: UpdateSecretariatContactDto,
  ): Promise<SecretariatContactView> {
    const changed = FIELDS.filter((k) => dto[k] !== undefined);
    if (changed.length === 0) {
      throw new BadRequestException(
        `Yêu cầu không nêu thông tin nào cần thay đổi (hãy gửi ít nhất một trong các trường ${FIELDS.join(', ')}).`,
      );
    }
    return this.dataSource.transaction(async (manager) => {
      await lockContacts(manager);
      const contact = await manager.findOneBy(SecretariatContact, { id });
      if (!contact)
        throw new NotFoundException(`Không có người nhận thư của Tổ thư ký mã «${id}».`);
      const before = view(contact);
      if (dto.email !== undefined) {
        const email = dto.email.trim().toLowerCase();
        const taken = await manager.findOneBy(SecretariatContact, { email, id: Not(id) });
        if (taken) {
          throw new ConflictException(
            `Địa chỉ ${email} đã là của người nhận thư khác của Tổ thư ký (${taken.name}).`,
          );
        }
        contact.email = email;
      }
      if (dto.name !== undefined) contact.name = dto.name.trim();
      if (dto.title !== undefined) contact.title = dto.title;
      if (dto.phone !== undefined) contact.phone = dto.phone;
      if (dto.isHead !== undefined) contact.isHead = dto.isHead;
      if (dto.active !== undefined) contact.active = dto.active;
      const saved = await manager.save(SecretariatContact, contact);
      await assertSomeoneActive(manager);
      await this.audit.record(
        actor,
        {
          action: 'secretariat_contact.update',
          entityType: 'secretariat_contact',
          entityId: id,
          details: { changed, before },
        },
        manager,
      );
      return view(saved);
    });
  }

  /** Upserts contacts by address from JSON, or an uploaded .json, .xlsx or .csv; all or nothing. */
  async import(
    actor: Actor,
    file: UploadedImportFile | undefined,
    body: unknown,
  ): Promise<SecretariatContactsImportSummary> {
    const source = await readImportWithCsv(SECRETARIAT_CONTACTS_IMPORT, file, body);
    const result = validateSecretariatContactsImport(source);
    if (!result.ok) {
      throw new ImportValidationException('danh sách người nhận thư của Tổ thư ký', result.issues);
    }
    return this.dataSource.transaction(async (manager) => {
      await lockContacts(manager);
      const existing = await manager.find(SecretariatContact);
      const byEmail = new Map(existing.map((c) => [c.email, c]));
      const summary: SecretariatContactsImportSummary = {
        format: source.format,
        fileName: source.fileName,
        created: [],
        updated: [],
        unchanged: [],
      };
      const toSave: SecretariatContact[] = [];
      for (const row of result.contacts) {
        const contact = byEmail.get(row.email);
        const next = {
          name: row.name,
          title: row.title ?? contact?.title ?? null,
          phone: row.phone ?? contact?.phone ?? null,
          isHead: row.isHead ?? contact?.isHead ?? false,
          active: row.active ?? contact?.active ?? true,
        };
        if (!contact) {
          toSave.push(manager.create(SecretariatContact, { email: row.email, ...next }));
          summary.created.push(row.email);
          continue;
        }
        const differs = (Object.keys(next) as (keyof typeof next)[]).some(
          (k) => next[k] !== contact[k],
        );
        if (differs) {
          Object.assign(contact, next);
          toSave.push(contact);
          summary.updated.push(row.email);
        } else {
          summary.unchanged.push(row.email);
        }
      }
      if (toSave.length > 0) await manager.save(SecretariatContact, toSave);
      await assertSomeoneActive(manager);
      await this.audit.record(
        actor,
        {
          action: 'secretariat_contacts.import',
          entityType: 'secretariat_contact',
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
