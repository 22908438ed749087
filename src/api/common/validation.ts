import { ValidationPipe } from '@nestjs/common';

/**
 * Request bodies and queries are checked against their DTOs: unknown fields and wrong types get a
 * 400 whose message names each offending field.
 */
export function createValidationPipe(): ValidationPipe {
  return new ValidationPipe({
    whitelist: true,
    forbidNonWhitelisted: true,
    transform: true,
    transformOptions: { enableImplicitConversion: false },
  });
}
