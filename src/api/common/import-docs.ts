import { applyDecorators } from '@nestjs/common';
import { ApiBody, ApiConsumes } from '@nestjs/swagger';

/** OpenAPI for an import route that takes a JSON body or a multipart upload in the field "file". */
export function ApiImportBody(options: {
  listKey: string;
  columns: readonly string[];
  optionKeys: readonly string[];
  example: Record<string, unknown>;
}): MethodDecorator {
  const optionProps = Object.fromEntries(
    options.optionKeys.map((key) => [key, { type: 'string' }]),
  );
  return applyDecorators(
    ApiConsumes('application/json', 'multipart/form-data'),
    ApiBody({
      description: `Either JSON {"${options.listKey}": [ {${options.columns.join(', ')}} ]} or a multipart upload: field "file" holding a .json file of that shape or an .xlsx workbook (first sheet; row 1 names the columns ${options.columns.join(', ')}).`,
      schema: {
        oneOf: [
          {
            type: 'object',
            required: [options.listKey],
            properties: {
              [options.listKey]: {
                type: 'array',
                items: {
                  type: 'object',
                  properties: Object.fromEntries(options.columns.map((c) => [c, {}])),
                },
              },
              ...optionProps,
            },
            example: options.example,
          },
          {
            type: 'object',
            required: ['file'],
            properties: { file: { type: 'string', format: 'binary' }, ...optionProps },
          },
        ],
      },
    }),
  );
}
