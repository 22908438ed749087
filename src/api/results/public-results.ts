/**
 * The results anyone may read once announced. "Announced" is the one fact the Chairman's
 * decision records (resultsAnnounced in results-publication.ts, the same test that opens the
 * results to units and appraisers in ResultsService.readableCampaign). Before it, and for a
 * campaign that does not exist, the answer is the same 404: the public learns nothing of
 * campaigns or results that are not announced.
 */
import type { EntityManager } from 'typeorm';
import { ApiError } from '../common/api-error.js';
import { isUuid } from '../common/params.js';
import { Campaign } from '../../entities/index.js';
import { resultsAnnounced } from './results-publication.js';
import { type ExportFile, type FileFormat, resultsFileOf } from './results-files.js';
import { readResults, type ResultsView } from './results-store.js';
import type { PublicResultsView } from './public-results.views.js';

function notPublished(campaignRef: string): ApiError {
  return new ApiError(
    404,
    'not_found',
    `Kết quả Chỉ số CCHC của chiến dịch «${campaignRef}» chưa được công bố: kết quả chỉ được công khai sau khi có quyết định công bố của Chủ tịch UBND tỉnh.`,
  );
}

/** The published view: ranks, ties, indexes and bands per group; nothing a unit scored itself. */
export function toPublicResults(view: ResultsView, publishedAt: Date): PublicResultsView {
  return {
    campaignCode: view.campaignCode,
    campaignName: view.campaignName,
    year: view.year,
    publishedAt: publishedAt.toISOString(),
    decision: view.decision,
    ratingBands: view.ratingBands.map(({ label, min, max }) => ({ label, min, max })),
    groups: view.groups.map((group) => ({
      group: group.group,
      groupName: group.groupName,
      units: group.units.map((u) => ({
        rank: u.rank,
        tied: u.tied,
        unitCode: u.unitCode,
        unitName: u.unitName,
        index: u.index,
        indexText: u.indexText,
        band: u.band,
      })),
    })),
  };
}

/** An announced campaign and its results, or the one 404 in Vietnamese. */
async function announced(
  manager: EntityManager,
  campaignRef: string,
): Promise<{ campaign: Campaign & { resultsPublishedAt: Date }; view: ResultsView }> {
  const campaign = await manager.findOne(Campaign, {
    where: isUuid(campaignRef) ? { id: campaignRef } : { code: campaignRef },
  });
  if (!campaign || !resultsAnnounced(campaign)) throw notPublished(campaignRef);
  const view = await readResults(manager, campaign);
  if (!view) throw notPublished(campaignRef);
  return { campaign, view };
}

/** The announced results of a campaign (by id or code), or a 404 in Vietnamese. */
export async function readPublicResults(
  manager: EntityManager,
  campaignRef: string,
): Promise<PublicResultsView> {
  const { campaign, view } = await announced(manager, campaignRef);
  return toPublicResults(view, campaign.resultsPublishedAt);
}

/** The announced results as the file officials download (the same as staff get), or the 404. */
export async function publicResultsFile(
  manager: EntityManager,
  campaignRef: string,
  format: FileFormat,
): Promise<ExportFile> {
  const { campaign, view } = await announced(manager, campaignRef);
  return resultsFileOf(view, campaign, format);
}
