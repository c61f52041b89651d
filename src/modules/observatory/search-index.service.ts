import { count, getTableColumns, inArray, notInArray, sql } from 'drizzle-orm';
import type { Db } from '../../platform/db/database.ts';
import type { IndexableSheet } from '../initiatives/indexable-sheets.service.ts';
import { currentLevels } from '../label/results.service.ts';
import { getTerritoriesByCodes } from '../territories/search-territories.service.ts';
import { initiativeSearchEntries, searchWords } from './schema.ts';

/** What the observatory indexes of a public sheet: the initiatives module's fields, services and actors named. */
export type SearchEntryInput = Omit<IndexableSheet, 'id' | 'serviceIds' | 'actorIds'> & {
  initiativeId: string;
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

type TerritoryFacts = { name: string; region: string | null; department: string | null; stratum: string | null; category: string | null };

/**
 * Writes (or rewrites) the entries of public sheets in one statement, with everything they need
 * read in a few batched queries; call it in the transaction that changed the sheets.
 */
export async function indexInitiatives(tx: Db, inputs: readonly SearchEntryInput[]): Promise<void> {
  if (inputs.length === 0) return;
  const codes = [...new Set(inputs.map((i) => i.territoryCode))];
  const [territoryRows, levels] = await Promise.all([getTerritoriesByCodes(tx, codes), currentLevels(tx, codes)]);
  const territories = new Map<string, TerritoryFacts>(territoryRows.map((t) => [t.code, t]));
  const texts: string[] = [];
  const rows = inputs.map((input) => {
    const territory = territories.get(input.territoryCode);
    const territoryName = territory?.name ?? input.territoryCode;
    const context = [input.description, ...input.services.map((s) => s.name), ...input.actors.map((a) => a.name)].join('\n');
    texts.push(`${input.title}\n${territoryName}\n${input.summary}\n${context}`);
    return {
      initiativeId: input.initiativeId,
      territoryCode: input.territoryCode,
      territoryName,
      title: input.title,
      summary: input.summary,
      document: sql`setweight(to_tsvector('french', immutable_unaccent(${input.title})), 'A')
        || setweight(to_tsvector('french', immutable_unaccent(${`${territoryName}\n${input.summary}`})), 'B')
        || setweight(to_tsvector('french', immutable_unaccent(${context})), 'C')`,
      status: input.status,
      axisIds: unique(input.services.map((s) => s.axis.id)),
      themeIds: unique(input.services.map((s) => s.theme.id)),
      serviceIds: unique(input.services.map((s) => s.id)),
      actorIds: unique(input.actors.map((a) => a.id)),
      audiences: unique(input.audiences),
      regionCode: territory?.region ?? null,
      departmentCode: territory?.department ?? null,
      stratum: territory?.stratum ?? null,
      category: territory?.category ?? 'ville',
      labelLevel: levels.get(input.territoryCode)?.level ?? null,
      year: Number((input.startDate ?? input.publishedAt.toISOString()).slice(0, 4)),
      responsibleDigital: input.responsibleDigital,
      publishedAt: input.publishedAt,
    };
  });
  // Every written column but the key takes the new value (generated columns are never written).
  const columns = getTableColumns(initiativeSearchEntries);
  const written = Object.keys(rows[0] ?? {}).filter((key) => key !== 'initiativeId') as (keyof typeof columns)[];
  const updated = Object.fromEntries(written.map((key) => [key, sql.raw(`excluded.${columns[key].name}`)]));
  await tx
    .insert(initiativeSearchEntries)
    .values(rows as never)
    .onConflictDoUpdate({ target: initiativeSearchEntries.initiativeId, set: updated });
  await indexWords(tx, texts.join('\n'));
}

/** After results change, the sheets of these territories show their new level (same transaction, one statement). */
export async function refreshLabelLevels(tx: Db, territoryCodes: readonly string[]): Promise<void> {
  const codes = [...new Set(territoryCodes)];
  if (codes.length === 0) return;
  const levels = await currentLevels(tx, codes);
  const levelOf = codes.map((code) => levels.get(code)?.level ?? null);
  await tx.execute(sql`
    update ${initiativeSearchEntries} as e set label_level = v.level
    from unnest(${sql.param(codes)}::text[], ${sql.param(levelOf)}::smallint[]) as v(code, level)
    where e.territory_code = v.code and e.label_level is distinct from v.level`);
}

/** Sheets that are no longer public leave the observatory. */
export async function removeFromIndex(tx: Db, initiativeIds: readonly string[]): Promise<void> {
  if (initiativeIds.length === 0) return;
  await tx.delete(initiativeSearchEntries).where(inArray(initiativeSearchEntries.initiativeId, [...initiativeIds]));
}

/** Entries whose sheet is not among these (the public ones after a full rebuild) leave the index. */
export async function removeAllExcept(tx: Db, keptIds: readonly string[]): Promise<number> {
  const removed = await tx
    .delete(initiativeSearchEntries)
    .where(keptIds.length ? notInArray(initiativeSearchEntries.initiativeId, [...keptIds]) : sql`true`)
    .returning({ id: initiativeSearchEntries.initiativeId });
  return removed.length;
}

export async function countIndexEntries(db: Db): Promise<number> {
  const [row] = await db.select({ n: count() }).from(initiativeSearchEntries);
  return row?.n ?? 0;
}
