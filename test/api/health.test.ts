import 'reflect-metadata';
import type { INestApplication } from '@nestjs/common';
import { afterEach, describe, expect, inject, it } from 'vitest';
import { createApp } from '../../src/api/create-app.js';
import { loadConfig, type AppConfig } from '../../src/config.js';
import { freePort } from '../../scripts/launcher/ports.js';
import '../support/provided.js';

function testConfig(overrides: Partial<AppConfig> = {}): AppConfig {
  return {
    ...loadConfig({}),
    databaseUrl: inject('databaseUrl'),
    temporalAddress: inject('temporalAddress'),
    smtpUrl: inject('smtpUrl'),
    ...overrides,
  };
}

describe('GET /health', () => {
  let app: INestApplication | undefined;

  afterEach(async () => {
    await app?.close();
    app = undefined;
  });

  async function getHealth(config: AppConfig) {
    app = await createApp(config, { logger: false });
    await app.listen(0, '127.0.0.1');
    const res = await fetch(`${await app.getUrl()}/health`);
    return { status: res.status, body: (await res.json()) as Record<string, unknown> };
  }

  it('answers 200 with the state of each dependency when all are reachable', async () => {
    const { status, body } = await getHealth(testConfig());
    expect(status).toBe(200);
    expect(body).toMatchObject({
      status: 'ok',
      down: [],
      checks: {
        database: { status: 'up' },
        temporal: { status: 'up' },
        smtp: { status: 'up' },
      },
    });
  });

  it('answers 503 naming SMTP when the mail server is unreachable', async () => {
    const closedPort = await freePort();
    const { status, body } = await getHealth(
      testConfig({ smtpUrl: `smtp://127.0.0.1:${closedPort}` }),
    );
    expect(status).toBe(503);
    expect(body).toMatchObject({
      status: 'unavailable',
      down: ['smtp'],
      checks: { database: { status: 'up' }, temporal: { status: 'up' }, smtp: { status: 'down' } },
    });
    expect((body.checks as { smtp: { error: string } }).smtp.error).toMatch(/ECONNREFUSED/);
  });

  it('answers 503 naming Temporal when its frontend is unreachable', async () => {
    const closedPort = await freePort();
    const { status, body } = await getHealth(
      testConfig({ temporalAddress: `127.0.0.1:${closedPort}` }),
    );
    expect(status).toBe(503);
    expect(body).toMatchObject({ status: 'unavailable', down: ['temporal'] });
  });

  it('serves the OpenAPI document that lists /health', async () => {
    app = await createApp(testConfig(), { logger: false });
    await app.listen(0, '127.0.0.1');
    const res = await fetch(`${await app.getUrl()}/docs-json`);
    expect(res.status).toBe(200);
    const doc = (await res.json()) as { paths: Record<string, unknown> };
    expect(Object.keys(doc.paths)).toContain('/health');
  });
});
