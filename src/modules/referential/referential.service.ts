import { and, asc, desc, eq, inArray, sql } from 'drizzle-orm';
import type { Db } from '../../platform/db/database.ts';
import { AXES, REFERENTIAL_SEED_VERSION, SERVICES, THEMES } from './catalogue.data.ts';
import type { ReferentialVersionState } from './referential.rules.ts';
import { referentialAxes, referentialServices, referentialThemes, referentialVersions, serviceIdentities } from './schema.ts';

// Reading the versioned referential: first-start seeding, versions, the current one, and what a
// service id means. Published versions never change, so they are kept in memory once read.

export type ReferentialServiceEntry = { id: string; name: string; description: string; responsibleDigital: boolean };
export type ReferentialThemeEntry = { id: string; name: string; services: ReferentialServiceEntry[] };
export type ReferentialAxisEntry = { id: string; name: string; themes: ReferentialThemeEntry[] };

/** One version of the referential: axes → themes → services, in their order. */
export type Referential = {
  version: string;
  state: ReferentialVersionState;
  publishedAt: Date | null;
  basedOn: string | null;
  axes: ReferentialAxisEntry[];
};

export type ReferentialVersionInfo = {
  version: string;
  state: ReferentialVersionState;
  basedOn: string | null;
  createdAt: Date;
  publishedAt: Date | null;
  /** The version in force: the latest published one. */
  current: boolean;
};

/** What a service id means, for validation and display. */
export type ServiceSummary = {
  id: string;
  name: string;
  description: string;
  responsibleDigital: boolean;
  theme: { id: string; name: string };
  axis: { id: string; name: string };
  /** False for a service retired since: its naming is then the one of the latest published version that had it. */
  inCurrentVersion: boolean;
};

/** Serialises the referential's writes (seeding, drafts, publication), across processes too. */
export async function lockReferential(tx: Db): Promise<void> {
  await tx.execute(sql.raw('select pg_advisory_xact_lock(7274013001)'));
}

/**
 * Loads the first edition (catalogue.data.ts) as a published version when the database holds no
 * version at all; does nothing otherwise. One transaction: all or nothing. Answers whether it seeded.
 */
export async function ensureReferentialSeeded(db: Db): Promise<boolean> {
  const [existing] = await db.select({ version: referentialVersions.version }).from(referentialVersions).limit(1);
  if (existing) return false;
  return db.transaction(async (tx) => {
    await lockReferential(tx);
    const [again] = await tx.select({ version: referentialVersions.version }).from(referentialVersions).limit(1);
    if (again) return false;
    const version = REFERENTIAL_SEED_VERSION;
    await tx.insert(referentialVersions).values({ version, state: 'published', basedOn: null, publishedAt: sql`now()` });
    await tx
      .insert(serviceIdentities)
      .values(SERVICES.map((s) => ({ id: s.id })))
      .onConflictDoNothing();
    await tx.insert(referentialAxes).values(AXES.map((a, i) => ({ version, id: a.id, position: i + 1, name: a.name })));
    await tx.insert(referentialThemes).values(THEMES.map((t, i) => ({ version, id: t.id, axisId: t.axisId, position: i + 1, name: t.name })));
    const positions = new Map<string, number>();
    await tx.insert(referentialServices).values(
      SERVICES.map((s) => {
        const position = (positions.get(s.themeId) ?? 0) + 1;
        positions.set(s.themeId, position);
        return { version, id: s.id, themeId: s.themeId, position, name: s.name, description: s.description, responsibleDigital: s.responsibleDigital };
      }),
    );
    return true;
  });
}

// Published versions, per database: they never change once published.
const publishedCache = new WeakMap<Db, Map<string, Referential>>();

function cacheOf(db: Db): Map<string, Referential> {
  let cache = publishedCache.get(db);
  if (!cache) publishedCache.set(db, (cache = new Map()));
  return cache;
}

function deepFreeze<T>(value: T): T {
  if (value && typeof value === 'object' && !Object.isFrozen(value) && !(value instanceof Date)) {
    Object.freeze(value);
    for (const child of Object.values(value)) deepFreeze(child);
  }
  return value;
}

/** Reads one version from the database, whatever its state; null if unknown. */
async function loadReferential(db: Db, version: string): Promise<Referential | null> {
  const [row] = await db.select().from(referentialVersions).where(eq(referentialVersions.version, version));
  if (!row) return null;
  const axes = await db
    .select()
    .from(referentialAxes)
    .where(eq(referentialAxes.version, version))
    .orderBy(asc(referentialAxes.position), asc(referentialAxes.id));
  const themes = await db
    .select()
    .from(referentialThemes)
    .where(eq(referentialThemes.version, version))
    .orderBy(asc(referentialThemes.position), asc(referentialThemes.id));
  const services = await db
    .select()
    .from(referentialServices)
    .where(eq(referentialServices.version, version))
    .orderBy(asc(referentialServices.position), asc(referentialServices.name), asc(referentialServices.id));
  const servicesByTheme = new Map<string, ReferentialServiceEntry[]>();
  for (const s of services) {
    const list = servicesByTheme.get(s.themeId) ?? [];
    list.push({ id: s.id, name: s.name, description: s.description, responsibleDigital: s.responsibleDigital });
    servicesByTheme.set(s.themeId, list);
  }
  return {
    version: row.version,
    state: row.state,
    publishedAt: row.publishedAt,
    basedOn: row.basedOn,
    axes: axes.map((a) => ({
      id: a.id,
      name: a.name,
      themes: themes.filter((t) => t.axisId === a.id).map((t) => ({ id: t.id, name: t.name, services: servicesByTheme.get(t.id) ?? [] })),
    })),
  };
}

/**
 * One version of the referential; null if unknown, or if it is a draft and `includeDraft` is not
 * set (drafts are for the administration only). Published versions come from memory after the first read.
 */
export async function getReferential(db: Db, version: string, options: { includeDraft?: boolean } = {}): Promise<Referential | null> {
  const cache = cacheOf(db);
  const cached = cache.get(version);
  if (cached) return cached;
  const referential = await loadReferential(db, version);
  if (!referential) return null;
  if (referential.state === 'published') {
    cache.set(version, deepFreeze(referential));
    return referential;
  }
  return options.includeDraft ? referential : null;
}

/** The id of the version in force (latest published), seeding the first edition if the database has none. */
export async function getCurrentReferentialVersion(db: Db): Promise<string> {
  const current = async () =>
    (
      await db
        .select({ version: referentialVersions.version })
        .from(referentialVersions)
        .where(eq(referentialVersions.state, 'published'))
        .orderBy(sql`${referentialVersions.publishedAt} desc nulls last`, desc(referentialVersions.version))
        .limit(1)
    )[0]?.version;
  let version = await current();
  if (version === undefined) {
    await ensureReferentialSeeded(db);
    version = await current();
  }
  if (version === undefined) throw new Error('No published version of the referential');
  return version;
}

/**
 * The version in force: the latest published one (by publication date, then name). The object is
 * shared and frozen (published versions never change): read it, do not modify it.
 */
export async function getCurrentReferential(db: Db): Promise<Referential> {
  const version = await getCurrentReferentialVersion(db);
  const referential = await getReferential(db, version);
  if (!referential) throw new Error(`Referential version ${version} vanished`);
  return referential;
}

/** Every version: the draft first (if any), then the published ones, latest first. */
export async function listReferentialVersions(db: Db): Promise<ReferentialVersionInfo[]> {
  const rows = await db
    .select()
    .from(referentialVersions)
    .orderBy(
      sql`case when ${referentialVersions.state} = 'draft' then 0 else 1 end`,
      sql`${referentialVersions.publishedAt} desc nulls last`,
      desc(referentialVersions.version),
    );
  const current = rows.find((r) => r.state === 'published')?.version;
  return rows.map((r) => ({
    version: r.version,
    state: r.state,
    basedOn: r.basedOn,
    createdAt: r.createdAt,
    publishedAt: r.publishedAt,
    current: r.version === current,
  }));
}

type IndexedService = { service: ReferentialServiceEntry; theme: ReferentialThemeEntry; axis: ReferentialAxisEntry };
const indexes = new WeakMap<Referential, Map<string, IndexedService>>();

/** The services of a version by id, with their theme and axis. */
export function serviceIndex(referential: Referential): Map<string, IndexedService> {
  let index = indexes.get(referential);
  if (!index) {
    index = new Map();
    for (const axis of referential.axes) for (const theme of axis.themes) for (const service of theme.services) index.set(service.id, { service, theme, axis });
    indexes.set(referential, index);
  }
  return index;
}

function summaryOf(entry: IndexedService, inCurrentVersion: boolean): ServiceSummary {
  return {
    ...entry.service,
    theme: { id: entry.theme.id, name: entry.theme.name },
    axis: { id: entry.axis.id, name: entry.axis.name },
    inCurrentVersion,
  };
}

/**
 * What service ids mean: for an id of the version in force, its current naming; for an id retired
 * since, its naming in the latest published version that had it. Unknown ids (and ids only ever in a
 * draft) are absent from the map. The map follows the order of `ids`.
 */
export async function describeServices(db: Db, ids: readonly string[]): Promise<Map<string, ServiceSummary>> {
  const unique = [...new Set(ids)];
  const found = new Map<string, ServiceSummary>();
  if (unique.length === 0) return found;
  const current = serviceIndex(await getCurrentReferential(db));
  const missing: string[] = [];
  for (const id of unique) {
    const entry = current.get(id);
    if (entry) found.set(id, summaryOf(entry, true));
    else missing.push(id);
  }
  if (missing.length) {
    const rows = await db
      .selectDistinctOn([referentialServices.id], { id: referentialServices.id, version: referentialServices.version })
      .from(referentialServices)
      .innerJoin(referentialVersions, and(eq(referentialVersions.version, referentialServices.version), eq(referentialVersions.state, 'published')))
      .where(inArray(referentialServices.id, missing))
      .orderBy(referentialServices.id, sql`${referentialVersions.publishedAt} desc nulls last`, desc(referentialVersions.version));
    for (const row of rows) {
      const referential = await getReferential(db, row.version);
      const entry = referential && serviceIndex(referential).get(row.id);
      if (entry) found.set(row.id, summaryOf(entry, false));
    }
  }
  const ordered = new Map<string, ServiceSummary>();
  for (const id of unique) {
    const summary = found.get(id);
    if (summary) ordered.set(id, summary);
  }
  return ordered;
}
