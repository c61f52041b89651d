import { and, eq, inArray, sql } from 'drizzle-orm';
import type { Db } from '../../platform/db/database.ts';
import { ConflictError, ForbiddenError, InvalidInputError, NotFoundError } from '../../platform/errors.ts';
import { emit } from '../../platform/events.ts';
import { isUuid, parseOrThrow } from '../../platform/validation.ts';
import { requirePermission } from '../accounts/guard.ts';
import { can, personIdOf, type Caller } from '../accounts/permissions.rules.ts';
import { accountsByIds } from '../accounts/users.service.ts';
import type { ApplicationSnapshot } from '../campaign/application-snapshots.service.ts';
import { snapshotForJury, submittedDossierRef, type SubmittedDossierRef } from '../campaign/application-snapshots.service.ts';
import { getEdition, listOfferedDistinctions } from '../label/editions.service.ts';
import { getReferential } from '../referential/referential.service.ts';
import { responsibleDigitalForJury, type ResponsibleDigitalForJury } from '../nr/jury-view.service.ts';
import { getTerritoriesByCodes } from '../territories/search-territories.service.ts';
import { conflictsWith } from './conflicts.rules.ts';
import './events.ts';
import { dossierResource, loadJurorFacts, territoryPlaces } from './jury-access.service.ts';
import { mayReadOtherReviews, missingForSubmission, reviewInput, reviewProgress, reviewRefusals, type ReviewFacts, type ReviewState } from './review.rules.ts';
import { reviewMessages as m } from './review.messages.ts';
import { assignments, jurors, reviews } from './schema.ts';

export type StoredReview = ReviewFacts & {
  jurorId: string;
  distinctions: string[];
  juryComment: string;
  publicComment: string;
  version: number;
  updatedAt: Date;
  submittedAt: Date | null;
};

export type DossierForReview = {
  dossier: SubmittedDossierRef;
  snapshot: ApplicationSnapshot;
  themes: { id: string; name: string; axis: string }[];
  offeredDistinctions: { code: string; name: string }[];
  jurorId: string;
  own: StoredReview | null;
  /** The other jurors' handed-in reviews, once the juror's own is handed in (blind first); null before. */
  others: (StoredReview & { jurorName: string })[] | null;
  /**
   * For the « @ verte » reviewer only: the territory's responsible digital (null while it has no
   * completed diagnostic); undefined for any other juror, who never sees it.
   */
  responsibleDigital?: ResponsibleDigitalForJury | null;
};

/**
 * The dossier the juror acts on, checked: it must be submitted, and the juror assigned to it without
 * a conflict of interest (`review.view` / `review.edit` on its facts). Anything else is « not
 * found » for the pages, and a refusal (403) for the API when the dossier exists.
 */
async function checkedDossier(db: Db, person: Caller | null, applicationId: string, action: 'review.view' | 'review.edit') {
  const dossier = isUuid(applicationId) ? await submittedDossierRef(db, applicationId) : null;
  if (!dossier) {
    // Nothing to act on: not found for anyone signed in (a missing dossier reveals nothing), sign in first otherwise.
    if (!person) requirePermission(person, 'review.view');
    throw new NotFoundError(m.notFound);
  }
  const resource = await dossierResource(db, dossier);
  if (!can(person, action, { resource })) {
    requirePermission(person, 'jury.assignments.listOwn');
    throw new ForbiddenError(m.forbidden);
  }
  const userId = personIdOf(person as Caller);
  const [juror] = userId
    ? await db
        .select({ id: jurors.id })
        .from(jurors)
        .where(and(eq(jurors.userId, userId), eq(jurors.year, dossier.year)))
    : [];
  if (!juror) throw new ForbiddenError(m.forbidden);
  return { dossier, jurorId: juror.id };
}

const reviewColumns = {
  jurorId: reviews.jurorId,
  state: reviews.state,
  themeScores: reviews.themeScores,
  proposedLevel: reviews.proposedLevel,
  distinctions: reviews.distinctions,
  juryComment: reviews.juryComment,
  publicComment: reviews.publicComment,
  version: reviews.version,
  updatedAt: reviews.updatedAt,
  submittedAt: reviews.submittedAt,
};

async function themesOf(db: Db, referentialVersion: string) {
  const referential = await getReferential(db, referentialVersion);
  return (referential?.axes ?? []).flatMap((axis) => axis.themes.map((t) => ({ id: t.id, name: t.name, axis: axis.name })));
}

/** The frozen dossier, the juror's own review and, once theirs is handed in, the others' (`review.view`). */
export async function readDossierForReview(db: Db, person: Caller | null, applicationId: string): Promise<DossierForReview> {
  const { dossier, jurorId } = await checkedDossier(db, person, applicationId, 'review.view');
  const snapshot = await snapshotForJury(db, dossier);
  const [themes, offered, rows, [juror]] = await Promise.all([
    themesOf(db, snapshot.content.referentialVersion),
    listOfferedDistinctions(db, dossier.year),
    db.select(reviewColumns).from(reviews).where(eq(reviews.applicationId, dossier.applicationId)),
    db.select({ greenReviewer: jurors.greenReviewer }).from(jurors).where(eq(jurors.id, jurorId)),
  ]);
  const responsibleDigital = juror?.greenReviewer ? { responsibleDigital: await responsibleDigitalForJury(db, dossier.territoryCode) } : {};
  const own = rows.find((r) => r.jurorId === jurorId) ?? null;
  let others: DossierForReview['others'] = null;
  if (mayReadOtherReviews(own)) {
    // Handed-in reviews only: a draft is its juror's work in progress.
    const otherRows = rows.filter((r) => r.jurorId !== jurorId && r.state === 'submitted');
    const jurorUsers = otherRows.length
      ? await db
          .select({ id: jurors.id, userId: jurors.userId })
          .from(jurors)
          .where(
            inArray(
              jurors.id,
              otherRows.map((r) => r.jurorId),
            ),
          )
      : [];
    const accounts = await accountsByIds(
      db,
      jurorUsers.map((j) => j.userId),
    );
    const nameOf = (id: string) => {
      const account = accounts.get(jurorUsers.find((j) => j.id === id)?.userId ?? '');
      return account?.displayName || account?.email || '';
    };
    others = otherRows.map((r) => ({ ...r, jurorName: nameOf(r.jurorId) }));
  }
  return {
    dossier,
    snapshot,
    themes,
    offeredDistinctions: offered.filter((d) => d.kind !== 'excellence').map((d) => ({ code: d.code, name: d.name })),
    jurorId,
    own,
    others,
    ...responsibleDigital,
  };
}

/**
 * Saves the juror's review (`review.edit`), and hands it in with `submit`: then every theme must be
 * scored and a level proposed, and the review is final. A save from an older version is refused (409),
 * as is any change once handed in or outside the jury's phase.
 */
export async function saveReview(db: Db, person: Caller | null, applicationId: string, input: unknown): Promise<StoredReview> {
  const { dossier, jurorId } = await checkedDossier(db, person, applicationId, 'review.edit');
  const data = parseOrThrow(reviewInput, input);
  const edition = await getEdition(db, dossier.year);
  if (edition?.state !== 'under_review') throw new ConflictError(m.notUnderReview);
  const snapshot = await snapshotForJury(db, dossier);
  const [themes, offered] = await Promise.all([themesOf(db, snapshot.content.referentialVersion), listOfferedDistinctions(db, dossier.year)]);
  const refusals = reviewRefusals(data, { themeIds: themes.map((t) => t.id), offeredDistinctions: offered.map((d) => d.code) });
  if (Object.keys(refusals).length) throw new InvalidInputError(refusals);
  const content = {
    themeScores: data.themeScores,
    proposedLevel: data.proposedLevel ?? null,
    distinctions: [...new Set(data.distinctions)].sort(),
    juryComment: data.comment,
    publicComment: data.publicComment,
  };
  if (data.submit) {
    const missing = missingForSubmission(content, themes);
    if (missing.length) throw new InvalidInputError(Object.fromEntries(missing.map((x) => [x.field, x.message])));
  }
  return db.transaction(async (tx) => {
    const [current] = await tx
      .select(reviewColumns)
      .from(reviews)
      .where(and(eq(reviews.applicationId, dossier.applicationId), eq(reviews.jurorId, jurorId)))
      .for('update');
    if (current?.state === 'submitted') throw new ConflictError(m.submitted);
    if (current && data.version !== undefined && data.version !== current.version) throw new ConflictError(m.stale, 'version');
    const state: ReviewState = data.submit ? 'submitted' : 'draft';
    const submittedAt = data.submit ? sql`now()` : null;
    const [saved] = current
      ? await tx
          .update(reviews)
          .set({ ...content, state, submittedAt, version: current.version + 1, updatedAt: sql`now()` })
          .where(and(eq(reviews.applicationId, dossier.applicationId), eq(reviews.jurorId, jurorId)))
          .returning(reviewColumns)
      : await tx
          .insert(reviews)
          .values({ applicationId: dossier.applicationId, jurorId, year: dossier.year, ...content, state, submittedAt })
          .returning(reviewColumns);
    if (!saved) throw new Error('review not saved');
    if (data.submit)
      await emit(tx, 'review.submitted', {
        year: dossier.year,
        applicationId: dossier.applicationId,
        jurorId,
        territoryCode: dossier.territoryCode,
        by: personIdOf(person as Caller),
      });
    return saved;
  });
}

export type OwnAssignment = {
  applicationId: string;
  year: number;
  territoryCode: string;
  territoryName: string;
  state: ReviewState | 'todo';
  progress: number;
};

/**
 * The juror's dossiers in every edition under review they sit on (`jury.assignments.listOwn`), with
 * each review's progress. A dossier they are in conflict with is never listed, even if assigned.
 */
export async function listOwnAssignments(db: Db, person: Caller | null): Promise<OwnAssignment[]> {
  requirePermission(person, 'jury.assignments.listOwn');
  const userId = personIdOf(person);
  if (!userId) return [];
  const own = await db.select({ id: jurors.id, year: jurors.year }).from(jurors).where(eq(jurors.userId, userId));
  const items: OwnAssignment[] = [];
  for (const juror of own) {
    if ((await getEdition(db, juror.year))?.state !== 'under_review') continue;
    const rows = await db
      .select({ applicationId: assignments.applicationId, review: reviews })
      .from(assignments)
      .leftJoin(reviews, and(eq(reviews.applicationId, assignments.applicationId), eq(reviews.jurorId, assignments.jurorId)))
      .where(eq(assignments.jurorId, juror.id));
    const refs = (await Promise.all(rows.map((r) => submittedDossierRef(db, r.applicationId)))).filter((r): r is SubmittedDossierRef => r !== null);
    const [facts] = await loadJurorFacts(db, juror.year, [juror.id]);
    const places = await territoryPlaces(
      db,
      refs.map((r) => r.territoryCode),
    );
    const names = new Map((await getTerritoriesByCodes(db, [...new Set(refs.map((r) => r.territoryCode))])).map((t) => [t.code, t.name]));
    const themeCount = (await themesOfEdition(db, juror.year)).length;
    for (const ref of refs) {
      const place = places.get(ref.territoryCode);
      if (!facts || !place || conflictsWith(facts.facts, place).length) continue;
      const review = rows.find((r) => r.applicationId === ref.applicationId)?.review ?? null;
      items.push({
        applicationId: ref.applicationId,
        year: ref.year,
        territoryCode: ref.territoryCode,
        territoryName: names.get(ref.territoryCode) ?? ref.territoryCode,
        state: review?.state ?? 'todo',
        progress: reviewProgress(review, themeCount),
      });
    }
  }
  return items.sort((a, b) => b.year - a.year || a.territoryName.localeCompare(b.territoryName, 'fr'));
}

async function themesOfEdition(db: Db, year: number) {
  const version = (await getEdition(db, year))?.referentialVersion;
  return version ? themesOf(db, version) : [];
}
