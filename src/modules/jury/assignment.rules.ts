/** How dossiers are given to jurors. Pure, no I/O, deterministic: the same input gives the same assignment. */
import { hasConflict, type ConflictTerritory, type JurorConflictFacts } from './conflicts.rules.ts';

/** Whether an assignment was made by the automatic balancing or by an admin's change. */
export const ASSIGNMENT_SOURCES = ['automatic', 'manual'] as const;
export type AssignmentSource = (typeof ASSIGNMENT_SOURCES)[number];

/** Reviewers per dossier when the edition sets none. */
export const DEFAULT_REVIEWERS_PER_DOSSIER = 2;
export const REVIEWERS_PER_DOSSIER_RANGE = { min: 1, max: 5 } as const;

export type AssignmentDossier = { id: string; territory: ConflictTerritory };
/** A juror, their conflict facts and the régions they come from (of their territories; none: from nowhere in particular). */
export type AssignmentJuror = { id: string; facts: JurorConflictFacts; regions: readonly string[] };
/** An assignment that exists; `started`: its review exists, so it is kept whatever happens. */
export type ExistingAssignment = { dossierId: string; jurorId: string; started: boolean };

export type AssignmentInput = {
  dossiers: readonly AssignmentDossier[];
  jurors: readonly AssignmentJuror[];
  existing: readonly ExistingAssignment[];
  reviewersPerDossier: number;
};
export type PlannedAssignment = { dossierId: string; jurorId: string; kept: boolean };
export type AssignmentPlan = {
  assignments: PlannedAssignment[];
  /** Dossiers that could not get enough conflict-free reviewers, and how many they lack. */
  shortfalls: { dossierId: string; missing: number }[];
};

const byText = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

/** The set kept under a key, created empty the first time. */
function setIn(map: Map<string, Set<string>>, key: string): Set<string> {
  let set = map.get(key);
  if (!set) map.set(key, (set = new Set()));
  return set;
}

/** The régions of the territories a juror belongs to or declared: their reviews are preferably of other régions. */
export function jurorRegions(facts: JurorConflictFacts): string[] {
  const regions = new Set<string>();
  for (const t of facts.memberships) if (t.regionCode) regions.add(t.regionCode);
  for (const d of facts.declared) if (d.kind !== 'department' && d.territory.regionCode) regions.add(d.territory.regionCode);
  return [...regions].sort(byText);
}

/**
 * Gives every dossier `reviewersPerDossier` conflict-free reviewers with the jurors' loads within one
 * of each other, preferably from another région than the dossier's.
 *
 * Started reviews are kept as they are (they count in the loads); every other assignment is planned
 * again, so adding a juror rebalances the work not begun. The most constrained dossiers (fewest
 * conflict-free jurors) are served first, each by the least-loaded jurors; a final pass moves
 * unstarted reviews from the most to the least loaded juror until the loads are within one (or no
 * allowed move is left). A conflicted juror is never planned: a dossier without enough others is
 * reported in `shortfalls`.
 */
export function assignReviewers(input: AssignmentInput): AssignmentPlan {
  const wanted = Math.max(0, Math.floor(input.reviewersPerDossier));
  const jurors = [...input.jurors].sort((a, b) => byText(a.id, b.id));
  const dossiers = [...input.dossiers].sort((a, b) => byText(a.id, b.id));
  const load = new Map(jurors.map((j) => [j.id, 0]));
  const eligible = new Map(dossiers.map((d) => [d.id, jurors.filter((j) => !hasConflict(j.facts, d.territory))]));
  const regionOf = new Map(dossiers.map((d) => [d.id, d.territory.regionCode]));
  const sameRegion = (dossierId: string, juror: AssignmentJuror) => {
    const region = regionOf.get(dossierId);
    return region !== null && region !== undefined && juror.regions.includes(region);
  };

  // Reviewers per dossier: the started ones first (kept), then those planned here.
  const kept = new Map<string, Set<string>>(dossiers.map((d) => [d.id, new Set()]));
  const planned = new Map<string, Set<string>>(dossiers.map((d) => [d.id, new Set()]));
  for (const e of input.existing) {
    if (!e.started || !kept.has(e.dossierId) || !load.has(e.jurorId)) continue;
    setIn(kept, e.dossierId).add(e.jurorId);
    load.set(e.jurorId, (load.get(e.jurorId) ?? 0) + 1);
  }
  const reviewersOf = (dossierId: string) => new Set([...setIn(kept, dossierId), ...setIn(planned, dossierId)]);

  const order = [...dossiers].sort((a, b) => (eligible.get(a.id) ?? []).length - (eligible.get(b.id) ?? []).length || byText(a.id, b.id));
  const shortfalls: AssignmentPlan['shortfalls'] = [];
  for (const dossier of order) {
    const taken = reviewersOf(dossier.id);
    let missing = wanted - taken.size;
    const candidates = (eligible.get(dossier.id) ?? [])
      .filter((j) => !taken.has(j.id))
      .sort(
        (a, b) => (load.get(a.id) ?? 0) - (load.get(b.id) ?? 0) || Number(sameRegion(dossier.id, a)) - Number(sameRegion(dossier.id, b)) || byText(a.id, b.id),
      );
    for (const juror of candidates) {
      if (missing <= 0) break;
      setIn(planned, dossier.id).add(juror.id);
      load.set(juror.id, (load.get(juror.id) ?? 0) + 1);
      missing -= 1;
    }
    if (missing > 0) shortfalls.push({ dossierId: dossier.id, missing });
  }

  rebalance(dossiers, jurors, eligible, kept, planned, load, sameRegion);

  const assignments: PlannedAssignment[] = [];
  for (const dossier of dossiers) {
    for (const jurorId of [...setIn(kept, dossier.id)].sort(byText)) assignments.push({ dossierId: dossier.id, jurorId, kept: true });
    for (const jurorId of [...setIn(planned, dossier.id)].sort(byText)) assignments.push({ dossierId: dossier.id, jurorId, kept: false });
  }
  shortfalls.sort((a, b) => byText(a.dossierId, b.dossierId));
  return { assignments, shortfalls };
}

/** Moves planned (unstarted) reviews from the most to the least loaded jurors while that narrows the gap. */
function rebalance(
  dossiers: readonly AssignmentDossier[],
  jurors: readonly AssignmentJuror[],
  eligible: Map<string, AssignmentJuror[]>,
  kept: Map<string, Set<string>>,
  planned: Map<string, Set<string>>,
  load: Map<string, number>,
  sameRegion: (dossierId: string, juror: AssignmentJuror) => boolean,
): void {
  // Each move lowers the sum of squared loads, so this ends; the bound is a safety net.
  for (let guard = 0; guard < dossiers.length * Math.max(1, jurors.length); guard++) {
    const sorted = [...jurors].sort((a, b) => (load.get(a.id) ?? 0) - (load.get(b.id) ?? 0) || byText(a.id, b.id));
    const lightest = sorted[0];
    const heaviest = sorted.at(-1);
    if (!lightest || !heaviest || (load.get(heaviest.id) ?? 0) - (load.get(lightest.id) ?? 0) <= 1) return;
    let moved = false;
    // From the heaviest jurors down, to the lightest up: the first allowed move, preferring one out of the dossier's région.
    outer: for (const from of [...sorted].reverse()) {
      for (const to of sorted) {
        if ((load.get(from.id) ?? 0) - (load.get(to.id) ?? 0) <= 1) break;
        const movable = dossiers.filter((d) => {
          if (!setIn(planned, d.id).has(from.id) || setIn(kept, d.id).has(to.id) || setIn(planned, d.id).has(to.id)) return false;
          return (eligible.get(d.id) ?? []).some((j) => j.id === to.id);
        });
        const choice = movable.find((d) => !sameRegion(d.id, to)) ?? movable[0];
        if (!choice) continue;
        setIn(planned, choice.id).delete(from.id);
        setIn(planned, choice.id).add(to.id);
        load.set(from.id, (load.get(from.id) ?? 0) - 1);
        load.set(to.id, (load.get(to.id) ?? 0) + 1);
        moved = true;
        break outer;
      }
    }
    if (!moved) return;
  }
}

/** Each juror's number of dossiers in a plan (jurors without any included). */
export function loadsOf(plan: AssignmentPlan, jurorIds: readonly string[]): Map<string, number> {
  const loads = new Map(jurorIds.map((id) => [id, 0]));
  for (const a of plan.assignments) loads.set(a.jurorId, (loads.get(a.jurorId) ?? 0) + 1);
  return loads;
}
