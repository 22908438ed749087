/**
 * The security basics every response carries (headers), and that Swagger UI still works under
 * them.
 */
import 'reflect-metadata';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApi, type TestApi } from '../support/api.js';

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
