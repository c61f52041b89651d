import { eq, sql } from 'drizzle-orm';
import type { Db } from '../../platform/db/database.ts';
import { ConflictError, InvalidInputError, NotFoundError } from '../../platform/errors.ts';
import { emit } from '../../platform/events.ts';
import { requirePermission } from '../accounts/guard.ts';
import { personIdOf, type Caller } from '../accounts/permissions.rules.ts';
import { lockEditionWithClock } from '../label/editions.service.ts';
import { DEFAULT_REVIEWERS_PER_DOSSIER } from './assignment.rules.ts';
import { deliberationMessages } from './deliberation.messages.ts';
import { DEFAULT_LEVEL_THRESHOLDS, DEFAULT_REVIEW_WEIGHT, juryParametersFromInput, parametersEditable } from './deliberation.rules.ts';
import './events.ts';
import { juryParameters } from './schema.ts';

const e = deliberationMessages.errors;

/** The jury's parameters of an edition. */
export type JuryParameters = { reviewersPerDossier: number; levelThresholds: number[]; reviewWeight: number; version: number };

/** The edition's jury parameters, or the defaults (version 0) when the staff set none. */
export async function juryParametersOf(db: Db, year: number): Promise<JuryParameters> {
  const [row] = await db.select().from(juryParameters).where(eq(juryParameters.year, year));
  if (!row)
    return {
      reviewersPerDossier: DEFAULT_REVIEWERS_PER_DOSSIER,
      levelThresholds: [...DEFAULT_LEVEL_THRESHOLDS],
      reviewWeight: DEFAULT_REVIEW_WEIGHT,
      version: 0,
    };
  return { reviewersPerDossier: row.reviewersPerDossier, levelThresholds: row.levelThresholds, reviewWeight: row.reviewWeight, version: row.version };
}

/** What the staff send: each figure as a number or a form's text (« 0,5 »); an absent one keeps its value. The version they started from. */
export type JuryParametersChange = {
  reviewersPerDossier?: unknown;
  levelThresholds?: unknown;
  reviewWeight?: unknown;
  version: unknown;
};

/**
 * The staff save an edition's jury parameters (`jury.manage`): checked first (InvalidInputError
 * naming each wrong field, nothing written), then, with the edition locked, only until it is
 * deliberated and only from the version stored (ConflictError otherwise). Emits 'jury.parametersSaved'
 * in the transaction. A transaction given as `db` is joined (the API's all-or-nothing PATCH).
 */
export async function saveJuryParameters(db: Db, caller: Caller | null, year: number, change: JuryParametersChange): Promise<JuryParameters> {
  requirePermission(caller, 'jury.manage');
  const version = typeof change.version === 'string' && /^\d{1,9}$/.test(change.version.trim()) ? Number(change.version) : change.version;
  if (typeof version !== 'number' || !Number.isInteger(version) || version < 0) throw new InvalidInputError({ version: deliberationMessages.input.version });
  return db.transaction(async (tx) => {
    const locked = await lockEditionWithClock(tx, year);
    if (!locked) throw new NotFoundError(e.editionNotFound(year));
    if (!parametersEditable(locked.edition.state)) throw new ConflictError(e.parametersClosed);
    const current = await juryParametersOf(tx, year);
    const checked = juryParametersFromInput({
      reviewersPerDossier: change.reviewersPerDossier ?? current.reviewersPerDossier,
      levelThresholds: change.levelThresholds ?? current.levelThresholds,
      reviewWeight: change.reviewWeight ?? current.reviewWeight,
    });
    if (!checked.ok) throw new InvalidInputError(checked.errors);
    if (current.version !== version) throw new ConflictError(e.parametersStale, 'version');
    const values = { ...checked.parameters, version: version + 1, updatedBy: personIdOf(caller), updatedAt: sql`now()` };
    // The conditional write is the guard when two saves race: only one moves the version on.
    const [row] =
      version === 0
        ? await tx
            .insert(juryParameters)
            .values({ year, ...values })
            .onConflictDoNothing()
            .returning({ version: juryParameters.version })
        : await tx
            .update(juryParameters)
            .set(values)
            .where(sql`${juryParameters.year} = ${year} and ${juryParameters.version} = ${version}`)
            .returning({ version: juryParameters.version });
    if (!row) throw new ConflictError(e.parametersStale, 'version');
    await emit(tx, 'jury.parametersSaved', { year, ...checked.parameters, version: row.version, by: personIdOf(caller) });
    return { ...checked.parameters, version: row.version };
  });
}
