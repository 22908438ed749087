import type { Connection } from '@temporalio/client';
import proto from '@temporalio/proto';
import { SEARCH_ATTRIBUTES } from '../contracts/search-attributes.js';

const GRPC_UNIMPLEMENTED = 12;

async function registeredNames(connection: Connection, namespace: string): Promise<Set<string>> {
  try {
    const existing = await connection.operatorService.listSearchAttributes({ namespace });
    return new Set(Object.keys(existing.customAttributes ?? {}));
  } catch (err) {
    // The time-skipping test server can add search attributes but not list them.
    if ((err as { code?: number }).code === GRPC_UNIMPLEMENTED) return new Set();
    throw err;
  }
}

/**
 * Registers the project's custom search attributes in a namespace, adding only the missing ones,
 * so it is safe at every worker start and against any server (dev server or production).
 * Returns the names it added.
 */
export async function registerSearchAttributes(
  connection: Connection,
  namespace: string,
): Promise<string[]> {
  const known = await registeredNames(connection, namespace);
  const missing = SEARCH_ATTRIBUTES.filter((key) => !known.has(key.name));
  if (missing.length === 0) return [];
  await connection.operatorService.addSearchAttributes({
    namespace,
    searchAttributes: Object.fromEntries(
      missing.map((key) => [
        key.name,
        proto.temporal.api.enums.v1.IndexedValueType[
          `INDEXED_VALUE_TYPE_${key.type}` as keyof typeof proto.temporal.api.enums.v1.IndexedValueType
        ],
      ]),
    ),
  });
  return missing.map((key) => key.name);
}
