import type { FastifySchemaCompiler } from 'fastify';
import { validatorCompiler as zodValidatorCompiler } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { InvalidInputError } from '../errors.ts';
import { findUnstorableText } from '../validation.ts';
import { platformMessages } from '../views/messages.ts';
import type { FieldErrors } from './errors.ts';

/**
 * Zod schemas for what pages receive (query strings, posted forms), declared on their routes like
 * the JSON API's. Pages are lenient where the API is strict: a page's malformed filter is noticed
 * and ignored, a form's wrong value is shown beside its field by the service's validation.
 */

/** What a lenient query read: the valid values of its keys, the malformed ones (with zod's French message), the unknown keys. */
export type LenientQuery<T> = { values: T; invalid: FieldErrors; unknown: string[] };

type Shape = Record<string, z.ZodType>;
type ValuesOf<S extends Shape> = { [K in keyof S]: z.output<S[K]> };

/**
 * The query string of a page, read leniently: a known key is kept when its value is valid, dropped
 * (and reported in `invalid`) when not; unknown keys are dropped (listed in `unknown`). An empty value
 * is no value (an empty form field); a repeated key counts as its first value unless its field takes
 * a list. It never fails, so a stale or hand-edited link still shows the page. Every field must accept
 * `undefined` (optional, or with a default): it is what a dropped value becomes.
 */
export function lenientQuery<S extends Shape>(shape: S) {
  for (const [key, field] of Object.entries(shape)) {
    if (!field.safeParse(undefined).success) throw new Error(`lenientQuery: the field « ${key} » must be optional or have a default`);
  }
  const schema = z
    .unknown()
    .transform((raw): LenientQuery<ValuesOf<S>> => readLeniently(shape, typeof raw === 'object' && raw !== null ? (raw as Record<string, unknown>) : {}));
  lenientShapes.set(schema, shape);
  return schema;
}

// A lenient query is a transform, which hides its keys from whoever reads the schema: kept here.
const lenientShapes = new WeakMap<z.ZodType, Shape>();

/** The keys a lenient query schema reads (for the tests that walk every route's inputs); undefined for another schema. */
export const lenientQueryShape = (schema: unknown): Readonly<Shape> | undefined => lenientShapes.get(schema as z.ZodType);

function readLeniently<S extends Shape>(shape: S, raw: Record<string, unknown>): LenientQuery<ValuesOf<S>> {
  const values: Record<string, unknown> = {};
  const invalid: FieldErrors = {};
  const unknown = Object.keys(raw).filter((key) => !Object.hasOwn(shape, key));
  for (const [key, field] of Object.entries(shape)) {
    const given = Object.hasOwn(raw, key) ? raw[key] : undefined;
    const value = given === '' ? undefined : given;
    let parsed = field.safeParse(value);
    if (!parsed.success && Array.isArray(value)) parsed = field.safeParse(value[0] === '' ? undefined : value[0]);
    if (!parsed.success) {
      invalid[key] = parsed.error.issues[0]?.message ?? '';
      parsed = field.safeParse(undefined);
    }
    values[key] = parsed.success ? parsed.data : undefined;
  }
  return { values: values as ValuesOf<S>, invalid, unknown };
}

const text = z.union([z.string(), z.array(z.string())]);

/** One field of a posted form: its text (the last one when repeated), undefined when absent. */
export const formText = text.optional().transform((value) => (Array.isArray(value) ? value.at(-1) : value));

/**
 * The body of a form posted to a page: the fields the shape names, and every other one (the CSRF
 * token, numbered rows) as one text. A missing body is an empty form; a body that is not a form
 * (an object in JSON) is a 400, never a 500. Whether the texts are right is the service's to say.
 */
export function formBody<S extends z.ZodRawShape>(shape: S) {
  return z.preprocess((value) => value ?? {}, z.object(shape).catchall(formText));
}

/** A posted form with repeated fields (checkboxes, rows of a table): every field a text or a list of texts. */
export const formWithLists = z.preprocess((value) => value ?? {}, z.record(z.string(), text));

/**
 * The validator of every route's declared inputs (parameters, query, body, headers): zod's, after
 * one check of every text and key in them for a NUL or a lone surrogate. PostgreSQL stores neither,
 * so any of them in a path, a query, a form or a JSON body is refused here, with a French 400 naming
 * the field, before a schema, a service or a query sees it.
 */
export const validatorCompiler: FastifySchemaCompiler<z.core.$ZodType> = (route) => {
  const validate = zodValidatorCompiler(route);
  return (data) => {
    const path = findUnstorableText(data);
    if (path === undefined) return validate(data);
    return { error: new InvalidInputError({ [path || '_']: platformMessages.errors.unstorableText }) };
  };
};
