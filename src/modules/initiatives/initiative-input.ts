import { z } from 'zod';
import { InvalidInputError, type FieldErrors } from '../../platform/errors.ts';
import { calendarDate, fieldErrorsOf, INT4_MAX } from '../../platform/validation.ts';
import { normalizeWebsite } from '../actors/actor.rules.ts';
import { initiativeMessages as m } from './messages.ts';
import { AUDIENCES, INITIATIVE_STATUSES, INITIATIVE_VISIBILITIES, type EditableField, type SheetContent } from './initiative.rules.ts';

// Limits of a sheet: generous for real use, bounded so one sheet cannot fill the database.
export const LIMITS = { title: 200, summary: 600, description: 30_000, services: 30, actors: 50, indicators: 30, links: 20 } as const;

const isoDate = calendarDate({ invalid: m.input.dateInvalid });

/**
 * Only web links: a `javascript:` or `data:` URL never reaches a page. "www.exemple.fr" is taken
 * and stored as "https://www.exemple.fr": the one normalisation of web addresses, the actors' too.
 */
export const httpUrl = z
  .string()
  .trim()
  .max(2000, m.input.urlInvalid)
  .transform((value, ctx) => {
    const url = normalizeWebsite(value, 2000);
    if (url === null) {
      ctx.addIssue({ code: 'custom', message: m.input.urlInvalid });
      return z.NEVER;
    }
    return url;
  });

const optionalText = (max: number, message: string) =>
  z
    .string()
    .trim()
    .max(max, message)
    .nullish()
    .transform((v) => v || null);

export const indicatorInput = z.object({
  label: z.string({ message: m.input.indicatorLabelRequired }).trim().min(1, m.input.indicatorLabelRequired).max(200, m.input.tooLong(200)),
  value: z.number({ message: m.input.indicatorValueInvalid }).finite(m.input.indicatorValueInvalid).gt(-1e12).lt(1e12),
  unit: z.string().trim().max(40, m.input.tooLong(40)).default(''),
  date: isoDate.nullish().transform((v) => v ?? null),
});

export const linkInput = z.object({
  label: z.string().trim().max(200, m.input.tooLong(200)).default(''),
  url: httpUrl,
});

/** Line breaks as `\n` whatever sent them: browsers post textareas with `\r\n`, which is no change. */
const newlines = (value: unknown) => (typeof value === 'string' ? value.replace(/\r\n?/g, '\n') : value);

/**
 * How each field of a sheet's content is read: the API body and the form share this one definition.
 * Each field gives exactly the type of the content's (initiative.rules.ts `sheetContent`): a field
 * missing here, one too many or of another type does not compile.
 */
const contentShape = {
  title: z.string({ message: m.input.titleRequired }).trim().min(1, m.input.titleRequired).max(LIMITS.title, m.input.tooLong(LIMITS.title)),
  summary: z.preprocess(newlines, z.string().trim().max(LIMITS.summary, m.input.tooLong(LIMITS.summary))).default(''),
  description: z.preprocess(newlines, z.string().max(LIMITS.description, m.input.tooLong(LIMITS.description))).default(''),
  status: z.enum(INITIATIVE_STATUSES, { message: m.input.statusInvalid }),
  startDate: isoDate.nullish().transform((v) => v ?? null),
  endDate: isoDate.nullish().transform((v) => v ?? null),
  serviceIds: z
    .array(z.string().trim().min(1).max(100), { message: m.input.servicesRequired })
    .min(1, m.input.servicesRequired)
    .max(LIMITS.services, m.input.tooMany(LIMITS.services))
    .transform((ids) => [...new Set(ids)]),
  actorIds: z
    .array(z.uuid({ message: m.input.actorUnknown }))
    .max(LIMITS.actors, m.input.tooMany(LIMITS.actors))
    .default([])
    .transform((ids) => [...new Set(ids)]),
  audiences: z
    .array(z.enum(AUDIENCES, { message: m.input.audienceInvalid }))
    .default([])
    .transform((values) => [...new Set(values)]),
  indicators: z.array(indicatorInput).max(LIMITS.indicators, m.input.tooMany(LIMITS.indicators)).default([]),
  responsibleDigital: z.boolean().default(false),
  links: z.array(linkInput).max(LIMITS.links, m.input.tooMany(LIMITS.links)).default([]),
  contactName: optionalText(200, m.input.tooLong(200)),
  contactEmail: z
    .string()
    .trim()
    .toLowerCase()
    .nullish()
    .transform((v) => v || null)
    .pipe(z.email({ message: m.input.emailInvalid }).max(254).nullable()),
} satisfies { [K in EditableField]: z.ZodType<SheetContent[K], unknown> };

function datesInOrder(value: { startDate?: string | null; endDate?: string | null }, ctx: z.RefinementCtx) {
  if (value.startDate && value.endDate && value.endDate < value.startDate) {
    ctx.addIssue({ code: 'custom', path: ['endDate'], message: m.input.endBeforeStart });
  }
}

export const sheetContentInput = z.object(contentShape).superRefine(datesInOrder);

/** `POST /api/v1/initiatives` and the creation form. */
export const createInitiativeInput = z
  .object({
    territoryCode: z.string({ message: m.input.territoryRequired }).trim().min(1, m.input.territoryRequired).max(20),
    ...contentShape,
    visibility: z.enum(INITIATIVE_VISIBILITIES, { message: m.input.visibilityInvalid }).default('draft'),
  })
  .superRefine(datesInOrder);
export type CreateInitiativeInput = z.output<typeof createInitiativeInput>;

/** `PATCH /api/v1/initiatives/:id`: any subset of the content, and the version it is based on. */
export const patchInitiativeInput = z
  .object(contentShape)
  .partial()
  .extend({
    visibility: z.enum(INITIATIVE_VISIBILITIES, { message: m.input.visibilityInvalid }).optional(),
    version: z
      .number({ message: m.input.versionRequired })
      .int(m.input.versionRequired)
      .positive(m.input.versionRequired)
      .max(INT4_MAX, m.input.versionRequired)
      .optional(),
  })
  .strict();
export type PatchInitiativeInput = z.output<typeof patchInitiativeInput>;

/**
 * Checks a sheet's input and gives every wrong field at once: the date order is checked even when
 * other fields are wrong (a refinement alone would wait for them to be fixed first).
 */
export function checkSheetInput<S extends z.ZodType>(
  schema: S,
  input: unknown,
): { data: z.output<S>; errors?: undefined } | { data?: undefined; errors: FieldErrors } {
  const result = schema.safeParse(input);
  if (result.success) return { data: result.data as z.output<S> };
  const errors = fieldErrorsOf(result.error);
  const raw = (input ?? {}) as { startDate?: unknown; endDate?: unknown };
  const dates = z.object({ startDate: isoDate, endDate: isoDate }).safeParse(raw);
  if (dates.success && dates.data.endDate < dates.data.startDate) errors.endDate ??= m.input.endBeforeStart;
  return { errors };
}

/** Parses a sheet's input, or throws one InvalidInputError naming every wrong field. */
export function parseSheetInput<S extends z.ZodType>(schema: S, input: unknown): z.output<S> {
  const checked = checkSheetInput(schema, input);
  if (checked.errors) throw new InvalidInputError(checked.errors);
  return checked.data;
}

/**
 * What a sheet's input names in the database, each field read alone: its territory, services and
 * actors can be checked even when other fields are wrong, and reported with them. A wrong field
 * names nothing (its own error says why).
 */
export function referencesOf(input: unknown): { territoryCode: string | undefined; serviceIds: string[]; actorIds: string[] } {
  const raw = (input ?? {}) as Record<string, unknown>;
  return {
    territoryCode: createInitiativeInput.shape.territoryCode.safeParse(raw.territoryCode).data,
    serviceIds: contentShape.serviceIds.safeParse(raw.serviceIds).data ?? [],
    actorIds: contentShape.actorIds.safeParse(raw.actorIds).data ?? [],
  };
}

/** Fields of the edit form: repeated inputs arrive as a string or an array of strings. */
export type FormBody = Record<string, string | string[] | undefined>;

/** "1 234,5" or "1234.5" → 1234.5; anything else is left to the schema to refuse. */
export function parseFrenchNumber(raw: string): number | string {
  const cleaned = raw.replace(/[\s\u00a0\u202f]/g, '').replace(',', '.');
  if (!/^-?\d+(\.\d+)?$/.test(cleaned)) return raw;
  return Number(cleaned);
}
