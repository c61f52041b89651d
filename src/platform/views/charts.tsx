import { scaleBand, scaleLinear, scalePoint } from 'd3-scale';
import { line, stack } from 'd3-shape';
import { estimateTextWidth, labelStep, r, valueScale } from './chart-geometry.ts';

/**
 * Charts drawn on the server as inline SVG, without JavaScript. Each is an image named by its
 * <title> and <desc>, and is always followed by a data table holding the same figures: the table is
 * what a screen reader, a keyboard user or a copy-paste uses. Series are told apart by their motif
 * (plain, hatched, dotted) or marker shape as well as by their colour; colours come from the
 * stylesheet's --chart-N properties (section 20 of arobase.css). Scales come from d3-scale and
 * paths from d3-shape, both pure functions here: no DOM on the server.
 */

import {
  CategoryAxisTitle,
  ChartFigure,
  FONT,
  LAYOUT_FONT,
  Marker,
  ValueAxis,
  dashOf,
  defaultFormat,
  indicesOf,
  markerOf,
  motifId,
  namedEvery,
  toneOf,
  type ChartProps,
  type ChartSeries,
} from './chart-parts.tsx';

export type { ChartProps, ChartSeries, ChartTableOptions } from './chart-parts.tsx';

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
