/**
 * `npm run demo`: with the service running (`npm run dev` in another terminal), creates a demo
 * campaign of five units whose steps are compressed into minutes, launches it through the API,
 * and shows its reminders arriving: the first wave about two minutes after the launch, in the run
 * command's web inbox (http://127.0.0.1:1080) and in the notification log printed here.
 */
import 'reflect-metadata';
import { issueToken } from '../src/api/auth/issue-token.js';
import { loadConfig } from '../src/config.js';
import { createDataSource, migrate } from '../src/db/data-source.js';
import { demoPlan } from '../src/demo/demo-plan.js';
import { formatLocalDateTime } from '../src/domain/local-time.js';
import { localDateOf } from '../src/domain/reminders/local-clock.js';
import { Campaign, CampaignStep } from '../src/entities/index.js';
import { seedCampaignPlan } from '../src/seed/seed.js';
import { VINH_LONG_2021 } from '../src/seed/vinh-long-2021.js';

const config = loadConfig();
const api = `http://127.0.0.1:${config.port}`;
const zone = VINH_LONG_2021.campaign.timeZone;
const at = (iso: string | Date) => formatLocalDateTime(new Date(iso), zone);

interface LogItem {
  kind: string;
  to: string[];
  status: string;
  subject: string;
  scheduledFor: string;
}

async function call<T>(path: string, token: string, init: RequestInit = {}): Promise<T> {
  const res = await fetch(`${api}${path}`, {
    ...init,
    headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
  });
  if (!res.ok)
    throw new Error(`${init.method ?? 'GET'} ${path}: ${res.status} ${await res.text()}`);
  return (await res.json()) as T;
}

try {
  await fetch(`${api}/health`);
} catch {
  console.error(`demo: the API is not answering on ${api}. Start the service first: npm run dev`);
  process.exit(2);
}

const db = createDataSource(config.databaseUrl);
await db.initialize();
try {
  await migrate(db);
  const now = new Date();
  const year = Number(localDateOf(now, zone).slice(0, 4));
  const code = `demo-${now.toISOString().slice(0, 16).replace(/[-:T]/g, '')}`;
  const { campaignId } = await seedCampaignPlan(db, {
    ...VINH_LONG_2021,
    campaign: {
      ...VINH_LONG_2021.campaign,
      code,
      year,
      name: `Chiến dịch trình diễn ${year} (các bước rút gọn thành phút)`,
    },
    units: VINH_LONG_2021.units.slice(0, 5),
  });
  const steps = await db.getRepository(CampaignStep).findBy({ campaignId });
  const plan = demoPlan(
    now,
    zone,
    steps.map((s) => s.number),
  );
  for (const step of plan.steps) {
    await db
      .getRepository(CampaignStep)
      .update(
        { campaignId, number: step.number },
        { opensAt: step.opensAt, deadline: step.deadline },
      );
  }
  await db.getRepository(Campaign).update({ id: campaignId }, { reminderPolicy: plan.policy });

  const { token } = await issueToken(db, { role: 'admin', name: `demo ${code}` });
  const launched = await call<{ workflowId: string }>(`/campaigns/${campaignId}/launch`, token, {
    method: 'POST',
  });
  console.log(`demo: campaign ${code} launched, workflow ${launched.workflowId}`);
  console.log(
    `  Temporal Web UI: http://127.0.0.1:8233/namespaces/${config.temporalNamespace}/workflows/${launched.workflowId}`,
  );
  console.log(`  inbox: http://127.0.0.1:1080   admin token for the API: ${token}`);

  const forecast = await call<{ items: { sendAt: string; kind: string; to: string[] }[] }>(
    `/campaigns/${campaignId}/notifications/forecast?limit=1000`,
    token,
  );
  const first = forecast.items.filter((i) => i.sendAt === plan.firstSendAt.toISOString());
  console.log(
    `demo: ${forecast.items.length} messages planned in all; first wave at ${at(plan.firstSendAt)}:`,
  );
  for (const item of first) console.log(`  ${item.kind} → ${item.to.join(', ') || '(no address)'}`);
  if (first.length === 0) {
    const next = forecast.items[0];
    console.log(
      `demo: today is not a working day in the ${year} calendar, so nothing goes out now` +
        (next ? `; the first message is planned for ${at(next.sendAt)}.` : '.'),
    );
  } else {
    // Wait for the wave: the notification log fills as the worker sends.
    const until = plan.firstSendAt.getTime() + 120_000;
    const seen = new Set<string>();
    while (Date.now() < until && seen.size < first.length) {
      const log = await call<{ items: (LogItem & { businessKey: string })[] }>(
        `/campaigns/${campaignId}/notifications?limit=200`,
        token,
      );
      for (const item of log.items) {
        if (seen.has(item.businessKey)) continue;
        seen.add(item.businessKey);
        console.log(`  ${item.status}: ${item.kind} → ${item.to.join(', ')} — ${item.subject}`);
      }
      await new Promise((r) => setTimeout(r, 2000));
    }
    console.log(
      seen.size >= first.length
        ? `demo: the first wave is in the inbox (${seen.size} messages). The rest of the plan (escalations, digests) is in the forecast: GET ${api}/campaigns/${campaignId}/notifications/forecast`
        : `demo: only ${seen.size} of ${first.length} messages arrived by ${at(new Date(until))}; is the worker running? (npm run dev starts it)`,
    );
    if (seen.size < first.length) process.exitCode = 1;
  }
} finally {
  await db.destroy();
}
