import type { OpenAPIObject, OperationObject, ResponseObject } from '@nestjs/swagger';

/**
 * Completes the generated OpenAPI document with the error answers every operation can give, so
 * that the document is the whole contract (Schemathesis checks the API against it): decorators
 * name what a route itself refuses (a 409 from its rules, a 422 from its checks); the answers
 * that come from the framework around every route (validation, the auth guard, the body parser,
 * rate limits, a dependency down) are added here, all with the one error body.
 */

const METHODS = ['get', 'put', 'post', 'delete', 'patch', 'options', 'head', 'trace'] as const;
const WRITES = new Set(['post', 'put', 'patch', 'delete']);

/** Generic descriptions of the answers this module adds. */
const GENERIC: Record<number, string> = {
  400: 'Malformed input: a parameter or body field missing, of the wrong type or out of range, or an unknown field; `fields` names each one.',
  401: 'No bearer token or session cookie, or an unknown, revoked or ended one.',
  403: 'The token’s role may not do this, or it acts for another unit or agency.',
  404: 'A resource named in the path does not exist (or the unit does not take part in the campaign).',
  409: 'Conflicts with the campaign’s current state (a step not open, a round closed, results announced, a duplicate).',
  413: 'The request body or the uploaded file is too large.',
  415: 'A body or file of a type the operation does not take.',
  422: 'Well-formed but refused by the campaign’s rules (unknown criterion, score out of range, missing items).',
  429: 'Too many requests: wait and try again.',
  500: 'An unexpected error on the server.',
  503: 'A dependency (PostgreSQL or Temporal) is unreachable; the message names it.',
};

/** Error answers that carry a body of their own rather than the error body (e.g. the health report). */
export interface ErrorResponseOptions {
  /** The `$ref` of the error body schema, e.g. "#/components/schemas/ApiErrorBody". */
  errorBodyRef: string;
  /** "GET /health 503": responses left with their own (or no) body. */
  ownBodies?: readonly string[];
}

/** Which statuses an operation can answer besides what its decorators say. */
export function genericErrorStatuses(
  method: (typeof METHODS)[number],
  path: string,
  operation: OperationObject,
): number[] {
  const parameters = (operation.parameters ?? []) as Array<{ in?: string }>;
  const hasBody = operation.requestBody !== undefined;
  const secured = (operation.security ?? []).length > 0;
  const statuses = [500, 503, 429];
  if (hasBody || parameters.length > 0) statuses.push(400);
  if (secured) statuses.push(401, 403);
  if (parameters.some((p) => p.in === 'path') || /\{[^}]+\}/.test(path)) statuses.push(404);
  // Writes run through the campaign's rules: a state that forbids them is a 409, a refused
  // value a 422 (decorators describe the precise cases where a route documents them).
  if (WRITES.has(method) && secured) statuses.push(409, 422);
  if (hasBody) statuses.push(413);
  if (hasBody) statuses.push(415);
  return statuses.sort((a, b) => a - b);
}

/** Adds the generic error answers and puts the error body on every 4xx/5xx answer without one. */
export function documentErrorResponses(
  document: OpenAPIObject,
  options: ErrorResponseOptions,
): OpenAPIObject {
  const ownBodies = new Set(options.ownBodies ?? []);
  const errorContent = { 'application/json': { schema: { $ref: options.errorBodyRef } } };
  for (const [path, item] of Object.entries(document.paths)) {
    for (const method of METHODS) {
      const operation = item[method];
      if (!operation) continue;
      const responses = (operation.responses ??= {}) as Record<string, ResponseObject>;
      for (const status of genericErrorStatuses(method, path, operation)) {
        responses[String(status)] ??= { description: GENERIC[status]! };
      }
      for (const [status, response] of Object.entries(responses)) {
        if (Number(status) < 400 || ownBodies.has(`${method.toUpperCase()} ${path} ${status}`)) {
          continue;
        }
        // Error bodies are JSON even where the success answer is a file (downloads, exports,
        // whose @ApiProduces types Nest copies onto every answer). A new object: Nest shares one
        // response object between the operations of a controller-level decorator.
        responses[status] = { ...response, content: errorContent };
      }
    }
  }
  return document;
}
