/**
 * Quick wins matched to a territory's diagnostic, pure: first those that answer a weak answer (a
 * question at level 0 or 1), then those of a weak theme, then the rest; in each group by priority,
 * then difficulty. Adopted ones are flagged, never hidden.
 */
import { NR_THEME_IDS, type NrThemeId } from './nr-themes.rules.ts';

export type QuickWinRank = 1 | 2 | 3;

export type QuickWin = {
  id: string;
  title: string;
  themeId: NrThemeId;
  /** 1: to do first. */
  priority: QuickWinRank;
  /** 1: the easiest. */
  difficulty: QuickWinRank;
  effect: string;
  measure: string;
  /** The diagnostic's questions it answers (ids of nr-model.data.ts). */
  questionIds: readonly string[];
};

/** An answer at this level or under is weak: the quick wins that answer it come first. */
export const WEAK_ANSWER_LEVEL = 1;
/** A theme whose index (0–100) is under this is weak. */
export const WEAK_THEME_INDEX = 50;

export type QuickWinReason = 'weakAnswer' | 'weakTheme' | 'other';

export type MatchedQuickWin = {
  quickWin: QuickWin;
  reason: QuickWinReason;
  /** Its questions answered at a weak level, in its own order. */
  weakQuestionIds: string[];
  /** The theme's index, when the diagnostic gives one. */
  themeIndex: number | null;
  adopted: boolean;
};

const REASON_ORDER: Record<QuickWinReason, number> = { weakAnswer: 0, weakTheme: 1, other: 2 };

/**
 * The catalogue in the order to show it for this diagnostic. Without answers (no diagnostic yet) the
 * order is priority then difficulty: every quick win is « other ».
 */
export function matchQuickWins(
  catalogue: readonly QuickWin[],
  answers: ReadonlyMap<string, number>,
  themeIndexes: ReadonlyMap<string, number>,
  adoptedIds: ReadonlySet<string> = new Set(),
): MatchedQuickWin[] {
  const matched = catalogue.map((quickWin): MatchedQuickWin => {
    const weakQuestionIds = quickWin.questionIds.filter((q) => {
      const level = answers.get(q);
      return level !== undefined && level <= WEAK_ANSWER_LEVEL;
    });
    const themeIndex = themeIndexes.get(quickWin.themeId) ?? null;
    const reason: QuickWinReason = weakQuestionIds.length ? 'weakAnswer' : themeIndex !== null && themeIndex < WEAK_THEME_INDEX ? 'weakTheme' : 'other';
    return { quickWin, reason, weakQuestionIds, themeIndex, adopted: adoptedIds.has(quickWin.id) };
  });
  const themeOrder = (id: NrThemeId) => NR_THEME_IDS.indexOf(id);
  return matched.sort(
    (a, b) =>
      REASON_ORDER[a.reason] - REASON_ORDER[b.reason] ||
      a.quickWin.priority - b.quickWin.priority ||
      a.quickWin.difficulty - b.quickWin.difficulty ||
      (a.themeIndex ?? 101) - (b.themeIndex ?? 101) ||
      themeOrder(a.quickWin.themeId) - themeOrder(b.quickWin.themeId) ||
      a.quickWin.title.localeCompare(b.quickWin.title, 'fr'),
  );
}

/** The catalogue's faults: ids repeated, unknown themes, ranks out of 1–3, empty texts, questions the model does not have. */
export function catalogueProblems(catalogue: readonly QuickWin[], knownQuestionIds?: ReadonlySet<string>): string[] {
  const problems: string[] = [];
  const seen = new Set<string>();
  for (const q of catalogue) {
    if (seen.has(q.id)) problems.push(`${q.id}: id repeated`);
    seen.add(q.id);
    if (!/^[a-z0-9]+(-[a-z0-9]+)*$/.test(q.id)) problems.push(`${q.id}: id not in kebab-case`);
    if (!(NR_THEME_IDS as readonly string[]).includes(q.themeId)) problems.push(`${q.id}: unknown theme ${q.themeId}`);
    for (const rank of [q.priority, q.difficulty]) if (![1, 2, 3].includes(rank)) problems.push(`${q.id}: rank ${rank} out of 1–3`);
    for (const [name, text] of Object.entries({ title: q.title, effect: q.effect, measure: q.measure }))
      if (!text.trim()) problems.push(`${q.id}: empty ${name}`);
    if (knownQuestionIds)
      for (const questionId of q.questionIds) if (!knownQuestionIds.has(questionId)) problems.push(`${q.id}: unknown question ${questionId}`);
  }
  return problems;
}

/** The catalogue narrowed to a theme, when the filter names one; the whole of it otherwise. */
export const ofTheme = <T extends { quickWin: QuickWin }>(items: readonly T[], themeId: string | undefined): T[] =>
  themeId && (NR_THEME_IDS as readonly string[]).includes(themeId) ? items.filter((i) => i.quickWin.themeId === themeId) : [...items];
