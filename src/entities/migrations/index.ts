import { CreateUnits1764230400000 } from './1764230400000-create-units.js';
import { CampaignData1764234000000 } from './1764234000000-campaign-data.js';
import { WorkflowState1764237600000 } from './1764237600000-workflow-state.js';
import { Notifications1764241200000 } from './1764241200000-notifications.js';
import { AppraisalResults1764244800000 } from './1764244800000-appraisal-results.js';
import { CampaignFacts1764849600000 } from './1764849600000-campaign-facts.js';
import { Accounts1765000000000 } from './1765000000000-accounts.js';
import { ApiTokenExpiry1765100000000 } from './1765100000000-api-token-expiry.js';
import { AccountMails1765200000000 } from './1765200000000-account-mails.js';
import { CalendarYears1765300000000 } from './1765300000000-calendar-years.js';
import { AgenciesAndContacts1765320000000 } from './1765320000000-agencies-and-contacts.js';
import { Documents1765330000000 } from './1765330000000-documents.js';
import { PlanAmendments1765340000000 } from './1765340000000-plan-amendments.js';

/** Migrations in the order they apply. New ones go at the end. */
export const MIGRATIONS = [
  CreateUnits1764230400000,
  CampaignData1764234000000,
  WorkflowState1764237600000,
  Notifications1764241200000,
  AppraisalResults1764244800000,
  CampaignFacts1764849600000,
  Accounts1765000000000,
  ApiTokenExpiry1765100000000,
  AccountMails1765200000000,
  CalendarYears1765300000000,
  AgenciesAndContacts1765320000000,
  Documents1765330000000,
  PlanAmendments1765340000000,
];
