import { z } from 'zod';
import { InvalidInputError, type FieldErrors } from './errors.ts';

// Every default message of zod in French: users and API clients read French.
z.config(z.locales.fr());

export function fieldErrorsOf(error: z.ZodError): FieldErrors {
  const fields: FieldErrors = {};
  for (const issue of error.issues) {
    const key = issue.path.length ? issue.path.join('.') : '_';
    fields[key] ??= issue.message;
  }
  return fields;
}

/** Parses input against a schema; throws an InvalidInputError naming each wrong field. */
export function parseOrThrow<S extends z.ZodType>(schema: S, input: unknown): z.output<S> {
  const result = schema.safeParse(input);
  if (!result.success) throw new InvalidInputError(fieldErrorsOf(result.error));
  return result.data;
}

/** A UUID as the database writes it: ids from URLs are checked before they reach a query. */
export const isUuid = (value: string): boolean => /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(value);
