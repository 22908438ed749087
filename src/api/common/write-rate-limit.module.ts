import { Module } from '@nestjs/common';
import { ThrottlerModule } from '@nestjs/throttler';
import type { AppConfig } from '../../config.js';
import { APP_CONFIG } from '../tokens.js';

/** The write budget of WriteRateLimitGuard: RATE_LIMIT_WRITES_PER_MINUTE per minute. */
@Module({
  imports: [
    ThrottlerModule.forRootAsync({
      inject: [APP_CONFIG],
      useFactory: (config: AppConfig) => ({
        throttlers: [{ name: 'default', ttl: 60_000, limit: config.rateLimitWritesPerMinute }],
        skipIf: () => config.rateLimitWritesPerMinute === 0,
      }),
    }),
  ],
  exports: [ThrottlerModule],
})
export class WriteRateLimitModule {}
