import { Global, Inject, Module, type OnApplicationShutdown } from '@nestjs/common';
import { Client, Connection } from '@temporalio/client';
import type { AppConfig } from '../../config.js';
import { APP_CONFIG, TEMPORAL_CLIENT, TEMPORAL_PROBE } from '../tokens.js';

/**
 * The Temporal client the outbox relay starts and signals workflows with. The connection is lazy,
 * so the API starts (and /health reports it) even while Temporal is down. It makes one attempt per
 * call (the relay retries with its own back-off, and a caller must not wait on an outage), and
 * reconnects within seconds once Temporal is back.
 */
@Global()
@Module({
  providers: [
    {
      provide: TEMPORAL_CLIENT,
      inject: [APP_CONFIG],
      useFactory: (config: AppConfig) =>
        new Client({
          connection: Connection.lazy({
            address: config.temporalAddress,
            interceptors: [],
            channelArgs: {
              'grpc.initial_reconnect_backoff_ms': 250,
              'grpc.max_reconnect_backoff_ms': 5000,
            },
          }),
          namespace: config.temporalNamespace,
        }),
    },
    {
      // The client's default interceptor retries failed calls on timers, which may fire after
      // the app has closed the connection; a health probe wants one attempt and a clear answer.
      provide: TEMPORAL_PROBE,
      inject: [APP_CONFIG],
      useFactory: (config: AppConfig) =>
        Connection.lazy({ address: config.temporalAddress, interceptors: [] }),
    },
  ],
  exports: [TEMPORAL_CLIENT, TEMPORAL_PROBE],
})
export class TemporalModule implements OnApplicationShutdown {
  constructor(
    @Inject(TEMPORAL_CLIENT) private readonly client: Client,
    @Inject(TEMPORAL_PROBE) private readonly probe: Connection,
  ) {}

  async onApplicationShutdown(): Promise<void> {
    await this.client.connection.close();
    await this.probe.close();
  }
}
