/**
 * Two people saving one dossier: a save based on an older version is merged with what was saved
 * since, part by part — each question's answer, each interview answer, the consent, each contact,
 * the selection — and refused only where both changed the same part differently. Pure, no I/O.
 */
import type { ApplicationContent } from './application.schema.ts';

/** The parts a save brings: those the patch carried; the others stay as saved. */
export type ApplicationChange = Partial<ApplicationContent>;

export type MergeOutcome = { content: ApplicationContent; conflicts: string[] };

const same = (a: unknown, b: unknown) => stable(a) === stable(b);
function stable(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(stable).join(',')}]`;
  if (value && typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>).filter(([, v]) => v !== undefined);
    return `{${entries
      .sort(([a], [b]) => (a < b ? -1 : 1))
      .map(([k, v]) => `${JSON.stringify(k)}:${stable(v)}`)
      .join(',')}}`;
  }
  return JSON.stringify(value ?? null);
}

/** One part: mine when I changed it (from the base I saw), theirs otherwise; a conflict when both did, differently. */
function part<T>(base: T, theirs: T, mine: T, name: string, conflicts: string[]): T {
  if (same(mine, base)) return theirs;
  if (same(theirs, base) || same(theirs, mine)) return mine;
  conflicts.push(name);
  return theirs;
}

/** Each key of a record merged on its own (an answer removed is a key gone). */
function byKey<T>(base: Record<string, T>, theirs: Record<string, T>, mine: Record<string, T>, prefix: string, conflicts: string[]): Record<string, T> {
  const keys = new Set([...Object.keys(base), ...Object.keys(theirs), ...Object.keys(mine)]);
  const merged: Record<string, T> = {};
  for (const key of [...keys].sort()) {
    const value = part(base[key], theirs[key], mine[key], `${prefix}.${key}`, conflicts);
    if (value !== undefined) merged[key] = value;
  }
  return merged;
}

/**
 * Merges my change (made on `base`) into `theirs` (the version saved since). With no save in between
 * (`theirs` is `base`), it is simply my change.
 */
export function mergeApplication(base: ApplicationContent, theirs: ApplicationContent, change: ApplicationChange): MergeOutcome {
  const conflicts: string[] = [];
  const mine: ApplicationContent = { ...base, ...change };
  const content: ApplicationContent = {
    initiativeIds: part(base.initiativeIds, theirs.initiativeIds, mine.initiativeIds, 'initiativeIds', conflicts),
    answers: byKey(base.answers, theirs.answers, mine.answers, 'answers', conflicts),
    interview: {
      answers: byKey(base.interview.answers, theirs.interview.answers, mine.interview.answers, 'interview.answers', conflicts),
      consent: part(base.interview.consent, theirs.interview.consent, mine.interview.consent, 'interview.consent', conflicts),
    },
    contacts: byKey(
      base.contacts as Record<string, unknown>,
      theirs.contacts as Record<string, unknown>,
      mine.contacts as Record<string, unknown>,
      'contacts',
      conflicts,
    ) as ApplicationContent['contacts'],
  };
  return { content, conflicts };
}
