import type { Connection } from '@temporalio/client';
import proto from '@temporalio/proto';
import { SEARCH_ATTRIBUTES } from '../workflows/search-attributes.js';

/**
 * Registers the project's custom search attributes in a namespace, adding only the missing ones,
 * so it is safe at every worker start and against any server (dev server or production).
 * Returns the names it added.
 */
export async function registerSearchAttributes(
  connection: Connection,
  namespace: string,
): Promise<string[]> {
  const existing = await connection.operatorService.listSearchAttributes({ namespace });
  const known = new Set(Object.keys(existing.customAttributes ?? {}));
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
