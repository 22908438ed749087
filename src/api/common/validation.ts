import { type ArgumentMetadata, ValidationPipe } from '@nestjs/common';
import { ApiError } from './api-error.js';
import { assertSafeInput } from './input-safety.js';
import { validationFields } from './validation-fields.js';

/**
 * The global pipe: first the generic input checks (NUL, lone surrogates, prototype keys, depth)
 * on every body, query and path parameter, then the DTO's class-validator rules. Guards (the
 * token, roles, a unit's ownership) have run before either.
 */
class InputValidationPipe extends ValidationPipe {
  override async transform(value: unknown, metadata: ArgumentMetadata): Promise<unknown> {
    assertSafeInput(value, metadata);
    return super.transform(value, metadata);
  }
}

/**
 * Request bodies and queries are checked against their DTOs: unknown fields and wrong types get a
 * 400 `validation_failed` whose `fields` name each offending field (path, code, Vietnamese
 * message); `message` lists the same sentences.
 */
export function createValidationPipe(): ValidationPipe {
  return new InputValidationPipe({
    whitelist: true,
    forbidNonWhitelisted: true,
    transform: true,
    transformOptions: { enableImplicitConversion: false },
    exceptionFactory: (errors) => {
      const fields = validationFields(errors);
      return new ApiError(
        400,
        'validation_failed',
        fields.map((f) => f.message),
        fields,
      );
    },
  });
}
