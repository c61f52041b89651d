import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { h, type VNode } from 'preact';
import { renderToString } from 'preact-render-to-string';
import { decodeEntities } from '../../../test/support/http-client.ts';
import { assertWellFormedXml } from '../../../test/support/well-formed-xml.ts';
import { estimateTextWidth, labelStep, spreadApart, valueScale, wrapText } from './chart-geometry.ts';
import { BarChart, HorizontalBarChart, LineChart, type ChartProps } from './charts.tsx';
import { RadarChart } from './radar-chart.tsx';
import { formatNumber } from './format.ts';

const base: ChartProps = {
  id: 'essai',
  title: 'Territoires par niveau',
  description: 'Barres empilées par édition.',
  categories: ['2021', '2022', '2023'],
  series: [
    { key: 'un', label: '1 @', values: [1200, 0, 3] },
    { key: 'deux', label: '2 @', values: [34, null, 5] },
  ],
  categoryLabel: 'Édition',
  valueLabel: 'Territoires',
  table: { caption: 'Territoires par niveau et par édition', total: 'Total', empty: 'Pas de données' },
};

const render = <P>(vnode: VNode<P>) => decodeEntities(renderToString(vnode));

/** The cells of the table’s body, row by row, as text. */
function tableRows(html: string): string[][] {
  const body = /<tbody>([\s\S]*?)<\/tbody>/.exec(html)?.[1] ?? '';
  return [...body.matchAll(/<tr>([\s\S]*?)<\/tr>/g)].map((row) =>
    [...row[1]!.matchAll(/<t[hd][^>]*>([\s\S]*?)<\/t[hd]>/g)].map((c) => decodeEntities(c[1]!.replace(/<[^>]+>/g, ''))),
  );
}

describe('chart geometry', () => {
  const ticksOf = (values: number[], format: (v: number) => string = formatNumber) => valueScale(values, format).ticks;

  test('value ticks start at 0 and reach at least the maximum in round steps', () => {
    assert.deepEqual(ticksOf([6]), [0, 2, 4, 6]);
    assert.deepEqual(ticksOf([303, 12]), [0, 100, 200, 300, 400]);
    assert.deepEqual(ticksOf([]), [0, 1]);
    assert.deepEqual(ticksOf([0]), [0, 1]);
    for (const max of [1, 2, 3, 7, 24, 99, 350, 12_040]) {
      const { scale, ticks } = valueScale([max], formatNumber);
      assert.ok(ticks.at(-1)! >= max && ticks.length <= 7, `${max}: ${ticks}`);
      assert.equal(scale.domain()[1], ticks.at(-1), 'the axis ends on its last tick');
    }
  });

  test('counts get whole ticks only; no two ticks read the same', () => {
    assert.deepEqual(ticksOf([1]), [0, 1], 'counts never get a fractional step');
    assert.deepEqual(ticksOf([3, 2]), [0, 1, 2, 3]);
    assert.deepEqual(ticksOf([0.4, 1.5]), [0, 0.5, 1, 1.5], 'fractional data keep d3’s finer step');
    const rounded = ticksOf([0.4, 1.7], (v) => String(Math.round(v)));
    assert.deepEqual(rounded, [0, 1, 2], 'a coarser format asks for fewer ticks');
  });

  test('scales, widths, label thinning and wrapping', () => {
    const { scale } = valueScale([10], formatNumber);
    const y = scale.range([200, 0]);
    assert.equal(y(0), 200);
    assert.equal(y(5), 100);
    assert.ok(estimateTextWidth('Provence-Alpes-Côte d’Azur', 16) > estimateTextWidth('Corse', 16));
    assert.equal(labelStep(['2017', '2018'], 60, 16), 1);
    assert.ok(
      labelStep(
        Array.from({ length: 25 }, (_, i) => String(1999 + i)),
        14,
        16,
      ) >= 3,
      'years thinned on a crowded axis',
    );
    const lines = wrapText('Attractivité du territoire', 110, 16);
    assert.ok(lines.length === 2 && lines.every((l) => estimateTextWidth(l, 16) <= 110), lines.join(' | '));
    assert.equal(lines.join(' '), 'Attractivité du territoire');
    assert.deepEqual(wrapText('Développement', 40, 16), ['Développement'], 'a long word keeps its line');
  });
  test('blocks moved apart share the move and never overlap', () => {
    assert.deepEqual(
      spreadApart(
        [
          { top: 0, height: 10 },
          { top: 50, height: 10 },
        ],
        2,
      ),
      [0, 50],
      'apart already: unmoved',
    );
    const tops = spreadApart(
      [
        { top: 10, height: 20 },
        { top: 0, height: 20 },
        { top: 40, height: 10 },
      ],
      2,
    );
    const placed = tops.map((top, k) => ({ top, height: [20, 20, 10][k]! })).sort((a, b) => a.top - b.top);
    for (let k = 1; k < placed.length; k++) assert.ok(placed[k]!.top >= placed[k - 1]!.top + placed[k - 1]!.height + 2 - 1e-9, JSON.stringify(tops));
    assert.ok(tops[1]! < 0 && tops[0]! > 10, 'each of an overlapping pair moves half the way');
  });
});

describe('charts', () => {
  test('an image named by its title and description, ids unique to the chart', () => {
    const html = render(h(BarChart, { ...base, stacked: true }));
    assert.match(html, /<svg class="chart__svg" role="img" aria-labelledby="essai-titre" aria-describedby="essai-desc" viewBox="0 0 400 [\d.]+"/);
    assert.ok(html.includes('<title id="essai-titre">Territoires par niveau</title>'));
    assert.match(html, /<desc id="essai-desc">Barres empilées par édition\. Les valeurs exactes figurent dans le tableau/);
    assert.ok(!/style=/.test(html), 'no inline style: the CSP forbids it, colours come from the stylesheet');
    assert.ok(!/<script/.test(html));
  });

  test('a stacked bar chart draws each non-empty value, totals in French, and a table with the same figures', () => {
    const html = render(h(BarChart, { ...base, stacked: true }));
    // 1200, 34, 3, 5: four bars; zero and null draw nothing.
    assert.equal(html.match(/<rect class="chart__bar"/g)?.length, 4);
    const texts = [...html.matchAll(/<text[^>]*class="chart__value"[^>]*>([^<]*)<\/text>/g)].map((m) => m[1]);
    assert.deepEqual(texts, ['1\u202f234', '8'], 'totals above the bars, in French; none for an empty edition');
    assert.deepEqual(tableRows(html), [
      ['2021', '1\u202f200', '34', '1\u202f234'],
      ['2022', '0', 'Pas de données', '0'],
      ['2023', '3', '5', '8'],
    ]);
    assert.match(
      html,
      /<div class="table-wrapper" role="region" tabindex="0" aria-labelledby="essai-tableau"><table class="table"><caption class="visually-hidden" id="essai-tableau">Territoires par niveau et par édition<\/caption>/,
    );
  });

  test('series are told apart by motif, and named in a legend', () => {
    const html = render(h(BarChart, { ...base, stacked: true }));
    assert.ok(html.includes('<pattern id="essai-motif-0"') && html.includes('<pattern id="essai-motif-1"'));
    assert.match(
      html,
      /<pattern id="essai-motif-1"[^>]*patternTransform="rotate\(45\)"><rect width="8" height="8" class="chart__tone-2"><\/rect><rect width="3" height="8" class="chart__motif">/,
      'the second series is hatched',
    );
    assert.ok(html.includes('fill="url(#essai-motif-1)"'));
    assert.deepEqual(
      [...html.matchAll(/<li><svg class="chart__swatch"[\s\S]*?<\/svg>([^<]*)<\/li>/g)].map((m) => m[1]),
      ['1 @', '2 @'],
    );
    const single = render(h(BarChart, { ...base, series: [base.series[0]!] }));
    assert.ok(!single.includes('chart__legend'), 'a lone series needs no legend');
  });

  test('a line chart leaves a gap for a missing value and marks each point', () => {
    const html = render(
      h(LineChart, {
        ...base,
        table: { caption: 'Niveaux', empty: 'Pas de données' },
        series: [{ key: 'niveau', label: 'Niveau', values: [4, null, 5] }],
        domain: { min: 1, max: 5, ticks: [1, 2, 3, 4, 5] },
        format: (v: number) => `${v} @`,
      }),
    );
    const path = /<path d="([^"]+)" class="chart__line/.exec(html)?.[1] ?? '';
    assert.equal(path.match(/M/g)?.length, 2, `two pieces: ${path}`);
    assert.ok(!path.includes('L'), 'no line across the missing edition');
    assert.equal(html.match(/class="chart__marker/g)?.length, 2);
    const ticks = [...html.matchAll(/class="chart__tick"[^>]*>([^<]*)</g)].map((m) => m[1]);
    assert.deepEqual(ticks.slice(0, 5), ['1 @', '2 @', '3 @', '4 @', '5 @']);
    assert.deepEqual(tableRows(html), [
      ['2021', '4 @'],
      ['2022', 'Pas de données'],
      ['2023', '5 @'],
    ]);
  });

  test('a line chart with several series gives each its marker shape and dash', () => {
    const html = render(h(LineChart, base));
    assert.ok(html.includes('<circle') && /<rect x="[\d.]+" y="[\d.]+" width="9" height="9" class="chart__marker/.test(html), 'circles and squares');
    assert.ok(html.includes('stroke-dasharray="7 4"'), 'the second series is dashed');
  });

  test('a horizontal bar chart writes every name and total as text', () => {
    const html = render(h(HorizontalBarChart, { ...base, categories: ['Pays de la Loire', 'Provence-Alpes-Côte d’Azur', 'Corse'] }));
    for (const name of ['Pays de la Loire', 'Provence-Alpes-Côte d’Azur', 'Corse'])
      assert.ok(html.includes(`class="chart__label" font-size="13">${name}</text>`), name);
    const totals = [...html.matchAll(/class="chart__value"[^>]*>([^<]*)</g)].map((m) => m[1]);
    assert.deepEqual(totals, ['1\u202f234', '0', '8']);
    assert.equal(tableRows(html).length, 3);
  });

  test('a crowded axis names one edition in a few, always the latest', () => {
    const years = Array.from({ length: 10 }, (_, i) => String(2017 + i));
    const html = render(h(BarChart, { ...base, categories: years, series: [{ key: 'un', label: '1 @', values: years.map(() => 100) }] }));
    const names = [...html.matchAll(/class="chart__tick"[^>]*>(\d{4})</g)].map((m) => m[1]);
    assert.ok(names.length < years.length && names.at(-1) === '2026', names.join(' '));
  });

  test('a bar chart of small counts writes whole ticks, each once', () => {
    const html = render(h(BarChart, { ...base, series: [{ key: 'un', label: '1 @', values: [1, 0, 1] }] }));
    const ticks = [...html.matchAll(/class="chart__tick"[^>]*>([^<]*)</g)].map((m) => m[1]);
    assert.deepEqual(ticks.slice(0, 2), ['0', '1']);
    assert.equal(ticks.length, 2 + base.categories.length);
  });
});

describe('radar chart', () => {
  const themes = ['Services publics', 'Démocratie locale', 'Vie quotidienne', 'Cohésion sociale', 'Éducation', 'Écoles & "crèches" <3 ans'];
  const radar: ChartProps = {
    id: 'radar',
    title: 'Autoévaluation par thème',
    description: 'Score de chaque thème sur 100, comparé à la médiane des territoires de la strate.',
    categories: themes,
    series: [
      { key: 'territoire', label: 'Trélazé', values: [100, 40, 0, 62.5, null, 75] },
      { key: 'strate', label: 'Médiane de la strate', values: [55, 50, 45, 40, 35, 30] },
    ],
    categoryLabel: 'Thème',
    valueLabel: 'Score sur 100',
    table: { caption: 'Scores de l’autoévaluation par thème', empty: 'Non évalué' },
  };
  const svgOf = (html: string) =>
    html.slice(html.indexOf('<svg class="chart__svg"'), html.indexOf('</svg>', html.indexOf('<svg class="chart__svg"')) + '</svg>'.length);
  /** The vertices of a path made of M, L and Z commands. */
  const vertices = (d: string) => [...d.matchAll(/[ML](-?[\d.]+),(-?[\d.]+)/g)].map((m) => [Number(m[1]), Number(m[2])] as const);

  test('an image named by its title and description, whose SVG is well-formed XML', () => {
    const raw = renderToString(h(RadarChart, radar));
    assertWellFormedXml(svgOf(raw));
    const html = decodeEntities(raw);
    assert.match(html, /<svg class="chart__svg" role="img" aria-labelledby="radar-titre" aria-describedby="radar-desc" viewBox="0 0 400 [\d.]+"/);
    assert.ok(html.includes('<title id="radar-titre">Autoévaluation par thème</title>'));
    assert.match(html, /<desc id="radar-desc">Score de chaque thème sur 100, comparé à la médiane des territoires de la strate\. Les valeurs exactes/);
    assert.ok(!/style=/.test(html) && !/<script/.test(html));
  });

  test('each series is a closed polygon with one vertex per axis, told apart by dash and marker', () => {
    const page = render(h(RadarChart, radar));
    const html = svgOf(page);
    const outlines = [...html.matchAll(/<path d="([^"]+)" class="chart__line chart__stroke-(\d)"( stroke-dasharray="([^"]+)")?/g)];
    assert.equal(outlines.length, 2);
    for (const [, d] of outlines) {
      assert.equal(vertices(d!).length, themes.length, d);
      assert.ok(d!.endsWith('Z'), 'closed');
    }
    assert.equal(outlines[0]![3], undefined, 'the first series is plain');
    assert.equal(outlines[1]![4], '7 4', 'the second is dashed');
    assert.deepEqual(
      outlines.map((o) => o[2]),
      ['1', '2'],
      'and has its own colour',
    );
    // Five markers for the territory (one value is missing), six squares for the stratum.
    assert.equal(html.match(/<circle cx="[^"]+" cy="[^"]+" r="5" class="chart__marker chart__tone-1"/g)?.length, 5);
    assert.equal(html.match(/width="9" height="9" class="chart__marker chart__tone-2"/g)?.length, 6);
    assert.deepEqual(
      [...page.matchAll(/<li><svg class="chart__swatch"[\s\S]*?<\/svg>([^<]*)<\/li>/g)].map((m) => m[1]),
      ['Trélazé', 'Médiane de la strate'],
    );
  });

  test('a value of 100 reaches the outer ring, 0 and a missing value sit at the centre', () => {
    const html = render(h(RadarChart, radar));
    const rings = [...html.matchAll(/<circle r="([\d.]+)" fill="none" class="chart__(axis|grid)"/g)].map((m) => ({
      radius: Number(m[1]),
      outer: m[2] === 'axis',
    }));
    assert.equal(rings.length, 5, 'rings at 20, 40, 60, 80 and 100');
    const outer = rings.find((ring) => ring.outer)!.radius;
    assert.equal(outer, Math.max(...rings.map((ring) => ring.radius)));
    const d = /<path d="([^"]+)" class="chart__line chart__stroke-1"/.exec(html)![1]!;
    const points = vertices(d);
    assert.deepEqual(points[0], [0, -outer], 'the first axis points up, 100 on the outer ring');
    assert.ok(Math.abs(Math.hypot(...points[5]!) - outer * 0.75) < 0.02, '75 three quarters of the way');
    assert.deepEqual(points[2]!.map(Math.abs), [0, 0], 'a score of 0 at the centre');
    assert.deepEqual(points[4]!.map(Math.abs), [0, 0], 'a missing score too');
    const ringLabels = [...html.matchAll(/class="chart__tick"[^>]*>([^<]*)</g)].map((m) => m[1]);
    assert.deepEqual(ringLabels, ['20', '40', '60', '80', '100']);
  });

  test('axis labels are written around the circle, escaped', () => {
    const raw = renderToString(h(RadarChart, radar));
    assert.ok(raw.includes('Écoles &amp; &quot;crèches&quot; &lt;3 ans') && !raw.includes('<3 ans'), 'the markup of a name is escaped');
    const labels = [...raw.matchAll(/<text text-anchor="(start|middle|end)" class="chart__label"[^>]*>([\s\S]*?)<\/text>/g)].map((m) => ({
      anchor: m[1],
      text: [...m[2]!.matchAll(/<tspan[^>]*>([^<]*)<\/tspan>/g)].map((t) => decodeEntities(t[1]!)).join(' '),
    }));
    assert.deepEqual(
      labels.map((l) => l.text),
      themes,
    );
    assert.deepEqual(
      labels.map((l) => l.anchor),
      ['middle', 'start', 'start', 'middle', 'end', 'end'],
      'right of the circle from the left, left of it from the right',
    );
  });

  test('with sixteen axes, the labels of one side do not overlap', () => {
    const names = Array.from({ length: 16 }, (_, i) => `Thème numéro ${i + 1} du référentiel`);
    const html = render(h(RadarChart, { ...radar, categories: names, series: [{ key: 't', label: 'T', values: names.map(() => 50) }] }));
    const labels = [...html.matchAll(/<text text-anchor="(start|middle|end)" class="chart__label"[^>]*>([\s\S]*?)<\/text>/g)].map((m) => {
      const ys = [...m[2]!.matchAll(/<tspan x="[^"]+" y="([^"]+)"/g)].map((t) => Number(t[1]));
      return { anchor: m[1], top: Math.min(...ys) - 13, bottom: Math.max(...ys) + 4 };
    });
    assert.equal(labels.length, 16);
    for (const anchor of ['start', 'end']) {
      const column = labels.filter((l) => l.anchor === anchor).sort((a, b) => a.top - b.top);
      for (let k = 1; k < column.length; k++) assert.ok(column[k]!.top >= column[k - 1]!.bottom, `${anchor}: ${JSON.stringify(column)}`);
    }
  });

  test('its table holds the figures, in French', () => {
    const html = renderToString(h(RadarChart, radar));
    assert.deepEqual(tableRows(html), [
      ['Services publics', '100', '55'],
      ['Démocratie locale', '40', '50'],
      ['Vie quotidienne', '0', '45'],
      ['Cohésion sociale', '62,5', '40'],
      ['Éducation', 'Non évalué', '35'],
      ['Écoles & "crèches" <3 ans', '75', '30'],
    ]);
    const single = render(h(RadarChart, { ...radar, series: [radar.series[0]!] }));
    assert.ok(!single.includes('chart__legend'), 'a lone series needs no legend');
    assert.ok(single.includes('chart__stroke-5'), 'a lone series in the brand colour');
  });
});
