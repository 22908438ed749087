import { Global, Module } from '@nestjs/common';
import { Outbox } from './outbox.js';
import { OutboxRelay } from './outbox-relay.js';

/** Record first, deliver surely: every action's message to Temporal goes through here. */
@Global()
@Module({ providers: [Outbox, OutboxRelay], exports: [Outbox, OutboxRelay] })
export class OutboxModule {}
