/** What an initiative sheet may hold. Pure, no I/O. */
import { z } from 'zod';

export const INITIATIVE_STATUSES = ['planned', 'in_progress', 'done', 'abandoned'] as const;
export type InitiativeStatus = (typeof INITIATIVE_STATUSES)[number];

export const INITIATIVE_VISIBILITIES = ['draft', 'public'] as const;
export type InitiativeVisibility = (typeof INITIATIVE_VISIBILITIES)[number];

/** The target audiences of DESIGN.md. */
export const AUDIENCES = ['inhabitants', 'seniors', 'youth', 'families_in_need', 'associations', 'businesses', 'agents', 'elected_officials'] as const;
export type Audience = (typeof AUDIENCES)[number];

/** A web page about the initiative. */
const initiativeLink = z.object({ label: z.string(), url: z.string() });
export type InitiativeLink = z.output<typeof initiativeLink>;

/** "150 ordinateurs redistribués": a measured quantity, at an ISO date or none. */
const indicator = z.object({ label: z.string(), value: z.number(), unit: z.string(), date: z.string().nullable() });
export type Indicator = z.output<typeof indicator>;

/**
 * The editable content of a sheet, as saved (its row and link tables, its revision snapshots) and
 * shown: the one definition of its shape. The rest derives from it: the input schemas check and
 * normalise each of these fields (initiative-input.ts), the API's JSON extends it
 * (initiative-json.ts), the form holds each as text (initiative-form-state.ts), the row's columns
 * are its fields that are not link tables (initiative-sheet.service.ts). Dates are ISO strings.
 */
export const sheetContent = z.object({
  title: z.string(),
  summary: z.string(),
  description: z.string().describe('Markdown'),
  status: z.enum(INITIATIVE_STATUSES),
  startDate: z.string().nullable(),
  endDate: z.string().nullable(),
  serviceIds: z.array(z.string()),
  actorIds: z.array(z.uuid()),
  audiences: z.array(z.enum(AUDIENCES)),
  indicators: z.array(indicator),
  responsibleDigital: z.boolean(),
  links: z.array(initiativeLink),
  contactName: z.string().nullable(),
  contactEmail: z.string().nullable(),
});
export type SheetContent = z.output<typeof sheetContent>;

/** The fields a person edits on a sheet, in the content's order; the unit of change tracking and of merging. */
export type EditableField = keyof SheetContent;
export const EDITABLE_FIELDS: readonly EditableField[] = Object.freeze(sheetContent.keyof().options);

/** Sets are compared as sets: choosing the same services in another order is no change. */
const UNORDERED: ReadonlySet<EditableField> = new Set(['serviceIds', 'actorIds', 'audiences']);

/** JSON with object keys sorted: the database (jsonb) gives `{ url, label }` back for `{ label, url }`. */
function stable(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(stable).join(',')}]`;
  if (value && typeof value === 'object') {
    return `{${Object.keys(value)
      .sort()
      .map((k) => `${JSON.stringify(k)}:${stable((value as Record<string, unknown>)[k])}`)
      .join(',')}}`;
  }
  return JSON.stringify(value ?? null);
}

function canonical(field: EditableField, value: unknown): string {
  if (UNORDERED.has(field) && Array.isArray(value)) return stable([...value].sort());
  return stable(value);
}

export function sameValue(field: EditableField, a: unknown, b: unknown): boolean {
  return canonical(field, a) === canonical(field, b);
}

/** Which editable fields differ between two versions of a sheet. */
export function changedFields(before: SheetContent, after: SheetContent): EditableField[] {
  return EDITABLE_FIELDS.filter((field) => !sameValue(field, before[field], after[field]));
}

export type MergeResult = {
  /** Every field both sides agree on, or changed on one side only. */
  merged: SheetContent;
  /** Fields changed differently on both sides: the person chooses. */
  conflicts: EditableField[];
};

/**
 * Three-way merge of a stale save: `base` is the version the person started from, `theirs` what was
 * saved since, `mine` what the person submits. A field changed on one side only takes that side; a
 * field changed on both sides to different values is a conflict, kept at `theirs` in `merged` until
 * the person chooses — so no text is ever lost silently.
 */
export function mergeThreeWay(base: SheetContent, theirs: SheetContent, mine: SheetContent): MergeResult {
  const merged = { ...theirs } as Record<EditableField, unknown>;
  const conflicts: EditableField[] = [];
  for (const field of EDITABLE_FIELDS) {
    const iChanged = !sameValue(field, base[field], mine[field]);
    const theyChanged = !sameValue(field, base[field], theirs[field]);
    if (iChanged && !theyChanged) merged[field] = mine[field];
    else if (iChanged && theyChanged && !sameValue(field, mine[field], theirs[field])) conflicts.push(field);
  }
  return { merged: merged as SheetContent, conflicts };
}

/** Themes of the referential with no initiative of the territory: what is missing on the dashboard. */
export function missingThemes<T extends { id: string }>(themes: readonly T[], coveredThemeIds: Iterable<string>): T[] {
  const covered = new Set(coveredThemeIds);
  return themes.filter((theme) => !covered.has(theme.id));
}
