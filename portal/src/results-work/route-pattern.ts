/** A router pattern from a campaign page's path: campaignPages.resultsWork → '/chien-dich/:campaign/ket-qua'. */
export const campaignRoute = (page: (campaign: string) => string): string =>
  page('__campaign__').replace('__campaign__', ':campaign');
