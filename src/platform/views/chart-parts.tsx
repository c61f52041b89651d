import type { ScaleLinear } from 'd3-scale';
import { symbol, symbolDiamond2, symbolTriangle } from 'd3-shape';
import type { ComponentChildren } from 'preact';
import { r } from './chart-geometry.ts';
import { chartMessages as m } from './charts.messages.ts';
import { DataTable } from './components.tsx';
import { formatNumber } from './format.ts';

// The parts every chart shares: its props, tones, motifs and markers, axes, the figure with its
// legend, and the data table that says the same as the drawing.

export type ChartSeries = {
  key: string;
  label: string;
  /** One value per category; null: no value (a gap in a line, an empty cell in the table). */
  values: (number | null)[];
  /** Colour 1–6 (--chart-N); by default the series' rank, or 5 (the brand's) for a lone series. */
  tone?: number;
};

export type ChartTableOptions = {
  caption: string;
  /** What an empty cell says (a null value). */
  empty?: string;
  /** Adds a last column with the sum of the series, under this heading. */
  total?: string;
  /** More columns, one cell per category (e.g. the distinctions of each year). */
  extraColumns?: { label: string; cells: ComponentChildren[]; numeric?: boolean }[];
};

export type ChartProps = {
  /** Prefix of the ids of the chart, its table and its motifs: unique on the page. */
  id: string;
  title: string;
  /** What the chart shows, in a sentence or two (the <desc>). */
  description: string;
  categories: string[];
  series: ChartSeries[];
  /** Heading of the categories: the table's first column, the axis title. */
  categoryLabel: string;
  /** What the values count: the value axis title. */
  valueLabel: string;
  /** How a value is written (French by default); the same in the chart and the table. */
  format?: (value: number) => string;
  table: ChartTableOptions;
};

/** Layout is computed for the font size of narrow screens (larger in viewBox units), see section 20. */
export const FONT = 13;
export const LAYOUT_FONT = 16;
export const MOTIFS = ['solid', 'hatch', 'solid', 'dots', 'solid', 'cross'] as const;
export const MARKERS = ['circle', 'square', 'diamond', 'triangle'] as const;
export const DASHES = [undefined, '7 4', '2 4', '10 3 2 3'];

export const toneOf = (series: ChartSeries[], index: number) => series[index]?.tone ?? (series.length === 1 ? 5 : (index % 6) + 1);
export const motifId = (chartId: string, index: number) => `${chartId}-motif-${index}`;
export const motifOf = (index: number) => MOTIFS[index % MOTIFS.length] ?? 'solid';
export const markerOf = (index: number) => MARKERS[index % MARKERS.length] ?? 'circle';
export const dashOf = (index: number) => DASHES[index % DASHES.length];
export const defaultFormat = (value: number) => formatNumber(value);
/** The category indices: bands and points are keyed by position, so two equal names stay apart. */
export const indicesOf = (categories: readonly string[]) => categories.map((_, c) => c);
/** Whether category `c` is named on a crowded axis showing one name in `step`: counted back from the last, the latest edition is always named. */
export const namedEvery = (step: number, count: number) => (c: number) => (count - 1 - c) % step === 0;

/** Each series' [start, end] per category, piled in series order; missing and negative values add nothing. */
export const DIAMOND = symbol(symbolDiamond2, 91.8).digits(2)() ?? '';
export const TRIANGLE = symbol(symbolTriangle, 70).digits(2)() ?? '';

export function Marker(props: { shape: (typeof MARKERS)[number]; x: number; y: number; tone: number }) {
  const { x, y } = props;
  const cls = `chart__marker chart__tone-${props.tone}`;
  if (props.shape === 'square') return <rect x={r(x - 4.5)} y={r(y - 4.5)} width="9" height="9" class={cls} />;
  if (props.shape === 'diamond' || props.shape === 'triangle')
    return <path d={props.shape === 'diamond' ? DIAMOND : TRIANGLE} transform={`translate(${r(x)} ${r(y)})`} class={cls} />;
  return <circle cx={r(x)} cy={r(y)} r="5" class={cls} />;
}

export function ValueAxis(props: {
  ticks: number[];
  y: ScaleLinear<number, number>;
  left: number;
  right: number;
  format: (v: number) => string;
  title: string;
}) {
  return (
    <g>
      <text x="0" y={LAYOUT_FONT} class="chart__axis-title" font-size={FONT}>
        {props.title}
      </text>
      {props.ticks.map((tick) => (
        <g key={tick}>
          <line
            x1={r(props.left)}
            x2={r(props.right)}
            y1={r(props.y(tick))}
            y2={r(props.y(tick))}
            class={tick === props.ticks[0] ? 'chart__axis' : 'chart__grid'}
          />
          <text x={r(props.left - 6)} y={r(props.y(tick) + 4.5)} text-anchor="end" class="chart__tick" font-size={FONT}>
            {props.format(tick)}
          </text>
        </g>
      ))}
    </g>
  );
}

export function CategoryAxisTitle(props: { x: number; y: number; title: string }) {
  return (
    <text x={props.x} y={props.y} text-anchor="middle" class="chart__axis-title" font-size={FONT}>
      {props.title}
    </text>
  );
}

/** The SVG image, its motifs and legend, and the data table that follows it. */
export function ChartFigure(
  props: ChartProps & { width: number; height: number; legend: 'motif' | 'line' | null; wide?: boolean; children: ComponentChildren },
) {
  const { id, series } = props;
  return (
    <div class={`chart${props.wide ? ' chart--wide' : ''}`}>
      <svg
        class="chart__svg"
        role="img"
        aria-labelledby={`${id}-titre`}
        aria-describedby={`${id}-desc`}
        viewBox={`0 0 ${props.width} ${r(props.height)}`}
        width={props.width}
        height={r(props.height)}
        focusable="false"
      >
        <title id={`${id}-titre`}>{props.title}</title>
        <desc id={`${id}-desc`}>{`${props.description} ${m.seeTable}`}</desc>
        <defs>
          {series.map((_, i) => (
            <Motif key={i} id={motifId(id, i)} tone={toneOf(series, i)} motif={motifOf(i)} />
          ))}
        </defs>
        {props.children}
      </svg>
      {props.legend ? (
        <ul class="chart__legend" aria-label={m.legend}>
          {series.map((s, i) => (
            <li key={s.key}>
              <svg class="chart__swatch" viewBox="0 0 28 16" width="28" height="16" aria-hidden="true" focusable="false">
                {props.legend === 'motif' ? (
                  <rect x="0.5" y="0.5" width="27" height="15" fill={`url(#${motifId(id, i)})`} class="chart__bar" />
                ) : (
                  <>
                    <path d="M1 8H27" class={`chart__line chart__stroke-${toneOf(series, i)}`} stroke-dasharray={dashOf(i)} />
                    <Marker shape={markerOf(i)} x={14} y={8} tone={toneOf(series, i)} />
                  </>
                )}
              </svg>
              {s.label}
            </li>
          ))}
        </ul>
      ) : null}
      <ChartTable {...props} />
    </div>
  );
}

/** A plain colour, or the colour with white hatching or dots: series stay apart without colour. */
export function Motif(props: { id: string; tone: number; motif: (typeof MOTIFS)[number] }) {
  const { motif } = props;
  return (
    <pattern
      id={props.id}
      patternUnits="userSpaceOnUse"
      width="8"
      height="8"
      patternTransform={motif === 'hatch' ? 'rotate(45)' : motif === 'cross' ? 'rotate(-45)' : undefined}
    >
      <rect width="8" height="8" class={`chart__tone-${props.tone}`} />
      {motif === 'hatch' || motif === 'cross' ? <rect width="3" height="8" class="chart__motif" /> : null}
      {motif === 'cross' ? <rect width="8" height="3" class="chart__motif" /> : null}
      {motif === 'dots' ? <circle cx="4" cy="4" r="2" class="chart__motif" /> : null}
    </pattern>
  );
}

/** The figures of the chart as a table: one row per category, one column per series. */
export function ChartTable(props: ChartProps) {
  const { categories, series, table } = props;
  const format = props.format ?? defaultFormat;
  return (
    <DataTable id={`${props.id}-tableau`} caption={table.caption}>
      <thead>
        <tr>
          <th scope="col">{props.categoryLabel}</th>
          {series.map((s) => (
            <th key={s.key} scope="col" class="num">
              {s.label}
            </th>
          ))}
          {table.total ? (
            <th scope="col" class="num">
              {table.total}
            </th>
          ) : null}
          {(table.extraColumns ?? []).map((column) => (
            <th key={column.label} scope="col" class={column.numeric ? 'num' : undefined}>
              {column.label}
            </th>
          ))}
        </tr>
      </thead>
      <tbody>
        {categories.map((category, c) => (
          <tr key={category}>
            <th scope="row">{category}</th>
            {series.map((s) => {
              const value = s.values[c] ?? null;
              return (
                <td key={s.key} class="num">
                  {value === null ? (table.empty ?? m.noValue) : format(value)}
                </td>
              );
            })}
            {table.total ? <td class="num">{format(series.reduce((sum, s) => sum + (s.values[c] ?? 0), 0))}</td> : null}
            {(table.extraColumns ?? []).map((column) => (
              <td key={column.label} class={column.numeric ? 'num' : undefined}>
                {column.cells[c]}
              </td>
            ))}
          </tr>
        ))}
      </tbody>
    </DataTable>
  );
}
