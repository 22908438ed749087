/**
 * The world the contract tests run against: the real API and workflows (a time-skipping server
 * of their own, on today's clock), a launched copy of the 2021 plan whose steps lie around today
 * and whose units have codes of their own (fuzzed writes never touch units other files use), an
 * evidence file, and a token per role.
 */
import { VINH_LONG_2021 } from '../../src/seed/vinh-long-2021.js';
import { seedCampaignPlan } from '../../src/seed/seed.js';
import { call } from '../support/api.js';
import {
  type ApiWorkflowWorld,
  startApiWorkflowWorld,
  stepsAroundToday,
} from '../support/api-workflow-world.js';
import { staffTokens, suffix, type Tokens, unitToken, upload } from '../support/api-fixtures.js';
import { tokenFor } from '../support/api.js';

export interface ContractWorld {
  world: ApiWorkflowWorld;
  campaign: { id: string; code: string };
  /** A department and a district taking part; `other` is a department too. */
  units: { mine: string; other: string; district: string };
  indexSetId: string;
  evidenceId: string;
  tokens: Tokens & { unit: string; otherUnit: string; appraiserOther: string };
  close(): Promise<void>;
}

/** A minimal PDF: its signature is what the upload checks. */
const PDF = Buffer.from('%PDF-1.4\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n');

export async function startContractWorld(): Promise<ContractWorld> {
  const world = await startApiWorkflowWorld('par-contract-');
  const { api } = world;
  const tag = suffix().toUpperCase();
  const [dept, district] = [
    VINH_LONG_2021.units.find((u) => u.group === 'department')!,
    VINH_LONG_2021.units.find((u) => u.group === 'district')!,
  ];
  const units = { mine: `CA${tag}`, other: `CB${tag}`, district: `CD${tag}` };
  const code = `contract-${suffix()}-2021`;
  const { campaignId } = await seedCampaignPlan(api.dataSource, {
    ...VINH_LONG_2021,
    campaign: { ...VINH_LONG_2021.campaign, code },
    steps: stepsAroundToday(),
    units: [
      { ...dept, code: units.mine },
      { ...dept, code: units.other },
      { ...district, code: units.district },
    ],
  });
  const campaign = { id: campaignId, code };
  try {
    const staff = await staffTokens(api.dataSource);
    const tokens = {
      ...staff,
      unit: await unitToken(api.dataSource, units.mine),
      otherUnit: await unitToken(api.dataSource, units.other),
      appraiserOther: await tokenFor(api.dataSource, {
        name: `Thẩm định STC ${tag}`,
        role: 'appraiser',
        agencyCode: 'STC',
      }),
    };
    const launched = await call(api, 'POST', `/campaigns/${code}/launch`, {
      token: tokens.secretariat,
    });
    if (launched.status !== 200) throw new Error(`launch: ${JSON.stringify(launched.body)}`);
    const evidence = await upload(api, `/campaigns/${code}/units/${units.mine}/evidence`, {
      token: tokens.unit,
      file: { name: 'bao-cao.pdf', content: PDF, type: 'application/pdf' },
    });
    if (evidence.status !== 201) throw new Error(`evidence: ${JSON.stringify(evidence.body)}`);
    const [set] = await api.dataSource.query<{ id: string }[]>(
      'SELECT id FROM index_sets WHERE campaign_id = $1 ORDER BY id LIMIT 1',
      [campaignId],
    );
    return {
      world,
      campaign,
      units,
      indexSetId: set!.id,
      evidenceId: evidence.body.id as string,
      tokens,
      close: () => world.close(campaign),
    };
  } catch (err) {
    await world.close(campaign);
    throw err;
  }
}
