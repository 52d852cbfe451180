// Twilio's published OpenAPI descriptions (openapi/*.json, MIT, copied from
// twilio/twilio-oai) are the emulator's reference for which paths and methods
// exist, which parameters each takes, and what each response looks like.
import { readFileSync } from 'node:fs';

export type Product = 'api' | 'video' | 'content' | 'messaging' | 'pricing';

const specFiles: Record<Product, string> = {
  api: 'twilio_api_v2010.json',
  video: 'twilio_video_v1.json',
  content: 'twilio_content_v1.json',
  messaging: 'twilio_messaging_v1.json',
  pricing: 'twilio_pricing_v1.json',
};

export type HttpMethod = 'get' | 'post' | 'delete';

export interface SchemaObject {
  $ref?: string;
  type?: string;
  format?: string;
  enum?: unknown[];
  pattern?: string;
  minLength?: number;
  maxLength?: number;
  minimum?: number;
  maximum?: number;
  nullable?: boolean;
  items?: SchemaObject;
  properties?: Record<string, SchemaObject>;
  required?: string[];
  /** overrideType: the type Twilio really sends, e.g. prices declared as numbers arrive as strings. */
  'x-twilio'?: { ignoreFormat?: boolean; overrideType?: string };
}

export interface ParameterObject {
  name: string;
  in: 'path' | 'query' | 'header';
  required?: boolean;
  schema?: SchemaObject;
}

interface MediaObject {
  schema?: SchemaObject;
}

export interface OperationObject {
  operationId?: string;
  parameters?: ParameterObject[];
  requestBody?: { content?: Record<string, MediaObject> };
  responses?: Record<string, { content?: Record<string, MediaObject> }>;
}

type PathItem = Partial<Record<HttpMethod, OperationObject>>;

interface OpenApiDocument {
  paths: Record<string, PathItem>;
  components?: { schemas?: Record<string, SchemaObject> };
}

interface CompiledPath {
  template: string;
  pattern: RegExp;
  names: string[];
  literalLength: number;
}

export interface PathMatch {
  template: string;
  params: Record<string, string>;
}

export const formContentType = 'application/x-www-form-urlencoded';

export class OpenApiSpec {
  private readonly compiled: CompiledPath[];

  constructor(
    readonly product: Product,
    private readonly doc: OpenApiDocument,
  ) {
    this.compiled = Object.keys(doc.paths)
      .map(compile)
      // Most literal first, so /Rooms/{RoomSid}/Participants beats a looser template.
      .sort((a, b) => b.literalLength - a.literalLength);
  }

  /** The spec's path template that a concrete path falls under, with its path parameters. */
  match(path: string): PathMatch | null {
    for (const candidate of this.compiled) {
      const found = candidate.pattern.exec(path);
      if (!found) continue;
      const params: Record<string, string> = {};
      candidate.names.forEach((name, i) => {
        params[name] = safeDecode(found[i + 1] ?? '');
      });
      return { template: candidate.template, params };
    }
    return null;
  }

  methods(template: string): HttpMethod[] {
    const item = this.doc.paths[template];
    return item ? (['get', 'post', 'delete'] as const).filter((m) => item[m] !== undefined) : [];
  }

  operation(template: string, method: HttpMethod): OperationObject | undefined {
    return this.doc.paths[template]?.[method];
  }

  /** Follows a "#/components/schemas/…" reference (repeatedly) to the schema it names. */
  resolve(schema: SchemaObject | undefined): SchemaObject {
    let current = schema ?? {};
    for (let hops = 0; current.$ref !== undefined && hops < 10; hops++) {
      const name = current.$ref.replace('#/components/schemas/', '');
      current = this.doc.components?.schemas?.[name] ?? {};
    }
    return current;
  }

  /** The form-encoded request body schema of an operation, if it takes one. */
  formSchema(operation: OperationObject): SchemaObject | undefined {
    const schema = operation.requestBody?.content?.[formContentType]?.schema;
    return schema ? this.resolve(schema) : undefined;
  }

  /** The JSON schema of an operation's response with this status, if the spec gives one. */
  responseSchema(template: string, method: HttpMethod, status: number): SchemaObject | undefined {
    const schema = this.operation(template, method)?.responses?.[String(status)]?.content?.[
      'application/json'
    ]?.schema;
    return schema ? this.resolve(schema) : undefined;
  }
}

function compile(template: string): CompiledPath {
  const names: string[] = [];
  let literalLength = 0;
  const source = template
    .split(/(\{[^}]+\})/)
    .map((part) => {
      const param = /^\{([^}]+)\}$/.exec(part);
      if (param?.[1]) {
        names.push(param[1]);
        return '([^/]+)';
      }
      literalLength += part.length;
      return part.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
    })
    .join('');
  return { template, pattern: new RegExp(`^${source}$`), names, literalLength };
}

function safeDecode(value: string): string {
  try {
    return decodeURIComponent(value);
  } catch {
    return value;
  }
}

const loaded = new Map<Product, OpenApiSpec>();

/** Parses a product's description once per process (the 2010 API file is ~1.9 MB). */
export function loadSpec(product: Product): OpenApiSpec {
  let spec = loaded.get(product);
  if (!spec) {
    const file = new URL(`./openapi/${specFiles[product]}`, import.meta.url);
    spec = new OpenApiSpec(product, JSON.parse(readFileSync(file, 'utf8')) as OpenApiDocument);
    loaded.set(product, spec);
  }
  return spec;
}

/**
 * The product a Twilio hostname belongs to. Regional and edge hostnames carry
 * the product as their first label: api.twilio.com, api.sydney.au1.twilio.com.
 */
export function productOf(hostname: string): Product | null {
  const match = /^([a-z]+)(\.[a-z0-9-]+)*\.twilio\.com$/.exec(hostname.toLowerCase());
  const label = match?.[1];
  return label !== undefined && label in specFiles ? (label as Product) : null;
}

/**
 * The Twilio region a hostname addresses. Without a region label Twilio routes
 * to us1 (its default): api.twilio.com and api.sydney.twilio.com are us1;
 * api.au1.twilio.com and api.sydney.au1.twilio.com are au1.
 */
export function regionOf(hostname: string): string {
  const labels = hostname
    .toLowerCase()
    .replace(/\.twilio\.com$/, '')
    .split('.');
  const region = labels.slice(1).find((label) => /^[a-z]{2}\d$/.test(label));
  return region ?? 'us1';
}
