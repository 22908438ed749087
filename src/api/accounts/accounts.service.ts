import { Inject, Injectable, Logger } from '@nestjs/common';
import type { Transporter } from 'nodemailer';
import { DataSource, type EntityManager } from 'typeorm';
import type { AppConfig } from '../../config.js';
import { Account } from '../../entities/index.js';
import type { Actor } from '../auth/actor.js';
import { AuditService } from '../audit/audit.service.js';
import { ApiError } from '../common/api-error.js';
import { APP_CONFIG, MAIL_TRANSPORT } from '../tokens.js';
import type { AccountView, InviteAccountDto, UpdateAccountDto } from './account.dto.js';
import { mailPasswordLink } from './account-mails.js';
import { accountView, loadAccount, normalEmail, resolveScope } from './account-scope.js';
import { revokeAccountSessions } from './sessions.js';

/** The secretariat (and admins) invite, change and disable the accounts of the people. */
@Injectable()
export class AccountsService {
  private readonly logger = new Logger('Accounts');

  constructor(
    private readonly dataSource: DataSource,
    private readonly audit: AuditService,
    @Inject(MAIL_TRANSPORT) private readonly transport: Transporter,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  async list(): Promise<AccountView[]> {
    const accounts = await this.dataSource.getRepository(Account).find({
      relations: { unit: true, agency: true },
      order: { email: 'ASC' },
    });
    return accounts.map(accountView);
  }

  /**
   * Creates the account without a password and mails its one-time link, in one transaction: if
   * the mail cannot be handed to SMTP, no account is left behind and the invitation can be retried.
   */
  async invite(actor: Actor, dto: InviteAccountDto): Promise<AccountView> {
    onlyAdminsGrantAdmin(actor, dto.role);
    const email = normalEmail(dto.email);
    const created = await this.dataSource.transaction(async (manager) => {
      if (await manager.getRepository(Account).existsBy({ email })) {
        throw new ApiError(
          409,
          'conflict',
          `Đã có tài khoản với địa chỉ ${email} (an account with this e-mail exists).`,
        );
      }
      const scope = await resolveScope(manager, dto.role, dto.unitCode, dto.agencyCode);
      const saved = await manager.getRepository(Account).save({
        email,
        fullName: dto.fullName.trim(),
        role: dto.role,
        ...scope,
        passwordHash: null,
        disabledAt: null,
        lastSignInAt: null,
      });
      const account = (await loadAccount(manager, saved.id))!;
      const messageId = await this.mailInvitation(manager, account);
      await this.audit.record(
        actor,
        {
          action: 'account.invite',
          entityType: 'account',
          entityId: account.id,
          details: {
            email,
            role: account.role,
            unitCode: account.unit?.code ?? null,
            agencyCode: account.agency?.code ?? null,
            messageId,
          },
        },
        manager,
      );
      return account;
    });
    return accountView(created);
  }

  async update(actor: Actor, id: string, dto: UpdateAccountDto): Promise<AccountView> {
    const updated = await this.dataSource.transaction(async (manager) => {
      const account = await loadAccount(manager, id);
      if (!account)
        throw new ApiError(404, 'not_found', `Không có tài khoản này (no account ${id}).`);
      onlyAdminsGrantAdmin(actor, account.role);
      if (dto.role) onlyAdminsGrantAdmin(actor, dto.role);
      if (dto.disabled === true && account.id === actor.accountId) {
        throw new ApiError(
          409,
          'conflict',
          'Không thể tự khóa tài khoản của chính mình (you cannot disable your own account).',
        );
      }
      const role = dto.role ?? account.role;
      // Codes not given keep the current ones while the role keeps needing them.
      const unitCode =
        dto.unitCode !== undefined ? dto.unitCode : role === 'unit' ? account.unit?.code : null;
      const agencyCode =
        dto.agencyCode !== undefined
          ? dto.agencyCode
          : role === 'appraiser'
            ? account.agency?.code
            : null;
      const scope = await resolveScope(manager, role, unitCode, agencyCode);
      const before = accountView(account);
      const disabledAt =
        dto.disabled === undefined
          ? account.disabledAt
          : dto.disabled
            ? (account.disabledAt ?? new Date())
            : null;
      await manager
        .getRepository(Account)
        .update(
          { id },
          { fullName: dto.fullName?.trim() ?? account.fullName, role, ...scope, disabledAt },
        );
      // Sessions check the account on every request; revoking them also ends them for good.
      const signedOut =
        disabledAt && !account.disabledAt ? await revokeAccountSessions(manager, id) : 0;
      const after = accountView((await loadAccount(manager, id))!);
      const changes = changedFields(before, after);
      const action =
        before.disabled === after.disabled
          ? 'account.update'
          : after.disabled
            ? 'account.disable'
            : 'account.enable';
      await this.audit.record(
        actor,
        {
          action,
          entityType: 'account',
          entityId: id,
          details: { email: after.email, changes, sessionsRevoked: signedOut },
        },
        manager,
      );
      return after;
    });
    return updated;
  }

  /** A new invitation link (the earlier ones stop working), for a person who has not used theirs. */
  async reinvite(actor: Actor, id: string): Promise<AccountView> {
    return this.dataSource.transaction(async (manager) => {
      const account = await loadAccount(manager, id);
      if (!account)
        throw new ApiError(404, 'not_found', `Không có tài khoản này (no account ${id}).`);
      onlyAdminsGrantAdmin(actor, account.role);
      if (account.disabledAt || account.passwordHash) {
        throw new ApiError(
          409,
          'conflict',
          account.disabledAt
            ? 'Tài khoản đã bị khóa; hãy mở khóa trước khi mời lại (the account is disabled).'
            : 'Người này đã đặt mật khẩu; nếu quên, hãy dùng chức năng đặt lại mật khẩu (the password is already set; use a password reset).',
        );
      }
      const messageId = await this.mailInvitation(manager, account);
      await this.audit.record(
        actor,
        {
          action: 'account.reinvite',
          entityType: 'account',
          entityId: id,
          details: { email: account.email, messageId },
        },
        manager,
      );
      return accountView(account);
    });
  }

  private async mailInvitation(manager: EntityManager, account: Account): Promise<string> {
    try {
      return await mailPasswordLink(manager, this.transport, this.config, account, 'invitation');
    } catch (err) {
      this.logger.warn(`Invitation to ${account.email} not sent: ${String(err)}`);
      throw new ApiError(
        503,
        'service_unavailable',
        'Không gửi được thư mời vì máy chủ thư (SMTP) không nhận thư; không có gì thay đổi, vui lòng thử lại sau (the SMTP server refused or is unreachable; nothing was changed).',
      );
    }
  }
}

/** Only an admin makes or changes an admin: the secretariat cannot raise anyone above itself. */
function onlyAdminsGrantAdmin(actor: Actor, role: string): void {
  if (role === 'admin' && actor.role !== 'admin') {
    throw new ApiError(
      403,
      'forbidden',
      'Chỉ quản trị hệ thống mới được tạo hoặc thay đổi tài khoản quản trị (only an admin may create or change an admin account).',
    );
  }
}

function changedFields(
  before: AccountView,
  after: AccountView,
): Record<string, [unknown, unknown]> {
  const changes: Record<string, [unknown, unknown]> = {};
  for (const key of ['fullName', 'role', 'unitCode', 'agencyCode', 'disabled'] as const) {
    if (before[key] !== after[key]) changes[key] = [before[key], after[key]];
  }
  return changes;
}
