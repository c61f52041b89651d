import { openapiMessages } from './messages.ts';

const t = openapiMessages.types;

/** The parts of an OpenAPI 3 document (as @fastify/swagger builds it) that the /api/docs page reads. */
type JsonSchema = {
  $ref?: string;
  type?: string | string[];
  format?: string;
  enum?: unknown[];
  nullable?: boolean;
  items?: JsonSchema;
  properties?: Record<string, JsonSchema>;
  required?: string[];
  anyOf?: JsonSchema[];
  oneOf?: JsonSchema[];
  allOf?: JsonSchema[];
  description?: string;
  default?: unknown;
  minLength?: number;
  maxLength?: number;
  minimum?: number;
  maximum?: number;
};
type Parameter = { name: string; in: string; required?: boolean; description?: string; schema?: JsonSchema };
type Operation = {
  summary?: string;
  description?: string;
  tags?: string[];
  parameters?: Parameter[];
  requestBody?: { content?: Record<string, { schema?: JsonSchema }> };
  responses?: Record<string, { description?: string }>;
  security?: Record<string, string[]>[];
};
export type OpenApiDocument = {
  info: { title: string; version: string; description?: string };
  servers?: { url: string }[];
  paths?: Record<string, Record<string, Operation> | undefined>;
  components?: { schemas?: Record<string, JsonSchema> };
};

export type ApiField = { name: string; in?: string; required: boolean; type: string; description: string };
export type ApiOperation = {
  /** Anchor of the operation on the page. */
  id: string;
  method: string;
  path: string;
  summary: string;
  description?: string;
  /** A token (or a session) is required. */
  auth: boolean;
  parameters: ApiField[];
  /** Top-level fields of the request body; `fields` is empty when its schema does not list them. */
  body?: { contentTypes: string[]; fields: ApiField[] };
  responses: { code: string; description: string }[];
};
export type ApiTag = { name: string; id: string; operations: ApiOperation[] };
export type ApiReference = { title: string; version: string; serverUrl: string | undefined; tags: ApiTag[] };

const METHODS = ['get', 'post', 'put', 'patch', 'delete'] as const;

/** "GET /api/v1/territories/{code}" → "get-api-v1-territories-code", ASCII only. */
export function anchorOf(...parts: string[]): string {
  return parts
    .join('-')
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '');
}

/** The operations of the document grouped by tag, in the order the routes were registered. */
export function readApiReference(document: OpenApiDocument): ApiReference {
  const schemas = document.components?.schemas ?? {};
  const resolve = (schema: JsonSchema | undefined): JsonSchema | undefined => {
    const name = schema?.$ref?.replace('#/components/schemas/', '');
    return name !== undefined ? schemas[name] : schema;
  };
  const tags = new Map<string, ApiTag>();
  for (const [path, item] of Object.entries(document.paths ?? {})) {
    for (const method of METHODS) {
      const operation = item?.[method];
      if (!operation) continue;
      const tagName = operation.tags?.[0] ?? openapiMessages.page.untagged;
      let tag = tags.get(tagName);
      if (!tag) tags.set(tagName, (tag = { name: tagName, id: `tag-${anchorOf(tagName)}`, operations: [] }));
      tag.operations.push(readOperation(method, path, operation, resolve));
    }
  }
  return { title: document.info.title, version: document.info.version, serverUrl: document.servers?.[0]?.url, tags: [...tags.values()] };
}

function readOperation(method: string, path: string, operation: Operation, resolve: (schema: JsonSchema | undefined) => JsonSchema | undefined): ApiOperation {
  const parameters = (operation.parameters ?? []).map((p) => field(p.name, resolve(p.schema), p.required === true, p.description, resolve, p.in));
  let body: ApiOperation['body'];
  const content = operation.requestBody?.content;
  if (content) {
    const contentTypes = Object.keys(content);
    const schema = resolve(Object.values(content)[0]?.schema);
    const required = new Set(schema?.required ?? []);
    const fields = Object.entries(schema?.properties ?? {}).map(([name, property]) => field(name, resolve(property), required.has(name), undefined, resolve));
    body = { contentTypes, fields };
  }
  return {
    id: `op-${anchorOf(method, path)}`,
    method: method.toUpperCase(),
    path,
    summary: operation.summary ?? '',
    description: operation.description,
    auth: (operation.security?.length ?? 0) > 0,
    parameters,
    body,
    responses: Object.entries(operation.responses ?? {}).map(([code, response]) => ({ code, description: response.description ?? '' })),
  };
}

function field(
  name: string,
  schema: JsonSchema | undefined,
  required: boolean,
  description: string | undefined,
  resolve: (schema: JsonSchema | undefined) => JsonSchema | undefined,
  location?: string,
): ApiField {
  const limits = schema ? constraintsOf(schema) : [];
  const type = schema ? typeLabel(schema, resolve) : t.any;
  const notes = [description ?? schema?.description, schema?.default !== undefined ? t.defaultValue(JSON.stringify(schema.default)) : undefined].filter(
    Boolean,
  );
  return {
    name,
    ...(location ? { in: location } : {}),
    required,
    type: limits.length ? `${type} (${limits.join(', ')})` : type,
    description: notes.join(' ; '),
  };
}

/** "entier", "liste de texte", "une valeur parmi : commune, epci", "texte ou null". */
export function typeLabel(schema: JsonSchema, resolve: (schema: JsonSchema | undefined) => JsonSchema | undefined = (s) => s): string {
  const resolved = resolve(schema);
  if (!resolved) return schema.$ref?.split('/').pop() ?? t.any;
  schema = resolved;
  const alternatives = schema.anyOf ?? schema.oneOf;
  if (alternatives?.length) {
    const labels = [...new Set(alternatives.map((s) => typeLabel(s, resolve)))];
    return withNull(labels.filter((l) => l !== t.null).join(t.or), schema.nullable || labels.includes(t.null));
  }
  const only = schema.allOf?.length === 1 ? schema.allOf[0] : undefined;
  if (only) return typeLabel(only, resolve);
  const allTypes = Array.isArray(schema.type) ? schema.type : schema.type ? [schema.type] : [];
  const types = allTypes.filter((type) => type !== 'null');
  const nullable = schema.nullable === true || allTypes.includes('null');
  if (schema.enum?.length) {
    const values = schema.enum.filter((v) => v !== null).map((v) => String(v));
    const [first, ...others] = values;
    return withNull(first !== undefined && others.length === 0 ? first : t.oneOf(values), nullable || schema.enum.includes(null));
  }
  if (types.length === 0) return nullable ? t.null : t.any;
  const labels = types.map((type) => {
    if (type === 'array') return t.listOf(schema.items ? typeLabel(schema.items, resolve) : t.any);
    if (type === 'string' && schema.format) return t.formats[schema.format] ?? t.string;
    return (t as unknown as Record<string, string>)[type] ?? type;
  });
  return withNull(labels.join(t.or), nullable);
}

const withNull = (label: string, nullable: boolean | undefined) => (nullable ? t.nullable(label) : label);

function constraintsOf(schema: JsonSchema): string[] {
  const out: string[] = [];
  const { minLength, maxLength } = schema;
  // zod bounds every integer to the safe range: not worth saying.
  const minimum = schema.minimum === Number.MIN_SAFE_INTEGER ? undefined : schema.minimum;
  const maximum = schema.maximum === Number.MAX_SAFE_INTEGER ? undefined : schema.maximum;
  if (minLength !== undefined && maxLength !== undefined) out.push(t.lengthBetween(minLength, maxLength));
  else if (maxLength !== undefined) out.push(t.maxLength(maxLength));
  else if (minLength !== undefined && minLength > 0) out.push(t.minLength(minLength));
  if (minimum !== undefined && maximum !== undefined) out.push(t.between(minimum, maximum));
  else if (maximum !== undefined) out.push(t.maximum(maximum));
  else if (minimum !== undefined) out.push(t.minimum(minimum));
  return out;
}
