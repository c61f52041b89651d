// Eco-design budgets as tests (issue 16): every public page of the demo data, measured in Chromium
// on a first visit, must stay within the byte, script and request budgets below and reach its
// EcoIndex grade. The table of the measures is printed, so a regression shows which page grew.
//
// What is counted, and why:
// - Bytes are what crosses the wire: for each response, its headers plus its body as sent, i.e.
//   compressed (Playwright's `responseBodySize` is the encoded size). Headers are included, as
//   EcoIndex does (its reference scraper sums the HAR's `_transferSize`). 1 kB = 1000 bytes, as there.
// - Chromium asks for `br`/`gzip`, so the sizes are the compressed ones; a test checks that at least
//   one response did come compressed, or the figures would silently measure the raw bytes.
// - Photos (the sheets' `/photos/:id` and `/photos/:id/vignette`) are left out of the byte budget
//   only, as issue 16 sets it; they count in the requests and in the EcoIndex.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import type { Page, Request } from 'playwright-core';
import { systemCaller } from '../../src/modules/accounts/permissions.rules.ts';
import { seedDemo } from '../../src/modules/demo/seed-demo.service.ts';
import { formatOneDecimal } from '../../src/platform/views/format.ts';
import { skipWithoutBrowser, useBrowser } from '../support/browser.ts';
import { ECOINDEX_QUANTILES, ECOINDEX_WEIGHTS, ecoIndex, gradeAtLeast, quantileRank, type EcoIndex, type EcoIndexGrade } from '../support/ecoindex.rules.ts';
import { useTestServer } from '../support/test-server.ts';

/** The budgets of every page (issue 16). */
const BUDGET = {
  /** kB transferred, photos excluded. */
  kbWithoutPhotos: 100,
  /** kB of JavaScript transferred. */
  kbJavaScript: 25,
  /** Requests, photos included. */
  requests: 20,
} as const;
/** The EcoIndex grade a page must reach: A, but for the two pages whose content is a large table or chart set. */
const DEFAULT_GRADE: EcoIndexGrade = 'A';
const GRADE_EXCEPTIONS: Readonly<Record<string, EcoIndexGrade>> = {
  '/palmares/:year': 'B',
  '/palmares/:year?niveau=2': 'B',
  '/palmares/:year/carte?vue=tableau': 'B',
  '/statistiques': 'B',
};
/** The pages that do not reach their grade yet, with why: reported as to-do, not hidden (none today). */
const GRADE_NOT_YET: Readonly<Record<string, string>> = {};

const TRELAZE = '49353';
const LE_TRAIT = '76709';
const KB = 1000;
const PHOTO_PATH = /^\/photos\/[^/]+(\/vignette)?$/;

/** What the pages' addresses need from the demo data, read through the public API. */
type DemoIds = { year: number; sheetId: string };

/** The public pages: a route (the name of the budget exception and of the test) and its address in the demo data. */
const PAGES: { route: string; url: (ids: DemoIds) => string }[] = [
  { route: '/', url: () => '/' },
  { route: '/territoires/:code (Trélazé)', url: () => `/territoires/${TRELAZE}` },
  { route: '/territoires/:code (Le Trait)', url: () => `/territoires/${LE_TRAIT}` },
  { route: '/territoires', url: () => '/territoires' },
  { route: '/palmares', url: () => '/palmares' },
  { route: '/palmares/:year', url: ({ year }) => `/palmares/${year}` },
  // The largest level of the demo's last edition has its own list (see openLevels).
  { route: '/palmares/:year?niveau=2', url: ({ year }) => `/palmares/${year}?niveau=2` },
  // There is no /carte: the map is the edition's own page.
  { route: '/palmares/:year/carte', url: ({ year }) => `/palmares/${year}/carte` },
  // The map's text alternative: its data as a table, a page of its own.
  { route: '/palmares/:year/carte?vue=tableau', url: ({ year }) => `/palmares/${year}/carte?vue=tableau` },
  { route: '/initiatives', url: () => '/initiatives' },
  { route: '/initiatives?q=ordinateurs', url: () => '/initiatives?q=ordinateurs' },
  { route: '/initiatives/:id', url: ({ sheetId }) => `/initiatives/${sheetId}` },
  { route: '/statistiques', url: () => '/statistiques' },
];

type Resource = { url: string; type: string; bytes: number; photo: boolean; encoding: string | null; status: number | null };
/** Where the elements are, to say what to trim when the DOM weighs on the EcoIndex. */
type DomBreakdown = { tags: [string, number][]; sections: [string, number][] };
type Measure = {
  route: string;
  url: string;
  domElements: number;
  dom: DomBreakdown;
  resources: Resource[];
  requests: number;
  kbTotal: number;
  kbWithoutPhotos: number;
  kbJavaScript: number;
  eco: EcoIndex;
  requiredGrade: EcoIndexGrade;
};

const kb = (bytes: number) => `${formatOneDecimal(bytes / KB)}\u00a0ko`;
const sumKb = (resources: Resource[]) => resources.reduce((n, r) => n + r.bytes, 0) / KB;

/** One finished (or failed) request: its bytes on the wire, headers included, body as encoded. */
async function resourceOf(request: Request, origin: string): Promise<Resource> {
  // A failed request has no sizes to give: it still counts as a request.
  const [sizes, response] = await Promise.all([request.sizes().catch(() => ({ responseHeadersSize: 0, responseBodySize: 0 })), request.response()]);
  const url = new URL(request.url());
  const headers = response ? await response.allHeaders() : {};
  return {
    url: url.origin === origin ? `${url.pathname}${url.search}` : url.href,
    type: request.resourceType(),
    bytes: sizes.responseHeadersSize + sizes.responseBodySize,
    photo: url.origin === origin && request.resourceType() === 'image' && PHOTO_PATH.test(url.pathname),
    encoding: headers['content-encoding'] ?? null,
    status: response?.status() ?? null,
  };
}

/**
 * The DOM elements as EcoIndex counts them (https://www.ecoindex.fr/comment-ca-marche, and the
 * project's reference scraper): every element, less those inside an inline `<svg>` (the `<svg>`
 * itself counts). Our charts and the map are inline SVG: their shapes are not counted.
 */
const countDomElements = (page: Page) => page.evaluate(() => document.getElementsByTagName('*').length - document.querySelectorAll('svg *').length);

/**
 * The most frequent tags, and the blocks of the main content with the most elements (the children of
 * `<main>`, or of its only wrapper), counted as above.
 */
const breakDownDom = async (page: Page): Promise<DomBreakdown> => {
  // No named function inside the evaluated code: tsx would wrap it in a helper the page lacks.
  const { tags, blocks } = await page.evaluate(() => {
    const tags: Record<string, number> = {};
    for (const el of document.getElementsByTagName('*')) if (!el.parentElement?.closest('svg')) tags[el.localName] = (tags[el.localName] ?? 0) + 1;
    let blocks = [...(document.querySelector('main')?.children ?? [])];
    while (blocks.length === 1 && blocks[0]!.children.length > 0) blocks = [...blocks[0]!.children];
    return {
      tags,
      blocks: blocks.map((el) => ({
        name: `${el.localName}${el.id ? `#${el.id}` : ''}${el.classList[0] ? `.${el.classList[0]}` : ''}`,
        heading: el.querySelector('h1, h2, h3, summary, caption')?.textContent?.trim().replace(/\s+/g, ' ').slice(0, 40) ?? '',
        elements: el.querySelectorAll('*').length - el.querySelectorAll('svg *').length + 1,
      })),
    };
  });
  const top = (entries: [string, number][]) => entries.sort((a, b) => b[1] - a[1]).slice(0, 3);
  return {
    tags: top(Object.entries(tags)),
    sections: top(blocks.map((b): [string, number] => [b.heading ? `${b.name} «\u00a0${b.heading}\u00a0»` : b.name, b.elements])),
  };
};

describe('eco-design budgets of the public pages (Chromium, demo data)', { skip: skipWithoutBrowser }, () => {
  const browser = useBrowser();
  const server = useTestServer('pglite', { listen: true });
  let ids: DemoIds;
  const measures: Measure[] = [];

  before(async () => {
    await seedDemo(server.database.db, systemCaller('eco-design test'), { baseUrl: server.url });
    const api = async <T>(path: string): Promise<T> => {
      const res = await fetch(`${server.url}${path}`);
      assert.equal(res.status, 200, `${path} → ${res.status}`);
      return (await res.json()) as T;
    };
    const editions = await api<{ items: { year: number; state: string }[] }>('/api/v1/editions');
    const published = editions.items.filter((e) => e.state === 'published').map((e) => e.year);
    assert.ok(published.length > 0, 'the demo data has a published edition');
    const search = await api<{ items: { id: string }[] }>('/api/v1/initiatives');
    assert.ok(search.items.length > 0, 'the demo data has published sheets');
    // A sheet with a photo if there is one: its page is the heaviest kind.
    let sheetId = search.items[0]!.id;
    for (const item of search.items) {
      const sheet = await api<{ photos: unknown[] }>(`/api/v1/initiatives/${item.id}`);
      if (sheet.photos.length > 0) {
        sheetId = item.id;
        break;
      }
    }
    ids = { year: Math.max(...published), sheetId };
  });

  /** A first visit: a fresh context (empty cache, no cookie), JavaScript on, 1280 × 900. */
  async function measure(route: string, path: string): Promise<Measure> {
    const page = await browser.newPage({ javaScriptEnabled: true, viewport: { width: 1280, height: 900 } });
    const origin = new URL(server.url).origin;
    const pending: Promise<Resource>[] = [];
    page.on('requestfinished', (request) => pending.push(resourceOf(request, origin)));
    page.on('requestfailed', (request) => pending.push(resourceOf(request, origin)));
    const response = await page.goto(`${server.url}${path}`, { waitUntil: 'load' });
    assert.equal(response?.status(), 200, `${path} → ${response?.status()}`);
    await page.waitForLoadState('networkidle');
    // As the EcoIndex scraper does: scroll to the bottom, so that lazy images are fetched and counted.
    await page.evaluate(() => window.scrollTo(0, document.body.scrollHeight));
    await page.waitForLoadState('networkidle');
    const domElements = await countDomElements(page);
    const dom = await breakDownDom(page);
    const resources = await Promise.all(pending);
    await page.context().close();
    const kbTotal = sumKb(resources);
    const eco = ecoIndex({ domElements, requests: resources.length, sizeKb: kbTotal });
    return {
      route,
      url: path,
      domElements,
      dom,
      resources,
      requests: resources.length,
      kbTotal,
      kbWithoutPhotos: sumKb(resources.filter((r) => !r.photo)),
      kbJavaScript: sumKb(resources.filter((r) => r.type === 'script')),
      eco,
      requiredGrade: GRADE_EXCEPTIONS[route.replace(/ \(.*\)$/, '')] ?? DEFAULT_GRADE,
    };
  }

  /** The three biggest resources of a set, to say what to trim. */
  const biggest = (resources: Resource[]) =>
    [...resources]
      .sort((a, b) => b.bytes - a.bytes)
      .slice(0, 3)
      .map((r) => `${r.url} (${r.type}, ${kb(r.bytes)})`)
      .join(', ');

  /** Every budget the page misses, one French line each, naming the figure, the budget and the heaviest resources. */
  function budgetOverruns(m: Measure): string[] {
    const lines: string[] = [];
    const at = `${m.url}\u00a0:`;
    if (m.kbWithoutPhotos > BUDGET.kbWithoutPhotos)
      lines.push(
        `${at} ${formatOneDecimal(m.kbWithoutPhotos)}\u00a0ko transférés hors photos, budget ${BUDGET.kbWithoutPhotos}\u00a0ko\u202f; les plus lourdes\u00a0: ${biggest(m.resources.filter((r) => !r.photo))}`,
      );
    if (m.kbJavaScript > BUDGET.kbJavaScript)
      lines.push(
        `${at} ${formatOneDecimal(m.kbJavaScript)}\u00a0ko de JavaScript transférés, budget ${BUDGET.kbJavaScript}\u00a0ko\u202f; les plus lourds\u00a0: ${biggest(m.resources.filter((r) => r.type === 'script'))}`,
      );
    if (m.requests > BUDGET.requests)
      lines.push(
        `${at} ${m.requests}\u00a0requêtes, budget ${BUDGET.requests}\u202f; les plus lourdes\u00a0: ${biggest(m.resources)}\u202f; toutes\u00a0: ${m.resources.map((r) => r.url).join(', ')}`,
      );
    const failed = m.resources.filter((r) => r.status === null || r.status >= 400);
    if (failed.length > 0) lines.push(`${at} requêtes en échec\u00a0: ${failed.map((r) => `${r.url} (${r.status ?? 'sans réponse'})`).join(', ')}`);
    return lines;
  }

  /** The grade the page misses, if it does: what weighs most in its EcoIndex, to say what to trim. */
  function gradeOverrun(m: Measure): string[] {
    const lines: string[] = [];
    const at = `${m.url}\u00a0:`;
    if (!gradeAtLeast(m.eco.grade, m.requiredGrade)) {
      // Each measure's weighted rank: the biggest is what to work on first.
      const rank = (table: readonly number[], value: number, weight: number) => formatOneDecimal(weight * quantileRank(table, value));
      const ranks = [
        `DOM ${rank(ECOINDEX_QUANTILES.dom, m.domElements, ECOINDEX_WEIGHTS.dom)}`,
        `requêtes ${rank(ECOINDEX_QUANTILES.requests, m.requests, ECOINDEX_WEIGHTS.requests)}`,
        `poids ${rank(ECOINDEX_QUANTILES.sizeKb, m.kbTotal, ECOINDEX_WEIGHTS.sizeKb)}`,
      ];
      const list = (entries: [string, number][]) => entries.map(([name, n]) => `${name} (${n})`).join(', ');
      lines.push(
        `${at} EcoIndex ${m.eco.score} (${m.eco.grade}), ${m.requiredGrade} au moins attendu, pour ${m.domElements}\u00a0éléments, ${m.requests}\u00a0requêtes et ${formatOneDecimal(m.kbTotal)}\u00a0ko` +
          `\u202f; rangs pondérés\u00a0: ${ranks.join(', ')}\u202f; balises les plus nombreuses\u00a0: ${list(m.dom.tags)}` +
          `\u202f; blocs les plus chargés\u00a0: ${list(m.dom.sections)}\u202f; ressources les plus lourdes\u00a0: ${biggest(m.resources)}`,
      );
    }
    return lines;
  }

  for (const { route, url } of PAGES) {
    let measured: Measure | undefined;
    test(`${route}: within the byte, script and request budgets`, async () => {
      measured = await measure(route, url(ids));
      measures.push(measured);
      const lines = budgetOverruns(measured);
      assert.deepEqual(lines, [], `budgets dépassés\u00a0:\n${lines.join('\n')}`);
    });
    const grade = GRADE_EXCEPTIONS[route.replace(/ \(.*\)$/, '')] ?? DEFAULT_GRADE;
    test(`${route}: EcoIndex grade ${grade} at least`, { todo: GRADE_NOT_YET[route] ?? false }, () => {
      assert.ok(measured, `${route} n’a pas été mesurée`);
      const lines = gradeOverrun(measured);
      assert.deepEqual(lines, [], `note EcoIndex insuffisante\u00a0:\n${lines.join('\n')}`);
    });
  }

  test('the sizes measured are the compressed ones: some responses came with a content-encoding', () => {
    const encoded = measures.flatMap((m) => m.resources).filter((r) => r.encoding === 'br' || r.encoding === 'gzip');
    assert.ok(encoded.length > 0, 'aucune réponse compressée (br ou gzip)\u00a0: les tailles mesurées seraient les tailles brutes');
  });

  // The table, printed even when a budget test failed (a measure that failed itself is missing from it).
  after(() => {
    if (measures.length === 0) return;
    const rows = measures.map((m) =>
      [
        `\`${m.url}\``,
        m.domElements,
        m.requests,
        formatOneDecimal(m.kbTotal),
        formatOneDecimal(m.kbWithoutPhotos),
        formatOneDecimal(m.kbJavaScript),
        m.eco.score,
        `${m.eco.grade} (${m.requiredGrade} au moins)`,
      ].join(' | '),
    );
    console.log(
      [
        '',
        `| Page | Éléments du DOM | Requêtes (≤\u00a0${BUDGET.requests}) | ko transférés | ko hors photos (≤\u00a0${BUDGET.kbWithoutPhotos}) | ko de JavaScript (≤\u00a0${BUDGET.kbJavaScript}) | EcoIndex | Note |`,
        '|---|--:|--:|--:|--:|--:|--:|---|',
        ...rows.map((row) => `| ${row} |`),
        '',
      ].join('\n'),
    );
  });
});
