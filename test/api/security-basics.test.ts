/**
 * The security basics every response carries (headers), and that Swagger UI still works under
 * them.
 */
import 'reflect-metadata';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApi, tokenFor, type TestApi } from '../support/api.js';

describe('security headers', () => {
  let api: TestApi;

  beforeAll(async () => {
    api = await startTestApi({ outboxPollMs: 0 });
  });
  afterAll(() => api?.close());

  function expectSecurityHeaders(res: Response, path: string): void {
    const h = res.headers;
    expect(h.get('x-content-type-options'), path).toBe('nosniff');
    expect(h.get('x-frame-options'), path).toBe('DENY');
    expect(h.get('referrer-policy'), path).toBe('no-referrer');
    const csp = h.get('content-security-policy') ?? '';
    expect(csp, path).toContain("frame-ancestors 'none'");
    expect(csp, path).toContain("script-src 'self'");
    expect(csp, path).toContain("default-src 'self'");
    expect(h.get('x-powered-by'), path).toBeNull();
  }

  it('are on every kind of response: public, refused, not found, the docs', async () => {
    for (const path of ['/health/live', '/units', '/no-such-route', '/docs', '/docs-json']) {
      expectSecurityHeaders(await fetch(`${api.url}${path}`), path);
    }
  });

  it('still let Swagger UI at /docs load: same-origin scripts only, each served', async () => {
    const page = await fetch(`${api.url}/docs`);
    expect(page.status).toBe(200);
    const html = await page.text();
    const scripts = [...html.matchAll(/<script\b([^>]*)>([\s\S]*?)<\/script>/gi)];
    expect(scripts.length).toBeGreaterThan(0);
    for (const [, attributes, body] of scripts) {
      // script-src 'self' refuses inline scripts: every script must come from a file.
      const src = /\bsrc="([^"]+)"/.exec(attributes!)?.[1];
      expect(src, `inline script: ${body!.slice(0, 80)}`).toBeDefined();
      const url = new URL(src!, page.url); // relative to the page, as a browser resolves it
      expect(url.origin).toBe(new URL(api.url).origin);
      const js = await fetch(url);
      expect(js.status, url.pathname).toBe(200);
      expect(js.headers.get('content-type'), url.pathname).toMatch(/javascript/);
      expect((await js.text()).length).toBeGreaterThan(0);
    }
    // The init script points Swagger UI at the document, which it fetches from the same origin.
    const init = await (await fetch(`${api.url}/docs/swagger-ui-init.js`)).text();
    expect(init).toContain('SwaggerUIBundle');
  });
});

describe('CORS', () => {
  const allowed = 'https://cchc.vinhlong.gov.vn';
  const other = 'https://evil.example.com';

  async function preflight(api: TestApi, origin: string) {
    return fetch(`${api.url}/units`, {
      method: 'OPTIONS',
      headers: {
        origin,
        'access-control-request-method': 'POST',
        'access-control-request-headers': 'authorization,content-type',
      },
    });
  }

  it('lets the configured origins call, and no other', async () => {
    const api = await startTestApi({ outboxPollMs: 0, corsOrigins: [allowed] });
    try {
      const ok = await fetch(`${api.url}/health/live`, { headers: { origin: allowed } });
      expect(ok.headers.get('access-control-allow-origin')).toBe(allowed);
      expect(ok.headers.get('access-control-expose-headers')).toContain('Retry-After');
      expect(ok.headers.get('access-control-allow-credentials')).toBeNull();

      const allowedPreflight = await preflight(api, allowed);
      expect(allowedPreflight.status).toBeLessThan(300);
      expect(allowedPreflight.headers.get('access-control-allow-origin')).toBe(allowed);
      expect(allowedPreflight.headers.get('access-control-allow-methods')).toContain('POST');
      expect(allowedPreflight.headers.get('access-control-allow-headers')?.toLowerCase()).toContain(
        'authorization',
      );

      const refused = await fetch(`${api.url}/health/live`, { headers: { origin: other } });
      expect(refused.headers.get('access-control-allow-origin')).toBeNull();
      expect((await preflight(api, other)).headers.get('access-control-allow-origin')).toBeNull();
    } finally {
      await api.close();
    }
  });

  it('sends no CORS headers at all when no origin is configured (the default)', async () => {
    const api = await startTestApi({ outboxPollMs: 0 });
    try {
      for (const origin of [allowed, other]) {
        const res = await fetch(`${api.url}/health/live`, { headers: { origin } });
        expect(res.status).toBe(200);
        expect(res.headers.get('access-control-allow-origin')).toBeNull();
        const pre = await preflight(api, origin);
        expect(pre.headers.get('access-control-allow-origin')).toBeNull();
        expect(pre.headers.get('access-control-allow-methods')).toBeNull();
      }
    } finally {
      await api.close();
    }
  });
});

describe('rate limit on writes', () => {
  async function write(api: TestApi, token: string, method = 'POST') {
    // An incomplete unit: refused by validation, which runs after the limit, so it counts.
    const path = method === 'POST' ? '/units' : '/units/KHONGCO';
    const res = await fetch(`${api.url}${path}`, {
      method,
      headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
      body: JSON.stringify({}),
    });
    return {
      status: res.status,
      retryAfter: res.headers.get('retry-after'),
      body: (await res.json()) as { statusCode: number; code: string; message: string },
    };
  }

  it('answers 429 too_many_requests with Retry-After once a token used its writes; reads go on', async () => {
    const api = await startTestApi({ outboxPollMs: 0, rateLimitWritesPerMinute: 3 });
    try {
      const first = await tokenFor(api.dataSource, { name: 'Thư ký 1', role: 'secretariat' });
      const second = await tokenFor(api.dataSource, { name: 'Thư ký 2', role: 'secretariat' });
      for (let i = 0; i < 3; i++) expect((await write(api, first)).status).toBe(400);

      const refused = await write(api, first);
      expect(refused.status).toBe(429);
      expect(refused.body).toMatchObject({ statusCode: 429, code: 'too_many_requests' });
      expect(refused.body.message).toMatch(/tối đa 3 thao tác mỗi phút/);
      expect(Number(refused.retryAfter)).toBeGreaterThan(0);
      expect(Number(refused.retryAfter)).toBeLessThanOrEqual(60);
      // Every write method shares the budget.
      expect((await write(api, first, 'PATCH')).status).toBe(429);

      // Reads are not limited; another token has its own budget.
      const read = await fetch(`${api.url}/units`, {
        headers: { authorization: `Bearer ${first}` },
      });
      expect(read.status).toBe(200);
      expect((await write(api, second)).status).toBe(400);
    } finally {
      await api.close();
    }
  });

  it('limits nothing when set to 0', async () => {
    const api = await startTestApi({ outboxPollMs: 0, rateLimitWritesPerMinute: 0 });
    try {
      const token = await tokenFor(api.dataSource, { name: 'Quản trị', role: 'admin' });
      for (let i = 0; i < 10; i++) expect((await write(api, token)).status).toBe(400);
    } finally {
      await api.close();
    }
  });
});
