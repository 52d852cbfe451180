// Compares a JSON body the emulator sends with the response schema of the same
// operation in Twilio's OpenAPI description: the same property names (no extra,
// none missing), values of the declared type, null only where the spec allows it,
// enum values from the declared set. The server runs it on every response it
// sends and remembers the problems; tests assert there are none.
import type { HttpMethod, OpenApiSpec, SchemaObject } from './openapi-spec';

export function checkResponse(
  spec: OpenApiSpec,
  template: string,
  method: HttpMethod,
  status: number,
  body: unknown,
): string[] {
  const schema = spec.responseSchema(template, method, status);
  if (!schema) return status === 204 ? [] : [`no JSON response schema for ${status}`];
  const problems: string[] = [];
  checkValue(spec, schema, body, '$', problems, 0);
  return problems;
}

function checkValue(
  spec: OpenApiSpec,
  declared: SchemaObject,
  value: unknown,
  at: string,
  problems: string[],
  depth: number,
): void {
  const schema = spec.resolve(declared);
  if (value === null) {
    if (schema.nullable !== true) problems.push(`${at}: null but not nullable`);
    return;
  }
  if (schema.enum && !schema.enum.includes(value)) {
    problems.push(`${at}: ${JSON.stringify(value)} is not one of ${schema.enum.join(', ')}`);
  }
  const actual = Array.isArray(value) ? 'array' : Number.isInteger(value) ? 'integer' : typeof value;
  // Twilio marks fields whose wire type differs from the declared one (prices are strings).
  const expected =
    schema['x-twilio']?.overrideType ?? schema.type ?? (schema.properties ? 'object' : undefined);
  if (expected === undefined) return;
  const fits = actual === expected || (expected === 'number' && actual === 'integer');
  if (!fits) {
    problems.push(`${at}: expected ${expected}, got ${actual}`);
    return;
  }
  if (depth >= 4) return;
  if (Array.isArray(value) && schema.items) {
    value.forEach((item, i) =>
      checkValue(spec, schema.items ?? {}, item, `${at}[${i}]`, problems, depth + 1),
    );
  }
  if (expected === 'object' && schema.properties && typeof value === 'object') {
    const record = value as Record<string, unknown>;
    for (const key of Object.keys(record)) {
      const property = schema.properties[key];
      if (!property) problems.push(`${at}.${key}: not in the spec`);
      else checkValue(spec, property, record[key], `${at}.${key}`, problems, depth + 1);
    }
    for (const key of Object.keys(schema.properties)) {
      if (!(key in record)) problems.push(`${at}.${key}: missing`);
    }
  }
}
