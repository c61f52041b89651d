import { and, eq, ne, sql } from 'drizzle-orm';
import { emit } from '../../platform/events.ts';
import './events.ts';
import { z } from 'zod';
import type { Db } from '../../platform/db/database.ts';
import { InvalidInputError, NotFoundError, type FieldErrors } from '../../platform/errors.ts';
import { parseOrThrow } from '../../platform/validation.ts';
import { requirePermission } from '../accounts/guard.ts';
import { personIdOf, type Caller } from '../accounts/permissions.rules.ts';
import { describeIssue, referentialMessages } from './messages.ts';
import {
  isValidVersionLabel,
  sameServiceName,
  SERVICE_DESCRIPTION_MAX,
  SERVICE_NAME_MAX,
  uniqueServiceId,
  validateDraft,
  type DraftIssue,
} from './referential.rules.ts';
import { describeServices, getCurrentReferentialVersion, getReferential, lockReferential, type ServiceSummary } from './referential.service.ts';
import { referentialAxes, referentialServices, referentialThemes, referentialVersions, serviceIdentities } from './schema.ts';

// Preparing the next version of the referential: a draft copied from the version in force, changed
// service by service, then published. Only administrators (or the system, with its reason), each
// function checking `referential.manage` itself; a published version is never changed.

const e = referentialMessages.errors;

export const versionLabelInput = z.object({
  version: z.string({ message: e.versionMissing }).trim().min(1, e.versionMissing).refine(isValidVersionLabel, e.versionInvalid),
});

export const serviceFieldsInput = z.object({
  name: z.string({ message: e.nameMissing }).trim().min(1, e.nameMissing).max(SERVICE_NAME_MAX, e.nameTooLong(SERVICE_NAME_MAX)),
  description: z
    .string({ message: e.descriptionMissing })
    .trim()
    .min(1, e.descriptionMissing)
    .max(SERVICE_DESCRIPTION_MAX, e.descriptionTooLong(SERVICE_DESCRIPTION_MAX)),
  responsibleDigital: z.boolean().default(false),
});
export type ServiceFieldsInput = z.input<typeof serviceFieldsInput>;

const themeIdInput = z.string({ message: e.themeMissing }).trim().min(1, e.themeMissing);
export const newServiceInput = serviceFieldsInput.extend({ themeId: themeIdInput });
export type NewServiceInput = z.input<typeof newServiceInput>;

/** A draft cannot be published yet: one issue per problem, each also a field error. */
export class DraftNotPublishable extends InvalidInputError {
  constructor(
    fields: FieldErrors,
    public readonly issues: DraftIssue[],
  ) {
    super(fields);
  }
}

/** The draft `version`, locked for this transaction; 404 if unknown, a field error if published. */
async function lockDraft(tx: Db, version: string): Promise<void> {
  await lockReferential(tx);
  const [row] = await tx.select({ state: referentialVersions.state }).from(referentialVersions).where(eq(referentialVersions.version, version));
  if (!row) throw new NotFoundError(e.versionNotFound(version));
  if (row.state !== 'draft') throw new InvalidInputError({ version: e.versionPublished(version) });
}

async function themeExists(tx: Db, version: string, themeId: string): Promise<boolean> {
  const [row] = await tx
    .select({ id: referentialThemes.id })
    .from(referentialThemes)
    .where(and(eq(referentialThemes.version, version), eq(referentialThemes.id, themeId)));
  return !!row;
}

async function serviceOfDraft(tx: Db, version: string, serviceId: string) {
  const [row] = await tx
    .select()
    .from(referentialServices)
    .where(and(eq(referentialServices.version, version), eq(referentialServices.id, serviceId)));
  if (!row) throw new NotFoundError(e.serviceNotFound(serviceId, version));
  return row;
}

/** A name already given to another service of the version: a field error, as the draft could not be published. */
async function refuseTakenName(tx: Db, version: string, name: string, exceptId?: string): Promise<void> {
  const others = await tx
    .select({ name: referentialServices.name })
    .from(referentialServices)
    .where(and(eq(referentialServices.version, version), exceptId ? ne(referentialServices.id, exceptId) : undefined));
  const twin = others.find((o) => sameServiceName(o.name, name));
  if (twin) throw new InvalidInputError({ name: e.nameTaken(twin.name) });
}

async function nextPosition(tx: Db, version: string, themeId: string): Promise<number> {
  const [row] = await tx
    .select({ max: sql<number>`coalesce(max(${referentialServices.position}), 0)::int` })
    .from(referentialServices)
    .where(and(eq(referentialServices.version, version), eq(referentialServices.themeId, themeId)));
  return (row?.max ?? 0) + 1;
}

/**
 * Starts the next version as a copy of the version in force. One draft at a time; the label must be
 * new (usually the year of the edition).
 */
export async function createDraftVersion(db: Db, caller: Caller | null, input: { version: string }): Promise<{ version: string; basedOn: string }> {
  requirePermission(caller, 'referential.manage');
  const { version } = parseOrThrow(versionLabelInput, input);
  const basedOn = await getCurrentReferentialVersion(db);
  return db.transaction(async (tx) => {
    await lockReferential(tx);
    const rows = await tx.select({ version: referentialVersions.version, state: referentialVersions.state }).from(referentialVersions);
    const draft = rows.find((r) => r.state === 'draft');
    if (draft) throw new InvalidInputError({ version: e.draftExists(draft.version) });
    if (rows.some((r) => r.version.toLowerCase() === version.toLowerCase())) throw new InvalidInputError({ version: e.versionTaken(version) });
    // The version in force, read again under the lock: a publication may have happened meanwhile.
    const [current] = await tx
      .select({ version: referentialVersions.version })
      .from(referentialVersions)
      .where(eq(referentialVersions.state, 'published'))
      .orderBy(sql`${referentialVersions.publishedAt} desc nulls last`, sql`${referentialVersions.version} desc`)
      .limit(1);
    const source = current?.version ?? basedOn;
    await tx.insert(referentialVersions).values({ version, state: 'draft', basedOn: source });
    await tx.execute(sql`
      insert into ${referentialAxes} (version, id, position, name)
      select ${version}, id, position, name from ${referentialAxes} where version = ${source}`);
    await tx.execute(sql`
      insert into ${referentialThemes} (version, id, axis_id, position, name)
      select ${version}, id, axis_id, position, name from ${referentialThemes} where version = ${source}`);
    await tx.execute(sql`
      insert into ${referentialServices} (version, id, theme_id, position, name, description, responsible_digital)
      select ${version}, id, theme_id, position, name, description, responsible_digital from ${referentialServices} where version = ${source}`);
    return { version, basedOn: source };
  });
}

/** Renames a service of a draft, rewrites its description and responsible-digital flag. */
export async function renameService(db: Db, caller: Caller | null, version: string, serviceId: string, input: ServiceFieldsInput): Promise<void> {
  requirePermission(caller, 'referential.manage');
  const data = parseOrThrow(serviceFieldsInput, input);
  await db.transaction(async (tx) => {
    await lockDraft(tx, version);
    await serviceOfDraft(tx, version, serviceId);
    await refuseTakenName(tx, version, data.name, serviceId);
    await tx
      .update(referentialServices)
      .set({ name: data.name, description: data.description, responsibleDigital: data.responsibleDigital })
      .where(and(eq(referentialServices.version, version), eq(referentialServices.id, serviceId)));
  });
}

/**
 * Adds a service to a theme of a draft, at the end of the theme. Its id comes from its name and was
 * never given before, in any version; it is registered at once so it is never given again.
 */
export async function addService(db: Db, caller: Caller | null, version: string, input: NewServiceInput): Promise<{ id: string }> {
  requirePermission(caller, 'referential.manage');
  const data = parseOrThrow(newServiceInput, input);
  return db.transaction(async (tx) => {
    await lockDraft(tx, version);
    if (!(await themeExists(tx, version, data.themeId))) throw new InvalidInputError({ themeId: e.themeUnknown(data.themeId) });
    await refuseTakenName(tx, version, data.name);
    const taken = new Set((await tx.select({ id: serviceIdentities.id }).from(serviceIdentities)).map((r) => r.id));
    const id = uniqueServiceId(data.name, taken);
    await tx.insert(serviceIdentities).values({ id });
    await tx.insert(referentialServices).values({
      version,
      id,
      themeId: data.themeId,
      position: await nextPosition(tx, version, data.themeId),
      name: data.name,
      description: data.description,
      responsibleDigital: data.responsibleDigital,
    });
    return { id };
  });
}

/** Retires a service from a draft only: published versions keep it, and its id is never reused. */
export async function retireService(db: Db, caller: Caller | null, version: string, serviceId: string): Promise<void> {
  requirePermission(caller, 'referential.manage');
  await db.transaction(async (tx) => {
    await lockDraft(tx, version);
    await serviceOfDraft(tx, version, serviceId);
    await tx.delete(referentialServices).where(and(eq(referentialServices.version, version), eq(referentialServices.id, serviceId)));
  });
}

/**
 * Brings back into a draft a service retired from it or from an earlier version, with its id: the
 * sheets that cover it keep their link. It takes back its naming of the latest published version
 * that had it, in `themeId` (by default the theme it had then).
 */
export async function restoreService(db: Db, caller: Caller | null, version: string, serviceId: string, themeId?: string): Promise<{ themeId: string }> {
  requirePermission(caller, 'referential.manage');
  const chosen = themeId?.trim() || undefined;
  return db.transaction(async (tx) => {
    await lockDraft(tx, version);
    const [present] = await tx
      .select({ id: referentialServices.id })
      .from(referentialServices)
      .where(and(eq(referentialServices.version, version), eq(referentialServices.id, serviceId)));
    if (present) throw new InvalidInputError({ serviceId: e.serviceNotRetired(serviceId) });
    const last = (await describeServices(tx, [serviceId])).get(serviceId);
    if (!last) throw new NotFoundError(e.serviceNeverPublished(serviceId));
    const target = chosen ?? last.theme.id;
    if (!(await themeExists(tx, version, target))) throw new InvalidInputError({ themeId: e.themeUnknown(target) });
    await refuseTakenName(tx, version, last.name);
    await tx.insert(referentialServices).values({
      version,
      id: serviceId,
      themeId: target,
      position: await nextPosition(tx, version, target),
      name: last.name,
      description: last.description,
      responsibleDigital: last.responsibleDigital,
    });
    return { themeId: target };
  });
}

/** The services of earlier published versions that a draft no longer has: they can be restored. */
export async function listRestorableServices(db: Db, caller: Caller | null, version: string): Promise<ServiceSummary[]> {
  requirePermission(caller, 'referential.manage');
  const rows = await db
    .selectDistinct({ id: referentialServices.id })
    .from(referentialServices)
    .innerJoin(referentialVersions, and(eq(referentialVersions.version, referentialServices.version), eq(referentialVersions.state, 'published')))
    .where(
      sql`${referentialServices.id} not in (select ${referentialServices.id} from ${referentialServices} where ${referentialServices.version} = ${version})`,
    );
  const described = await describeServices(
    db,
    rows.map((r) => r.id),
  );
  return [...described.values()].sort((a, b) => a.name.localeCompare(b.name, 'fr'));
}

/** Moves a service of a draft to another theme (at its end); its id stays. */
export async function moveService(db: Db, caller: Caller | null, version: string, serviceId: string, themeId: string): Promise<void> {
  requirePermission(caller, 'referential.manage');
  const target = parseOrThrow(z.object({ themeId: themeIdInput }), { themeId }).themeId;
  await db.transaction(async (tx) => {
    await lockDraft(tx, version);
    const service = await serviceOfDraft(tx, version, serviceId);
    if (!(await themeExists(tx, version, target))) throw new InvalidInputError({ themeId: e.themeUnknown(target) });
    if (service.themeId === target) return;
    await tx
      .update(referentialServices)
      .set({ themeId: target, position: await nextPosition(tx, version, target) })
      .where(and(eq(referentialServices.version, version), eq(referentialServices.id, serviceId)));
  });
}

/** The field key of a publication issue: the theme or the service at fault. */
export function issueField(issue: DraftIssue): string {
  return issue.kind === 'themeTooSmall' ? `themes.${issue.themeId}` : `services.${issue.serviceId}`;
}

/** Publishes a draft once it is valid: it becomes the version in force and never changes again. */
export async function publishVersion(db: Db, caller: Caller | null, version: string): Promise<void> {
  requirePermission(caller, 'referential.manage');
  const by = personIdOf(caller);
  await db.transaction(async (tx) => {
    await lockDraft(tx, version);
    const draft = await getReferential(tx, version, { includeDraft: true });
    if (!draft) throw new Error(`draft ${version} vanished while locked`);
    const issues = validateDraft(draft.axes.flatMap((a) => a.themes));
    if (issues.length) {
      const fields: FieldErrors = {};
      for (const issue of issues) fields[issueField(issue)] ??= describeIssue(issue);
      throw new DraftNotPublishable(fields, issues);
    }
    await tx
      .update(referentialVersions)
      .set({ state: 'published', publishedAt: sql`now()` })
      .where(eq(referentialVersions.version, version));
    await emit(tx, 'referential.published', { version, by });
  });
}

/** Deletes a draft and everything in it; the ids it introduced stay reserved. */
export async function deleteDraftVersion(db: Db, caller: Caller | null, version: string): Promise<void> {
  requirePermission(caller, 'referential.manage');
  await db.transaction(async (tx) => {
    await lockDraft(tx, version);
    await tx.delete(referentialVersions).where(eq(referentialVersions.version, version));
  });
}
