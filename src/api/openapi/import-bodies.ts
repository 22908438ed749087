import type { OpenAPIObject, RequestBodyObject, SchemaObject } from '@nestjs/swagger';

const JSON_TYPE = 'application/json';
const MULTIPART = 'multipart/form-data';

/**
 * An import route takes a JSON body or a multipart upload (ApiImportBody): Nest writes the one
 * `oneOf` schema under both media types, so the document promised a JSON body with a binary
 * `file` and a form without one (Schemathesis crashed drawing such a JSON body). Each media type
 * gets its own branch: JSON the list, the form the file.
 */
export function documentImportBodies(document: OpenAPIObject): OpenAPIObject {
  for (const item of Object.values(document.paths)) {
    for (const operation of [item.post, item.put, item.patch]) {
      const body = operation?.requestBody as RequestBodyObject | undefined;
      const json = body?.content[JSON_TYPE]?.schema as SchemaObject | undefined;
      const form = body?.content[MULTIPART]?.schema as SchemaObject | undefined;
      if (!body || !json?.oneOf || JSON.stringify(json) !== JSON.stringify(form)) continue;
      const branches = json.oneOf as SchemaObject[];
      const isUpload = (s: SchemaObject) =>
        Object.values(s.properties ?? {}).some((p) => (p as SchemaObject).format === 'binary');
      const upload = branches.find(isUpload);
      const list = branches.find((s) => !isUpload(s));
      if (!upload || !list) continue;
      body.content[JSON_TYPE] = { ...body.content[JSON_TYPE], schema: list };
      body.content[MULTIPART] = { ...body.content[MULTIPART], schema: upload };
    }
  }
  return document;
}
