import { z } from 'zod';
import { lenientQueryShape } from '../../src/platform/http/route-input.ts';
import { decodeEntities } from './http-client.ts';

// The hostile-input corpus and what the tests that send it need: the malformed values, how to put
// them in a URL or a form without a library "fixing" them first, and the fields a route reads, found
// from its zod schemas and from the forms of the pages.

/**
 * A malformed value. `unstorable`: it holds a NUL or a lone surrogate, which the platform refuses
 * in every declared input before anything reads it (platform/http/route-input.ts).
 */
export type Malformed<T = string> = { name: string; value: T; unstorable?: true };

/** Malformed texts: each goes into every parameter, query key and field a route reads. */
export const MALFORMED_TEXTS: readonly Malformed[] = [
  { name: 'NUL byte', value: 'avant\u0000après', unstorable: true },
  { name: 'NUL alone', value: '\u0000', unstorable: true },
  { name: 'lone high surrogate', value: 'a\ud800b', unstorable: true },
  { name: 'lone low surrogate', value: '\udfff', unstorable: true },
  { name: 'int4 + 1', value: '2147483648' },
  { name: 'beyond int8', value: '99999999999999999999' },
  { name: 'int4 - 1 below zero', value: '-2147483649' },
  { name: 'overflowing float', value: '1e400' },
  { name: 'year zero', value: '0000-01-01' },
  { name: 'impossible date', value: '2024-02-30' },
  { name: 'far future date', value: '275760-09-14' },
  { name: 'SQL quote', value: "' or 1=1 --" },
  { name: 'lone percent', value: '%' },
  { name: 'long text', value: 'é'.repeat(50_000) },
];

/**
 * The corpus for a URL (path parameters, query values): the same, with a long text that still fits
 * in a request line (Node refuses more than 16 KiB of headers with a 431, before any route).
 */
export const MALFORMED_URL_TEXTS: readonly Malformed[] = MALFORMED_TEXTS.map((text) =>
  text.name === 'long text' ? { name: text.name, value: 'é'.repeat(1_000) } : text,
);

/**
 * The corpus for a body field: the URL's oddities (a lone percent) and the SQL quote (queries are
 * parameterized; a path or a query is where a hand-built one would show) are left out.
 */
export const MALFORMED_FIELD_TEXTS: readonly Malformed[] = MALFORMED_TEXTS.filter((text) => text.name !== 'lone percent' && text.name !== 'SQL quote');

/** Values of other JSON types: where the API expects a text, a number, a list. */
export const MALFORMED_JSON: readonly Malformed<unknown>[] = [
  { name: 'int4 + 1 (number)', value: 2_147_483_648 },
  { name: 'negative', value: -1 },
  { name: 'huge float', value: 1e308 },
  { name: 'fraction', value: 1.5 },
  { name: 'true', value: true },
  { name: 'null', value: null },
  { name: 'empty list', value: [] },
  { name: 'object', value: { $gt: '' } },
  { name: 'list with NUL', value: ['\u0000'], unstorable: true },
  { name: 'deep nesting', value: JSON.parse('['.repeat(2_000) + ']'.repeat(2_000)) },
];

/**
 * A text percent-encoded as a browser would, except that a lone surrogate (which `encodeURIComponent`
 * refuses and `URLSearchParams` turns into U+FFFD) is written as its three WTF-8 bytes, as a hostile
 * client can.
 */
export function percentEncode(value: string): string {
  let out = '';
  for (const char of value) {
    const code = char.codePointAt(0) ?? 0;
    if (code >= 0xd800 && code <= 0xdfff) out += [...wtf8(char)].map((b) => `%${b.toString(16).toUpperCase()}`).join('');
    else out += encodeURIComponent(char);
  }
  return out;
}

/** A urlencoded form body; an array value is sent as repeated fields. */
export function encodeForm(fields: Record<string, string | string[]>): string {
  return Object.entries(fields)
    .flatMap(([name, value]) => [value].flat().map((v) => `${percentEncode(name)}=${percentEncode(v)}`))
    .join('&');
}

type ZodDef = { type: string; shape?: Record<string, unknown>; innerType?: unknown; in?: unknown; out?: unknown; element?: unknown; options?: unknown[] };
const defOf = (schema: unknown): ZodDef | undefined => (schema as { _zod?: { def?: ZodDef } } | undefined)?._zod?.def;

/**
 * The fields a zod schema reads, as dotted paths (`indicators.0.label`): the keys of its objects,
 * through optional, default, pipe, preprocess and union, and those of a lenient query (a transform).
 * A record or an unknown value names no field: its keys are found elsewhere (forms, example bodies).
 */
export function fieldsOfSchema(schema: unknown, prefix = '', seen = new Set<unknown>()): string[] {
  if (!schema || seen.has(schema)) return [];
  seen.add(schema);
  const lenient = lenientQueryShape(schema);
  if (lenient) return Object.entries(lenient).flatMap(([key, field]) => leafOrFields(field, join(prefix, key), seen));
  const def = defOf(schema);
  if (!def) return [];
  switch (def.type) {
    case 'object':
      return Object.entries(def.shape ?? {}).flatMap(([key, field]) => leafOrFields(field, join(prefix, key), seen));
    case 'pipe':
      return [...fieldsOfSchema(def.in, prefix, seen), ...fieldsOfSchema(def.out, prefix, seen)];
    case 'array':
      return leafOrFields(def.element, join(prefix, '0'), seen);
    case 'union':
      return (def.options ?? []).flatMap((option) => fieldsOfSchema(option, prefix, seen));
    default:
      return def.innerType ? fieldsOfSchema(def.innerType, prefix, seen) : [];
  }
}

function leafOrFields(field: unknown, path: string, seen: Set<unknown>): string[] {
  const inner = fieldsOfSchema(field, path, seen);
  return [...new Set([path, ...inner])];
}

/**
 * The free-text fields of a zod schema, as dotted paths (`links.0.label`): strings without a format
 * (no e-mail, UUID or date), where a person types what they like; enums, numbers and lists are not.
 */
export function textFieldsOfSchema(schema: unknown): string[] {
  return fieldsOfSchema(schema).filter((path) => isFreeText(schemaAtPath(schema, path)));
}

function isFreeText(schema: unknown, depth = 0): boolean {
  const def = defOf(schema);
  if (!def || depth > 8) return false;
  if (def.type === 'string') return !(def as { format?: string }).format;
  if (def.type === 'pipe') return isFreeText(def.in, depth + 1) || isFreeText(def.out, depth + 1);
  return def.innerType ? isFreeText(def.innerType, depth + 1) : false;
}

/** The schema at a dotted path, through the wrappers `fieldsOfSchema` walks and into lists' elements. */
function schemaAtPath(schema: unknown, path: string): unknown {
  let current: unknown = schema;
  for (const key of path.split('.')) {
    current = childSchema(current, key);
    if (!current) return undefined;
  }
  return current;
}

function childSchema(schema: unknown, key: string, depth = 0): unknown {
  const def = defOf(schema);
  if (!def || depth > 8) return undefined;
  if (def.type === 'object') return def.shape?.[key];
  if (def.type === 'array' && /^\d+$/.test(key)) return def.element;
  if (def.type === 'pipe') return childSchema(def.in, key, depth + 1) ?? childSchema(def.out, key, depth + 1);
  if (def.type === 'union') return (def.options ?? []).map((o) => childSchema(o, key, depth + 1)).find(Boolean);
  return def.innerType ? childSchema(def.innerType, key, depth + 1) : undefined;
}

/** The file fields of a body schema: those described as binary strings (the uploads' `file`). */
export function fileFieldsOfSchema(schema: unknown): string[] {
  return fieldsOfSchema(schema).filter((path) => {
    let field: unknown = schemaAt(schema, path);
    for (let depth = 0; field && depth < 5; depth++) {
      if ((z.globalRegistry.get(field as z.ZodType) as { format?: string } | undefined)?.format === 'binary') return true;
      field = defOf(field)?.innerType;
    }
    return false;
  });
}

/** The schema of an object's key, through the wrappers `fieldsOfSchema` walks through. */
function schemaAt(schema: unknown, path: string): unknown {
  const def = defOf(schema);
  if (!def) return undefined;
  if (def.type === 'object') return def.shape?.[path];
  if (def.type === 'pipe') return schemaAt(def.in, path) ?? schemaAt(def.out, path);
  return def.innerType ? schemaAt(def.innerType, path) : undefined;
}

const join = (prefix: string, key: string) => (prefix ? `${prefix}.${key}` : key);

/** The dotted paths of a JSON value's leaves and containers (`links`, `links.0`, `links.0.url`). */
export function pathsOfValue(value: unknown, prefix = ''): string[] {
  if (Array.isArray(value)) return value.flatMap((item, i) => [join(prefix, String(i)), ...pathsOfValue(item, join(prefix, String(i)))]);
  if (typeof value === 'object' && value !== null)
    return Object.entries(value).flatMap(([key, item]) => [join(prefix, key), ...pathsOfValue(item, join(prefix, key))]);
  return [];
}

/** A copy of a JSON value with the value at a dotted path replaced (created when missing). */
export function withValueAt(base: unknown, path: string, value: unknown): unknown {
  const copy = structuredClone(base ?? {}) as Record<string, unknown>;
  const keys = path.split('.');
  let target: Record<string, unknown> = copy;
  for (const key of keys.slice(0, -1)) {
    const next = target[key];
    if (typeof next !== 'object' || next === null) target[key] = /^\d+$/.test(keys[keys.indexOf(key) + 1] ?? '') ? [] : {};
    target = target[key] as Record<string, unknown>;
  }
  target[keys.at(-1) ?? path] = value;
  return copy;
}

/**
 * A POST form of a page: where it posts, whether it sends a file, the names of its fields, and what
 * a browser would send if the person changed nothing (texts, checked boxes, selected options).
 */
export type FoundForm = { action: string; multipart: boolean; fields: string[]; files: string[]; values: Record<string, string | string[]> };

const attr = (tag: string, name: string) => {
  const value = new RegExp(`\\b${name}="([^"]*)"`).exec(tag)?.[1];
  return value === undefined ? undefined : decodeEntities(value);
};

/** The POST forms of a page, as a browser would submit them unchanged. */
export function formsOf(html: string, pageUrl: string): FoundForm[] {
  const forms: FoundForm[] = [];
  for (const match of html.matchAll(/<form\b([^>]*)>([\s\S]*?)<\/form>/g)) {
    const attrs = match[1] ?? '';
    if (!/method="post"/i.test(attrs)) continue;
    const inner = match[2] ?? '';
    const fields = new Set<string>();
    const files: string[] = [];
    const values: Record<string, string | string[]> = {};
    const add = (name: string, value: string) => {
      const previous = values[name];
      values[name] = previous === undefined ? value : [...[previous].flat(), value];
    };
    for (const control of inner.matchAll(/<(input|select|textarea|button)\b[^>]*>/g)) {
      const tag = control[0];
      const name = attr(tag, 'name');
      if (!name) continue;
      fields.add(name);
      const type = attr(tag, 'type') ?? 'text';
      if (control[1] === 'input' && type === 'file') files.push(name);
      else if (control[1] === 'input' && (type === 'checkbox' || type === 'radio')) {
        if (/\bchecked\b/.test(tag)) add(name, attr(tag, 'value') ?? 'on');
      } else if (control[1] === 'input') add(name, attr(tag, 'value') ?? '');
    }
    for (const area of inner.matchAll(/<textarea\b([^>]*)>([\s\S]*?)<\/textarea>/g)) {
      const name = attr(area[1] ?? '', 'name');
      if (name) add(name, decodeEntities(area[2] ?? ''));
    }
    for (const select of inner.matchAll(/<select\b([^>]*)>([\s\S]*?)<\/select>/g)) {
      const name = attr(select[1] ?? '', 'name');
      const options = [...(select[2] ?? '').matchAll(/<option\b[^>]*>/g)].map((o) => o[0]);
      const chosen = options.find((o) => /\bselected\b/.test(o)) ?? options[0];
      if (name && chosen) add(name, attr(chosen, 'value') ?? '');
    }
    const action = attr(attrs, 'action') || pageUrl;
    forms.push({ action: new URL(action, 'http://x').pathname, multipart: /enctype="multipart\/form-data"/i.test(attrs), fields: [...fields], files, values });
  }
  return forms;
}

/** Whether a concrete path is one of a route's (`/espace/49353/membres` of `/espace/:code/membres`). */
export function matchesRoute(url: string, path: string): boolean {
  const pattern = url.replace(/[.*+?^${}()|[\]\\]/g, '\\$&').replace(/:(\w+)/g, '[^/]+');
  return new RegExp(`^${pattern}$`).test(path);
}

/** The parameters of a route's URL, in order (`/badges/:code.svg` → code). */
export const paramsOf = (url: string): string[] => [...url.matchAll(/:(\w+)/g)].map((m) => m[1] ?? '');

export const MULTIPART_BOUNDARY = '----arobasehostile';

/** A multipart body: text fields as raw bytes (a lone surrogate stays invalid UTF-8), and optionally one file. */
export function multipartBody(fields: Record<string, string | string[]>, file?: { field: string; data: Buffer }): Buffer {
  const parts: Buffer[] = [];
  for (const [name, values] of Object.entries(fields)) {
    for (const value of [values].flat()) {
      parts.push(Buffer.from(`--${MULTIPART_BOUNDARY}\r\ncontent-disposition: form-data; name="${name}"\r\n\r\n`), wtf8(value), Buffer.from('\r\n'));
    }
  }
  if (file) {
    parts.push(
      Buffer.from(`--${MULTIPART_BOUNDARY}\r\ncontent-disposition: form-data; name="${file.field}"; filename="photo.png"\r\ncontent-type: image/png\r\n\r\n`),
      file.data,
      Buffer.from('\r\n'),
    );
  }
  parts.push(Buffer.from(`--${MULTIPART_BOUNDARY}--\r\n`));
  return Buffer.concat(parts);
}

/** The bytes of a text, a lone surrogate as its WTF-8 bytes instead of U+FFFD. */
function wtf8(value: string): Buffer {
  const bytes: Buffer[] = [];
  for (const char of value) {
    const code = char.codePointAt(0) ?? 0;
    if (code >= 0xd800 && code <= 0xdfff) bytes.push(Buffer.from([0xe0 | (code >> 12), 0x80 | ((code >> 6) & 0x3f), 0x80 | (code & 0x3f)]));
    else bytes.push(Buffer.from(char, 'utf8'));
  }
  return Buffer.concat(bytes);
}

/** Malformed multipart bodies, each with the content type it claims. */
export const MALFORMED_MULTIPART: readonly { name: string; contentType: string; body: Buffer }[] = [
  { name: 'no boundary', contentType: 'multipart/form-data', body: Buffer.from('--x\r\ncontent-disposition: form-data; name="a"\r\n\r\nb\r\n--x--\r\n') },
  { name: 'other boundary', contentType: `multipart/form-data; boundary=${MULTIPART_BOUNDARY}`, body: Buffer.from('--autre\r\n\r\nb\r\n--autre--\r\n') },
  {
    name: 'truncated',
    contentType: `multipart/form-data; boundary=${MULTIPART_BOUNDARY}`,
    body: Buffer.from(`--${MULTIPART_BOUNDARY}\r\ncontent-disposition: form-data; name="photo"; filename="a.png"\r\ncontent-type: image/png\r\n\r\n\x89PNG`),
  },
  {
    name: 'part without headers',
    contentType: `multipart/form-data; boundary=${MULTIPART_BOUNDARY}`,
    body: Buffer.from(`--${MULTIPART_BOUNDARY}\r\n\r\nvaleur\r\n--${MULTIPART_BOUNDARY}--\r\n`),
  },
  {
    name: 'malformed part header',
    contentType: `multipart/form-data; boundary=${MULTIPART_BOUNDARY}`,
    body: Buffer.from(`--${MULTIPART_BOUNDARY}\r\ncontent-disposition form-data name=a\r\n\r\nb\r\n--${MULTIPART_BOUNDARY}--\r\n`),
  },
  { name: 'empty', contentType: `multipart/form-data; boundary=${MULTIPART_BOUNDARY}`, body: Buffer.alloc(0) },
  {
    name: 'NUL in a field name',
    contentType: `multipart/form-data; boundary=${MULTIPART_BOUNDARY}`,
    body: Buffer.from(`--${MULTIPART_BOUNDARY}\r\ncontent-disposition: form-data; name="a\u0000b"\r\n\r\nb\r\n--${MULTIPART_BOUNDARY}--\r\n`),
  },
];
