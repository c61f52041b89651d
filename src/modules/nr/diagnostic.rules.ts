/**
 * The responsible-digital diagnostic's arithmetic and checks: indexes per theme and overall, the
 * letter, completeness, the evolution, the stratum's average and what an answer may be. Pure, no I/O.
 */
import { MATURITY_LEVELS, MIN_PEERS_FOR_AVERAGE, NOTE_MAX, type NrThemeId } from './nr-themes.rules.ts';

export type ModelShape = { themes: readonly { id: NrThemeId; name: string; questions: readonly { id: string }[] }[] };
export type AnswerLevel = { questionId: string; level: number };

export const LETTERS = ['A', 'B', 'C', 'D', 'E'] as const;
export type Letter = (typeof LETTERS)[number];
/** The lowest index of each letter but E, best first. */
export const LETTER_THRESHOLDS: readonly { letter: Letter; min: number }[] = [
  { letter: 'A', min: 80 },
  { letter: 'B', min: 60 },
  { letter: 'C', min: 40 },
  { letter: 'D', min: 20 },
];
const MAX_LEVEL = Math.max(...MATURITY_LEVELS);

export type ThemeIndex = { themeId: NrThemeId; name: string; index: number | null; answered: number; total: number };
export type DiagnosticScores = {
  themes: ThemeIndex[];
  /** Mean of the answered themes' indexes; null when no theme is answered. */
  overall: number | null;
  letter: Letter | null;
  completeness: { answered: number; total: number; percent: number };
};

const mean = (values: readonly number[]) => values.reduce((sum, v) => sum + v, 0) / values.length;

/** A–E: A from 80, B from 60, C from 40, D from 20, else E. */
export function letterOf(index: number): Letter {
  return LETTER_THRESHOLDS.find((t) => index >= t.min)?.letter ?? 'E';
}

/**
 * The indexes of a set of answers: per theme round(mean(levels) / 3 × 100) over its answered
 * questions (none answered: null); overall the rounded mean of the answered themes' indexes. Answers
 * to questions the model does not have are not counted.
 */
export function diagnosticScores(model: ModelShape, answers: readonly AnswerLevel[]): DiagnosticScores {
  const levels = new Map(answers.map((a) => [a.questionId, a.level]));
  const themes = model.themes.map((theme): ThemeIndex => {
    const answered = theme.questions.map((q) => levels.get(q.id)).filter((l): l is number => l !== undefined);
    return {
      themeId: theme.id,
      name: theme.name,
      index: answered.length ? Math.round((mean(answered) / MAX_LEVEL) * 100) : null,
      answered: answered.length,
      total: theme.questions.length,
    };
  });
  const indexes = themes.map((t) => t.index).filter((i): i is number => i !== null);
  const overall = indexes.length ? Math.round(mean(indexes)) : null;
  const answered = themes.reduce((n, t) => n + t.answered, 0);
  const total = themes.reduce((n, t) => n + t.total, 0);
  return {
    themes,
    overall,
    letter: overall === null ? null : letterOf(overall),
    completeness: { answered, total, percent: total ? Math.round((answered / total) * 100) : 0 },
  };
}

/** The questions of the model not answered, in the model's order. */
export function unansweredQuestions(model: ModelShape, answers: readonly AnswerLevel[]): string[] {
  const answered = new Set(answers.map((a) => a.questionId));
  return model.themes.flatMap((t) => t.questions.map((q) => q.id)).filter((id) => !answered.has(id));
}

export type CompletedDiagnostic = { id: string; territoryCode: string; completedAt: Date; answers: readonly AnswerLevel[] };
export type EvolutionPoint = {
  diagnosticId: string;
  completedAt: Date;
  overall: number | null;
  letter: Letter | null;
  themes: Record<NrThemeId, number | null>;
};

const themeRecord = (scores: DiagnosticScores) => Object.fromEntries(scores.themes.map((t) => [t.themeId, t.index])) as Record<NrThemeId, number | null>;

/** The completed diagnostics of a territory in time order (oldest first), each with its overall index and theme indexes. */
export function evolution(model: ModelShape, diagnostics: readonly Omit<CompletedDiagnostic, 'territoryCode'>[]): EvolutionPoint[] {
  return [...diagnostics]
    .sort((a, b) => a.completedAt.getTime() - b.completedAt.getTime())
    .map((d) => {
      const scores = diagnosticScores(model, d.answers);
      return { diagnosticId: d.id, completedAt: d.completedAt, overall: scores.overall, letter: scores.letter, themes: themeRecord(scores) };
    });
}

/** The latest completed diagnostic of each territory. */
export function latestPerTerritory<T extends { territoryCode: string; completedAt: Date }>(diagnostics: readonly T[]): T[] {
  const latest = new Map<string, T>();
  for (const d of diagnostics) {
    const known = latest.get(d.territoryCode);
    if (!known || d.completedAt.getTime() > known.completedAt.getTime()) latest.set(d.territoryCode, d);
  }
  return [...latest.values()];
}

export type StratumAverage = { peers: number; overall: number | null; themes: Record<NrThemeId, number | null> };

/**
 * The average of the territory's peers (the other territories of its stratum: the caller gives their
 * completed diagnostics, the territory's own are left out here too) over the latest completed
 * diagnostic of each: per theme the rounded mean of the peers' indexes, overall the rounded mean of
 * their overall indexes. Null under `minPeers` territories, so that no territory's answers can be
 * read from it; only means ever leave this function.
 */
export function stratumAverage(
  model: ModelShape,
  ownTerritoryCode: string,
  peerDiagnostics: readonly CompletedDiagnostic[],
  minPeers: number = MIN_PEERS_FOR_AVERAGE,
): StratumAverage | null {
  const latest = latestPerTerritory(peerDiagnostics.filter((d) => d.territoryCode !== ownTerritoryCode));
  if (latest.length < minPeers) return null;
  const scores = latest.map((d) => diagnosticScores(model, d.answers));
  const roundedMean = (values: (number | null)[]) => {
    const known = values.filter((v): v is number => v !== null);
    return known.length ? Math.round(mean(known)) : null;
  };
  const themes = Object.fromEntries(
    model.themes.map((theme) => [theme.id, roundedMean(scores.map((s) => s.themes.find((t) => t.themeId === theme.id)?.index ?? null))]),
  ) as Record<NrThemeId, number | null>;
  return { peers: latest.length, overall: roundedMean(scores.map((s) => s.overall)), themes };
}

/** What an answer's input must be; the messages are the caller's (French, naming the field). */
export type AnswerInputMessages = { unknownQuestion: string; level: string; noteTooLong: string };

/** The refusals of one answer's input, by field (empty when it may be written). */
export function answerInputErrors(
  input: { questionId: unknown; level: unknown; note?: unknown },
  questionIds: ReadonlySet<string>,
  messages: AnswerInputMessages,
): Record<string, string> {
  const errors: Record<string, string> = {};
  if (typeof input.questionId !== 'string' || !questionIds.has(input.questionId)) errors.questionId = messages.unknownQuestion;
  if (typeof input.level !== 'number' || !(MATURITY_LEVELS as readonly number[]).includes(input.level)) errors.level = messages.level;
  if (input.note !== undefined && (typeof input.note !== 'string' || input.note.length > NOTE_MAX)) errors.note = messages.noteTooLong;
  return errors;
}

/**
 * Whether an answer may be written: the first write of an answer needs no version; a later one must
 * carry the version it read, else it would overwrite a change it never saw.
 */
export function answerWrite(stored: { version: number } | undefined, version: number | undefined): 'insert' | 'update' | 'conflict' {
  if (!stored) return 'insert';
  return version === stored.version ? 'update' : 'conflict';
}

/**
 * A short fingerprint of an answer as a page showed it (level and note): posted back with the form,
 * it tells an answer the person changed from one they only sent again, so a whole form saved does not
 * overwrite, nor conflict with, the answers others changed meanwhile. FNV-1a, 32 bits, in hex.
 */
export function answerFingerprint(level: number | null | undefined, note: string | null | undefined): string {
  const text = `${level ?? ''}\u0000${note ?? ''}`;
  let hash = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    hash ^= text.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193) >>> 0;
  }
  return hash.toString(16).padStart(8, '0');
}
