// Checks a request's query and form parameters against the operation in
// Twilio's OpenAPI description and answers as Twilio does: HTTP 400 with an
// error code. Deliberately stricter than Twilio on one point: Twilio ignores
// parameter names it does not know, the emulator refuses them (20001), because
// a misspelt "StatusCalback" silently ignored is exactly the bug we want to see.
import { formContentType, type OpenApiSpec, type OperationObject, type SchemaObject } from './openapi-spec';
import { apiErrors, TwilioApiError } from './twilio-api-error';

/** Twilio-specific codes for some parameters, e.g. a Message without To is 21604, not 20001. */
export interface ParamErrorCodes {
  missing?: Record<string, { code: number; message: string }>;
  invalid?: Record<string, { code: number; message: string }>;
}

export interface RequestParams {
  query: URLSearchParams;
  form: URLSearchParams;
  contentType: string | undefined;
}

export function validateRequest(
  spec: OpenApiSpec,
  operation: OperationObject,
  request: RequestParams,
  codes: ParamErrorCodes = {},
): TwilioApiError | null {
  const queryParams = new Map(
    (operation.parameters ?? []).filter((p) => p.in === 'query').map((p) => [p.name, p] as const),
  );
  for (const name of new Set(request.query.keys())) {
    const declared = queryParams.get(name);
    if (!declared) return apiErrors.invalidParameter(`Unknown query parameter ${name}`);
    const problem = checkValues(spec, declared.schema, request.query.getAll(name));
    if (problem) return invalid(name, problem, codes);
  }
  for (const param of queryParams.values()) {
    if (param.required && !request.query.has(param.name)) {
      return apiErrors.invalidParameter(`Missing required query parameter ${param.name}`);
    }
  }

  const formSchema = spec.formSchema(operation);
  const bodyNames = new Set(request.form.keys());
  if (!formSchema) {
    return bodyNames.size > 0
      ? apiErrors.invalidParameter('This request does not take a request body')
      : null;
  }
  if (bodyNames.size > 0 && !request.contentType?.toLowerCase().startsWith(formContentType)) {
    return apiErrors.invalidParameter(`Request body must be ${formContentType}`);
  }
  const properties = formSchema.properties ?? {};
  for (const name of bodyNames) {
    const declared = properties[name];
    if (!declared) return apiErrors.invalidParameter(`Unknown parameter ${name}`);
    const problem = checkValues(spec, declared, request.form.getAll(name));
    if (problem) return invalid(name, problem, codes);
  }
  for (const name of formSchema.required ?? []) {
    if (request.form.has(name)) continue;
    const known = codes.missing?.[name];
    return known
      ? new TwilioApiError(400, known.code, known.message)
      : apiErrors.invalidParameter(`Missing required parameter ${name} in the post body`);
  }
  return null;
}

function invalid(name: string, problem: string, codes: ParamErrorCodes): TwilioApiError {
  const known = codes.invalid?.[name];
  if (known) return new TwilioApiError(400, known.code, known.message);
  return apiErrors.invalidParameter(`Invalid parameter ${name}: ${problem}`);
}

function checkValues(spec: OpenApiSpec, declared: SchemaObject | undefined, values: string[]): string | null {
  const schema = spec.resolve(declared);
  if (schema.type === 'array') {
    for (const value of values) {
      const problem = checkValue(spec, schema.items, value);
      if (problem) return problem;
    }
    return null;
  }
  if (values.length > 1) return 'given more than once';
  return checkValue(spec, schema, values[0] ?? '');
}

/** A description of what is wrong with one value, or null when it fits the schema. */
function checkValue(spec: OpenApiSpec, declared: SchemaObject | undefined, value: string): string | null {
  const schema = spec.resolve(declared);
  if (schema.enum && !schema.enum.includes(value)) return `must be one of ${schema.enum.join(', ')}`;
  switch (schema.type) {
    case 'integer': {
      if (!/^-?\d+$/.test(value)) return 'must be an integer';
      return checkRange(schema, Number(value));
    }
    case 'number': {
      if (value.trim() === '' || !Number.isFinite(Number(value))) return 'must be a number';
      return checkRange(schema, Number(value));
    }
    case 'boolean':
      return /^(true|false)$/i.test(value) ? null : 'must be true or false';
    case 'object': {
      try {
        const parsed: unknown = JSON.parse(value);
        return typeof parsed === 'object' && parsed !== null ? null : 'must be a JSON object';
      } catch {
        return 'must be a JSON object';
      }
    }
    case 'string':
      return checkString(schema, value);
    default:
      return null; // No type in the spec (e.g. RecordingRules): nothing to check.
  }
}

function checkRange(schema: SchemaObject, n: number): string | null {
  if (schema.minimum !== undefined && n < schema.minimum) return `must be at least ${schema.minimum}`;
  if (schema.maximum !== undefined && n > schema.maximum) return `must be at most ${schema.maximum}`;
  return null;
}

function checkString(schema: SchemaObject, value: string): string | null {
  if (schema.minLength !== undefined && value.length < schema.minLength) {
    return `must be at least ${schema.minLength} characters`;
  }
  if (schema.maxLength !== undefined && value.length > schema.maxLength) {
    return `must be at most ${schema.maxLength} characters`;
  }
  if (schema.pattern !== undefined && !new RegExp(schema.pattern).test(value)) {
    return `must match ${schema.pattern}`;
  }
  if (schema['x-twilio']?.ignoreFormat) return null;
  if (schema.format === 'uri' && !isHttpUrl(value)) return 'must be an absolute http(s) URL';
  if (schema.format === 'date-time' && Number.isNaN(Date.parse(value)))
    return 'must be an ISO 8601 date-time';
  return null;
}

function isHttpUrl(value: string): boolean {
  try {
    const url = new URL(value);
    return (url.protocol === 'http:' || url.protocol === 'https:') && url.hostname !== '';
  } catch {
    return false;
  }
}
