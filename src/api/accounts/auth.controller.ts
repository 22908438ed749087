import { Body, Controller, Get, HttpCode, Inject, Post, Req, Res } from '@nestjs/common';
import {
  ApiAcceptedResponse,
  ApiBadRequestResponse,
  ApiBearerAuth,
  ApiCookieAuth,
  ApiForbiddenResponse,
  ApiNoContentResponse,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
  ApiTooManyRequestsResponse,
  ApiUnauthorizedResponse,
} from '@nestjs/swagger';
import type { Request, Response } from 'express';
import type { AppConfig } from '../../config.js';
import type { Actor } from '../auth/actor.js';
import { CurrentActor, Public } from '../auth/auth.decorators.js';
import { ApiError } from '../common/api-error.js';
import { APP_CONFIG } from '../tokens.js';
import {
  AcceptedView,
  AccountView,
  MeView,
  PasswordResetDto,
  PasswordSetView,
  SetPasswordDto,
  SignInDto,
} from './account.dto.js';
import {
  clearedSessionCookie,
  secureCookies,
  SESSION_COOKIE,
  sessionCookie,
  sessionSecret,
} from './session-cookie.js';
import { SESSION_ABSOLUTE_MS } from './sessions.js';
import { SignInService, TooManyAttempts } from './sign-in.service.js';

const CSRF_403 =
  'A write carrying the session cookie from another origin (Origin or Referer not this site).';

/** Personal sign-in for the portal: a session in an HttpOnly cookie, set and ended here. */
@ApiTags('auth')
@Controller('auth')
export class AuthController {
  constructor(
    private readonly signIns: SignInService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  @Post('sign-in')
  @Public()
  @HttpCode(200)
  @ApiOperation({
    summary: 'Sign in with e-mail and password: sets the session cookie',
    description: `Sets \`${SESSION_COOKIE}\` (HttpOnly, SameSite=Lax, Path=/, Secure when PUBLIC_URL is https), valid 7 days at most and 12 hours without use. A wrong e-mail and a wrong password get the same 401; a disabled account is told so only after the right password. 5 failures per e-mail and 20 per IP address in 15 minutes: 429 with Retry-After.`,
  })
  @ApiOkResponse({ type: AccountView, headers: { 'Set-Cookie': { schema: { type: 'string' } } } })
  @ApiUnauthorizedResponse({ description: 'Wrong e-mail or password, or the account is disabled.' })
  @ApiForbiddenResponse({ description: CSRF_403 })
  @ApiTooManyRequestsResponse({ description: 'Too many failed attempts; see Retry-After.' })
  async signIn(
    @Body() dto: SignInDto,
    @Req() request: Request,
    @Res({ passthrough: true }) response: Response,
  ): Promise<AccountView> {
    try {
      const { secret, account } = await this.signIns.signIn({
        email: dto.email,
        password: dto.password,
        ip: request.ip ?? 'unknown',
        userAgent: request.headers['user-agent'],
      });
      response.setHeader(
        'Set-Cookie',
        sessionCookie(secret, {
          secure: secureCookies(this.config.publicUrl),
          maxAgeSeconds: SESSION_ABSOLUTE_MS / 1000,
        }),
      );
      return account;
    } catch (err) {
      if (!(err instanceof TooManyAttempts)) throw err;
      response.setHeader('Retry-After', String(err.retryAfterSeconds));
      const minutes = Math.ceil(err.retryAfterSeconds / 60);
      throw new ApiError(
        429,
        'too_many_requests',
        `Đăng nhập sai quá nhiều lần. Vui lòng thử lại sau khoảng ${minutes} phút, hoặc đặt lại mật khẩu (too many failed sign-ins; retry after ${err.retryAfterSeconds} s).`,
      );
    }
  }

  @Post('sign-out')
  @Public()
  @HttpCode(204)
  @ApiOperation({
    summary: 'Sign out: ends the session and clears the cookie',
    description: 'Answers 204 also without a session, so a second click does no harm.',
  })
  @ApiNoContentResponse({ description: 'Signed out; the cookie is cleared.' })
  @ApiForbiddenResponse({ description: CSRF_403 })
  async signOut(@Req() request: Request, @Res({ passthrough: true }) response: Response) {
    const secret = sessionSecret(request.headers.cookie);
    if (secret) await this.signIns.signOut(secret);
    response.setHeader('Set-Cookie', clearedSessionCookie(secureCookies(this.config.publicUrl)));
  }

  @Get('me')
  @ApiBearerAuth()
  @ApiCookieAuth(SESSION_COOKIE)
  @ApiOperation({
    summary: 'Who is calling: the signed-in account, or the holder of a bearer token',
  })
  @ApiOkResponse({ type: MeView })
  @ApiUnauthorizedResponse({ description: 'No session (or it ended), and no valid token.' })
  me(@CurrentActor() actor: Actor): Promise<MeView> {
    return this.signIns.me(actor);
  }

  @Post('password')
  @Public()
  @HttpCode(200)
  @ApiOperation({
    summary: 'Set the password from an invitation or reset link',
    description:
      'The link token is single-use (72 h for an invitation, 2 h for a reset); the password has at least 10 characters. Every open session of the account ends; then sign in.',
  })
  @ApiOkResponse({ type: PasswordSetView })
  @ApiBadRequestResponse({ description: 'Unknown, used or expired link; password too short.' })
  @ApiForbiddenResponse({ description: CSRF_403 })
  setPassword(@Body() dto: SetPasswordDto): Promise<PasswordSetView> {
    return this.signIns.setPassword(dto);
  }

  @Post('password-reset')
  @Public()
  @HttpCode(202)
  @ApiOperation({
    summary: 'Ask for a password reset link by e-mail',
    description:
      'Always 202, whether the address has an account or not; the link is mailed only when it has one that is not disabled (at most 3 in 15 minutes).',
  })
  @ApiAcceptedResponse({ type: AcceptedView })
  @ApiForbiddenResponse({ description: CSRF_403 })
  requestReset(@Body() dto: PasswordResetDto): AcceptedView {
    this.signIns.requestResetInBackground(dto.email);
    return {
      message:
        'Nếu địa chỉ này có tài khoản, một liên kết đặt lại mật khẩu đã được gửi tới hộp thư. Vui lòng kiểm tra thư (kể cả thư rác).',
    };
  }
}
