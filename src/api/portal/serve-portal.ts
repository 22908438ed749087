/**
 * The web portal (portal/, built by `npm run build:portal` into dist/portal/) served by the API's
 * own process under /portal/: its files as they are, and index.html for every other page path
 * (the portal's router decides what shows). `GET /` leads to the portal. None of this is part of
 * the API, so none of it appears in the OpenAPI document.
 */
import { existsSync } from 'node:fs';
import type { ServerResponse } from 'node:http';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { NestExpressApplication } from '@nestjs/platform-express';
import type { Express, NextFunction, Request, Response } from 'express';

export const PORTAL_BASE = '/portal/';

const here = path.dirname(fileURLToPath(import.meta.url));

/**
 * Where the built portal is: <root>/dist/portal/, the root being the project's folder (or the
 * image's /app), whether the API runs compiled (dist/…/src/api/portal/) or from its sources
 * (src/api/portal/, in the tests). Undefined when the portal is not built.
 */
export function portalDirectory(): string | undefined {
  // Compiled: <root>/dist/src/api/portal/, or a bench's <root>/dist/bench/src/api/portal/.
  const compiled = here.indexOf(`${path.sep}dist${path.sep}`);
  const root = compiled >= 0 ? here.slice(0, compiled) : path.resolve(here, '../../..');
  const dir = path.join(root, 'dist', 'portal');
  return existsSync(path.join(dir, 'index.html')) ? dir : undefined;
}

/** A path whose last segment has an extension names a file: a missing one is a 404, not a page. */
const looksLikeFile = (urlPath: string) => path.posix.extname(urlPath) !== '';

/** Express handlers for /, /portal and /portal/*; `dir` unset: the portal is not built. */
export function servePortal(app: NestExpressApplication, dir = portalDirectory()): void {
  const http: Express = app.getHttpAdapter().getInstance();
  http.get('/', (_req, res) => res.redirect(302, PORTAL_BASE));
  http.get('/portal', (_req, res) => res.redirect(302, PORTAL_BASE));
  if (!dir) {
    app.use(PORTAL_BASE, (req: Request, res: Response, next: NextFunction) => {
      if (req.method !== 'GET' && req.method !== 'HEAD') return next();
      res
        .status(503)
        .type('text/plain; charset=utf-8')
        .send(
          'Cổng thông tin chưa được build: chạy `npm run build` (hoặc `npm run build:portal`).',
        );
    });
    return;
  }
  // Built files have a content hash in their names: cached for a year. index.html is not.
  app.useStaticAssets(dir, {
    prefix: PORTAL_BASE,
    index: false,
    setHeaders: (res: ServerResponse, file: string) => {
      res.setHeader(
        'Cache-Control',
        file.includes(`${path.sep}assets${path.sep}`)
          ? 'public, max-age=31536000, immutable'
          : 'no-cache',
      );
    },
  });
  const index = path.join(dir, 'index.html');
  app.use(PORTAL_BASE, (req: Request, res: Response, next: NextFunction) => {
    if ((req.method !== 'GET' && req.method !== 'HEAD') || looksLikeFile(req.path)) return next();
    res.setHeader('Cache-Control', 'no-cache');
    res.sendFile(index);
  });
}
