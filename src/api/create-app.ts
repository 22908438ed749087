import { type INestApplication } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import type { NestExpressApplication } from '@nestjs/platform-express';
import { DocumentBuilder, getSchemaPath, SwaggerModule } from '@nestjs/swagger';
import type { AppConfig } from '../config.js';
import type { Clock } from './clock.js';
import { AppModule } from './app.module.js';
import { ApiErrorBody, ApiFieldError } from './common/api-error.js';
import { JSON_BODY_LIMIT_BYTES } from './common/body-limit.js';
import { HttpErrorsFilter } from './common/http-errors.filter.js';
import { corsPolicy } from './common/cors-policy.js';
import { securityHeaders } from './common/security-headers.js';
import { servePortal } from './portal/serve-portal.js';
import { documentErrorResponses } from './openapi/error-responses.js';
import { documentImportBodies } from './openapi/import-bodies.js';

/** Builds the API application (used by server.ts and by the tests), not yet listening. */
export async function createApp(
  config: AppConfig,
  options: { logger?: false; clock?: Clock } = {},
): Promise<INestApplication> {
  const app = await NestFactory.create<NestExpressApplication>(
    AppModule.register(config, options.clock),
    { ...(options.logger === false ? { logger: false } : {}) },
  );
  // Room for the longest lists the DTOs accept (see body-limit.ts); a 413 states the limit.
  app.useBodyParser('json', { limit: JSON_BODY_LIMIT_BYTES });
  app.useBodyParser('urlencoded', { limit: JSON_BODY_LIMIT_BYTES, extended: true });
  app.enableShutdownHooks();
  app.use(securityHeaders());
  const cors = corsPolicy(config.corsOrigins);
  if (cors) app.enableCors(cors);
  app.useGlobalFilters(new HttpErrorsFilter(app.getHttpAdapter()));
  // The web portal under /portal/ (and GET / leading there), from the same process.
  servePortal(app);

  const generated = SwaggerModule.createDocument(
    app,
    new DocumentBuilder()
      .setTitle('Chỉ số CCHC — PAR index campaign API')
      .setDescription(
        'Runs the yearly PAR index (Chỉ số cải cách hành chính) scoring campaign: step plan, units, self-assessments, appraisal, results.',
      )
      .setVersion('0.1.0')
      .addBearerAuth()
      .build(),
    { extraModels: [ApiErrorBody, ApiFieldError] },
  );
  // Every operation's error answers (framework ones included), each with the one error body.
  const document = documentErrorResponses(documentImportBodies(generated), {
    errorBodyRef: getSchemaPath(ApiErrorBody),
    // The health report is its own body, on 503 too.
    ownBodies: ['GET /health 503', 'GET /health/ready 503'],
  });
  // Swagger UI at /docs, the OpenAPI JSON at /docs-json.
  SwaggerModule.setup('docs', app, document, { jsonDocumentUrl: 'docs-json' });
  return app;
}
