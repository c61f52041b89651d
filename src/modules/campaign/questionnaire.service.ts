import { and, eq } from 'drizzle-orm';
import type { Db } from '../../platform/db/database.ts';
import { ConflictError, InvalidInputError, NotFoundError } from '../../platform/errors.ts';
import { emit } from '../../platform/events.ts';
import { questionnaireSchema, type Questionnaire } from '../../platform/questionnaire/questionnaire.schema.ts';
import { requirePermission } from '../accounts/guard.ts';
import type { Person } from '../accounts/permissions.rules.ts';
import { lockEditionWithClock } from '../label/editions.service.ts';
import { TERRITORY_CATEGORIES, type TerritoryCategory } from '../territories/territory.rules.ts';
import { DEFAULT_QUESTIONNAIRES } from './default-questionnaires.data.ts';
import './events.ts';
import { questionnaireLimitRefusal } from './questionnaire-limits.rules.ts';
import { questionnaireAdminMessages } from './questionnaire-messages.ts';
import { campaignSettings, questionnaires } from './schema.ts';
import { DEFAULT_SELF_ASSESSMENT_PARAMETERS, selfAssessmentParametersSchema, type SelfAssessmentParameters } from './self-assessment.rules.ts';

/**
 * The questionnaires of an edition, one per category of territory, and the edition's campaign
 * settings (the self-assessment's weights). A new edition gets them copied from the edition it is
 * based on, or the label's defaults, in the transaction that creates it ('edition.created').
 * An edition with no stored row (created before this code, or imported from the palmarès' history)
 * answers the defaults: DEFAULT_QUESTIONNAIRES and DEFAULT_SELF_ASSESSMENT_PARAMETERS, with
 * `stored: false` and version 0; the first save stores version 1.
 */

export type StoredQuestionnaire = {
  year: number;
  category: TerritoryCategory;
  definition: Questionnaire;
  /** 0 while the defaults are answered (nothing stored yet). */
  version: number;
  stored: boolean;
  updatedAt: Date | null;
  updatedBy: string | null;
};

const defaultOf = (year: number, category: TerritoryCategory): StoredQuestionnaire => ({
  year,
  category,
  definition: DEFAULT_QUESTIONNAIRES[category],
  version: 0,
  stored: false,
  updatedAt: null,
  updatedBy: null,
});

/** The questionnaire of a category for an edition: the stored one, or the defaults. Public: no permission. */
export async function getQuestionnaire(db: Db, year: number, category: TerritoryCategory): Promise<StoredQuestionnaire> {
  const [row] = await db
    .select()
    .from(questionnaires)
    .where(and(eq(questionnaires.year, year), eq(questionnaires.category, category)));
  return row ? { ...row, stored: true } : defaultOf(year, category);
}

/** The three questionnaires of an edition, by category (stored or defaults). */
export async function listQuestionnaires(db: Db, year: number): Promise<Record<TerritoryCategory, StoredQuestionnaire>> {
  const rows = await db.select().from(questionnaires).where(eq(questionnaires.year, year));
  return Object.fromEntries(
    TERRITORY_CATEGORIES.map((category) => {
      const row = rows.find((r) => r.category === category);
      return [category, row ? { ...row, stored: true } : defaultOf(year, category)];
    }),
  ) as Record<TerritoryCategory, StoredQuestionnaire>;
}

/** The self-assessment's weights of an edition: stored, or the defaults (also when a stored value no longer parses). */
export async function getSelfAssessmentParameters(db: Db, year: number): Promise<SelfAssessmentParameters> {
  const [row] = await db.select({ parameters: campaignSettings.selfAssessmentParameters }).from(campaignSettings).where(eq(campaignSettings.year, year));
  const parsed = selfAssessmentParametersSchema.safeParse(row?.parameters);
  return parsed.success ? parsed.data : DEFAULT_SELF_ASSESSMENT_PARAMETERS;
}

/**
 * Gives an edition its questionnaires and campaign settings when it has none: copies of `basedOn`'s
 * stored ones, or the defaults where `basedOn` is null or has none. Never overwrites a stored row
 * (safe to run twice). Run inside the transaction that creates the edition.
 */
export async function ensureCampaignSettings(tx: Db, year: number, basedOn: number | null): Promise<void> {
  const source = basedOn === null ? [] : await tx.select().from(questionnaires).where(eq(questionnaires.year, basedOn));
  await tx
    .insert(questionnaires)
    .values(
      TERRITORY_CATEGORIES.map((category) => ({
        year,
        category,
        definition: source.find((r) => r.category === category)?.definition ?? DEFAULT_QUESTIONNAIRES[category],
        version: 1,
      })),
    )
    .onConflictDoNothing();
  const parameters = basedOn === null ? DEFAULT_SELF_ASSESSMENT_PARAMETERS : await getSelfAssessmentParameters(tx, basedOn);
  await tx.insert(campaignSettings).values({ year, selfAssessmentParameters: parameters }).onConflictDoNothing();
}

export type SaveQuestionnaireInput = {
  year: number;
  category: TerritoryCategory;
  /** The version the admin started from (0 for the defaults): another save since is a conflict. */
  version: number;
  /** A definition to check: `questionnaireSchema`, then the category's limits. */
  definition: unknown;
};

/**
 * The admin saves a category's questionnaire: only while the edition is `draft` (locked for the
 * transaction, so that it cannot open in between), only from the latest version (ConflictError
 * otherwise), checked by questionnaireSchema and the category's limits (InvalidInputError, nothing
 * written). Emits 'questionnaire.saved' (the audit log) in the transaction.
 */
export async function saveQuestionnaire(db: Db, person: Person | null, input: SaveQuestionnaireInput): Promise<StoredQuestionnaire> {
  requirePermission(person, 'questionnaires.manage');
  const m = questionnaireAdminMessages.editor;
  const parsed = questionnaireSchema.safeParse(input.definition);
  if (!parsed.success) {
    throw new InvalidInputError(Object.fromEntries(parsed.error.issues.map((i) => [['definition', ...i.path].join('.'), i.message])));
  }
  const definition = parsed.data;
  const refusal = questionnaireLimitRefusal(input.category, definition);
  if (refusal) throw new InvalidInputError({ definition: refusal }, refusal);
  return db.transaction(async (tx) => {
    const locked = await lockEditionWithClock(tx, input.year);
    if (!locked) throw new NotFoundError(m.unknownEdition(input.year));
    if (locked.edition.state !== 'draft') throw new ConflictError(m.notDraft(questionnaireAdminMessages.editionStates[locked.edition.state]));
    const current = await getQuestionnaire(tx, input.year, input.category);
    if (current.version !== input.version) throw new ConflictError(m.stale(current.version), 'version');
    const values = { definition, version: current.version + 1, updatedBy: person.id, updatedAt: locked.now };
    const [row] = current.stored
      ? await tx
          .update(questionnaires)
          .set(values)
          .where(and(eq(questionnaires.year, input.year), eq(questionnaires.category, input.category), eq(questionnaires.version, input.version)))
          .returning()
      : await tx
          .insert(questionnaires)
          .values({ year: input.year, category: input.category, ...values })
          .onConflictDoNothing()
          .returning();
    if (!row) throw new ConflictError(m.stale(input.version + 1), 'version');
    await emit(tx, 'questionnaire.saved', {
      year: input.year,
      category: input.category,
      version: row.version,
      questions: definition.questions.length,
      by: person.id,
    });
    return { ...row, stored: true };
  });
}
