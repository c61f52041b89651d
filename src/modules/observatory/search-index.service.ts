import { and, count, eq, sql } from 'drizzle-orm';
import type { Db } from '../../platform/db/database.ts';
import { currentLevels } from '../label/results.service.ts';
import { getTerritory } from '../territories/search-territories.service.ts';
import { initiativeSearchEntries, searchWords } from './schema.ts';

/** What the observatory needs to know of a public sheet to find it (given by the initiatives module). */
export type SearchEntryInput = {
  initiativeId: string;
  territoryCode: string;
  title: string;
  summary: string;
  description: string;
  status: string;
  startDate: string | null;
  publishedAt: Date;
  responsibleDigital: boolean;
  audiences: string[];
  services: { id: string; name: string; theme: { id: string }; axis: { id: string } }[];
  actors: { id: string; name: string }[];
};

const unique = (values: string[]) => [...new Set(values)].sort();

/** Words of at least 3 letters, as the vocabulary stores them (lower-case, unaccented). */
async function indexWords(tx: Db, text: string): Promise<void> {
  await tx.execute(sql`
    insert into ${searchWords} (word)
    select distinct w from regexp_split_to_table(search_normalize(${text}), ' ') as w where length(w) >= 3 and length(w) <= 40
    on conflict do nothing`);
}

/** Writes (or rewrites) the entry of a public sheet; call it in the transaction that changed the sheet. */
export async function indexInitiative(tx: Db, input: SearchEntryInput): Promise<void> {
  const [territory, levels] = await Promise.all([getTerritory(tx, input.territoryCode), currentLevels(tx, [input.territoryCode])]);
  const territoryName = territory?.name ?? input.territoryCode;
  const context = [input.description, ...input.services.map((s) => s.name), ...input.actors.map((a) => a.name)].join('\n');
  const document = sql`setweight(to_tsvector('french', immutable_unaccent(${input.title})), 'A')
    || setweight(to_tsvector('french', immutable_unaccent(${`${territoryName}\n${input.summary}`})), 'B')
    || setweight(to_tsvector('french', immutable_unaccent(${context})), 'C')`;
  const values = {
    initiativeId: input.initiativeId,
    territoryCode: input.territoryCode,
    territoryName,
    title: input.title,
    summary: input.summary,
    document,
    status: input.status,
    axisIds: unique(input.services.map((s) => s.axis.id)),
    themeIds: unique(input.services.map((s) => s.theme.id)),
    serviceIds: unique(input.services.map((s) => s.id)),
    actorIds: unique(input.actors.map((a) => a.id)),
    audiences: unique(input.audiences),
    regionCode: territory?.regionCode ?? null,
    departmentCode: territory?.departmentCode ?? null,
    stratum: territory?.stratum ?? null,
    category: territory?.category ?? 'ville',
    labelLevel: levels.get(input.territoryCode)?.level ?? null,
    year: Number((input.startDate ?? input.publishedAt.toISOString()).slice(0, 4)),
    responsibleDigital: input.responsibleDigital,
    publishedAt: input.publishedAt,
  };
  await tx
    .insert(initiativeSearchEntries)
    .values(values)
    .onConflictDoUpdate({ target: initiativeSearchEntries.initiativeId, set: values });
  await indexWords(tx, `${input.title}\n${territoryName}\n${input.summary}\n${context}`);
}

/** After results change, the sheets of these territories show their new level (same transaction). */
export async function refreshLabelLevels(tx: Db, territoryCodes: string[]): Promise<void> {
  if (territoryCodes.length === 0) return;
  const levels = await currentLevels(tx, territoryCodes);
  for (const code of new Set(territoryCodes)) {
    const level = levels.get(code)?.level ?? null;
    await tx
      .update(initiativeSearchEntries)
      .set({ labelLevel: level })
      .where(and(eq(initiativeSearchEntries.territoryCode, code), sql`${initiativeSearchEntries.labelLevel} is distinct from ${level}`));
  }
}

/** A sheet that is no longer public leaves the observatory. */
export async function removeFromIndex(tx: Db, initiativeId: string): Promise<void> {
  await tx.delete(initiativeSearchEntries).where(eq(initiativeSearchEntries.initiativeId, initiativeId));
}

export async function countIndexEntries(db: Db): Promise<number> {
  const [row] = await db.select({ n: count() }).from(initiativeSearchEntries);
  return row?.n ?? 0;
}
