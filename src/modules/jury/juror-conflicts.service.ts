import { and, eq, sql } from 'drizzle-orm';
import { z } from 'zod';
import type { Db } from '../../platform/db/database.ts';
import { ConflictError, ForbiddenError, InvalidInputError, NotFoundError } from '../../platform/errors.ts';
import { emit } from '../../platform/events.ts';
import { parseOrThrow } from '../../platform/validation.ts';
import { requirePermission } from '../accounts/guard.ts';
import { can, personIdOf, type Caller, type Person } from '../accounts/permissions.rules.ts';
import { getTerritoriesByCodes, territoryPlacesByCodes } from '../territories/search-territories.service.ts';
import { CONFLICT_REASON_MAX, suggestedDeclarations, type ConflictSource } from './conflicts.rules.ts';
import './events.ts';
import { loadJurorFacts } from './jury-access.service.ts';
import { juryMessages } from './jury.messages.ts';
import { jurorConflicts, jurors } from './schema.ts';

const e = juryMessages.errors;
const code = (message: string) => z.string({ message }).trim().min(1, { message }).max(20, { message });

/** A conflict as the juror or the staff declare it (membership and nesting are never typed in: they are derived). */
export const declaredConflictInput = z.discriminatedUnion(
  'kind',
  [
    z.object({ kind: z.literal('department'), departmentCode: code(e.departmentCode) }),
    z.object({ kind: z.literal('territory'), territoryCode: code(e.territoryCode) }),
    z.object({
      kind: z.literal('other'),
      territoryCode: code(e.territoryCode),
      reason: z.string({ message: e.reason }).trim().min(1, { message: e.reason }).max(CONFLICT_REASON_MAX, { message: e.reason }),
    }),
  ],
  { message: e.kind },
);
export type DeclaredConflictInput = z.input<typeof declaredConflictInput>;

/**
 * Writes declarations for a juror, each checked first (an unknown territory or département is a field
 * error, and nothing is written). A declaration already there is skipped; the audit log hears of each new one.
 */
export async function insertDeclaredConflicts(
  tx: Db,
  caller: Caller,
  jurorId: string,
  inputs: readonly DeclaredConflictInput[],
  source: ConflictSource,
): Promise<number> {
  const parsed = inputs.map((input) => parseOrThrow(declaredConflictInput, input));
  const codes = parsed.map((c) => (c.kind === 'department' ? c.departmentCode : c.territoryCode));
  const places = new Map((await territoryPlacesByCodes(tx, codes)).map((p) => [p.code, p]));
  for (const c of parsed) {
    if (c.kind === 'department' && places.get(c.departmentCode)?.kind !== 'departement') throw new InvalidInputError({ departmentCode: e.departmentCode });
    if (c.kind !== 'department' && !places.has(c.territoryCode)) throw new InvalidInputError({ territoryCode: e.territoryCode });
  }
  const [juror] = await tx.select({ year: jurors.year }).from(jurors).where(eq(jurors.id, jurorId));
  if (!juror) throw new NotFoundError(e.jurorNotFound);
  let added = 0;
  for (const c of parsed) {
    const [row] = await tx
      .insert(jurorConflicts)
      .values({
        jurorId,
        kind: c.kind,
        departmentCode: c.kind === 'department' ? c.departmentCode : null,
        territoryCode: c.kind === 'department' ? null : c.territoryCode,
        reason: c.kind === 'other' ? c.reason : null,
        source,
        createdBy: personIdOf(caller),
      })
      .onConflictDoNothing()
      .returning({ id: jurorConflicts.id });
    if (!row) continue;
    added += 1;
    await emit(tx, 'juror.conflictChanged', { year: juror.year, jurorId, conflictId: row.id, kind: c.kind, change: 'declared', by: personIdOf(caller) });
  }
  return added;
}

/** The juror record the caller acts on: their own (a juror), or any of the edition's (the staff). */
async function jurorFor(db: Db, caller: Caller | null, year: number, jurorId: string | null) {
  if (jurorId === null) {
    requirePermission(caller, 'jury.conflicts.declare');
    const userId = personIdOf(caller);
    const [own] = userId
      ? await db
          .select()
          .from(jurors)
          .where(and(eq(jurors.userId, userId), eq(jurors.year, year)))
      : [];
    if (!own) throw new NotFoundError(e.notYourJury);
    return { juror: own, by: caller };
  }
  requirePermission(caller, 'jury.manage');
  if (!z.uuid().safeParse(jurorId).success) throw new NotFoundError(e.jurorNotFound);
  const [row] = await db
    .select()
    .from(jurors)
    .where(and(eq(jurors.id, jurorId), eq(jurors.year, year)));
  if (!row) throw new NotFoundError(e.jurorNotFound);
  return { juror: row, by: caller };
}

/**
 * Declares one conflict: the juror for themself (`jurorId` null) or the staff for a juror. A
 * declaration already there is a 409.
 */
export async function declareConflict(db: Db, caller: Caller | null, year: number, jurorId: string | null, input: unknown): Promise<void> {
  const { juror, by } = await jurorFor(db, caller, year, jurorId);
  const data = parseOrThrow(declaredConflictInput, input);
  const added = await db.transaction((tx) => insertDeclaredConflicts(tx, by, juror.id, [data], jurorId === null ? 'juror' : 'admin'));
  if (added === 0) throw new ConflictError(e.duplicateConflict);
}

/** Removes a declared conflict: the juror only their own declarations, the staff any. Derived ones cannot be removed. */
export async function removeConflict(db: Db, caller: Caller | null, year: number, jurorId: string | null, conflictId: number): Promise<void> {
  const { juror, by } = await jurorFor(db, caller, year, jurorId);
  await db.transaction(async (tx) => {
    const [row] = await tx
      .select()
      .from(jurorConflicts)
      .where(and(eq(jurorConflicts.id, conflictId), eq(jurorConflicts.jurorId, juror.id)));
    if (!row) throw new NotFoundError(e.conflictNotFound);
    if (jurorId === null && row.source !== 'juror') throw new ForbiddenError(e.conflictNotFound);
    await tx.delete(jurorConflicts).where(eq(jurorConflicts.id, conflictId));
    await emit(tx, 'juror.conflictChanged', { year, jurorId: juror.id, conflictId, kind: row.kind, change: 'removed', by: personIdOf(by) });
  });
}

/** The juror confirms their declaration is complete (shown to the staff). */
export async function confirmOwnDeclaration(db: Db, person: Person | null, year: number): Promise<void> {
  const { juror } = await jurorFor(db, person, year, null);
  await db
    .update(jurors)
    .set({ conflictsConfirmedAt: sql`now()` })
    .where(eq(jurors.id, juror.id));
}

export type ConflictsView = {
  juror: { id: string; userId: string; year: number; conflictsConfirmedAt: Date | null };
  /** The territories the juror is a member of: each is a conflict, with what contains it and what lies in it. */
  memberships: { code: string; name: string }[];
  declared: {
    id: number;
    kind: 'department' | 'territory' | 'other';
    code: string;
    name: string;
    reason: string | null;
    source: ConflictSource;
    removable: boolean;
  }[];
  suggestions: { departmentCode: string; name: string; becauseName: string }[];
};

/** What a juror's conflicts page shows: derived, declared, suggested. */
export async function conflictsView(db: Db, caller: Caller | null, year: number, jurorId: string | null): Promise<ConflictsView> {
  const { juror } = await jurorFor(db, caller, year, jurorId);
  const [facts] = await loadJurorFacts(db, year, [juror.id]);
  const rows = await db.select().from(jurorConflicts).where(eq(jurorConflicts.jurorId, juror.id)).orderBy(jurorConflicts.id);
  const suggestions = facts ? suggestedDeclarations(facts.facts) : [];
  const codes = [
    ...(facts?.facts.memberships.map((m) => m.code) ?? []),
    ...rows.map((r) => r.territoryCode ?? r.departmentCode ?? ''),
    ...suggestions.flatMap((s) => [s.departmentCode, s.because]),
  ];
  const names = new Map((await getTerritoriesByCodes(db, [...new Set(codes)].filter(Boolean))).map((t) => [t.code, t.name]));
  const staff = can(caller, 'jury.manage');
  return {
    juror: { id: juror.id, userId: juror.userId, year, conflictsConfirmedAt: juror.conflictsConfirmedAt },
    memberships: (facts?.facts.memberships ?? []).map((m) => ({ code: m.code, name: names.get(m.code) ?? m.code })),
    declared: rows.map((r) => {
      const target = r.territoryCode ?? r.departmentCode ?? '';
      return {
        id: r.id,
        kind: r.kind,
        code: target,
        name: names.get(target) ?? target,
        reason: r.reason,
        source: r.source,
        removable: staff || r.source === 'juror',
      };
    }),
    suggestions: suggestions.map((s) => ({
      departmentCode: s.departmentCode,
      name: names.get(s.departmentCode) ?? s.departmentCode,
      becauseName: names.get(s.because) ?? s.because,
    })),
  };
}
