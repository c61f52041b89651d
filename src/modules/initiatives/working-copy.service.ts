import { and, eq, sql } from 'drizzle-orm';
import { z } from 'zod';
import type { Db } from '../../platform/db/database.ts';
import { InvalidInputError } from '../../platform/errors.ts';
import { isInt4 } from '../../platform/validation.ts';
import type { Person } from '../accounts/permissions.rules.ts';
import { emptyFormState, type FormState } from './initiative-form-state.ts';
import { initiativeMessages as m } from './messages.ts';
import { initiativeWorkingCopies } from './schema.ts';
import { openSheetForEditing } from './workspace.service.ts';

/*
 * A person's working copy of a sheet (ADR 0014): autosave keeps what they type here, privately,
 * and only "Enregistrer" writes the sheet. Nothing half-typed is published, a new actor typed in
 * is kept as typed (created only when the sheet is saved), and the history gets one version per
 * save rather than one per autosave.
 */

/** Bounds of what a copy holds: a form's worth of text, not a store for anything else. */
const MAX_FORM_JSON = 200_000;
const text = z.string().max(40_000);
const texts = z.array(text).max(200);
const formStateShape = z.object({
  title: text,
  summary: text,
  description: text,
  status: text,
  startDate: text,
  endDate: text,
  serviceIds: texts,
  actorIds: texts,
  audiences: texts,
  indicators: z.array(z.object({ label: text, value: text, unit: text, date: text })).max(100),
  responsibleDigital: z.boolean(),
  links: z.array(z.object({ label: text, url: text })).max(100),
  contactName: text,
  contactEmail: text,
  newActors: z.array(z.object({ name: text, kind: text, website: text })).max(100),
}) satisfies z.ZodType<FormState>;

export type WorkingCopy = { baseVersion: number; form: FormState; savedAt: Date };

/** Keeps what the person typed in the sheet's form, based on the version their form was opened on. */
export async function keepWorkingCopy(
  db: Db,
  person: Person | null,
  territoryCode: string,
  id: string,
  form: FormState,
  baseVersion: number | undefined,
): Promise<{ savedAt: Date; sheetVersion: number }> {
  const sheet = await openSheetForEditing(db, person, territoryCode, id);
  if (baseVersion === undefined || !isInt4(baseVersion) || baseVersion < 1 || baseVersion > sheet.version) {
    throw new InvalidInputError({ version: m.input.versionRequired });
  }
  if (JSON.stringify(form).length > MAX_FORM_JSON) throw new InvalidInputError({ description: m.input.tooLong(MAX_FORM_JSON) });
  const userId = (person as Person).id;
  const [row] = await db
    .insert(initiativeWorkingCopies)
    .values({ initiativeId: sheet.id, userId, baseVersion, form, savedAt: sql`now()` })
    .onConflictDoUpdate({
      target: [initiativeWorkingCopies.initiativeId, initiativeWorkingCopies.userId],
      set: { baseVersion, form, savedAt: sql`now()` },
    })
    .returning({ savedAt: initiativeWorkingCopies.savedAt });
  if (!row) throw new Error('upsert of a working copy returned no row');
  return { savedAt: row.savedAt, sheetVersion: sheet.version };
}

/** The person's working copy of a sheet they may edit, or null (a copy that no longer reads as a form is dropped). */
export async function findWorkingCopy(db: Db, person: Person, id: string): Promise<WorkingCopy | null> {
  const [row] = await db
    .select()
    .from(initiativeWorkingCopies)
    .where(and(eq(initiativeWorkingCopies.initiativeId, id), eq(initiativeWorkingCopies.userId, person.id)));
  if (!row) return null;
  const form = formStateShape.safeParse({ ...emptyFormState(), ...row.form });
  return form.success ? { baseVersion: row.baseVersion, form: form.data, savedAt: row.savedAt } : null;
}

/** Removes the person's working copy of a sheet: saved into the sheet, or abandoned. */
export async function discardWorkingCopy(db: Db, person: Person, id: string): Promise<void> {
  await db.delete(initiativeWorkingCopies).where(and(eq(initiativeWorkingCopies.initiativeId, id), eq(initiativeWorkingCopies.userId, person.id)));
}

/** A person's working copies (which sheet, when), for the data they download. */
export async function workingCopiesBy(db: Db, userId: string) {
  return db
    .select({ initiativeId: initiativeWorkingCopies.initiativeId, savedAt: initiativeWorkingCopies.savedAt, form: initiativeWorkingCopies.form })
    .from(initiativeWorkingCopies)
    .where(eq(initiativeWorkingCopies.userId, userId));
}
