import { Module } from '@nestjs/common';
import { SecretariatContactsController } from './secretariat-contacts.controller.js';
import { SecretariatContactsService } from './secretariat-contacts.service.js';

/** The secretariat's contacts: who its mails and escalations go to. */
@Module({ controllers: [SecretariatContactsController], providers: [SecretariatContactsService] })
export class SecretariatContactsModule {}
