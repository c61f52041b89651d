import { and, eq, inArray } from 'drizzle-orm';
import type { Db } from '../../platform/db/database.ts';
import type { PermissionResource } from '../accounts/permissions.rules.ts';
import { membershipsOfUsers } from '../accounts/session.service.ts';
import { territoryPlacesByCodes } from '../territories/search-territories.service.ts';
import { conflictsWith, type Conflict, type ConflictTerritory, type DeclaredConflict, type JurorConflictFacts } from './conflicts.rules.ts';
import { assignments, jurorConflicts, jurors } from './schema.ts';

/** A juror of an edition as the rules see them: the account, and what their conflicts are computed from. */
export type JurorFacts = { jurorId: string; userId: string; year: number; facts: JurorConflictFacts };

/**
 * The conflict facts of every juror of an edition (or of the given jurors): memberships from the
 * accounts, declarations from this module, places of all their territories in one read each.
 * Conflicts are derived on every read, never stored, so a new membership counts at once.
 */
export async function loadJurorFacts(db: Db, year: number, jurorIds?: readonly string[]): Promise<JurorFacts[]> {
  const rows = await db
    .select({ jurorId: jurors.id, userId: jurors.userId })
    .from(jurors)
    .where(jurorIds ? and(eq(jurors.year, year), inArray(jurors.id, [...jurorIds])) : eq(jurors.year, year));
  if (!rows.length) return [];
  const [members, declared] = await Promise.all([
    membershipsOfUsers(
      db,
      rows.map((r) => r.userId),
    ),
    db
      .select()
      .from(jurorConflicts)
      .where(
        inArray(
          jurorConflicts.jurorId,
          rows.map((r) => r.jurorId),
        ),
      ),
  ]);
  const codes = [...[...members.values()].flat(), ...declared.flatMap((d) => (d.territoryCode ? [d.territoryCode] : []))];
  const places = await territoryPlaces(db, codes);
  return rows.map(({ jurorId, userId }) => ({
    jurorId,
    userId,
    year,
    facts: {
      memberships: (members.get(userId) ?? []).flatMap((code) => places.get(code) ?? []),
      declared: declared.filter((d) => d.jurorId === jurorId).flatMap((d) => declarationOf(d, places)),
    },
  }));
}

/** Places of territories by code, as the conflict rules read them. */
export async function territoryPlaces(db: Db, codes: readonly string[]): Promise<Map<string, ConflictTerritory>> {
  const rows = await territoryPlacesByCodes(db, codes);
  return new Map(rows.map((r) => [r.code, r]));
}

function declarationOf(row: typeof jurorConflicts.$inferSelect, places: Map<string, ConflictTerritory>): DeclaredConflict[] {
  if (row.kind === 'department') return row.departmentCode ? [{ kind: 'department', departmentCode: row.departmentCode, source: row.source }] : [];
  const territory = row.territoryCode ? places.get(row.territoryCode) : undefined;
  if (!territory) return [];
  return row.kind === 'other'
    ? [{ kind: 'other', territory, reason: row.reason ?? '', source: row.source }]
    : [{ kind: 'territory', territory, source: row.source }];
}

/** The dossier as the permission rule `assignedWithoutConflict` reads it. */
export type DossierResource = PermissionResource & { year: number; territoryCode: string; conflicts: Map<string, Conflict[]> };

/**
 * What the permission of a jury action on a dossier is checked against: the accounts of its assigned
 * jurors, and the accounts of the edition's jurors in conflict with its territory (assigned or not).
 */
export async function dossierResource(db: Db, dossier: { applicationId: string; year: number; territoryCode: string }): Promise<DossierResource> {
  const [assigned, facts, places] = await Promise.all([
    db
      .select({ userId: jurors.userId })
      .from(assignments)
      .innerJoin(jurors, eq(jurors.id, assignments.jurorId))
      .where(eq(assignments.applicationId, dossier.applicationId)),
    loadJurorFacts(db, dossier.year),
    territoryPlaces(db, [dossier.territoryCode]),
  ]);
  const place = places.get(dossier.territoryCode);
  const conflicts = new Map<string, Conflict[]>();
  for (const juror of facts) {
    const found = place ? conflictsWith(juror.facts, place) : [];
    if (found.length) conflicts.set(juror.userId, found);
  }
  return {
    kind: 'application',
    id: dossier.applicationId,
    territoryCode: dossier.territoryCode,
    year: dossier.year,
    assignedTo: assigned.map((a) => a.userId),
    conflictedWith: [...conflicts.keys()],
    conflicts,
  };
}
