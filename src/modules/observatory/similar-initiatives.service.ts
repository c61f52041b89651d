import { sql } from 'drizzle-orm';
import type { Db } from '../../platform/db/database.ts';
import { queryRows } from '../../platform/db/database.ts';
import { initiativeSearchEntries as e } from './schema.ts';
import { queryWords } from './search.rules.ts';

export type SimilarInitiative = { id: string; title: string; summary: string; territory: { code: string; name: string }; sharedServices: number };

// Short words say little of what a sheet is about (« de », « la », « des »…).
const MEANINGFUL_WORD = 4;

/**
 * Public sheets of OTHER territories close to this one: the services they share count most, then
 * how well their text matches the sheet's title. Works for a draft too (it is described, not looked up).
 */
export async function findSimilarInitiatives(
  db: Db,
  sheet: { id: string; territoryCode: string; title: string; serviceIds: string[] },
  limit = 4,
): Promise<SimilarInitiative[]> {
  const words = queryWords(sheet.title).filter((w) => w.length >= MEANINGFUL_WORD);
  const text = words.length ? sql`to_tsquery('french', ${words.map((w) => `${w}:*`).join(' | ')})` : null;
  const services = sheet.serviceIds.length
    ? sql`array[${sql.join(
        sheet.serviceIds.map((id) => sql`${id}`),
        sql`, `,
      )}]::text[]`
    : sql`'{}'::text[]`;
  const shared = sql`cardinality(array(select unnest(${e.serviceIds}) intersect select unnest(${services})))`;
  const textMatch = text ? sql`${e.document} @@ ${text}` : sql`false`;
  const textRank = text ? sql`ts_rank('{0.05, 0.2, 0.4, 1.0}', ${e.document}, ${text})` : sql`0::real`;
  return (
    await queryRows<{ id: string; title: string; summary: string; territory_code: string; territory_name: string; shared: number }>(
      db,
      sql`select ${e.initiativeId} as id, ${e.title} as title, ${e.summary} as summary, ${e.territoryCode} as territory_code,
            ${e.territoryName} as territory_name, ${shared} as shared
          from ${e}
          where ${e.initiativeId} <> ${sheet.id} and ${e.territoryCode} <> ${sheet.territoryCode}
            and (${e.serviceIds} && ${services} or ${textMatch})
          order by ${shared} * 1.0 + ${textRank} * 4 desc, ${e.publishedAt} desc
          limit ${limit}`,
    )
  ).map((r) => ({ id: r.id, title: r.title, summary: r.summary, territory: { code: r.territory_code, name: r.territory_name }, sharedServices: r.shared }));
}
