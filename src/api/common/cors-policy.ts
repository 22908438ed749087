import type { CorsOptions } from '@nestjs/common/interfaces/external/cors-options.interface.js';

/**
 * The CORS policy: only the configured origins, with what a browser front end needs (a bearer
 * token, JSON, uploads) and no cookies (the API authenticates with tokens, not credentials a
 * browser adds by itself). Null when no origin is configured: no CORS headers, same origin only.
 */
export function corsPolicy(origins: readonly string[]): CorsOptions | null {
  if (origins.length === 0) return null;
  return {
    origin: [...origins],
    methods: ['GET', 'HEAD', 'POST', 'PUT', 'PATCH', 'DELETE'],
    allowedHeaders: ['Authorization', 'Content-Type'],
    // Read by a front end: when to retry (429, 503), a download's file name.
    exposedHeaders: ['Retry-After', 'Content-Disposition'],
    credentials: false,
    maxAge: 600,
  };
}
