import { scaleLinear } from 'd3-scale';
import { curveLinearClosed, lineRadial, pointRadial } from 'd3-shape';
import { estimateTextWidth, r, spreadApart, wrapText } from './chart-geometry.ts';
import { ChartFigure, dashOf, defaultFormat, FONT, LAYOUT_FONT, Marker, markerOf, toneOf, type ChartProps } from './chart-parts.tsx';

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
