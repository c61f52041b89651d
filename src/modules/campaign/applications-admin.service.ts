/** The label's staff see every dossier of an edition: whose, in which state, how far along. */
import { and, asc, count, eq } from 'drizzle-orm';
import type { Db } from '../../platform/db/database.ts';
import { requirePermission } from '../accounts/guard.ts';
import type { Caller, Person } from '../accounts/permissions.rules.ts';
import { getTerritoriesByCodes } from '../territories/search-territories.service.ts';
import type { ApplicationRow } from './application-store.ts';
import { applicationInitiatives, applications } from './schema.ts';

export type EditionApplication = {
  id: string;
  territory: { code: string; name: string };
  state: ApplicationRow['state'];
  sheets: number;
  updatedAt: Date;
  submittedAt: Date | null;
};

const collator = new Intl.Collator('fr', { sensitivity: 'base' });

/** Every dossier of the edition, by territory name (`applications.list`). */
export async function listEditionApplications(db: Db, person: Person | null, year: number): Promise<EditionApplication[]> {
  requirePermission(person, 'applications.list');
  const rows = await db
    .select({
      id: applications.id,
      territoryCode: applications.territoryCode,
      state: applications.state,
      updatedAt: applications.updatedAt,
      submittedAt: applications.submittedAt,
      sheets: count(applicationInitiatives.initiativeId),
    })
    .from(applications)
    .leftJoin(applicationInitiatives, eq(applicationInitiatives.applicationId, applications.id))
    .where(eq(applications.year, year))
    .groupBy(applications.id)
    .orderBy(asc(applications.territoryCode));
  const names = new Map((await getTerritoriesByCodes(db, [...new Set(rows.map((r) => r.territoryCode))])).map((t) => [t.code, t.name]));
  return rows
    .map((r) => ({
      id: r.id,
      territory: { code: r.territoryCode, name: names.get(r.territoryCode) ?? r.territoryCode },
      state: r.state,
      sheets: Number(r.sheets),
      updatedAt: r.updatedAt,
      submittedAt: r.submittedAt,
    }))
    .sort((a, b) => collator.compare(a.territory.name, b.territory.name) || a.territory.code.localeCompare(b.territory.code));
}

export type SubmittedDossier = { applicationId: string; territoryCode: string; territoryName: string };

/** The submitted dossiers of an edition, by territory name (`applications.list`): what the jury shares out. */
export async function submittedDossiersOf(db: Db, caller: Caller | null, year: number): Promise<SubmittedDossier[]> {
  requirePermission(caller, 'applications.list');
  const rows = await db
    .select({ applicationId: applications.id, territoryCode: applications.territoryCode })
    .from(applications)
    .where(and(eq(applications.year, year), eq(applications.state, 'submitted')));
  const names = new Map((await getTerritoriesByCodes(db, [...new Set(rows.map((r) => r.territoryCode))])).map((t) => [t.code, t.name]));
  return rows
    .map((r) => ({ ...r, territoryName: names.get(r.territoryCode) ?? r.territoryCode }))
    .sort((a, b) => collator.compare(a.territoryName, b.territoryName) || a.territoryCode.localeCompare(b.territoryCode));
}
