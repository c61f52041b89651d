// The EcoIndex of a page (https://www.ecoindex.fr/comment-ca-marche), from its three measures: the
// number of DOM elements, the number of requests and the kilobytes transferred. Pure, so that the
// eco-design browser test and its unit tests share one formula.

/**
 * The method's quantile tables: 21 bounds each, from the HTTP Archive population the method was
 * calibrated on. Checked against the reference values published by the EcoIndex project
 * (cnumr/ecoindex_reference, "ecoindex_reference.json").
 */
export const ECOINDEX_QUANTILES = {
  dom: [0, 47, 75, 159, 233, 298, 358, 417, 476, 537, 603, 674, 753, 843, 949, 1076, 1237, 1459, 1801, 2479, 594601],
  requests: [0, 2, 15, 25, 34, 42, 49, 56, 63, 70, 78, 86, 95, 105, 117, 130, 147, 170, 205, 281, 3920],
  /** In kilobytes (1 kB = 1000 bytes, as the reference scraper divides the bytes by 1000). */
  sizeKb: [
    0, 1.37, 144.7, 319.53, 479.46, 631.97, 783.38, 937.91, 1098.62, 1265.47, 1448.32, 1648.27, 1876.08, 2142.06, 2465.37, 2866.31, 3401.59, 4155.73, 5400.08,
    8037.54, 223212.26,
  ],
} as const satisfies Record<string, readonly number[]>;

/** The weights of the three measures: the DOM (the visitor's device) counts most, then the requests, then the size. */
export const ECOINDEX_WEIGHTS = { dom: 3, requests: 2, sizeKb: 1 } as const;

export type EcoIndexGrade = 'A' | 'B' | 'C' | 'D' | 'E' | 'F' | 'G';

/** A grade is given to a score strictly above its lower bound; G is what is left (10 and below). */
export const ECOINDEX_GRADES: readonly { grade: Exclude<EcoIndexGrade, 'G'>; above: number }[] = [
  { grade: 'A', above: 80 },
  { grade: 'B', above: 70 },
  { grade: 'C', above: 55 },
  { grade: 'D', above: 40 },
  { grade: 'E', above: 25 },
  { grade: 'F', above: 10 },
];

const GRADE_ORDER: readonly EcoIndexGrade[] = ['A', 'B', 'C', 'D', 'E', 'F', 'G'];

export type PageMeasures = { domElements: number; requests: number; sizeKb: number };
export type EcoIndex = { score: number; grade: EcoIndexGrade };

/**
 * Where a value falls in a quantile table, as a continuous rank from 0 to 20: the index of the
 * interval it lies in plus its linear position inside it. At or beyond the last bound: 20.
 */
export function quantileRank(bounds: readonly number[], value: number): number {
  for (let i = 1; i < bounds.length; i++) {
    const low = bounds[i - 1]!;
    const high = bounds[i]!;
    if (value < high) return i - 1 + (value - low) / (high - low);
  }
  return bounds.length - 1;
}

/** The score's rank-weighted mean, scaled from 100 (every rank 0) down to 0 (every rank 20). */
export function ecoIndexScore(measures: PageMeasures): number {
  const w = ECOINDEX_WEIGHTS;
  const weighted =
    w.dom * quantileRank(ECOINDEX_QUANTILES.dom, measures.domElements) +
    w.requests * quantileRank(ECOINDEX_QUANTILES.requests, measures.requests) +
    w.sizeKb * quantileRank(ECOINDEX_QUANTILES.sizeKb, measures.sizeKb);
  return 100 - (5 * weighted) / (w.dom + w.requests + w.sizeKb);
}

export function ecoIndexGrade(score: number): EcoIndexGrade {
  return ECOINDEX_GRADES.find((g) => score > g.above)?.grade ?? 'G';
}

/**
 * The score as ecoindex.fr shows it, rounded to a whole number, and the grade of that rounded
 * score (the reference implementation grades the rounded score: 80.4 is 80, a B).
 */
export function ecoIndex(measures: PageMeasures): EcoIndex {
  const score = Math.round(ecoIndexScore(measures));
  return { score, grade: ecoIndexGrade(score) };
}

/** Whether `grade` is `required` or better (A is the best). */
export function gradeAtLeast(grade: EcoIndexGrade, required: EcoIndexGrade): boolean {
  return GRADE_ORDER.indexOf(grade) <= GRADE_ORDER.indexOf(required);
}
