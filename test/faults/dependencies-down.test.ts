/**
 * PostgreSQL or Temporal unreachable from the API (a proxy between them, cut): the caller gets
 * 503 naming the dependency, with Retry-After, and no host name or address; once the proxy is
 * back, requests succeed again.
 */
import 'reflect-metadata';
import { Controller, Get, Module, type INestApplication } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { Client, Connection, WorkflowNotFoundError } from '@temporalio/client';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { HttpErrorsFilter } from '../../src/api/common/http-errors.filter.js';
import { unavailableDependency } from '../../src/api/common/dependency-errors.js';
import { startTcpProxy, type TcpProxy } from '../support/tcp-proxy.js';
import { startTestApi, tokenFor, type TestApi } from '../support/api.js';
import '../support/provided.js';

/** The body must not give away where the dependency runs. */
function expectNoAddress(text: string, proxy: TcpProxy): void {
  const port = proxy.address.split(':').pop()!;
  expect(text).not.toMatch(/\b\d{1,3}(\.\d{1,3}){3}\b/); // IPv4
  expect(text).not.toMatch(/::1|localhost/i);
  expect(text).not.toContain(port);
}

async function get(url: string, token?: string) {
  const res = await fetch(url, { headers: token ? { authorization: `Bearer ${token}` } : {} });
  const text = await res.text();
  return { status: res.status, retryAfter: res.headers.get('retry-after'), text };
}

describe('PostgreSQL unreachable from the API', () => {
  let proxy: TcpProxy;
  let api: TestApi;
  let token: string;

  beforeAll(async () => {
    const direct = new URL(inject('databaseUrl'));
    proxy = await startTcpProxy(`${direct.hostname}:${direct.port || 5432}`);
    const proxied = new URL(direct);
    proxied.host = proxy.address;
    api = await startTestApi({ databaseUrl: proxied.toString(), outboxPollMs: 0 });
    token = await tokenFor(api.dataSource, { name: 'Quản trị (kiểm thử sự cố)', role: 'admin' });
  });

  afterAll(async () => {
    await proxy?.restore();
    await api?.close();
    await proxy?.close();
  });

  it('answers 503 database_unavailable from the auth guard, naming PostgreSQL and no address; still live', async () => {
    expect((await get(`${api.url}/units`, token)).status).toBe(200);
    await proxy.cut();

    const res = await get(`${api.url}/units`, token);
    expect(res.status, res.text).toBe(503);
    const body = JSON.parse(res.text) as { code: string; message: string };
    expect(body.code).toBe('database_unavailable');
    expect(body.message).toContain('PostgreSQL');
    expect(res.retryAfter).toMatch(/^\d+$/);
    expectNoAddress(res.text, proxy);

    // A write too, and a public route that reads the database.
    const write = await fetch(`${api.url}/units`, {
      method: 'POST',
      headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
      body: JSON.stringify({ code: 'SUCO', name: 'Đơn vị sự cố' }),
    });
    expect(write.status).toBe(503);
    expect(((await write.json()) as { code: string }).code).toBe('database_unavailable');

    // Liveness checks nothing; readiness says the API cannot serve.
    expect((await get(`${api.url}/health/live`)).status).toBe(200);
    const ready = await get(`${api.url}/health/ready`, token);
    expect(ready.status).toBe(503);
    expect(JSON.parse(ready.text)).toEqual({ status: 'unavailable' }); // the token cannot be checked
    expectNoAddress(ready.text, proxy);
  });

  it('answers again once PostgreSQL is reachable', async () => {
    await proxy.restore();
    const res = await get(`${api.url}/units`, token);
    expect(res.status, res.text).toBe(200);
    expect(Array.isArray(JSON.parse(res.text))).toBe(true);
    expect((await get(`${api.url}/health/ready`)).status).toBe(200);
  });
});

describe('Temporal unreachable', () => {
  let proxy: TcpProxy;
  let connection: Connection;
  let app: INestApplication;
  let url: string;

  // The API answers every route from PostgreSQL (actions reach Temporal through the outbox), so
  // a route that calls Temporal directly is built here, with the API's own exception filter.
  @Controller('probe')
  class TemporalProbeController {
    @Get()
    async describe(): Promise<string> {
      const handle = new Client({ connection }).workflow.getHandle('par-does-not-exist');
      try {
        await connection.withDeadline(Date.now() + 5000, () => handle.describe());
      } catch (err) {
        if (err instanceof WorkflowNotFoundError) return 'reached';
        throw err;
      }
      return 'reached';
    }
  }
  @Module({ controllers: [TemporalProbeController] })
  class ProbeModule {}

  beforeAll(async () => {
    proxy = await startTcpProxy(inject('temporalAddress'));
    connection = Connection.lazy({ address: proxy.address, interceptors: [] });
    app = await NestFactory.create(ProbeModule, { logger: false });
    app.useGlobalFilters(new HttpErrorsFilter(app.getHttpAdapter()));
    await app.listen(0, '127.0.0.1');
    url = `${(await app.getUrl()).replace('[::1]', '127.0.0.1')}/probe`;
  });

  afterAll(async () => {
    await app?.close();
    await connection?.close();
    await proxy?.close();
  });

  it('answers 503 temporal_unavailable when the Temporal client cannot reach its frontend', async () => {
    expect((await get(url)).text).toBe('reached');
    await proxy.cut();

    const res = await get(url);
    expect(res.status, res.text).toBe(503);
    const body = JSON.parse(res.text) as { code: string; message: string };
    expect(body.code).toBe('temporal_unavailable');
    expect(body.message).toContain('Temporal');
    expect(res.retryAfter).toMatch(/^\d+$/);
    expectNoAddress(res.text, proxy);
  });

  it('reaches Temporal again once the proxy is back', async () => {
    await proxy.restore();
    let res = await get(url);
    // gRPC reconnects with its own back-off: allow it a few seconds.
    for (let i = 0; i < 40 && res.status !== 200; i++) {
      await new Promise((r) => setTimeout(r, 250));
      res = await get(url);
    }
    expect(res.status, res.text).toBe(200);
    expect(res.text).toBe('reached');
  });
});

describe('Errors that do not mean a dependency is down', () => {
  it('are left alone: a constraint violation, a workflow that does not exist', async () => {
    const client = new pg.Client({ connectionString: inject('databaseUrl') });
    await client.connect();
    try {
      const violation = await client.query("SELECT 'x'::int").then(
        () => null,
        (err: unknown) => err,
      );
      expect(violation).toBeInstanceOf(Error);
      expect(unavailableDependency(violation)).toBeNull();
    } finally {
      await client.end();
    }
    const connection = await Connection.connect({ address: inject('temporalAddress') });
    try {
      const missing = await new Client({ connection }).workflow
        .getHandle('par-does-not-exist')
        .describe()
        .then(
          () => null,
          (err: unknown) => err,
        );
      expect(missing).toBeInstanceOf(WorkflowNotFoundError);
      expect(unavailableDependency(missing)).toBeNull();
    } finally {
      await connection.close();
    }
  });
});
