// `npm run bench -- --pages [--quick]`: measures every public page with autocannon on the loopback,
// against arobase's server run as a child process over the demo data: cold (PAGE_CACHE_MB=0, every
// answer rendered, one request at a time: the time a visitor waits for a page nobody asked for
// lately), warm (the page cache on, after one warming request, 10 connections), and the ceiling (a
// bare node:http server sending the same bytes, 10 connections). Prints a Markdown table (requests per second, p50/p95/p99
// latency, arobase/ceiling), the time of two writes on a fresh database and the server's resident
// memory; writes the JSON to bench/results/<date>-pages-<driver>.json. Embedded database unless
// DATABASE_URL is set (then the database arobase_bench_pages on that server, dropped at the end).
// `--quick` (CI) runs 1 s per page and phase: it checks that everything runs, not the figures, and
// exits 1 unless every page answered 200 in both phases and the ceiling ran.
import { mkdirSync, writeFileSync } from 'node:fs';
import { cpus, totalmem } from 'node:os';
import { parseArgs } from 'node:util';
import autocannon from 'autocannon';
import { formatNumber } from '../src/platform/views/format.ts';
import { startCeiling, type CeilingPage } from './bench-pages.ceiling.ts';
import { prepareDatabase, type BenchDatabase } from './bench-pages.database.ts';
import { BenchError, mebibytes, startServer, type Memory } from './bench-pages.server.ts';
import { findTargets, pagesOf, type Targets } from './bench-pages.targets.ts';

const CONNECTIONS = 10;
// Cold, one at a time: with ten at once a render waits for the nine before it, and p95 measures the queue.
const COLD_CONNECTIONS = 1;

let quick = false;
try {
  quick = parseArgs({ options: { pages: { type: 'boolean' }, quick: { type: 'boolean' } } }).values.quick ?? false;
} catch {
  console.error(`Option inconnue (reçue\u00a0: ${process.argv.slice(2).join(' ')}). Usage\u00a0: npm run bench -- --pages [--quick]`);
  process.exit(2);
}
const SECONDS = quick ? 1 : 10;

// ── Measuring ────────────────────────────────────────────────────────────────────────────────────
type Phase = 'cold' | 'warm' | 'ceiling';
const PHASE_NAMES: Record<Phase, string> = { cold: 'à froid', warm: 'à chaud', ceiling: 'plafond' };

type Load = { requests: number; rps: number; p50: number; p95: number; p99: number; non200: number; errors: number };
type Page = {
  pattern: string;
  path: string;
  /** The status of the first answer of each phase, and whether the warm server served its second one from its cache. */
  status: { cold?: number; warm?: number };
  servedFromCache?: boolean;
  loads: Partial<Record<Phase, Load>>;
};

// Nearest rank, as scripts/bench-search.ts; NaN when nothing answered.
const percentile = (sorted: number[], p: number) => sorted[Math.max(0, Math.ceil(p * sorted.length) - 1)] ?? Number.NaN;

/** autocannon for SECONDS on one URL; the latencies of the 200 answers are kept whole (its histogram has no p95). */
async function measure(url: string, connections: number): Promise<Load> {
  const latencies: number[] = [];
  let non200 = 0;
  const result = await new Promise<autocannon.Result>((resolve, reject) => {
    const instance = autocannon({ url, connections, duration: SECONDS }, (error, done) => (error ? reject(error) : resolve(done)));
    instance.on('response', (_client, statusCode, _bytes, ms) => {
      if (statusCode === 200) latencies.push(ms);
      else non200 += 1;
    });
  });
  latencies.sort((a, b) => a - b);
  return {
    requests: latencies.length + non200,
    rps: latencies.length / (result.duration || SECONDS),
    p50: percentile(latencies, 0.5),
    p95: percentile(latencies, 0.95),
    p99: percentile(latencies, 0.99),
    non200,
    errors: result.errors,
  };
}

/** One request as a browser without compression sends it (autocannon asks for no encoding either). */
async function fetchPage(url: string) {
  const response = await fetch(url, { headers: { 'accept-encoding': 'identity' } });
  const body = new Uint8Array(await response.arrayBuffer());
  return {
    status: response.status,
    contentType: response.headers.get('content-type') ?? 'application/octet-stream',
    cache: response.headers.get('x-cache'),
    body,
  };
}

// ── Formatting ───────────────────────────────────────────────────────────────────────────────────
const round = (n: number, digits: number) => Math.round(n * 10 ** digits) / 10 ** digits;
const ms = (n: number) => (Number.isFinite(n) ? formatNumber(round(n, n < 10 ? 2 : 1)) : '—');
const rps = (load: Load | undefined) => (load ? formatNumber(Math.round(load.rps)) : '—');
const latencies = (load: Load | undefined) => (load ? `${ms(load.p50)} / ${ms(load.p95)} / ${ms(load.p99)}` : '—');
const ratioOf = (page: Page, phase: 'warm') => {
  const [mine, ceiling] = [page.loads[phase]?.rps, page.loads.ceiling?.rps];
  return mine !== undefined && ceiling ? mine / ceiling : null;
};
const percent = (ratio: number | null) => (ratio === null ? '—' : `${formatNumber(round(ratio * 100, ratio < 0.1 ? 1 : 0))}\u00a0%`);
const duration = (s: number) => `${formatNumber(round(s, 1))}\u00a0s`;

// ── The targets ──────────────────────────────────────────────────────────────────────────────────
const WARM_RATIO = 0.5;
const COLD_P95_MS = 50;
/** The two pages that compute the most (every laureate of a year, every year's figures). */
const HEAVY_PAGES: Record<string, number> = { '/palmares/:year': 150, '/statistiques': 150 };
const RSS_LIMIT_BYTES = 300 * 1024 * 1024;

type Verdict = { what: string; measured: string; met: boolean };
function targetVerdicts(measured: Page[], warmMemory: Memory | null): Verdict[] {
  const verdicts: Verdict[] = [];
  for (const page of measured) {
    const ratio = ratioOf(page, 'warm');
    if (ratio !== null)
      verdicts.push({ what: `${page.pattern} à chaud ≥ ${percent(WARM_RATIO)} du plafond`, measured: percent(ratio), met: ratio >= WARM_RATIO });
    const p95 = page.loads.cold?.p95;
    const limit = HEAVY_PAGES[page.pattern] ?? COLD_P95_MS;
    if (p95 !== undefined && Number.isFinite(p95))
      verdicts.push({ what: `${page.pattern} à froid, p95 < ${limit}\u00a0ms`, measured: `${ms(p95)}\u00a0ms`, met: p95 < limit });
  }
  if (warmMemory)
    verdicts.push({
      what: `mémoire résidente à chaud < ${mebibytes(RSS_LIMIT_BYTES)}`,
      measured: mebibytes(warmMemory.rssBytes),
      met: warmMemory.rssBytes < RSS_LIMIT_BYTES,
    });
  return verdicts;
}

// ── The run ──────────────────────────────────────────────────────────────────────────────────────
const say = (line: string) => console.log(line);
const problems: string[] = [];
const memory: { cold: Memory | null; warm: Memory | null; ceiling: Memory | null } = { cold: null, warm: null, ceiling: null };
const stops: (() => Promise<void>)[] = [];
let database: BenchDatabase | undefined;
let targets: Targets | undefined;
let pages: Page[] = [];
const startedAt = new Date();

/** Runs one phase over every page, noting what went wrong (a non-200 answer, a connection error, nothing answered). */
async function loadPhase(phase: Phase, base: string) {
  for (const page of pages) {
    const load = await measure(base + page.path, phase === 'cold' ? COLD_CONNECTIONS : CONNECTIONS);
    page.loads[phase] = load;
    say(`  ${PHASE_NAMES[phase].padEnd(8)} ${page.pattern.padEnd(24)} ${rps(load).padStart(8)} req/s   p95 ${ms(load.p95)}\u00a0ms`);
    const where = `${page.pattern} (${PHASE_NAMES[phase]})`;
    // In a second on a loaded machine (CI runs this beside the tests, at a lower priority), a render
    // may not finish: quick mode checks that each page answers 200 (its own request, above), not its speed.
    if (load.requests === 0 && quick) say(`  ${where}\u00a0: aucune réponse dans la seconde (machine chargée), la page a répondu à sa requête de contrôle`);
    else if (load.requests === 0) problems.push(`${where}\u00a0: aucune réponse en ${SECONDS}\u00a0s`);
    if (load.non200) problems.push(`${where}\u00a0: ${formatNumber(load.non200)} réponses autres que 200`);
    if (load.errors) problems.push(`${where}\u00a0: ${formatNumber(load.errors)} erreurs de connexion ou délais dépassés`);
  }
}

say(
  `Banc d’essai des pages publiques\u00a0: base ${process.env.DATABASE_URL ? 'PostgreSQL' : 'embarquée (PGlite)'}, données de démonstration, ` +
    `${COLD_CONNECTIONS} connexion à froid, ${CONNECTIONS} à chaud et au plafond, ${SECONDS}\u00a0s par page et par phase${quick ? ' (mode rapide\u00a0: il vérifie que tout tourne, pas les chiffres)' : ''}.`,
);
try {
  database = await prepareDatabase(say);

  // Cold: no page cache, every request renders; the bytes of each first answer are the ceiling's.
  say('Phase à froid (PAGE_CACHE_MB=0)…');
  const cold = await startServer(database.env, { cache: false });
  stops.push(cold.stop);
  targets = await findTargets(cold.url);
  pages = pagesOf(targets).map((page) => ({ ...page, status: {}, loads: {} }));
  const bodies: CeilingPage[] = [];
  for (const page of pages) {
    const first = await fetchPage(cold.url + page.path);
    page.status.cold = first.status;
    if (first.status !== 200) problems.push(`${page.pattern} a répondu ${first.status} à froid`);
    bodies.push({ path: page.path, contentType: first.contentType, body: first.body });
  }
  await loadPhase('cold', cold.url);
  memory.cold = cold.memory();
  await cold.stop();

  // Warm: the page cache at its default size, filled by one request per page.
  say('Phase à chaud (cache des pages)…');
  const warm = await startServer(database.env, { cache: true });
  stops.push(warm.stop);
  for (const page of pages) {
    const warming = await fetchPage(warm.url + page.path);
    page.status.warm = warming.status;
    if (warming.status !== 200) problems.push(`${page.pattern} a répondu ${warming.status} à chaud`);
    page.servedFromCache = (await fetchPage(warm.url + page.path)).cache === 'hit';
  }
  await loadPhase('warm', warm.url);
  memory.warm = warm.memory();
  await warm.stop();

  say('Plafond (serveur node:http nu, mêmes octets)…');
  const ceiling = await startCeiling(bodies);
  stops.push(ceiling.stop);
  await loadPhase('ceiling', ceiling.url);
  memory.ceiling = ceiling.memory();
  await ceiling.stop();
} catch (error) {
  problems.push(
    error instanceof BenchError ? error.message : `erreur inattendue\u00a0: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`,
  );
} finally {
  for (const stop of stops) await stop().catch(() => undefined);
  await database?.drop().catch((error: unknown) => problems.push(`la base du banc d’essai n’a pas pu être supprimée\u00a0: ${String(error)}`));
}

// ── Report ───────────────────────────────────────────────────────────────────────────────────────
if (targets && pages.length) {
  say(
    `\nPages mesurées\u00a0: territoire ${targets.territory.code} (${targets.territory.name}), édition ${targets.year}, ` +
      `fiche «\u00a0${targets.initiative.title}\u00a0», recherche «\u00a0${targets.query}\u00a0». Réponses sans compression\u00a0; ` +
      `latences p50 / p95 / p99 en millisecondes\u00a0; arobase/plafond\u00a0: requêtes par seconde d’arobase sur celles du serveur nu.\n`,
  );
  say('| Page | À froid (req/s) | p50 / p95 / p99 | À chaud (req/s) | p50 / p95 / p99 | Plafond (req/s) | p50 / p95 / p99 | Chaud/plafond |');
  say('| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: |');
  for (const page of pages) {
    const { cold, warm, ceiling } = page.loads;
    const cells = [rps(cold), latencies(cold), rps(warm), latencies(warm), rps(ceiling), latencies(ceiling), percent(ratioOf(page, 'warm'))];
    say(`| \`${page.pattern}\` | ${cells.join(' | ')} |`);
  }
  const uncached = pages.filter((p) => p.servedFromCache === false).map((p) => p.pattern);
  if (uncached.length) say(`\nServies sans le cache à chaud (la route n’est pas mise en cache)\u00a0: ${uncached.join(', ')}.`);
}
if (database) {
  const { territories, palmares } = database.writes;
  say(`\nImport de tous les territoires (${formatNumber(territories.count)}, base neuve)\u00a0: ${duration(territories.seconds)}.`);
  say(
    `Import du palmarès de démonstration (${formatNumber(palmares.results)} résultats sur ${palmares.editions} éditions, rapprochement des noms compris)\u00a0: ` +
      `${duration(palmares.seconds)}, soit ${duration(palmares.seconds / Math.max(1, palmares.editions))} par édition.`,
  );
}
const memoryLine = (name: string, m: Memory | null) => (m ? `${name} ${mebibytes(m.rssBytes)} (pic ${mebibytes(m.peakRssBytes)})` : `${name} inconnue`);
if (memory.cold || memory.warm)
  say(`Mémoire résidente du serveur après la mesure (VmRSS)\u00a0: ${memoryLine('à froid', memory.cold)}, ${memoryLine('à chaud', memory.warm)}.`);

// The targets of issue 16, said against the figures (not a failure: a loaded machine moves them).
const verdicts = targetVerdicts(pages, memory.warm);
if (!quick && verdicts.length) {
  say('\nObjectifs\u00a0:');
  for (const v of verdicts) say(`  ${v.met ? '✓' : '✗'} ${v.what}\u00a0: ${v.measured}`);
}

const ceilingRan = pages.length > 0 && pages.every((p) => (p.loads.ceiling?.requests ?? 0) > 0);
if (!ceilingRan && !problems.length) problems.push('le plafond n’a pas tourné');
if (!quick && database && targets) {
  const date = startedAt.toISOString().slice(0, 10);
  const file = new URL(`../bench/results/${date}-pages-${database.driver}.json`, import.meta.url);
  mkdirSync(new URL('.', file), { recursive: true });
  const report = {
    date: startedAt.toISOString(),
    driver: database.driver,
    machine: { cpus: cpus().length, cpuModel: cpus()[0]?.model ?? null, memoryBytes: totalmem(), node: process.version },
    connections: { cold: COLD_CONNECTIONS, warm: CONNECTIONS, ceiling: CONNECTIONS },
    secondsPerPageAndPhase: SECONDS,
    compression: false,
    targets,
    pages: pages.map((p) => ({
      pattern: p.pattern,
      path: p.path,
      status: p.status,
      servedFromCacheWhenWarm: p.servedFromCache ?? null,
      ...p.loads,
      ratioToCeiling: { warm: ratioOf(p, 'warm') },
    })),
    writes: database.writes,
    serverMemory: { cold: memory.cold, warm: memory.warm },
    ceilingMemory: memory.ceiling,
    targetsMet: verdicts,
    problems,
  };
  // Microseconds are enough; NaN (nothing answered) is written as null.
  writeFileSync(file, JSON.stringify(report, (_key, value: unknown) => (typeof value === 'number' ? round(value, 3) : value), 2) + '\n');
  say(`\nRésultats écrits dans bench/results/${date}-pages-${database.driver}.json.`);
}
if (problems.length) {
  console.error(`\nLe banc d’essai des pages a échoué\u00a0:\n${problems.map((p) => `  - ${p}`).join('\n')}`);
  process.exit(1);
}
say(`\nToutes les pages ont répondu 200 à froid et à chaud, et le plafond a tourné${quick ? ' (mode rapide\u00a0: aucun fichier écrit)' : ''}.`);
process.exit(0);
