import { Module } from '@nestjs/common';
import { AccountsController } from './accounts.controller.js';
import { AccountsService } from './accounts.service.js';
import { AuthController } from './auth.controller.js';
import { SignInLimiter } from './sign-in-limiter.js';
import { SignInService } from './sign-in.service.js';

/** People's accounts: sign-in with a session cookie, invitations, password links. */
@Module({
  controllers: [AuthController, AccountsController],
  providers: [AccountsService, SignInService, SignInLimiter],
})
export class AccountsModule {}
