import { eq, sql } from 'drizzle-orm';
import type { Db } from '../../platform/db/database.ts';
import { ConflictError, InvalidInputError, NotFoundError } from '../../platform/errors.ts';
import { emit } from '../../platform/events.ts';
import { platformMessages } from '../../platform/views/messages.ts';
import { requirePermission } from '../accounts/guard.ts';
import type { Person } from '../accounts/permissions.rules.ts';
import type { EditionState } from '../label/edition-lifecycle.rules.ts';
import { getEdition, lockEditionWithClock } from '../label/editions.service.ts';
import './events.ts';
import { questionnaireAdminMessages } from './questionnaire-messages.ts';
import { campaignSettings } from './schema.ts';
import { selfAssessmentWeightsMessages as wm } from './self-assessment-weights.messages.ts';
import {
  DEFAULT_SELF_ASSESSMENT_PARAMETERS,
  parametersFromInput,
  selfAssessmentParametersSchema,
  type SelfAssessmentParameters,
} from './self-assessment.rules.ts';

/**
 * The self-assessment's weights of an edition, edited by the admin while the edition is a draft or
 * open. `campaign_settings` has no version column (and this change no migration), so the
 * concurrency token is the row's `updated_at` to the microsecond, as text: every save sets it from
 * the database clock, so a form started before another save carries an older token. '0' while no
 * row is stored (the defaults are answered).
 */

/** States in which the weights may change: later, the dossiers are submitted and their scores frozen. */
export const WEIGHTS_EDITABLE_STATES: readonly EditionState[] = ['draft', 'open'];

export type StoredSelfAssessmentWeights = {
  year: number;
  state: EditionState;
  parameters: SelfAssessmentParameters;
  stored: boolean;
  updatedAt: Date | null;
  /** The concurrency token the form sends back. */
  revision: string;
};

const revisionOf = sql<string>`(extract(epoch from ${campaignSettings.updatedAt}) * 1000000)::bigint::text`;

async function readSettings(db: Db, year: number) {
  const [row] = await db
    .select({ parameters: campaignSettings.selfAssessmentParameters, updatedAt: campaignSettings.updatedAt, revision: revisionOf })
    .from(campaignSettings)
    .where(eq(campaignSettings.year, year));
  return row ?? null;
}

/** The weights of an edition as the admin edits them; null for an unknown edition. */
export async function getSelfAssessmentWeights(db: Db, person: Person | null, year: number): Promise<StoredSelfAssessmentWeights | null> {
  requirePermission(person, 'questionnaires.manage');
  const edition = await getEdition(db, year);
  if (!edition) return null;
  const row = await readSettings(db, year);
  const parsed = selfAssessmentParametersSchema.safeParse(row?.parameters);
  return {
    year,
    state: edition.state,
    parameters: parsed.success ? parsed.data : DEFAULT_SELF_ASSESSMENT_PARAMETERS,
    stored: row !== null,
    updatedAt: row?.updatedAt ?? null,
    revision: row?.revision ?? '0',
  };
}

export type SaveSelfAssessmentWeightsInput = {
  year: number;
  /** The token of the weights the admin started from. */
  revision: string;
  /** Per status, a number or a form's text (« 0,6 »). */
  statusWeights: Partial<Record<keyof SelfAssessmentParameters['statusWeights'], unknown>>;
};

/**
 * The admin saves an edition's weights: checked first (InvalidInputError keyed by status, nothing
 * written), then, with the edition locked (so that it cannot close in between), only while it is a
 * draft or open and only from the latest revision (ConflictError otherwise). Emits
 * 'selfAssessment.parametersSaved' in the transaction.
 */
export async function saveSelfAssessmentWeights(db: Db, person: Person | null, input: SaveSelfAssessmentWeightsInput): Promise<StoredSelfAssessmentWeights> {
  requirePermission(person, 'questionnaires.manage');
  const checked = parametersFromInput(input.statusWeights);
  if (!checked.ok) {
    const [status, message] = Object.entries(checked.errors)[0] ?? [];
    const label = wm.fieldLabels[status as keyof typeof wm.fieldLabels] ?? status ?? '';
    throw new InvalidInputError(checked.errors, platformMessages.form.fieldError(label, message ?? ''));
  }
  const parameters = checked.parameters;
  return db.transaction(async (tx) => {
    const locked = await lockEditionWithClock(tx, input.year);
    if (!locked) throw new NotFoundError(wm.unknownEdition(input.year));
    const state = locked.edition.state;
    if (!WEIGHTS_EDITABLE_STATES.includes(state)) throw new ConflictError(wm.conflict.notEditable(input.year, questionnaireAdminMessages.editionStates[state]));
    const current = await readSettings(tx, input.year);
    if ((current?.revision ?? '0') !== input.revision) throw new ConflictError(wm.conflict.stale, 'revision');
    // clock_timestamp(), not now(): two saves in one transaction's instant still get distinct tokens.
    const values = { selfAssessmentParameters: parameters, updatedAt: sql`clock_timestamp()` };
    const [row] = current
      ? await tx
          .update(campaignSettings)
          .set(values)
          .where(eq(campaignSettings.year, input.year))
          .returning({ updatedAt: campaignSettings.updatedAt, revision: revisionOf })
      : await tx
          .insert(campaignSettings)
          .values({ year: input.year, ...values })
          .onConflictDoNothing()
          .returning({ updatedAt: campaignSettings.updatedAt, revision: revisionOf });
    if (!row) throw new ConflictError(wm.conflict.stale, 'revision');
    await emit(tx, 'selfAssessment.parametersSaved', { year: input.year, statusWeights: parameters.statusWeights, by: person.id });
    return { year: input.year, state, parameters, stored: true, updatedAt: row.updatedAt, revision: row.revision };
  });
}
