/**
 * Pure helpers of the server-rendered SVG charts. Scales, ticks and paths come from d3-scale and
 * d3-shape; what stays here is what no library does on a server: text has to be laid out without a
 * font to measure it (no canvas, no DOM), hence the estimates below. No I/O.
 */
import { scaleLinear, type ScaleLinear } from 'd3-scale';

/** About this many intervals on a value axis: d3 rounds the step to 1, 2 or 5 × 10ⁿ, so 4 to 7 ticks. */
const TICK_COUNT = 4;

/**
 * The value axis from 0: d3's linear scale stretched to round ends (`nice`), and its ticks. No two
 * ticks may read the same. Whole-number data are counts: their ticks stay whole (a step of 0.5 would
 * write « 0,5 » territory). Otherwise, when the format is coarser than d3's step, fewer ticks are
 * asked for, so that each label still stands at its own value. The range is set by the caller once
 * the labels' room is known.
 */
export function valueScale(
  values: readonly number[],
  format: (value: number) => string,
  count = TICK_COUNT,
): { scale: ScaleLinear<number, number>; ticks: number[] } {
  const max = Math.max(0, ...values);
  const counts = values.every(Number.isInteger);
  for (let n = count; ; n -= 1) {
    const scale = scaleLinear()
      .domain([0, max > 0 ? max : 1])
      .nice(n);
    const ticks = scale.ticks(n).filter((tick) => !counts || Number.isInteger(tick));
    if (n <= 1 || new Set(ticks.map(format)).size === ticks.length) return { scale, ticks };
  }
}

const NARROW = new Set([..."iIjlft.,:;!|'’ ()[]-"]);
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

/** A label cut into lines no wider than `maxWidth` (estimated), at spaces; a longer word keeps its line. */
export function wrapText(text: string, maxWidth: number, fontSize: number): string[] {
  const lines: string[] = [];
  let line = '';
  for (const word of text.split(/\s+/).filter(Boolean)) {
    const candidate = line ? `${line} ${word}` : word;
    if (line && estimateTextWidth(candidate, fontSize) > maxWidth) {
      lines.push(line);
      line = word;
    } else line = candidate;
  }
  if (line) lines.push(line);
  return lines;
}

/**
 * The tops of blocks moved apart so that none overlaps the next (with `gap` between), each moved as
 * little as the others allow: overlapping neighbours share the move, then a last pass pushes down.
 * Returns the tops in the order of `blocks`.
 */
export function spreadApart(blocks: readonly { top: number; height: number }[], gap: number): number[] {
  const order = blocks.map((block, k) => ({ ...block, k })).sort((a, b) => a.top - b.top);
  for (let round = 0; round < 50; round += 1) {
    let moved = false;
    for (let k = 1; k < order.length; k += 1) {
      const [above, below] = [order[k - 1], order[k]];
      const overlap = above && below ? above.top + above.height + gap - below.top : 0;
      if (above && below && overlap > 0.01) {
        above.top -= overlap / 2;
        below.top += overlap / 2;
        moved = true;
      }
    }
    if (!moved) break;
  }
  for (let k = 1; k < order.length; k += 1) {
    const [above, below] = [order[k - 1], order[k]];
    if (above && below) below.top = Math.max(below.top, above.top + above.height + gap);
  }
  const tops = blocks.map((block) => block.top);
  for (const block of order) tops[block.k] = block.top;
  return tops;
}

/**
 * Rounds a coordinate for a compact SVG (two decimals are more than a screen can show). Paths are
 * rounded the same way by d3 (`.digits(2)`); this is for the attributes of rects, circles and texts.
 */
export const r = (n: number) => Math.round(n * 100) / 100;
