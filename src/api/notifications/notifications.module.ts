import { Module } from '@nestjs/common';
import { NotificationForecastService } from './notification-forecast.service.js';
import { NotificationLogService } from './notification-log.service.js';
import { NotificationScopeService } from './notification-scope.service.js';
import { NotificationsController } from './notifications.controller.js';

/** The notification log and the forecast of what the plan will send, per campaign. */
@Module({
  controllers: [NotificationsController],
  providers: [NotificationScopeService, NotificationLogService, NotificationForecastService],
})
export class NotificationsModule {}
