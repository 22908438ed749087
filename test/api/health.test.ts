import 'reflect-metadata';
import net from 'node:net';
import { afterEach, describe, expect, inject, it } from 'vitest';
import type { AppConfig } from '../../src/config.js';
import { freePort } from '../../scripts/launcher/ports.js';
import { startTestApi, tokenFor, type TestApi } from '../support/api.js';
import '../support/provided.js';

/** No host name or IP address in what the health endpoint says. */
function expectNoAddress(text: string): void {
  expect(text).not.toMatch(/\b\d{1,3}(\.\d{1,3}){3}\b/);
  expect(text).not.toMatch(/localhost|::1/i);
}

/** A TCP relay to the test SMTP server that counts the connections made through it. */
async function countingSmtpRelay(): Promise<{
  url: string;
  connections: () => number;
  close(): Promise<void>;
}> {
  const target = new URL(inject('smtpUrl'));
  let connections = 0;
  const sockets = new Set<net.Socket>();
  const server = net.createServer((client) => {
    connections++;
    const upstream = net.connect(Number(target.port), target.hostname);
    for (const s of [client, upstream]) {
      sockets.add(s);
      s.on('close', () => sockets.delete(s));
      s.on('error', () => undefined);
    }
    client.pipe(upstream).pipe(client);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as net.AddressInfo;
  return {
    url: `smtp://127.0.0.1:${port}`,
    connections: () => connections,
    close: async () => {
      for (const s of sockets) s.destroy();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}

describe('health', () => {
  let api: TestApi | undefined;

  afterEach(async () => {
    await api?.close();
    api = undefined;
  });

  async function start(overrides: Partial<AppConfig> = {}) {
    api = await startTestApi({ outboxPollMs: 0, ...overrides });
    return api;
  }

  async function get(path: string, token?: string) {
    const res = await fetch(`${api!.url}${path}`, {
      headers: token ? { authorization: `Bearer ${token}` } : {},
    });
    const text = await res.text();
    return { status: res.status, text, body: JSON.parse(text) as Record<string, any> };
  }

  it('GET /health/live answers 200 without a token and without checking anything', async () => {
    await start();
    const { status, body } = await get('/health/live');
    expect(status).toBe(200);
    expect(body).toEqual({ status: 'ok' });
  });

  it('GET /health/ready tells the public only its status, and staff each dependency', async () => {
    const { dataSource } = await start();
    const publicAnswer = await get('/health/ready');
    expect(publicAnswer.status).toBe(200);
    expect(publicAnswer.body).toEqual({ status: 'ok' });

    for (const role of ['admin', 'secretariat'] as const) {
      const staff = await get('/health/ready', await tokenFor(dataSource, { name: role, role }));
      expect(staff.status).toBe(200);
      expect(staff.body).toMatchObject({
        status: 'ok',
        down: [],
        degraded: [],
        checks: {
          database: { status: 'up' },
          temporal: { status: 'up' },
          smtp: { status: 'up' },
        },
      });
    }
    // Another role, a token nobody issued: the public answer (no 401 on a public route).
    const council = await tokenFor(dataSource, { name: 'Hội đồng', role: 'council' });
    expect((await get('/health/ready', council)).body).toEqual({ status: 'ok' });
    expect((await get('/health/ready', 'not-a-token')).body).toEqual({ status: 'ok' });
  });

  it('GET /health is the same readiness answer', async () => {
    const { dataSource } = await start();
    expect((await get('/health')).body).toEqual({ status: 'ok' });
    const admin = await tokenFor(dataSource, { name: 'admin', role: 'admin' });
    expect((await get('/health', admin)).body).toMatchObject({ status: 'ok', down: [] });
  });

  it('stays ready (200, degraded) when only SMTP is down, naming no host', async () => {
    const closedPort = await freePort();
    const { dataSource } = await start({ smtpUrl: `smtp://127.0.0.1:${closedPort}` });
    const publicAnswer = await get('/health/ready');
    expect(publicAnswer.status).toBe(200);
    expect(publicAnswer.body).toEqual({ status: 'degraded' });

    const staff = await get(
      '/health/ready',
      await tokenFor(dataSource, { name: 'admin', role: 'admin' }),
    );
    expect(staff.status).toBe(200);
    expect(staff.body).toMatchObject({
      status: 'degraded',
      down: [],
      degraded: ['smtp'],
      checks: { database: { status: 'up' }, temporal: { status: 'up' }, smtp: { status: 'down' } },
    });
    expect(staff.body.checks.smtp.reason).toBe('ECONNREFUSED');
    expect(staff.body.checks.smtp.error).toMatch(/Không kết nối được/);
    expectNoAddress(staff.text);
    expect(staff.text).not.toContain(String(closedPort));
  });

  it('answers 503 when Temporal is unreachable, naming it only to staff and with no address', async () => {
    const closedPort = await freePort();
    const { dataSource } = await start({ temporalAddress: `127.0.0.1:${closedPort}` });
    const publicAnswer = await get('/health/ready');
    expect(publicAnswer.status).toBe(503);
    expect(publicAnswer.body).toEqual({ status: 'unavailable' });

    const staff = await get(
      '/health/ready',
      await tokenFor(dataSource, { name: 'admin', role: 'admin' }),
    );
    expect(staff.status).toBe(503);
    expect(staff.body).toMatchObject({
      status: 'unavailable',
      down: ['temporal'],
      checks: { database: { status: 'up' }, temporal: { status: 'down' } },
    });
    expect(staff.body.checks.temporal.reason).toMatch(/^(UNAVAILABLE|DEADLINE_EXCEEDED|timeout)$/);
    expectNoAddress(staff.text);
    expect(staff.text).not.toContain(String(closedPort));
    // Liveness checks nothing: still 200.
    expect((await get('/health/live')).status).toBe(200);
  });

  it('opens an SMTP connection at most once a minute, however often it is asked', async () => {
    const relay = await countingSmtpRelay();
    try {
      await start({ smtpUrl: relay.url });
      const answers = await Promise.all([get('/health/ready'), get('/health/ready')]);
      answers.push(await get('/health/ready'), await get('/health'));
      for (const answer of answers) expect(answer.body).toEqual({ status: 'ok' });
      expect(relay.connections()).toBe(1);
    } finally {
      await relay.close();
    }
  });

  it('serves the OpenAPI document that lists the health routes', async () => {
    await start();
    const res = await fetch(`${api!.url}/docs-json`);
    expect(res.status).toBe(200);
    const doc = (await res.json()) as { paths: Record<string, unknown> };
    expect(Object.keys(doc.paths)).toEqual(
      expect.arrayContaining(['/health', '/health/live', '/health/ready']),
    );
  });
});
