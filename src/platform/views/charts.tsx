import { scaleBand, scaleLinear, scalePoint, type ScaleLinear } from 'd3-scale';
import { curveLinearClosed, line, lineRadial, pointRadial, stack, symbol, symbolDiamond2, symbolTriangle } from 'd3-shape';
import type { ComponentChildren } from 'preact';
import { estimateTextWidth, labelStep, r, spreadApart, valueScale, wrapText } from './chart-geometry.ts';
import { chartMessages as m } from './charts.messages.ts';
import { DataTable } from './components.tsx';
import { formatNumber } from './format.ts';

/**
 * Charts drawn on the server as inline SVG, without JavaScript. Each is an image named by its
 * <title> and <desc>, and is always followed by a data table holding the same figures: the table is
 * what a screen reader, a keyboard user or a copy-paste uses. Series are told apart by their motif
 * (plain, hatched, dotted) or marker shape as well as by their colour; colours come from the
 * stylesheet's --chart-N properties (section 20 of arobase.css). Scales come from d3-scale and
 * paths from d3-shape, both pure functions here: no DOM on the server.
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
const motifOf = (index: number) => MOTIFS[index % MOTIFS.length] ?? 'solid';
const markerOf = (index: number) => MARKERS[index % MARKERS.length] ?? 'circle';
const dashOf = (index: number) => DASHES[index % DASHES.length];
const defaultFormat = (value: number) => formatNumber(value);
/** The category indices: bands and points are keyed by position, so two equal names stay apart. */
const indicesOf = (categories: readonly string[]) => categories.map((_, c) => c);
/** Whether category `c` is named on a crowded axis showing one name in `step`: counted back from the last, the latest edition is always named. */
const namedEvery = (step: number, count: number) => (c: number) => (count - 1 - c) % step === 0;

/** Each series' [start, end] per category, piled in series order; missing and negative values add nothing. */
function stackSeries(series: ChartSeries[], count: number) {
  return stack<number, number>()
    .keys(series.map((_, i) => i))
    .value((c, i) => Math.max(0, series[i]?.values[c] ?? 0))(Array.from({ length: count }, (_, c) => c));
}

/** A vertical bar chart: one bar per category, series side by side or stacked. */
export function BarChart(props: ChartProps & { stacked?: boolean }) {
  const { categories, series } = props;
  const format = props.format ?? defaultFormat;
  const stacked = props.stacked ?? false;
  const width = 400;
  const totals = categories.map((_, c) => series.reduce((sum, s) => sum + (s.values[c] ?? 0), 0));
  const axis = valueScale(stacked ? totals : series.flatMap((s) => s.values.filter((v): v is number => v !== null && v !== undefined)), format);
  const ticks = axis.ticks;
  const left = Math.max(...ticks.map((t) => estimateTextWidth(format(t), LAYOUT_FONT))) + 12;
  const top = LAYOUT_FONT * 2 + 16;
  const plotHeight = 190;
  const bottom = LAYOUT_FONT * 2 + 26;
  const height = top + plotHeight + bottom;
  const plotWidth = width - left - 8;
  const y = axis.scale.range([top + plotHeight, top]);
  const x = scaleBand<number>()
    .domain(indicesOf(categories))
    .range([left, left + plotWidth]);
  const band = x.bandwidth();
  const barWidth = Math.min(band * 0.64, 56);
  // Side by side, each series takes its band of the bar's width.
  const slot = scaleBand<number>()
    .domain(series.map((_, i) => i))
    .range([0, barWidth]);
  const groupWidth = stacked ? barWidth : slot.bandwidth();
  const layers = stackSeries(series, categories.length);
  const step = labelStep(categories, band, LAYOUT_FONT);
  const shownLabel = namedEvery(step, categories.length);
  const valueFits = (value: number) =>
    estimateTextWidth(format(value), LAYOUT_FONT) <= Math.max(groupWidth, band * 0.9) * (stacked || series.length === 1 ? 1 : 0.5);
  return (
    <ChartFigure {...props} width={width} height={height} legend={series.length > 1 ? 'motif' : null}>
      <ValueAxis ticks={ticks} y={y} left={left} right={width - 8} format={format} title={props.valueLabel} />
      {categories.map((category, c) => {
        const x0 = (x(c) ?? left) + (band - barWidth) / 2;
        const total = totals[c] ?? 0;
        return (
          <g key={category}>
            {series.map((s, i) => {
              const value = s.values[c];
              if (value === null || value === undefined || value <= 0) return null;
              const [start, end] = stacked ? (layers[i]?.[c] ?? [0, value]) : [0, value];
              const y1 = y(end);
              return (
                <rect
                  key={s.key}
                  class="chart__bar"
                  x={r(stacked ? x0 : x0 + (slot(i) ?? 0))}
                  y={r(y1)}
                  width={r(groupWidth)}
                  height={r(y(start) - y1)}
                  fill={`url(#${motifId(props.id, i)})`}
                />
              );
            })}
            {stacked || series.length === 1 ? (
              total > 0 && valueFits(total) ? (
                <text x={r(x0 + barWidth / 2)} y={r(y(total) - 6)} text-anchor="middle" class="chart__value" font-size={FONT}>
                  {format(total)}
                </text>
              ) : null
            ) : (
              series.map((s, i) => {
                const value = s.values[c];
                if (value === null || value === undefined || !valueFits(value)) return null;
                return (
                  <text key={s.key} x={r(x0 + (slot(i) ?? 0) + groupWidth / 2)} y={r(y(value) - 6)} text-anchor="middle" class="chart__value" font-size={FONT}>
                    {format(value)}
                  </text>
                );
              })
            )}
            {shownLabel(c) ? (
              <text x={r(x0 + barWidth / 2)} y={r(top + plotHeight + LAYOUT_FONT + 8)} text-anchor="middle" class="chart__tick" font-size={FONT}>
                {category}
              </text>
            ) : null}
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
  // Rows keep their height whatever their number: the chart grows downwards. No ticks: each total is written.
  const row = scaleBand<number>()
    .domain(indicesOf(categories))
    .range([header, header + rowHeight * categories.length]);
  const x = scaleLinear()
    .domain([0, maxValue])
    .range([2, width - valueRoom]);
  const layers = stackSeries(series, categories.length);
  return (
    <ChartFigure {...props} width={width} height={height} legend={series.length > 1 ? 'motif' : null} wide>
      <text x="2" y={LAYOUT_FONT} class="chart__axis-title" font-size={FONT}>
        {props.categoryLabel}
      </text>
      <text x={width - 2} y={LAYOUT_FONT} text-anchor="end" class="chart__axis-title" font-size={FONT}>
        {props.valueLabel}
      </text>
      <line x1="0" x2={width} y1={header - 6} y2={header - 6} class="chart__grid" />
      {categories.map((category, c) => {
        const rowTop = row(c) ?? header;
        const total = totals[c] ?? 0;
        const barTop = rowTop + LAYOUT_FONT + 6;
        const nameWidth = estimateTextWidth(category, LAYOUT_FONT);
        return (
          <g key={category}>
            <text
              x="2"
              y={r(rowTop + LAYOUT_FONT)}
              class="chart__label"
              font-size={FONT}
              {...(nameWidth > width - 4 ? { textLength: width - 4, lengthAdjust: 'spacingAndGlyphs' } : {})}
            >
              {category}
            </text>
            <line x1="2" x2="2" y1={r(barTop - 2)} y2={r(barTop + barHeight + 2)} class="chart__axis" />
            {series.map((s, i) => {
              const value = s.values[c];
              if (value === null || value === undefined || value <= 0) return null;
              const [start, end] = layers[i]?.[c] ?? [0, value];
              return (
                <rect
                  key={s.key}
                  class="chart__bar"
                  x={r(x(start))}
                  y={r(barTop)}
                  width={r(x(end) - x(start))}
                  height={barHeight}
                  fill={`url(#${motifId(props.id, i)})`}
                />
              );
            })}
            <text x={r(x(total) + 6)} y={r(barTop + barHeight - 3)} class="chart__value" font-size={FONT}>
              {format(total)}
            </text>
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
  const axis = props.domain
    ? { scale: scaleLinear().domain([props.domain.min, props.domain.max]), ticks: props.domain.ticks }
    : valueScale(
        series.flatMap((s) => s.values.filter((v): v is number => v !== null && v !== undefined)),
        format,
      );
  const ticks = axis.ticks;
  const left = Math.max(...ticks.map((t) => estimateTextWidth(format(t), LAYOUT_FONT))) + 12;
  const top = LAYOUT_FONT * 2 + 18;
  const plotHeight = 180;
  const bottom = LAYOUT_FONT * 2 + 26;
  const height = top + plotHeight + bottom;
  const plotWidth = width - left - 8;
  const y = axis.scale.range([top + plotHeight, top]);
  // Each category's point in the middle of its share of the width.
  const x = scalePoint<number>()
    .domain(indicesOf(categories))
    .range([left, left + plotWidth])
    .padding(0.5);
  const xOf = (c: number) => x(c) ?? left;
  const band = x.step();
  const path = line<number | null | undefined>()
    .defined((value) => value !== null && value !== undefined)
    .x((_, c) => xOf(c))
    .y((value) => y(value ?? 0))
    .digits(2);
  const step = labelStep(categories, band, LAYOUT_FONT);
  const shownLabel = namedEvery(step, categories.length);
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
            {/* d3 breaks the line at each missing value: no line across an edition without a value. */}
            <path d={path(s.values) ?? ''} class={`chart__line chart__stroke-${tone}`} stroke-dasharray={dashOf(i)} />
            {s.values.map((value, c) =>
              value === null || value === undefined ? null : (
                <g key={c}>
                  <Marker shape={markerOf(i)} x={xOf(c)} y={y(value)} tone={tone} />
                  {showsValue(c) ? (
                    <text x={r(xOf(c))} y={r(y(value) - 11)} text-anchor="middle" class="chart__value" font-size={FONT}>
                      {format(value)}
                    </text>
                  ) : null}
                </g>
              ),
            )}
          </g>
        );
      })}
      {categories.map((category, c) =>
        shownLabel(c) ? (
          <text key={category} x={r(xOf(c))} y={r(top + plotHeight + LAYOUT_FONT + 8)} text-anchor="middle" class="chart__tick" font-size={FONT}>
            {category}
          </text>
        ) : null,
      )}
      <CategoryAxisTitle x={r(left + plotWidth / 2)} y={r(height - 8)} title={props.categoryLabel} />
    </ChartFigure>
  );
}

/** Values of a radar chart: scores out of 100. */
const RADAR_MAX = 100;
/** The outer ring's radius at most, and at least: it shrinks to leave the side labels room. */
const RADAR_RADIUS = 110;
const RADAR_MIN_RADIUS = 64;
/** How wide a label beside the circle may be before it is cut into lines. */
const RADAR_LABEL_WIDTH = 100;
/** Between the outer ring and an axis' label. */
const RADAR_GAP = 10;
const LINE_HEIGHT = LAYOUT_FONT * 1.2;

/**
 * A radar chart: one axis per category around a circle, starting at the top and turning clockwise;
 * each series (one or two: a territory, its peers) is a closed polygon with its own dash and marker
 * shape. Values are scores from 0 to 100 on concentric rings; a missing value sits at the centre,
 * without a marker, and the table says it is missing.
 */
export function RadarChart(props: ChartProps) {
  const { categories, series } = props;
  const format = props.format ?? defaultFormat;
  const width = 400;
  const half = width / 2 - 2;
  const angle = scaleLinear()
    .domain([0, Math.max(categories.length, 1)])
    .range([0, 2 * Math.PI]);
  // A label beside the circle (not straight above or below it) is limited by the room on its side.
  const side = (c: number) => Math.abs(Math.sin(angle(c)));
  const beside = (c: number) => side(c) >= 0.15;
  const wanted = categories.map((category) => Math.min(RADAR_LABEL_WIDTH, estimateTextWidth(category, LAYOUT_FONT)));
  const radius = Math.max(
    RADAR_MIN_RADIUS,
    Math.min(RADAR_RADIUS, ...categories.map((_, c) => (beside(c) ? (half - (wanted[c] ?? 0)) / side(c) - RADAR_GAP : RADAR_RADIUS))),
  );
  const labels = categories.map((category, c) => {
    // Straight above or below the circle, a label may be wider: it is moved clear of its neighbours below.
    const lines = wrapText(category, beside(c) ? Math.max(48, half - side(c) * (radius + RADAR_GAP)) : RADAR_LABEL_WIDTH * 1.5, LAYOUT_FONT);
    const [x, y] = pointRadial(angle(c), radius + RADAR_GAP);
    const sin = Math.sin(angle(c));
    const width = Math.max(0, ...lines.map((l) => estimateTextWidth(l, LAYOUT_FONT)));
    const height = lines.length * LINE_HEIGHT;
    const anchor = sin > 0.15 ? 'start' : sin < -0.15 ? 'end' : 'middle';
    const left = anchor === 'start' ? x : anchor === 'end' ? x - width : x - width / 2;
    // Above the circle a label ends at its point, below it starts there, on the sides it is centred.
    return { lines, x, left, right: left + width, top: y - (height * (1 + Math.cos(angle(c)))) / 2, height, anchor, above: Math.cos(angle(c)) > 0 };
  });
  // Neighbours on one side may overlap when there are many axes: they are moved apart vertically…
  for (const anchor of ['start', 'end']) {
    const column = labels.filter((l) => l.anchor === anchor);
    const tops = spreadApart(column, 2);
    column.forEach((label, k) => (label.top = tops[k] ?? label.top));
  }
  // …and a label straight above (below) the circle goes above (below) those it would cover.
  for (const label of labels.filter((l) => l.anchor === 'middle')) {
    const covered = labels.filter((o) => o.anchor !== 'middle' && o.left < label.right && o.right > label.left && o.above === label.above);
    if (label.above) label.top = Math.min(label.top, ...covered.map((o) => o.top - 2 - label.height));
    else label.top = Math.max(label.top, ...covered.map((o) => o.top + o.height + 2));
  }
  const titleRoom = LAYOUT_FONT + 14;
  const centreY = titleRoom - Math.min(-radius, ...labels.map((l) => l.top));
  const height = centreY + Math.max(radius, ...labels.map((l) => l.top + l.height)) + 8;
  const value = scaleLinear().domain([0, RADAR_MAX]).range([0, radius]).clamp(true);
  const rings = value.ticks(5).filter((tick) => tick > 0);
  const polygon = lineRadial<number | null | undefined>()
    .angle((_, c) => angle(c))
    .radius((v) => value(v ?? 0))
    .curve(curveLinearClosed)
    .digits(2);
  return (
    <ChartFigure {...props} width={width} height={height} legend={series.length > 1 ? 'line' : null}>
      <text x="0" y={LAYOUT_FONT} class="chart__axis-title" font-size={FONT}>
        {props.valueLabel}
      </text>
      <g transform={`translate(${r(width / 2)} ${r(centreY)})`}>
        {rings.map((ring) => (
          <circle key={ring} r={r(value(ring))} fill="none" class={ring === RADAR_MAX ? 'chart__axis' : 'chart__grid'} />
        ))}
        {categories.map((_, c) => {
          const [x, y] = pointRadial(angle(c), radius);
          return <line key={c} x1="0" y1="0" x2={r(x)} y2={r(y)} class="chart__grid" />;
        })}
        {series.map((s, i) => {
          const tone = toneOf(series, i);
          const d = polygon(categories.map((_, c) => s.values[c])) ?? '';
          return (
            <g key={s.key}>
              {/* A light fill shows the shape; the outline's dash and the markers tell the series apart. */}
              <path d={d} class={`chart__tone-${tone}`} fill-opacity="0.12" />
              <path d={d} class={`chart__line chart__stroke-${tone}`} stroke-dasharray={dashOf(i)} />
              {categories.map((_, c) => {
                const v = s.values[c];
                if (v === null || v === undefined) return null;
                const [x, y] = pointRadial(angle(c), value(v));
                return <Marker key={c} shape={markerOf(i)} x={x} y={y} tone={tone} />;
              })}
            </g>
          );
        })}
        {/* Each ring's value just inside it, right of the first axis and clear of its markers. */}
        {rings.map((ring) => (
          <text key={ring} x="8" y={r(LAYOUT_FONT * 0.8 - value(ring))} class="chart__tick" font-size={FONT}>
            {format(ring)}
          </text>
        ))}
        {labels.map((label, c) => (
          <text key={c} text-anchor={label.anchor} class="chart__label" font-size={FONT}>
            {label.lines.map((text, k) => (
              <tspan key={k} x={r(label.x)} y={r(label.top + LINE_HEIGHT * k + LAYOUT_FONT * 0.8)}>
                {text}
              </tspan>
            ))}
          </text>
        ))}
      </g>
    </ChartFigure>
  );
}

/** d3's symbols, centred on 0,0 and sized by area: a diamond and a triangle about as big as the circle. */
const DIAMOND = symbol(symbolDiamond2, 91.8).digits(2)() ?? '';
const TRIANGLE = symbol(symbolTriangle, 70).digits(2)() ?? '';

function Marker(props: { shape: (typeof MARKERS)[number]; x: number; y: number; tone: number }) {
  const { x, y } = props;
  const cls = `chart__marker chart__tone-${props.tone}`;
  if (props.shape === 'square') return <rect x={r(x - 4.5)} y={r(y - 4.5)} width="9" height="9" class={cls} />;
  if (props.shape === 'diamond' || props.shape === 'triangle')
    return <path d={props.shape === 'diamond' ? DIAMOND : TRIANGLE} transform={`translate(${r(x)} ${r(y)})`} class={cls} />;
  return <circle cx={r(x)} cy={r(y)} r="5" class={cls} />;
}

function ValueAxis(props: { ticks: number[]; y: ScaleLinear<number, number>; left: number; right: number; format: (v: number) => string; title: string }) {
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

function CategoryAxisTitle(props: { x: number; y: number; title: string }) {
  return (
    <text x={props.x} y={props.y} text-anchor="middle" class="chart__axis-title" font-size={FONT}>
      {props.title}
    </text>
  );
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
function Motif(props: { id: string; tone: number; motif: (typeof MOTIFS)[number] }) {
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
function ChartTable(props: ChartProps) {
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
