/** The map of France by département: geometry made light enough for a page, and shading classes. Pure. */

export type Point = [number, number];

/**
 * Reads an SVG path made of `m`/`M`, implicit or explicit line-to (`l`/`L`) and `z` into rings of
 * absolute points: the form in which the map package ships its départements.
 */
export function parsePolygonPath(d: string): Point[][] {
  const tokens = d.match(/[mlzMLZ]|[-+]?(?:\d+\.?\d*|\.\d+)(?:e[-+]?\d+)?/g) ?? [];
  const rings: Point[][] = [];
  let ring: Point[] | null = null;
  let x = 0;
  let y = 0;
  let startX = 0;
  let startY = 0;
  let command = 'm';
  let i = 0;
  let token: string | undefined;
  while ((token = tokens[i]) !== undefined) {
    if (/^[a-z]$/i.test(token)) {
      command = token;
      i += 1;
      if (command === 'z' || command === 'Z') {
        x = startX;
        y = startY;
        ring = null;
      }
      continue;
    }
    const a = Number(token);
    const b = Number(tokens[i + 1]);
    i += 2;
    const relative = command === command.toLowerCase();
    x = relative ? x + a : a;
    y = relative ? y + b : b;
    if (command === 'm' || command === 'M' || !ring) {
      ring = [[x, y]];
      rings.push(ring);
      startX = x;
      startY = y;
      // Pairs after a move-to are line-tos (SVG rule).
      command = relative ? 'l' : 'L';
    } else {
      ring.push([x, y]);
    }
  }
  return rings;
}

/**
 * Writes rings back as a compact relative path with `decimals` digits. Points are rounded in
 * absolute coordinates first, then differenced, so rounding never accumulates along a border;
 * points that fall on the previous one are dropped, and rings reduced to less than a triangle too.
 */
export function compactPath(rings: Point[][], decimals = 1): string {
  const factor = 10 ** decimals;
  const number = (units: number) => {
    const text = String(units / factor);
    return text.replace(/^(-?)0\./, '$1.');
  };
  let out = '';
  let penX = 0;
  let penY = 0;
  for (const ring of rings) {
    const points: Point[] = [];
    for (const [x, y] of ring) {
      const p: Point = [Math.round(x * factor), Math.round(y * factor)];
      const last = points.at(-1);
      if (!last || last[0] !== p[0] || last[1] !== p[1]) points.push(p);
    }
    const first = points[0];
    const last = points.at(-1);
    if (first && last && points.length > 1 && first[0] === last[0] && first[1] === last[1]) points.pop();
    if (!first || points.length < 3) continue;
    let segment = `m${pair(first[0] - penX, first[1] - penY)}`;
    let previous = first;
    for (const point of points.slice(1)) {
      segment += pair(point[0] - previous[0], point[1] - previous[1], true);
      previous = point;
    }
    out += `${segment}z`;
    // After `z` the pen is back at the ring's first point.
    penX = first[0];
    penY = first[1];
  }
  return out;

  function pair(dx: number, dy: number, separated = false) {
    const a = number(dx);
    const b = number(dy);
    const lead = separated && !a.startsWith('-') ? ' ' : '';
    return `${lead}${a}${b.startsWith('-') ? '' : ' '}${b}`;
  }
}

/** Moves and scales rings so that the box `from` fills the box `to` (an enlarged inset). */
export function fitRings(rings: Point[][], from: Box, to: Box): Point[][] {
  const scale = Math.min(to.width / from.width, to.height / from.height);
  return rings.map((ring) => ring.map(([x, y]) => [to.x + (x - from.x) * scale, to.y + (y - from.y) * scale] as Point));
}

export type Box = { x: number; y: number; width: number; height: number };

export function boundingBox(rings: Point[][]): Box {
  let minX = Infinity;
  let minY = Infinity;
  let maxX = -Infinity;
  let maxY = -Infinity;
  for (const ring of rings) {
    for (const [x, y] of ring) {
      minX = Math.min(minX, x);
      minY = Math.min(minY, y);
      maxX = Math.max(maxX, x);
      maxY = Math.max(maxY, y);
    }
  }
  return { x: minX, y: minY, width: maxX - minX, height: maxY - minY };
}

/** How the map colours départements: by labelled territories (default) or by their average level. */
export const MAP_MODES = ['nombre', 'niveau'] as const;
export type MapMode = (typeof MAP_MODES)[number];
export const DEFAULT_MAP_MODE: MapMode = 'nombre';

export type ShadeClass = { index: number; min: number; max: number | null };

/**
 * Five classes per mode. Counts: fixed bounds, so that a colour means the same thing every year.
 * Average levels (one decimal): centred on each level, « about N @ ».
 */
export const SHADE_CLASSES: Record<MapMode, [ShadeClass, ...ShadeClass[]]> = {
  nombre: [
    { index: 1, min: 1, max: 1 },
    { index: 2, min: 2, max: 2 },
    { index: 3, min: 3, max: 4 },
    { index: 4, min: 5, max: 9 },
    { index: 5, min: 10, max: null },
  ],
  niveau: [
    { index: 1, min: 1, max: 1.4 },
    { index: 2, min: 1.5, max: 2.4 },
    { index: 3, min: 2.5, max: 3.4 },
    { index: 4, min: 3.5, max: 4.4 },
    { index: 5, min: 4.5, max: 5 },
  ],
};

export type DepartmentStat = { count: number; average: number | null };

/** The class (1 to 5) of a département, 0 when it has no labelled territory. */
export function shadeClassOf(mode: MapMode, stat: DepartmentStat | undefined): number {
  if (!stat || stat.count === 0) return 0;
  const value = mode === 'nombre' ? stat.count : stat.average;
  if (value === null) return 0;
  for (const c of SHADE_CLASSES[mode]) if (value >= c.min && (c.max === null || value <= c.max)) return c.index;
  return value < SHADE_CLASSES[mode][0].min ? 1 : 5;
}

export function isMapMode(value: unknown): value is MapMode {
  return typeof value === 'string' && (MAP_MODES as readonly string[]).includes(value);
}
