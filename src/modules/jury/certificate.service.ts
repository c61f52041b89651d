/**
 * A laureate's certificate and what it certifies, read from the label's public results: before the
 * results are public (unknown edition, not published, or still under embargo), there is nothing to
 * certify and every read answers null. Public: no permission.
 */
import { and, eq } from 'drizzle-orm';
import type { Db } from '../../platform/db/database.ts';
import { getPublishedEdition, listDistinctions, listPublishedResults } from '../label/results.service.ts';
import { getTerritoriesByCodes } from '../territories/search-territories.service.ts';
import type { TerritoryCategory, TerritoryKind } from '../territories/territory.rules.ts';
import { certificates } from './schema.ts';

/** The « @ verte » mention: one of the laureate's @ is drawn green. */
export const GREEN_DISTINCTION = 'verte';

export type CertifiedResult = {
  code: string;
  year: number;
  territory: { code: string; name: string; kind: TerritoryKind; category: TerritoryCategory };
  level: number;
  /** As published that year (the title included where held), in the catalogue's order. */
  distinctions: { code: string; name: string }[];
  green: boolean;
  /** When the edition's results were made public. */
  publishedAt: Date | null;
};

/** A verification code as C2's scheduling writes them: checked before any query. */
export const isCertificateCode = (code: string): boolean => /^[A-Za-z0-9-]{4,64}$/.test(code);

async function certify(db: Db, row: { code: string; year: number; territoryCode: string }): Promise<CertifiedResult | null> {
  const edition = await getPublishedEdition(db, row.year);
  if (!edition) return null;
  const [results, territories, catalogue] = await Promise.all([
    listPublishedResults(db, { year: row.year, territoryCode: row.territoryCode }),
    getTerritoriesByCodes(db, [row.territoryCode]),
    listDistinctions(db),
  ]);
  const result = results[0];
  const territory = territories[0];
  if (!result || !territory) return null;
  const names = new Map(catalogue.map((d) => [d.code, d.name]));
  return {
    code: row.code,
    year: row.year,
    territory: { code: territory.code, name: territory.name, kind: territory.kind, category: territory.category },
    level: result.level,
    distinctions: result.distinctions.map((code) => ({ code, name: names.get(code) ?? code })),
    green: result.distinctions.includes(GREEN_DISTINCTION),
    publishedAt: edition.publishedAt,
  };
}

/** The certificate of a territory for an edition, once its result is public; else null. */
export async function certificateOf(db: Db, territoryCode: string, year: number): Promise<CertifiedResult | null> {
  const [row] = await db
    .select({ code: certificates.code, year: certificates.year, territoryCode: certificates.territoryCode })
    .from(certificates)
    .where(and(eq(certificates.territoryCode, territoryCode), eq(certificates.year, year)));
  return row ? certify(db, row) : null;
}

/** What the certificate bearing this code certifies, once public; null for an unknown code or before the ceremony. */
export async function verifyCertificate(db: Db, code: string): Promise<CertifiedResult | null> {
  if (!isCertificateCode(code)) return null;
  const [row] = await db
    .select({ code: certificates.code, year: certificates.year, territoryCode: certificates.territoryCode })
    .from(certificates)
    .where(eq(certificates.code, code));
  return row ? certify(db, row) : null;
}
