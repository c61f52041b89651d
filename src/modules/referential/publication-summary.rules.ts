/** What publishing a draft of the referential changes, service by service. Pure, no I/O. */
import { compareVersions, type ComparableService } from './referential.rules.ts';

export type SummaryService = ComparableService;

export type PublicationSummary = {
  added: { id: string; name: string; themeId: string }[];
  /** Same id, another name (its description or flag may have changed too). */
  renamed: { id: string; from: string; to: string }[];
  /** Same id and name, another description or responsible-digital flag. */
  described: { id: string; name: string }[];
  moved: { id: string; name: string; fromThemeId: string; toThemeId: string }[];
  /** With the number of initiative sheets that cover each: they keep it, under its last name. */
  retired: { id: string; name: string; themeId: string; sheets: number }[];
  /** Renamed or moved services with sheets: those sheets show the new naming once published. */
  changedWithSheets: { id: string; sheets: number }[];
  /** Services added or retired, as a share of the base version's services. */
  turnover: number;
  /** Whether publishing changes anything at all. */
  empty: boolean;
};

/**
 * Compares the draft (`next`) with the version it was copied from (`base`): services added,
 * renamed, otherwise edited, moved and retired, in the draft's order (retired ones in the base's),
 * and how many sheets each retired, renamed or moved service is covered by (`sheetsByService`;
 * absent means none).
 */
export function summarizePublication(
  base: readonly SummaryService[],
  next: readonly SummaryService[],
  sheetsByService: ReadonlyMap<string, number>,
): PublicationSummary {
  const changes = compareVersions(base, next);
  const before = new Map(base.map((s) => [s.id, s]));
  const after = new Map(next.map((s) => [s.id, s]));
  const sheets = (id: string) => sheetsByService.get(id) ?? 0;
  const pairs = (ids: string[]) =>
    ids.map((id) => {
      const old = before.get(id);
      const now = after.get(id);
      if (!old || !now) throw new Error(`service ${id} is not in both versions`);
      return { old, now };
    });
  const edited = pairs(changes.edited);
  const moved = pairs(changes.moved);
  const added = changes.added.map((id) => after.get(id)).filter((s): s is SummaryService => !!s);
  const retired = changes.retired.map((id) => before.get(id)).filter((s): s is SummaryService => !!s);
  const renamed = edited.filter(({ old, now }) => old.name !== now.name);
  const changedIds = [...new Set([...renamed.map((p) => p.now.id), ...moved.map((p) => p.now.id)])];
  return {
    added: added.map((s) => ({ id: s.id, name: s.name, themeId: s.themeId })),
    renamed: renamed.map(({ old, now }) => ({ id: now.id, from: old.name, to: now.name })),
    described: edited.filter(({ old, now }) => old.name === now.name).map(({ now }) => ({ id: now.id, name: now.name })),
    moved: moved.map(({ old, now }) => ({ id: now.id, name: now.name, fromThemeId: old.themeId, toThemeId: now.themeId })),
    retired: retired.map((s) => ({ id: s.id, name: s.name, themeId: s.themeId, sheets: sheets(s.id) })),
    changedWithSheets: changedIds.map((id) => ({ id, sheets: sheets(id) })).filter((c) => c.sheets > 0),
    turnover: changes.turnover,
    empty: changes.added.length + changes.retired.length + changes.edited.length + changes.moved.length === 0,
  };
}

/** The services whose sheets are concerned by a publication: retired, renamed or moved ones. */
export function servicesConcerned(summary: Pick<PublicationSummary, 'retired' | 'renamed' | 'moved'>): string[] {
  return [...new Set([...summary.retired.map((s) => s.id), ...summary.renamed.map((s) => s.id), ...summary.moved.map((s) => s.id)])];
}
