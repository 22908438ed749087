import { Module } from '@nestjs/common';
import { CalendarYearsController } from './calendar-years.controller.js';
import { CalendarYearsService } from './calendar-years.service.js';

/** The working-day calendar's years: built-in, and loaded as data by the secretariat. */
@Module({ controllers: [CalendarYearsController], providers: [CalendarYearsService] })
export class CalendarYearsModule {}
