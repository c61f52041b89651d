import type { Db } from '../../platform/db/database.ts';
import { NotFoundError } from '../../platform/errors.ts';
import { requirePermission, signInRequired } from '../accounts/guard.ts';
import type { Person } from '../accounts/permissions.rules.ts';
import { describeServices, getCurrentReferential } from '../referential/referential.service.ts';
import { getTerritoriesByCodes, getTerritory } from '../territories/search-territories.service.ts';
import { missingThemes } from './initiative.rules.ts';
import { listTerritoryInitiativeRows, readSheet, serviceIdsOf } from './initiative-sheet.service.ts';

/** The territories a person acts for, named, for the workspace's choice page. */
/** The workspaces of the person: the territories they are a member of. */
export async function listWorkspaces(db: Db, person: Person) {
  requirePermission(person, 'workspace.list');
  const memberships = person.memberships ?? [];
  const territories = new Map(
    (
      await getTerritoriesByCodes(
        db,
        memberships.map((m) => m.territoryCode),
      )
    ).map((t) => [t.code, t]),
  );
  return memberships
    .map((m) => ({ code: m.territoryCode, role: m.role, name: territories.get(m.territoryCode)?.name ?? m.territoryCode }))
    .sort((a, b) => a.name.localeCompare(b.name, 'fr'));
}

/** A territory's dashboard: its sheets, how they spread over the themes, and the themes with none. */
export async function getWorkspace(db: Db, person: Person | null, territoryCode: string) {
  const territory = await getTerritory(db, territoryCode);
  if (!territory) throw new NotFoundError();
  requirePermission(person, 'workspace.view', { territoryCode });
  const [rows, referential] = await Promise.all([listTerritoryInitiativeRows(db, territoryCode), getCurrentReferential(db)]);
  const servicesByInitiative = await serviceIdsOf(
    db,
    rows.map((r) => r.id),
  );
  const services = await describeServices(db, [...new Set([...servicesByInitiative.values()].flat())]);
  const countByTheme = new Map<string, number>();
  for (const ids of servicesByInitiative.values()) {
    const themes = new Set(ids.flatMap((id) => services.get(id)?.theme.id ?? []));
    for (const theme of themes) countByTheme.set(theme, (countByTheme.get(theme) ?? 0) + 1);
  }
  const axes = (referential?.axes ?? []).map((axis) => ({
    id: axis.id,
    name: axis.name,
    themes: axis.themes.map((theme) => ({ id: theme.id, name: theme.name, count: countByTheme.get(theme.id) ?? 0 })),
  }));
  const allThemes = axes.flatMap((a) => a.themes);
  return {
    territory: { code: territory.code, name: territory.name, kind: territory.kind },
    role: person?.memberships?.find((m) => m.territoryCode === territoryCode)?.role ?? null,
    initiatives: rows.map((r) => ({
      id: r.id,
      title: r.title,
      status: r.status,
      visibility: r.visibility,
      updatedAt: r.updatedAt,
      moderationReason: r.moderationReason,
    })),
    axes,
    missing: missingThemes(allThemes, countByTheme.keys()),
  };
}
export type Workspace = Awaited<ReturnType<typeof getWorkspace>>;

/** What the creation form needs, for someone allowed to create a sheet in the territory. */
export async function prepareNewInitiative(db: Db, person: Person | null, territoryCode: string) {
  const territory = await getTerritory(db, territoryCode);
  if (!territory) throw new NotFoundError();
  requirePermission(person, 'initiative.create', { territoryCode });
  return { territory: { code: territory.code, name: territory.name } };
}

/**
 * A sheet opened from a territory's workspace, for someone who may edit it: the sheet must belong
 * to that territory (a URL naming another one finds nothing).
 */
export async function openSheetForEditing(db: Db, person: Person | null, territoryCode: string, id: string) {
  // A member following a link while signed out is asked to sign in, not told the sheet does not exist.
  if (!person) throw signInRequired();
  const sheet = await readSheet(db, person, id);
  if (sheet.territory.code !== territoryCode || sheet.deletedAt) throw new NotFoundError();
  requirePermission(person, 'initiative.edit', { territoryCode });
  return sheet;
}
