import { z } from 'zod';
import { InvalidInputError, type FieldErrors } from './errors.ts';
import { platformMessages } from './views/messages.ts';

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

/** The bounds of PostgreSQL's `integer` (int4): a number stored in one is checked against them before any query. */
export const INT4_MIN = -2_147_483_648;
export const INT4_MAX = 2_147_483_647;
export const isInt4 = (value: number): boolean => Number.isInteger(value) && value >= INT4_MIN && value <= INT4_MAX;

// A NUL, which PostgreSQL's texts cannot hold, or a surrogate not in a pair, which UTF-8 cannot encode:
// either makes the query that carries it fail.
const UNSTORABLE = /\u0000|\p{Cs}/u;

/** Whether a text holds a character no database column can store. */
export const hasUnstorableCharacter = (text: string): boolean => UNSTORABLE.test(text);

/**
 * The dotted path (`indicators.0.label`, '' for the value itself) of the first text, or object key,
 * of a value that holds a NUL or a lone surrogate; undefined when there is none. Binary data (an
 * uploaded file's bytes) is not text. Walked without recursion: a body may be nested deep.
 */
export function findUnstorableText(value: unknown): string | undefined {
  const stack: { value: unknown; path: string }[] = [{ value, path: '' }];
  for (let item = stack.pop(); item; item = stack.pop()) {
    const { value: current, path } = item;
    if (typeof current === 'string') {
      if (hasUnstorableCharacter(current)) return path;
    } else if (typeof current === 'object' && current !== null && !ArrayBuffer.isView(current)) {
      const entries = Object.entries(current);
      for (let i = entries.length - 1; i >= 0; i--) {
        const [key, child] = entries[i] ?? ['', undefined];
        const childPath = path ? `${path}.${key}` : key;
        if (hasUnstorableCharacter(key)) return childPath.replace(/\u0000|\p{Cs}/gu, '\ufffd');
        stack.push({ value: child, path: childPath });
      }
    }
  }
  return undefined;
}

/**
 * The years a date typed by a person may have. No local digital initiative, label or indicator is
 * older than 1900 or planned after 2100: a year outside is a typo (0202 for 2022). It also keeps
 * dates within what PostgreSQL (no year 0) and JavaScript's Date (up to 275760) both read.
 */
export const DATE_YEARS = { first: 1900, last: 2100 } as const;

/** A calendar date `AAAA-MM-JJ` that exists, in the years of DATE_YEARS; the messages of its two refusals. */
export function calendarDate(messages: { invalid: string; outOfRange?: string }) {
  const { first, last } = DATE_YEARS;
  return z.iso.date({ message: messages.invalid }).refine(
    (value) => {
      const year = Number(value.slice(0, 4));
      return year >= first && year <= last;
    },
    messages.outOfRange ?? platformMessages.errors.dateOutOfRange(first, last),
  );
}
