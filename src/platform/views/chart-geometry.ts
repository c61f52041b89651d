/** Pure helpers of the server-rendered SVG charts: scales, ticks and text widths. No I/O. */

/**
 * Round tick values from 0 to at least `max`: steps of 1, 2 or 5 times a power of ten, about
 * `target` of them. `[0, 1]` when there is nothing to show.
 */
export function niceTicks(max: number, target = 5): number[] {
  if (!(max > 0)) return [0, 1];
  const rough = max / target;
  const power = 10 ** Math.floor(Math.log10(rough));
  const step = [1, 2, 5, 10].map((f) => f * power).find((s) => s >= rough) ?? 10 * power;
  // Counts are whole numbers: a step below 1 would repeat a label.
  const wholeStep = Math.max(step, 1);
  const ticks: number[] = [];
  for (let v = 0; v < max + wholeStep; v += wholeStep) {
    ticks.push(Math.round(v * 1e6) / 1e6);
    if (v >= max) break;
  }
  return ticks;
}

/** A linear scale from a domain to a range (pixels of the viewBox). */
export function linearScale(domain: [number, number], range: [number, number]): (value: number) => number {
  const [d0, d1] = domain;
  const [r0, r1] = range;
  const span = d1 - d0 || 1;
  return (value) => r0 + ((value - d0) / span) * (r1 - r0);
}

const NARROW = new Set([...'iIjlft.,:;!|\'’ ()[]-']);
const WIDE = new Set([...'mwMWÆŒ@%']);

/**
 * An estimate of a text's width in a sans-serif font, for layout on the server where no font can
 * be measured: generous, so labels get room rather than overlap.
 */
export function estimateTextWidth(text: string, fontSize: number): number {
  let em = 0;
  for (const char of text) {
    if (NARROW.has(char)) em += 0.33;
    else if (WIDE.has(char)) em += 0.9;
    else if (char === ' ' || char === '\u202f' || char === '\u00a0') em += 0.3;
    else if (char >= 'A' && char <= 'Z') em += 0.68;
    else em += 0.58;
  }
  return em * fontSize;
}

/** Show one category label every `step` when they would overlap in bands of `bandWidth`. */
export function labelStep(labels: readonly string[], bandWidth: number, fontSize: number): number {
  const widest = Math.max(0, ...labels.map((l) => estimateTextWidth(l, fontSize)));
  return Math.max(1, Math.ceil((widest + fontSize * 0.6) / Math.max(bandWidth, 1)));
}

/** Rounds a coordinate for a compact SVG (two decimals are more than a screen can show). */
export const r = (n: number) => Math.round(n * 100) / 100;
