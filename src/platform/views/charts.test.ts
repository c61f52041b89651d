import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { h, type VNode } from 'preact';
import { renderToString } from 'preact-render-to-string';
import { decodeEntities } from '../../../test/support/http-client.ts';
import { estimateTextWidth, labelStep, linearScale, niceTicks } from './chart-geometry.ts';
import { BarChart, HorizontalBarChart, LineChart, type ChartProps } from './charts.tsx';

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

const render = <P,>(vnode: VNode<P>) => decodeEntities(renderToString(vnode));

/** The cells of the table's body, row by row, as text. */
function tableRows(html: string): string[][] {
  const body = /<tbody>([\s\S]*?)<\/tbody>/.exec(html)?.[1] ?? '';
  return [...body.matchAll(/<tr>([\s\S]*?)<\/tr>/g)].map((row) => [...row[1]!.matchAll(/<t[hd][^>]*>([\s\S]*?)<\/t[hd]>/g)].map((c) => c[1]!.replace(/<[^>]+>/g, '')));
}

describe('chart geometry', () => {
  test('nice ticks start at 0 and reach at least the maximum in round steps', () => {
    assert.deepEqual(niceTicks(6), [0, 2, 4, 6]);
    assert.deepEqual(niceTicks(303), [0, 100, 200, 300, 400]);
    assert.deepEqual(niceTicks(0), [0, 1]);
    assert.deepEqual(niceTicks(1), [0, 1], 'counts never get a fractional step');
    for (const max of [1, 7, 24, 99, 350, 12_040]) {
      const ticks = niceTicks(max);
      assert.ok(ticks.at(-1)! >= max && ticks.length <= 7, `${max}: ${ticks}`);
    }
  });

  test('scales, widths and label thinning', () => {
    const y = linearScale([0, 10], [200, 0]);
    assert.equal(y(0), 200);
    assert.equal(y(5), 100);
    assert.ok(estimateTextWidth('Provence-Alpes-Côte d’Azur', 16) > estimateTextWidth('Corse', 16));
    assert.equal(labelStep(['2017', '2018'], 60, 16), 1);
    assert.ok(labelStep(Array.from({ length: 25 }, (_, i) => String(1999 + i)), 14, 16) >= 3, 'years thinned on a crowded axis');
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
    assert.match(html, /<div class="table-wrapper" role="region" tabindex="0" aria-labelledby="essai-tableau"><table class="table"><caption class="visually-hidden" id="essai-tableau">Territoires par niveau et par édition<\/caption>/);
  });

  test('series are told apart by motif, and named in a legend', () => {
    const html = render(h(BarChart, { ...base, stacked: true }));
    assert.ok(html.includes('<pattern id="essai-motif-0"') && html.includes('<pattern id="essai-motif-1"'));
    assert.match(html, /<pattern id="essai-motif-1"[^>]*patternTransform="rotate\(45\)"><rect width="8" height="8" class="chart__tone-2"><\/rect><rect width="3" height="8" class="chart__motif">/, 'the second series is hatched');
    assert.ok(html.includes('fill="url(#essai-motif-1)"'));
    assert.deepEqual([...html.matchAll(/<li><svg class="chart__swatch"[\s\S]*?<\/svg>([^<]*)<\/li>/g)].map((m) => m[1]), ['1 @', '2 @']);
    const single = render(h(BarChart, { ...base, series: [base.series[0]!] }));
    assert.ok(!single.includes('chart__legend'), 'a lone series needs no legend');
  });

  test('a line chart leaves a gap for a missing value and marks each point', () => {
    const html = render(h(LineChart, { ...base, table: { caption: 'Niveaux', empty: 'Pas de données' }, series: [{ key: 'niveau', label: 'Niveau', values: [4, null, 5] }], domain: { min: 1, max: 5, ticks: [1, 2, 3, 4, 5] }, format: (v: number) => `${v} @` }));
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
    const html = render(h(HorizontalBarChart, { ...base, categories: ['Pays de la Loire', "Provence-Alpes-Côte d'Azur", 'Corse'] }));
    for (const name of ['Pays de la Loire', "Provence-Alpes-Côte d'Azur", 'Corse']) assert.ok(html.includes(`class="chart__label" font-size="13">${name}</text>`), name);
    const totals = [...html.matchAll(/class="chart__value"[^>]*>([^<]*)</g)].map((m) => m[1]);
    assert.deepEqual(totals, ['1\u202f234', '0', '8']);
    assert.equal(tableRows(html).length, 3);
  });
});
