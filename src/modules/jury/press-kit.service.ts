/** The press kit of an edition (`pressKit.download`): the jury's recorded decisions told for the press, nationally and per région. */
import { eq } from 'drizzle-orm';
import type { Db } from '../../platform/db/database.ts';
import { NotFoundError } from '../../platform/errors.ts';
import { requirePermission } from '../accounts/guard.ts';
import type { Caller } from '../accounts/permissions.rules.ts';
import { getEdition, type Edition } from '../label/editions.service.ts';
import { listDistinctions } from '../label/results.service.ts';
import { getTerritoriesByCodes, listAreas } from '../territories/search-territories.service.ts';
import { pressKitMessages } from './press-kit.messages.ts';
import { pressKitCsv, pressKitSummary, regionSlug, type CatalogueDistinction, type PressKitDecision, type PressKitSummary } from './press-kit.rules.ts';
import { deliberations } from './schema.ts';

const e = pressKitMessages.errors;

export type PressKit = PressKitSummary & {
  edition: Edition;
  /** Until when the press may not publish it: the ceremony, while the edition is not published (null: no embargo). */
  embargo: { until: Date | null } | null;
  /** Whether the decisions may still change (the deliberation is not closed). */
  provisional: boolean;
  catalogue: CatalogueDistinction[];
};

export type PressKitFile = { fileName: string; csv: string };

/**
 * The edition's recorded decisions with their territories' facts, read through the territories
 * module (régions and départements named as in the palmarès), and the distinctions catalogue.
 */
async function decisionsOf(db: Db, year: number): Promise<{ decisions: PressKitDecision[]; catalogue: CatalogueDistinction[]; regions: Map<string, string> }> {
  const [rows, areas, catalogue] = await Promise.all([
    db
      .select({ territoryCode: deliberations.territoryCode, level: deliberations.level, distinctions: deliberations.distinctions })
      .from(deliberations)
      .where(eq(deliberations.year, year)),
    listAreas(db, { withCollectivities: true }),
    listDistinctions(db),
  ]);
  const territories = new Map((await getTerritoriesByCodes(db, [...new Set(rows.map((r) => r.territoryCode))])).map((t) => [t.code, t]));
  const departments = new Map(areas.filter((a) => a.kind === 'departement').map((a) => [a.code, a.name]));
  const regions = new Map(areas.filter((a) => a.kind === 'region').map((a) => [a.code, a.name]));
  const decisions = rows.flatMap((row): PressKitDecision[] => {
    const t = territories.get(row.territoryCode);
    if (!t) return [];
    return [
      {
        territoryCode: t.code,
        name: t.name,
        kind: t.kind,
        category: t.category,
        population: t.population,
        department: t.department ? { code: t.department, name: departments.get(t.department) ?? t.department } : null,
        region: t.region ? { code: t.region, name: regions.get(t.region) ?? t.region } : null,
        level: row.level,
        distinctions: row.distinctions,
      },
    ];
  });
  return { decisions, catalogue: catalogue.map((d) => ({ code: d.code, name: d.name, kind: d.kind })), regions };
}

async function editionOrNotFound(db: Db, year: number): Promise<Edition> {
  const edition = await getEdition(db, year);
  if (!edition) throw new NotFoundError(e.editionNotFound(year));
  return edition;
}

/**
 * The press kit of an edition (`pressKit.download`): counts, laureates and summary sentences of the
 * country and of each région, from the decisions recorded by the jury; empty (no région, no
 * sentence) while none is recorded. Under embargo until the ceremony while not published.
 */
export async function pressKitOf(db: Db, caller: Caller | null, year: number): Promise<PressKit> {
  requirePermission(caller, 'pressKit.download');
  const edition = await editionOrNotFound(db, year);
  const { decisions, catalogue } = await decisionsOf(db, year);
  return {
    ...pressKitSummary(year, decisions, catalogue),
    edition,
    embargo: edition.state === 'published' ? null : { until: edition.ceremonyAt },
    provisional: edition.state !== 'deliberated' && edition.state !== 'published',
    catalogue,
  };
}

/**
 * The press kit's CSV (`pressKit.download`): every laureate, or those of one région given by its
 * INSEE code (« 52 »); NotFoundError for an unknown edition or région. A known région without
 * laureates gives the header alone.
 */
export async function pressKitCsvOf(db: Db, caller: Caller | null, year: number, regionCode?: string): Promise<PressKitFile> {
  requirePermission(caller, 'pressKit.download');
  await editionOrNotFound(db, year);
  const { decisions, catalogue, regions } = await decisionsOf(db, year);
  const { regions: kits } = pressKitSummary(year, decisions, catalogue);
  if (regionCode === undefined) return { fileName: pressKitMessages.csv.fileName(year), csv: pressKitCsv(kits, catalogue) };
  const name = regions.get(regionCode);
  if (name === undefined) throw new NotFoundError(e.regionNotFound(regionCode));
  return {
    fileName: pressKitMessages.csv.fileName(year, regionSlug(name)),
    csv: pressKitCsv(
      kits.filter((k) => k.region?.code === regionCode),
      catalogue,
    ),
  };
}
