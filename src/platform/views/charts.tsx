import type { ComponentChildren } from 'preact';
import { estimateTextWidth, labelStep, linearScale, niceTicks, r } from './chart-geometry.ts';
import { chartMessages as m } from './charts.messages.ts';
import { DataTable } from './components.tsx';
import { formatNumber } from './format.ts';

/**
 * Charts drawn on the server as inline SVG, without JavaScript. Each is an image named by its
 * <title> and <desc>, and is always followed by a data table holding the same figures: the table is
 * what a screen reader, a keyboard user or a copy-paste uses. Series are told apart by their motif
 * (plain, hatched, dotted) or marker shape as well as by their colour; colours come from the
 * stylesheet's --chart-N properties (section 20 of arobase.css).
 */

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
const FONT = 13;
const LAYOUT_FONT = 16;
const MOTIFS = ['solid', 'hatch', 'solid', 'dots', 'solid', 'cross'] as const;
const MARKERS = ['circle', 'square', 'diamond', 'triangle'] as const;
const DASHES = [undefined, '7 4', '2 4', '10 3 2 3'];

const toneOf = (series: ChartSeries[], index: number) => series[index]?.tone ?? (series.length === 1 ? 5 : (index % 6) + 1);
const motifId = (chartId: string, index: number) => `${chartId}-motif-${index}`;
const defaultFormat = (value: number) => formatNumber(value);

/** A vertical bar chart: one bar per category, series side by side or stacked. */
export function BarChart(props: ChartProps & { stacked?: boolean }) {
  const { categories, series } = props;
  const format = props.format ?? defaultFormat;
  const stacked = props.stacked ?? false;
  const width = 400;
  const totals = categories.map((_, c) => series.reduce((sum, s) => sum + (s.values[c] ?? 0), 0));
  const maxValue = stacked ? Math.max(0, ...totals) : Math.max(0, ...series.flatMap((s) => s.values.map((v) => v ?? 0)));
  const ticks = niceTicks(maxValue);
  const left = Math.max(...ticks.map((t) => estimateTextWidth(format(t), LAYOUT_FONT))) + 12;
  const top = LAYOUT_FONT * 2 + 16;
  const plotHeight = 190;
  const bottom = LAYOUT_FONT * 2 + 26;
  const height = top + plotHeight + bottom;
  const plotWidth = width - left - 8;
  const band = plotWidth / Math.max(categories.length, 1);
  const y = linearScale([0, ticks.at(-1)!], [top + plotHeight, top]);
  const barWidth = Math.min(band * 0.64, 56);
  const step = labelStep(categories, band, LAYOUT_FONT);
  const groupWidth = stacked ? barWidth : barWidth / Math.max(series.length, 1);
  const valueFits = (value: number) => estimateTextWidth(format(value), LAYOUT_FONT) <= Math.max(groupWidth, band * 0.9) * (stacked || series.length === 1 ? 1 : 0.5);
  return (
    <ChartFigure {...props} width={width} height={height} legend={series.length > 1 ? 'motif' : null}>
      <ValueAxis ticks={ticks} y={y} left={left} right={width - 8} format={format} title={props.valueLabel} />
      {categories.map((category, c) => {
        const x0 = left + band * c + (band - barWidth) / 2;
        let base = 0;
        return (
          <g key={category}>
            {series.map((s, i) => {
              const value = s.values[c];
              if (value === null || value === undefined || value <= 0) return null;
              const x = stacked ? x0 : x0 + groupWidth * i;
              const y0 = stacked ? y(base) : y(0);
              const y1 = stacked ? y(base + value) : y(value);
              if (stacked) base += value;
              return <rect key={s.key} class="chart__bar" x={r(x)} y={r(y1)} width={r(groupWidth)} height={r(y0 - y1)} fill={`url(#${motifId(props.id, i)})`} />;
            })}
            {stacked || series.length === 1
              ? totals[c]! > 0 && valueFits(totals[c]!) ? <text x={r(x0 + barWidth / 2)} y={r(y(totals[c]!) - 6)} text-anchor="middle" class="chart__value" font-size={FONT}>{format(totals[c]!)}</text> : null
              : series.map((s, i) => {
                  const value = s.values[c];
                  if (value === null || value === undefined || !valueFits(value)) return null;
                  return <text key={s.key} x={r(x0 + groupWidth * (i + 0.5))} y={r(y(value) - 6)} text-anchor="middle" class="chart__value" font-size={FONT}>{format(value)}</text>;
                })}
            {c % step === 0 ? <text x={r(left + band * (c + 0.5))} y={r(top + plotHeight + LAYOUT_FONT + 8)} text-anchor="middle" class="chart__tick" font-size={FONT}>{category}</text> : null}
          </g>
        );
      })}
      <CategoryAxisTitle x={r(left + plotWidth / 2)} y={r(height - 8)} title={props.categoryLabel} />
    </ChartFigure>
  );
}

/**
 * A horizontal bar chart: each category's name above its bar, the value at the bar's end; several
 * series are stacked. Suits long names (régions) on any screen width.
 */
export function HorizontalBarChart(props: ChartProps) {
  const { categories, series } = props;
  const format = props.format ?? defaultFormat;
  const width = 400;
  const totals = categories.map((_, c) => series.reduce((sum, s) => sum + (s.values[c] ?? 0), 0));
  const maxValue = Math.max(1, ...totals);
  const valueRoom = Math.max(...totals.map((t) => estimateTextWidth(format(t), LAYOUT_FONT))) + 10;
  const header = LAYOUT_FONT + 14;
  const barHeight = 16;
  const rowHeight = LAYOUT_FONT + 6 + barHeight + 14;
  const height = header + rowHeight * categories.length + 4;
  const x = linearScale([0, maxValue], [2, width - valueRoom]);
  return (
    <ChartFigure {...props} width={width} height={height} legend={series.length > 1 ? 'motif' : null} wide>
      <text x="2" y={LAYOUT_FONT} class="chart__axis-title" font-size={FONT}>{props.categoryLabel}</text>
      <text x={width - 2} y={LAYOUT_FONT} text-anchor="end" class="chart__axis-title" font-size={FONT}>{props.valueLabel}</text>
      <line x1="0" x2={width} y1={header - 6} y2={header - 6} class="chart__grid" />
      {categories.map((category, c) => {
        const rowTop = header + rowHeight * c;
        const barTop = rowTop + LAYOUT_FONT + 6;
        const nameWidth = estimateTextWidth(category, LAYOUT_FONT);
        let base = 0;
        return (
          <g key={category}>
            <text x="2" y={r(rowTop + LAYOUT_FONT)} class="chart__label" font-size={FONT} {...(nameWidth > width - 4 ? { textLength: width - 4, lengthAdjust: 'spacingAndGlyphs' } : {})}>
              {category}
            </text>
            <line x1="2" x2="2" y1={r(barTop - 2)} y2={r(barTop + barHeight + 2)} class="chart__axis" />
            {series.map((s, i) => {
              const value = s.values[c];
              if (value === null || value === undefined || value <= 0) return null;
              const x0 = x(base);
              base += value;
              return <rect key={s.key} class="chart__bar" x={r(x0)} y={r(barTop)} width={r(x(base) - x0)} height={barHeight} fill={`url(#${motifId(props.id, i)})`} />;
            })}
            <text x={r(x(totals[c]!) + 6)} y={r(barTop + barHeight - 3)} class="chart__value" font-size={FONT}>{format(totals[c]!)}</text>
          </g>
        );
      })}
    </ChartFigure>
  );
}

/**
 * A line chart over ordered categories (years): a null value leaves a gap; each series has its own
 * marker shape and dash. `domain` fixes the value axis (levels 1 to 5), with its own ticks.
 */
export function LineChart(props: ChartProps & { domain?: { min: number; max: number; ticks: number[] }; pointLabels?: boolean }) {
  const { categories, series } = props;
  const format = props.format ?? defaultFormat;
  const width = 400;
  const maxValue = Math.max(0, ...series.flatMap((s) => s.values.map((v) => v ?? 0)));
  const ticks = props.domain?.ticks ?? niceTicks(maxValue);
  const domain: [number, number] = props.domain ? [props.domain.min, props.domain.max] : [0, ticks.at(-1)!];
  const left = Math.max(...ticks.map((t) => estimateTextWidth(format(t), LAYOUT_FONT))) + 12;
  const top = LAYOUT_FONT * 2 + 18;
  const plotHeight = 180;
  const bottom = LAYOUT_FONT * 2 + 26;
  const height = top + plotHeight + bottom;
  const plotWidth = width - left - 8;
  const band = plotWidth / Math.max(categories.length, 1);
  const y = linearScale(domain, [top + plotHeight, top]);
  const xOf = (c: number) => left + band * (c + 0.5);
  const step = labelStep(categories, band, LAYOUT_FONT);
  const labelled = props.pointLabels ?? (series.length === 1 && categories.length <= 12);
  // Values are written above their point only where they fit side by side, counted back from the last.
  const widest = Math.max(0, ...series.flatMap((s) => s.values.map((v) => (v === null || v === undefined ? 0 : estimateTextWidth(format(v), LAYOUT_FONT)))));
  const valueStep = Math.max(1, Math.ceil((widest + 6) / band));
  const showsValue = (c: number) => labelled && (categories.length - 1 - c) % valueStep === 0;
  return (
    <ChartFigure {...props} width={width} height={height} legend={series.length > 1 ? 'line' : null}>
      <ValueAxis ticks={ticks} y={y} left={left} right={width - 8} format={format} title={props.valueLabel} />
      {series.map((s, i) => {
        const tone = toneOf(series, i);
        return (
          <g key={s.key}>
            <path d={linePath(s.values, xOf, y)} class={`chart__line chart__stroke-${tone}`} stroke-dasharray={DASHES[i % DASHES.length]} />
            {s.values.map((value, c) =>
              value === null || value === undefined ? null : (
                <g key={c}>
                  <Marker shape={MARKERS[i % MARKERS.length]!} x={xOf(c)} y={y(value)} tone={tone} />
                  {showsValue(c) ? <text x={r(xOf(c))} y={r(y(value) - 11)} text-anchor="middle" class="chart__value" font-size={FONT}>{format(value)}</text> : null}
                </g>
              ),
            )}
          </g>
        );
      })}
      {categories.map((category, c) =>
        c % step === 0 ? <text key={category} x={r(xOf(c))} y={r(top + plotHeight + LAYOUT_FONT + 8)} text-anchor="middle" class="chart__tick" font-size={FONT}>{category}</text> : null,
      )}
      <CategoryAxisTitle x={r(left + plotWidth / 2)} y={r(height - 8)} title={props.categoryLabel} />
    </ChartFigure>
  );
}

/** "M x y L x y …", starting a new piece after each missing value. */
function linePath(values: (number | null)[], xOf: (c: number) => number, y: (v: number) => number): string {
  let d = '';
  let drawing = false;
  values.forEach((value, c) => {
    if (value === null || value === undefined) {
      drawing = false;
      return;
    }
    d += `${drawing ? 'L' : 'M'}${r(xOf(c))} ${r(y(value))}`;
    drawing = true;
  });
  return d;
}

function Marker(props: { shape: (typeof MARKERS)[number]; x: number; y: number; tone: number }) {
  const { x, y } = props;
  const cls = `chart__marker chart__tone-${props.tone}`;
  if (props.shape === 'square') return <rect x={r(x - 4.5)} y={r(y - 4.5)} width="9" height="9" class={cls} />;
  if (props.shape === 'diamond') return <path d={`M${r(x)} ${r(y - 6)}L${r(x + 6)} ${r(y)}L${r(x)} ${r(y + 6)}L${r(x - 6)} ${r(y)}Z`} class={cls} />;
  if (props.shape === 'triangle') return <path d={`M${r(x)} ${r(y - 6)}L${r(x + 6)} ${r(y + 5)}L${r(x - 6)} ${r(y + 5)}Z`} class={cls} />;
  return <circle cx={r(x)} cy={r(y)} r="5" class={cls} />;
}

function ValueAxis(props: { ticks: number[]; y: (v: number) => number; left: number; right: number; format: (v: number) => string; title: string }) {
  return (
    <g>
      <text x="0" y={LAYOUT_FONT} class="chart__axis-title" font-size={FONT}>{props.title}</text>
      {props.ticks.map((tick) => (
        <g key={tick}>
          <line x1={r(props.left)} x2={r(props.right)} y1={r(props.y(tick))} y2={r(props.y(tick))} class={tick === props.ticks[0] ? 'chart__axis' : 'chart__grid'} />
          <text x={r(props.left - 6)} y={r(props.y(tick) + 4.5)} text-anchor="end" class="chart__tick" font-size={FONT}>{props.format(tick)}</text>
        </g>
      ))}
    </g>
  );
}

function CategoryAxisTitle(props: { x: number; y: number; title: string }) {
  return <text x={props.x} y={props.y} text-anchor="middle" class="chart__axis-title" font-size={FONT}>{props.title}</text>;
}

/** The SVG image, its motifs and legend, and the data table that follows it. */
function ChartFigure(props: ChartProps & { width: number; height: number; legend: 'motif' | 'line' | null; wide?: boolean; children: ComponentChildren }) {
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
            <Motif key={i} id={motifId(id, i)} tone={toneOf(series, i)} motif={MOTIFS[i % MOTIFS.length]!} />
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
                    <path d="M1 8H27" class={`chart__line chart__stroke-${toneOf(series, i)}`} stroke-dasharray={DASHES[i % DASHES.length]} />
                    <Marker shape={MARKERS[i % MARKERS.length]!} x={14} y={8} tone={toneOf(series, i)} />
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
function Motif(props: { id: string; tone: number; motif: (typeof MOTIFS)[number] }) {
  const { motif } = props;
  return (
    <pattern id={props.id} patternUnits="userSpaceOnUse" width="8" height="8" patternTransform={motif === 'hatch' ? 'rotate(45)' : motif === 'cross' ? 'rotate(-45)' : undefined}>
      <rect width="8" height="8" class={`chart__tone-${props.tone}`} />
      {motif === 'hatch' || motif === 'cross' ? <rect width="3" height="8" class="chart__motif" /> : null}
      {motif === 'cross' ? <rect width="8" height="3" class="chart__motif" /> : null}
      {motif === 'dots' ? <circle cx="4" cy="4" r="2" class="chart__motif" /> : null}
    </pattern>
  );
}

/** The figures of the chart as a table: one row per category, one column per series. */
function ChartTable(props: ChartProps) {
  const { categories, series, table } = props;
  const format = props.format ?? defaultFormat;
  return (
    <DataTable id={`${props.id}-tableau`} caption={table.caption}>
      <thead>
        <tr>
          <th scope="col">{props.categoryLabel}</th>
          {series.map((s) => (
            <th key={s.key} scope="col" class="num">{s.label}</th>
          ))}
          {table.total ? <th scope="col" class="num">{table.total}</th> : null}
          {(table.extraColumns ?? []).map((column) => (
            <th key={column.label} scope="col" class={column.numeric ? 'num' : undefined}>{column.label}</th>
          ))}
        </tr>
      </thead>
      <tbody>
        {categories.map((category, c) => {
          const values = series.map((s) => s.values[c] ?? null);
          return (
            <tr key={category}>
              <th scope="row">{category}</th>
              {values.map((value, i) => (
                <td key={series[i]!.key} class="num">{value === null ? (table.empty ?? m.noValue) : format(value)}</td>
              ))}
              {table.total ? <td class="num">{format(values.reduce<number>((sum, v) => sum + (v ?? 0), 0))}</td> : null}
              {(table.extraColumns ?? []).map((column) => (
                <td key={column.label} class={column.numeric ? 'num' : undefined}>{column.cells[c]}</td>
              ))}
            </tr>
          );
        })}
      </tbody>
    </DataTable>
  );
}
