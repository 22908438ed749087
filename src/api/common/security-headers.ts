import type { RequestHandler } from 'express';
import helmet from 'helmet';

/**
 * The headers a government web service is expected to send on every response (helmet): no MIME
 * sniffing, no framing by another site, no referrer leaving the service, and a Content Security
 * Policy. The policy allows only the service's own scripts: Swagger UI at /docs loads its scripts
 * from /docs/*.js and uses inline styles only, which helmet's default style-src permits.
 */
export function securityHeaders(): RequestHandler {
  return helmet({
    contentSecurityPolicy: {
      directives: {
        'frame-ancestors': ["'none'"],
        // The service may run over plain HTTP on a local network (TLS at a reverse proxy, or
        // none in `npm run dev`): upgrading the page's requests to HTTPS would break /docs.
        'upgrade-insecure-requests': null,
      },
    },
    frameguard: { action: 'deny' },
    referrerPolicy: { policy: 'no-referrer' },
  }) as RequestHandler;
}
