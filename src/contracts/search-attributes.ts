import { defineSearchAttributeKey, SearchAttributeType } from '@temporalio/common';

/**
 * Custom search attributes, so admins can filter campaigns and units in the Temporal Web UI,
 * e.g. `ParCampaignYear = 2021 AND ParUnitStatus = "missing"`. The worker registers them on start.
 */
export const CAMPAIGN_YEAR = defineSearchAttributeKey('ParCampaignYear', SearchAttributeType.INT);
export const CURRENT_STEP = defineSearchAttributeKey('ParCurrentStep', SearchAttributeType.INT);
export const UNIT_CODE = defineSearchAttributeKey('ParUnitCode', SearchAttributeType.KEYWORD);
export const UNIT_STATUS = defineSearchAttributeKey('ParUnitStatus', SearchAttributeType.KEYWORD);

export const SEARCH_ATTRIBUTES = [CAMPAIGN_YEAR, CURRENT_STEP, UNIT_CODE, UNIT_STATUS];
