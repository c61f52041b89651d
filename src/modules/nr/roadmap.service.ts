/**
 * The quick wins matched to a territory's diagnostic and its roadmap (nrActions): adopt a quick win,
 * propose actions from the weakest themes, add, edit (version checked) and delete an action. Every
 * query is scoped by the territory's code; 'nr.view' reads, 'nr.edit' writes.
 */
import { and, asc, eq, isNotNull } from 'drizzle-orm';
import type { Db } from '../../platform/db/database.ts';
import { isUniqueViolation } from '../../platform/db/database.ts';
import { ConflictError, InvalidInputError, NotFoundError } from '../../platform/errors.ts';
import { toParisLocal } from '../../platform/paris-time.ts';
import { isUuid } from '../../platform/validation.ts';
import { requirePermission } from '../accounts/guard.ts';
import { personIdOf, type Caller } from '../accounts/permissions.rules.ts';
import { getTerritory } from '../territories/search-territories.service.ts';
import { NR_QUICK_WINS } from './nr-quick-wins.data.ts';
import { nrThemeName, type ActionOrigin, type ActionStatus, type NrThemeId } from './nr-themes.rules.ts';
import { matchQuickWins, type MatchedQuickWin } from './quick-wins.rules.ts';
import { roadmapMessages as m } from './roadmap.messages.ts';
import { checkAction, themesToPropose, type ActionRaw } from './roadmap.rules.ts';
import { latestCompletedDiagnostic } from './diagnostic.service.ts';
import { nrActions } from './schema.ts';
import { publicPartChanged } from './events.ts';

export type RoadmapTerritory = { code: string; name: string };
export type RoadmapAction = {
  id: string;
  title: string;
  description: string;
  themeId: NrThemeId;
  owner: string;
  dueOn: string | null;
  status: ActionStatus;
  origin: ActionOrigin;
  quickWinId: string | null;
  version: number;
  updatedAt: Date;
};

/** Today on the Paris clock, `AAAA-MM-JJ`. */
export const parisToday = (now = new Date()) => toParisLocal(now).slice(0, 10);

export const themeName = nrThemeName;

async function territoryOf(db: Db, code: string): Promise<RoadmapTerritory> {
  const territory = await getTerritory(db, code);
  if (!territory) throw new NotFoundError(m.errors.territoryNotFound);
  return { code: territory.code, name: territory.name };
}

/** The territory, once the caller may do `action` there. */
export async function territoryFor(db: Db, caller: Caller | null, code: string, action: 'nr.view' | 'nr.edit' | 'nr.charter.sign') {
  const territory = await territoryOf(db, code);
  requirePermission(caller, action, { territoryCode: territory.code });
  return territory;
}

const actionColumns = {
  id: nrActions.id,
  title: nrActions.title,
  description: nrActions.description,
  themeId: nrActions.themeId,
  owner: nrActions.owner,
  dueOn: nrActions.dueOn,
  status: nrActions.status,
  origin: nrActions.origin,
  quickWinId: nrActions.quickWinId,
  version: nrActions.version,
  updatedAt: nrActions.updatedAt,
};

async function listActions(db: Db, territoryCode: string): Promise<RoadmapAction[]> {
  const rows = await db
    .select(actionColumns)
    .from(nrActions)
    .where(eq(nrActions.territoryCode, territoryCode))
    .orderBy(asc(nrActions.dueOn), asc(nrActions.title), asc(nrActions.id));
  return rows as RoadmapAction[];
}

export type QuickWinsPage = { territory: RoadmapTerritory; diagnostic: { completedAt: Date } | null; items: MatchedQuickWin[] };

/** The catalogue matched to the territory's latest completed diagnostic, the adopted ones flagged. */
export async function getQuickWinsPage(db: Db, caller: Caller | null, code: string): Promise<QuickWinsPage> {
  const territory = await territoryFor(db, caller, code, 'nr.view');
  const [diagnostic, adopted] = await Promise.all([
    latestCompletedDiagnostic(db, territory.code),
    db
      .select({ quickWinId: nrActions.quickWinId })
      .from(nrActions)
      .where(and(eq(nrActions.territoryCode, territory.code), isNotNull(nrActions.quickWinId))),
  ]);
  const items = matchQuickWins(
    NR_QUICK_WINS,
    diagnostic?.answers ?? new Map(),
    diagnostic?.themeIndexes ?? new Map(),
    new Set(adopted.map((a) => a.quickWinId ?? '')),
  );
  return { territory, diagnostic: diagnostic ? { completedAt: diagnostic.completedAt } : null, items };
}

export type RoadmapPage = {
  territory: RoadmapTerritory;
  actions: RoadmapAction[];
  diagnostic: { completedAt: Date } | null;
  /** The weak themes that would get a proposed action now. */
  proposable: { themeId: NrThemeId; index: number }[];
  today: string;
};

export async function getRoadmap(db: Db, caller: Caller | null, code: string, now = new Date()): Promise<RoadmapPage> {
  const territory = await territoryFor(db, caller, code, 'nr.view');
  const [actions, diagnostic] = await Promise.all([listActions(db, territory.code), latestCompletedDiagnostic(db, territory.code)]);
  const proposable = diagnostic ? themesToPropose(diagnostic.themeIndexes, actions) : [];
  return { territory, actions, diagnostic: diagnostic ? { completedAt: diagnostic.completedAt } : null, proposable, today: parisToday(now) };
}

/** One action of the territory's roadmap; not found when it is another territory's. */
export async function getAction(db: Db, caller: Caller | null, code: string, actionId: string) {
  const territory = await territoryFor(db, caller, code, 'nr.view');
  return { territory, action: await actionOf(db, territory.code, actionId) };
}

async function actionOf(db: Db, territoryCode: string, actionId: string): Promise<RoadmapAction> {
  if (!isUuid(actionId)) throw new NotFoundError(m.errors.actionNotFound);
  const [row] = await db
    .select(actionColumns)
    .from(nrActions)
    .where(and(eq(nrActions.territoryCode, territoryCode), eq(nrActions.id, actionId)));
  if (!row) throw new NotFoundError(m.errors.actionNotFound);
  return row as RoadmapAction;
}

/** A quick win made an action of the roadmap (its theme and title); adopting it twice is a conflict. */
export async function adoptQuickWin(db: Db, caller: Caller | null, code: string, quickWinId: string): Promise<RoadmapAction> {
  const territory = await territoryFor(db, caller, code, 'nr.edit');
  const quickWin = NR_QUICK_WINS.find((q) => q.id === quickWinId);
  if (!quickWin) throw new InvalidInputError({ quickWinId: m.errors.quickWinUnknown });
  const [existing] = await db
    .select({ id: nrActions.id })
    .from(nrActions)
    .where(and(eq(nrActions.territoryCode, territory.code), eq(nrActions.quickWinId, quickWin.id)));
  if (existing) throw new ConflictError(m.errors.alreadyAdopted(quickWin.title));
  try {
    return await db.transaction(async (tx) => {
      const [row] = await tx
        .insert(nrActions)
        .values({
          territoryCode: territory.code,
          title: quickWin.title,
          description: `${quickWin.effect}\n${m.quickWins.measure} : ${quickWin.measure}`,
          themeId: quickWin.themeId,
          origin: 'quickWin',
          quickWinId: quickWin.id,
          createdBy: caller ? personIdOf(caller) : null,
        })
        .returning(actionColumns);
      await publicPartChanged(tx, territory.code, 'roadmap');
      return row as RoadmapAction;
    });
  } catch (error) {
    // Two people adopting it at the same moment: the second is told, as if it had been there already.
    if (isUniqueViolation(error)) throw new ConflictError(m.errors.alreadyAdopted(quickWin.title));
    throw error;
  }
}

/**
 * One action per weak theme of the latest completed diagnostic that has none proposed yet; a
 * conflict when no diagnostic is completed. Returns the actions added (none when all are there).
 */
export async function proposeFromWeakThemes(db: Db, caller: Caller | null, code: string): Promise<RoadmapAction[]> {
  const territory = await territoryFor(db, caller, code, 'nr.edit');
  const diagnostic = await latestCompletedDiagnostic(db, territory.code);
  if (!diagnostic) throw new ConflictError(m.errors.noDiagnostic);
  return db.transaction(async (tx) => {
    const existing = await tx
      .select({ themeId: nrActions.themeId, origin: nrActions.origin, status: nrActions.status })
      .from(nrActions)
      .where(eq(nrActions.territoryCode, territory.code))
      .for('update');
    const themes = themesToPropose(diagnostic.themeIndexes, existing);
    if (themes.length === 0) return [];
    const rows = await tx
      .insert(nrActions)
      .values(
        themes.map((t) => ({
          territoryCode: territory.code,
          title: m.proposals[t.themeId],
          description: m.proposalDescription(themeName(t.themeId), t.index),
          themeId: t.themeId,
          origin: 'weakTheme' as const,
          createdBy: caller ? personIdOf(caller) : null,
        })),
      )
      .returning(actionColumns);
    await publicPartChanged(tx, territory.code, 'roadmap');
    return rows as RoadmapAction[];
  });
}

function checked(raw: ActionRaw) {
  const result = checkAction(raw, m.action);
  if (!result.ok) throw new InvalidInputError(result.errors);
  return result.value;
}

/** An action written by hand. */
export async function createAction(db: Db, caller: Caller | null, code: string, raw: ActionRaw): Promise<RoadmapAction> {
  const territory = await territoryFor(db, caller, code, 'nr.edit');
  const value = checked(raw);
  return db.transaction(async (tx) => {
    const [row] = await tx
      .insert(nrActions)
      .values({ territoryCode: territory.code, ...value, origin: 'manual', createdBy: caller ? personIdOf(caller) : null })
      .returning(actionColumns);
    await publicPartChanged(tx, territory.code, 'roadmap');
    return row as RoadmapAction;
  });
}

const versionOf = (version: number | undefined) => {
  if (version === undefined || !Number.isInteger(version) || version < 1) throw new InvalidInputError({ version: m.errors.version });
  return version;
};

/** An action changed, if nobody changed it since `version` (else a conflict, nothing written). */
export async function updateAction(
  db: Db,
  caller: Caller | null,
  code: string,
  actionId: string,
  raw: ActionRaw & { version?: number },
): Promise<RoadmapAction> {
  const territory = await territoryFor(db, caller, code, 'nr.edit');
  await actionOf(db, territory.code, actionId);
  const value = checked(raw);
  const version = versionOf(raw.version);
  return db.transaction(async (tx) => {
    const [row] = await tx
      .update(nrActions)
      .set({ ...value, version: version + 1, updatedAt: new Date() })
      .where(and(eq(nrActions.territoryCode, territory.code), eq(nrActions.id, actionId), eq(nrActions.version, version)))
      .returning(actionColumns);
    if (!row) throw new ConflictError(m.errors.stale);
    await publicPartChanged(tx, territory.code, 'roadmap');
    return row as RoadmapAction;
  });
}

/** An action deleted, if nobody changed it since `version`. */
export async function deleteAction(db: Db, caller: Caller | null, code: string, actionId: string, version: number | undefined): Promise<void> {
  const territory = await territoryFor(db, caller, code, 'nr.edit');
  await actionOf(db, territory.code, actionId);
  const expected = versionOf(version);
  await db.transaction(async (tx) => {
    const deleted = await tx
      .delete(nrActions)
      .where(and(eq(nrActions.territoryCode, territory.code), eq(nrActions.id, actionId), eq(nrActions.version, expected)))
      .returning({ id: nrActions.id });
    if (deleted.length === 0) throw new ConflictError(m.errors.stale);
    await publicPartChanged(tx, territory.code, 'roadmap');
  });
}

/** The public catalogue (API), in the catalogue's order. */
export const quickWinCatalogue = () => ({ items: NR_QUICK_WINS.map((q) => ({ ...q, questionIds: [...q.questionIds] })), total: NR_QUICK_WINS.length });
