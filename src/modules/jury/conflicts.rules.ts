/**
 * Conflicts of interest between a juror and a dossier's territory. Pure, no I/O: the service loads
 * the juror's memberships and declarations and the territories' official codes; this file decides.
 */

/**
 * Why a juror may not review a territory's dossier:
 * - `member`: the juror is a member of that territory;
 * - `nested`: the territory contains, or is contained by, one the juror belongs to or declared
 *   (a commune and its intercommunality, from the official membership; a commune or an
 *   intercommunality and its département);
 * - `department`: the territory lies in a département the juror declared;
 * - `territory`: the juror declared that very territory;
 * - `other`: declared with a reason (a relative on the council, a former employer…).
 */
export const CONFLICT_KINDS = ['member', 'nested', 'department', 'territory', 'other'] as const;
export type ConflictKind = (typeof CONFLICT_KINDS)[number];

/** The kinds a juror or an admin declares (member and nested are derived from the facts, never typed in). */
export const DECLARED_CONFLICT_KINDS = ['department', 'territory', 'other'] as const satisfies readonly ConflictKind[];
export type DeclaredConflictKind = (typeof DECLARED_CONFLICT_KINDS)[number];

/** Who declared a conflict: the juror themself, or the label's staff. */
export const CONFLICT_SOURCES = ['juror', 'admin'] as const;
export type ConflictSource = (typeof CONFLICT_SOURCES)[number];

export const CONFLICT_REASON_MAX = 500;

/** What the rules need of a territory: its official place in the map of territories. */
export type ConflictTerritory = {
  code: string;
  kind: 'commune' | 'epci' | 'departement' | 'region';
  departmentCode: string | null;
  regionCode: string | null;
  /** A commune's intercommunality (official membership); null for the others. */
  epciCode: string | null;
};

/** A conflict a juror or the staff declared. */
export type DeclaredConflict =
  | { kind: 'department'; departmentCode: string; source: ConflictSource }
  | { kind: 'territory'; territory: ConflictTerritory; source: ConflictSource }
  | { kind: 'other'; territory: ConflictTerritory; reason: string; source: ConflictSource };

/** Everything the rules know of a juror: the territories they are a member of, and their declarations. */
export type JurorConflictFacts = { memberships: readonly ConflictTerritory[]; declared: readonly DeclaredConflict[] };

/** One reason a juror may not review a territory's dossier; `via` names the territory or département it comes from. */
export type Conflict = { kind: ConflictKind; via: string; reason?: string; source: ConflictSource | 'derived' };

/**
 * Whether one territory contains the other (never the same one): a commune in its intercommunality,
 * a commune or an intercommunality in its département, anything in its région.
 */
export function isNested(a: ConflictTerritory, b: ConflictTerritory): boolean {
  if (a.code === b.code) return false;
  return contains(a, b) || contains(b, a);
}

function contains(outer: ConflictTerritory, inner: ConflictTerritory): boolean {
  switch (outer.kind) {
    case 'epci':
      return inner.kind === 'commune' && inner.epciCode === outer.code;
    case 'departement':
      return (inner.kind === 'commune' || inner.kind === 'epci') && inner.departmentCode === outer.departmentCode;
    case 'region':
      return inner.kind !== 'region' && inner.regionCode !== null && inner.regionCode === outer.regionCode;
    default:
      return false;
  }
}

/** Every reason the juror may not review this territory's dossier (empty: no conflict). */
export function conflictsWith(juror: JurorConflictFacts, territory: ConflictTerritory): Conflict[] {
  const found: Conflict[] = [];
  for (const member of juror.memberships) {
    if (member.code === territory.code) found.push({ kind: 'member', via: member.code, source: 'derived' });
    else if (isNested(member, territory)) found.push({ kind: 'nested', via: member.code, source: 'derived' });
  }
  for (const declared of juror.declared) {
    if (declared.kind === 'department') {
      const inside = territory.departmentCode === declared.departmentCode && territory.kind !== 'region';
      if (inside) found.push({ kind: 'department', via: declared.departmentCode, source: declared.source });
      continue;
    }
    const same = declared.territory.code === territory.code;
    if (declared.kind === 'other' && (same || isNested(declared.territory, territory))) {
      found.push({ kind: 'other', via: declared.territory.code, reason: declared.reason, source: declared.source });
    } else if (declared.kind === 'territory' && same) {
      found.push({ kind: 'territory', via: declared.territory.code, source: declared.source });
    } else if (declared.kind === 'territory' && isNested(declared.territory, territory)) {
      found.push({ kind: 'nested', via: declared.territory.code, source: declared.source });
    }
  }
  return found;
}

export const hasConflict = (juror: JurorConflictFacts, territory: ConflictTerritory): boolean => conflictsWith(juror, territory).length > 0;

/**
 * Declarations to suggest to a juror from their memberships: the département of every territory
 * they belong to, when not declared yet. (Membership itself and the nesting need no declaration:
 * they always count.)
 */
export function suggestedDeclarations(juror: JurorConflictFacts): { kind: 'department'; departmentCode: string; because: string }[] {
  const declared = new Set(juror.declared.flatMap((d) => (d.kind === 'department' ? [d.departmentCode] : [])));
  const suggestions = new Map<string, string>();
  for (const member of juror.memberships) {
    if (member.kind === 'region' || !member.departmentCode || declared.has(member.departmentCode)) continue;
    if (!suggestions.has(member.departmentCode)) suggestions.set(member.departmentCode, member.code);
  }
  return [...suggestions].map(([departmentCode, because]) => ({ kind: 'department', departmentCode, because }));
}
