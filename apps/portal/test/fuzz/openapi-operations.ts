import { Ajv2020, type ValidateFunction } from 'ajv/dist/2020.js';
import type { JsonSchema } from './schema-arbitraries.js';

export interface Parameter {
  name: string;
  schema: JsonSchema;
  required: boolean;
  validate: ValidateFunction;
}

export interface Operation {
  method: string;
  // The document's path template, e.g. /api/organisations/{id}/events
  template: string;
  access: { kind: 'public' | 'signedIn' | 'platformAdmin' | 'organisationRole'; param?: string; roles?: string[] };
  pathParams: Parameter[];
  queryParams: Parameter[];
  bodySchema?: JsonSchema;
  validateBody?: ValidateFunction;
  // Raw image bytes as the body (venue photos, event pictures); not described by a JSON schema.
  isRawUpload: boolean;
  label: string;
}

// Formats are not checked: zod writes a pattern beside each format it enforces, and ajv's idea of
// a `uri` or `email` is not zod's. Lengths count UTF-16 units, as zod (JavaScript) does, else one
// emoji would be "too short" for a two-character minimum that the api rightly accepts. (ajv calls
// that option deprecated and says so on every start: hence no logger.)
const ajv = new Ajv2020({ strict: false, validateFormats: false, unicode: false, allErrors: false, logger: false });

export function readOperations(document: any): Operation[] {
  const operations: Operation[] = [];
  for (const [template, methods] of Object.entries<Record<string, any>>(document.paths)) {
    for (const [method, operation] of Object.entries<any>(methods)) {
      const parameters = (operation.parameters ?? []) as { name: string; in: string; required?: boolean; schema: JsonSchema }[];
      const toParameter = (parameter: (typeof parameters)[number]): Parameter => ({
        name: parameter.name,
        schema: parameter.schema,
        required: parameter.in === 'path' || Boolean(parameter.required),
        validate: ajv.compile(parameter.schema),
      });
      const bodySchema = operation.requestBody?.content?.['application/json']?.schema as JsonSchema | undefined;
      const upperMethod = method.toUpperCase();
      operations.push({
        method: upperMethod,
        template,
        access: operation['x-access'],
        pathParams: parameters.filter((parameter) => parameter.in === 'path').map(toParameter),
        queryParams: parameters.filter((parameter) => parameter.in === 'query').map(toParameter),
        bodySchema,
        validateBody: bodySchema ? ajv.compile(bodySchema) : undefined,
        isRawUpload: !bodySchema && ['POST', 'PUT'].includes(upperMethod) && /\/(photos|image)$/.test(template),
        label: `${upperMethod} ${template}`,
      });
    }
  }
  return operations;
}

export function explainInvalid(validate: ValidateFunction): string {
  const error = validate.errors?.[0];
  return error ? `${error.instancePath || '(body)'} ${error.message ?? ''}`.trim() : '';
}
