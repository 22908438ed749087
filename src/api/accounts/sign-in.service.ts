import { Inject, Injectable, Logger } from '@nestjs/common';
import type { Transporter } from 'nodemailer';
import { DataSource } from 'typeorm';
import type { AppConfig } from '../../config.js';
import { Account, Agency, Unit } from '../../entities/index.js';
import type { Actor } from '../auth/actor.js';
import { AuditService } from '../audit/audit.service.js';
import { ApiError } from '../common/api-error.js';
import type { Clock } from '../clock.js';
import { APP_CONFIG, CLOCK, MAIL_TRANSPORT } from '../tokens.js';
import type { AccountView, MeView, PasswordSetView, SetPasswordDto } from './account.dto.js';
import { mailPasswordLink } from './account-mails.js';
import { accountView, loadAccount, normalEmail } from './account-scope.js';
import { hashPassword, verifyAgainstDecoy, verifyPassword } from './password-hash.js';
import { consumePasswordLink } from './password-links.js';
import {
  accountActor,
  findSession,
  openSession,
  revokeAccountSessions,
  revokeSession,
} from './sessions.js';
import { SignInLimiter } from './sign-in-limiter.js';

/** One answer for a wrong e-mail and a wrong password: which one was wrong is not told. */
export const WRONG_CREDENTIALS =
  'Địa chỉ e-mail hoặc mật khẩu không đúng. Vui lòng kiểm tra lại (wrong e-mail or password).';
export const ACCOUNT_DISABLED =
  'Tài khoản này đã bị khóa. Vui lòng liên hệ Tổ thư ký (Sở Nội vụ) nếu cần sử dụng lại (this account is disabled).';

export interface SignInRequest {
  email: string;
  password: string;
  ip: string;
  userAgent: string | undefined;
}

export class TooManyAttempts extends Error {
  constructor(readonly retryAfterSeconds: number) {
    super('too many sign-in attempts');
  }
}

@Injectable()
export class SignInService {
  private readonly logger = new Logger('SignIn');

  constructor(
    private readonly dataSource: DataSource,
    private readonly audit: AuditService,
    private readonly limiter: SignInLimiter,
    @Inject(MAIL_TRANSPORT) private readonly transport: Transporter,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  /** Checks the password and opens a session; the secret is for the cookie. */
  async signIn(request: SignInRequest): Promise<{ secret: string; account: AccountView }> {
    const email = normalEmail(request.email);
    const wait = this.limiter.retryAfterSeconds(email, request.ip);
    if (wait > 0) throw new TooManyAttempts(wait);

    const account = await this.dataSource.getRepository(Account).findOneBy({ email });
    const matches = account?.passwordHash
      ? await verifyPassword(request.password, account.passwordHash)
      : await verifyAgainstDecoy(request.password);
    if (!account || !matches) {
      this.limiter.failed(email, request.ip);
      throw new ApiError(401, 'unauthorized', WRONG_CREDENTIALS);
    }
    this.limiter.succeeded(email);
    // Only after the right password: a guesser does not learn that the account exists.
    if (account.disabledAt) throw new ApiError(401, 'unauthorized', ACCOUNT_DISABLED);

    const now = this.clock.now();
    const { secret, session } = await openSession(this.dataSource, account, request.userAgent, now);
    await this.dataSource.getRepository(Account).update({ id: account.id }, { lastSignInAt: now });
    await this.audit.record(accountActor(account), {
      action: 'account.sign_in',
      entityType: 'account',
      entityId: account.id,
      details: { sessionId: session.id, userAgent: session.userAgent },
    });
    return {
      secret,
      account: accountView((await loadAccount(this.dataSource.manager, account.id))!),
    };
  }

  /** Ends the cookie's session (if it still runs, the sign-out is audited with its person). */
  async signOut(secret: string): Promise<void> {
    const found = await findSession(this.dataSource, secret, this.clock.now());
    await revokeSession(this.dataSource, secret);
    if (found.kind !== 'active') return;
    await this.audit.record(accountActor(found.account), {
      action: 'account.sign_out',
      entityType: 'account',
      entityId: found.account.id,
      details: { sessionId: found.session.id },
    });
  }

  /** Sets the password from an invitation or reset link; every open session of the account ends. */
  async setPassword(dto: SetPasswordDto): Promise<PasswordSetView> {
    const passwordHash = await hashPassword(dto.password);
    return this.dataSource.transaction(async (manager) => {
      const used = await consumePasswordLink(manager, dto.token);
      if (!used) {
        const message =
          'Liên kết đặt mật khẩu không hợp lệ, đã được dùng hoặc đã hết hạn. Vui lòng yêu cầu liên kết mới (the link is unknown, used or expired).';
        throw new ApiError(400, 'validation_failed', message, [
          { field: 'token', code: 'invalid_link', message },
        ]);
      }
      const { account, purpose } = used;
      await manager.getRepository(Account).update({ id: account.id }, { passwordHash });
      const signedOut = await revokeAccountSessions(manager, account.id);
      await this.audit.record(
        accountActor(account),
        {
          action: 'account.password_set',
          entityType: 'account',
          entityId: account.id,
          details: { purpose, sessionsRevoked: signedOut },
        },
        manager,
      );
      return { email: account.email, message: 'Đã đặt mật khẩu. Vui lòng đăng nhập.' };
    });
  }

  /**
   * Mails a reset link when the address has an account that is not disabled. The caller answers
   * the same whatever happens here, and does not wait for it: neither the answer nor its timing
   * tells whether the account exists.
   */
  async requestReset(rawEmail: string): Promise<void> {
    const email = normalEmail(rawEmail);
    const account = await this.dataSource.getRepository(Account).findOne({
      where: { email },
      relations: { unit: true, agency: true },
    });
    if (!account || account.disabledAt || !this.limiter.mayMailReset(email)) return;
    const messageId = await mailPasswordLink(
      this.dataSource.manager,
      this.transport,
      this.config,
      account,
      'reset',
    );
    await this.audit.record(accountActor(account), {
      action: 'account.password_reset_requested',
      entityType: 'account',
      entityId: account.id,
      details: { messageId },
    });
  }

  /** Starts requestReset without waiting; a failure is logged, never told to the caller. */
  requestResetInBackground(email: string): void {
    this.requestReset(email).catch((err: unknown) =>
      this.logger.warn(
        `Password reset mail not sent: ${err instanceof Error ? err.message : String(err)}`,
      ),
    );
  }

  /** Who is calling: the account for a session, the token's holder for a bearer token. */
  async me(actor: Actor): Promise<MeView> {
    const account = actor.accountId
      ? await loadAccount(this.dataSource.manager, actor.accountId)
      : null;
    const unit = actor.unitId
      ? await this.dataSource.getRepository(Unit).findOneBy({ id: actor.unitId })
      : null;
    const agency = actor.agencyId
      ? await this.dataSource.getRepository(Agency).findOneBy({ id: actor.agencyId })
      : null;
    return {
      via: account ? 'session' : 'token',
      account: account ? accountView(account) : null,
      name: actor.name,
      role: actor.role,
      unitCode: unit?.code ?? null,
      agencyCode: agency?.code ?? null,
    };
  }
}
