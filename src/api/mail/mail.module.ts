import { Global, Inject, Module, type OnApplicationShutdown } from '@nestjs/common';
import type { Transporter } from 'nodemailer';
import { createMailTransport } from '../../activities/mail/mail-transport.js';
import type { AppConfig } from '../../config.js';
import { APP_CONFIG, MAIL_TRANSPORT } from '../tokens.js';

/** The SMTP transport, shared by the API (health) and, in the worker, by the mail activities. */
@Global()
@Module({
  providers: [
    {
      provide: MAIL_TRANSPORT,
      inject: [APP_CONFIG],
      useFactory: (config: AppConfig) => createMailTransport(config.smtpUrl),
    },
  ],
  exports: [MAIL_TRANSPORT],
})
export class MailModule implements OnApplicationShutdown {
  constructor(@Inject(MAIL_TRANSPORT) private readonly transport: Transporter) {}

  onApplicationShutdown(): void {
    this.transport.close();
  }
}
