// `npm run bench`: measures the observatory search (DESIGN.md, target: p95 under 100 ms with 200,000
// public initiatives on PostgreSQL, facets included). It creates the database `arobase_bench` on the
// server DATABASE_URL points at, migrates it, loads territories and the referential, generates the
// initiatives with set-based SQL, then times a realistic query mix through what GET /api/v1/initiatives
// does (readSearchParams, searchInitiatives, labelFacets). Exits 1 when the overall p95 misses the target.
//
//   DATABASE_URL=postgres://postgres@127.0.0.1:5432/postgres npm run bench [-- --rows 200000 --queries 300 --keep]
//   npm run bench -- --embedded [--rows 20000]       (PGlite in memory, for an idea only)
import { parseArgs } from 'node:util';
import pg from 'pg';
import { openPglite, openPostgres, type Database } from '../src/platform/db/database.ts';
import { runMigrations } from '../src/platform/db/migrate.ts';
import { importTerritories } from '../src/modules/territories/import-territories.service.ts';
import { ensureReferentialSeeded, getCurrentReferentialVersion } from '../src/modules/referential/referential.service.ts';
import { searchInitiatives, type SearchParams } from '../src/modules/observatory/search-initiatives.service.ts';
import { labelFacets, readSearchParams } from '../src/modules/observatory/search-params.service.ts';
import * as V from './bench-search.data.ts';

const TARGET_P95_MS = 100;
const BENCH_DB = 'arobase_bench';
const { values: opts } = parseArgs({
  options: {
    rows: { type: 'string' },
    queries: { type: 'string', default: '300' },
    keep: { type: 'boolean', default: false },
    embedded: { type: 'boolean', default: false },
  },
});
const rows = Number(opts.rows ?? (opts.embedded ? 20_000 : 200_000));
const queries = Number(opts.queries);
if (!Number.isInteger(rows) || rows < 100 || !Number.isInteger(queries) || queries < 10) {
  console.error('--rows (au moins 100) et --queries (au moins 10) attendent des nombres entiers.');
  process.exit(2);
}
if (!process.env.DATABASE_URL && !opts.embedded) {
  console.error(
    'Le banc d’essai mesure la recherche sur un serveur PostgreSQL : définissez DATABASE_URL (par exemple ' +
      'DATABASE_URL=postgres://postgres@127.0.0.1:5432/postgres npm run bench). La base arobase_bench y sera créée ' +
      'puis supprimée (sauf --keep). Pour un simple aperçu sur la base embarquée : npm run bench -- --embedded.',
  );
  process.exit(2);
}

const seconds = (since: number) => `${((performance.now() - since) / 1000).toFixed(1)} s`;

// ── The database: arobase_bench on the server (fresh unless --keep), or PGlite in memory ──────────
type Sql = (text: string, params?: unknown[]) => Promise<Record<string, unknown>[]>;
let database: Database;
let run: Sql; // one session (setseed and temporary tables live in it)
let closeSession = async () => {};
const admin = process.env.DATABASE_URL && !opts.embedded ? new URL(process.env.DATABASE_URL) : null;
if (admin) {
  admin.pathname = '/postgres';
  const client = new pg.Client({ connectionString: admin.toString() });
  await client.connect();
  const exists = (await client.query('select 1 from pg_database where datname = $1', [BENCH_DB])).rowCount;
  if (exists && !opts.keep) await client.query(`drop database ${BENCH_DB} with (force)`);
  if (!exists || !opts.keep) await client.query(`create database ${BENCH_DB}`);
  await client.end();
  const url = new URL(admin);
  url.pathname = `/${BENCH_DB}`;
  database = await openPostgres(url.toString(), { max: 4 });
  const session = await database.pool!.connect();
  run = async (text, params) => (await session.query(text, params)).rows;
  closeSession = async () => session.release();
} else {
  database = await openPglite('memory://');
  run = async (text, params) => (await database.pglite!.query<Record<string, unknown>>(text, params)).rows;
}
const db = database.db;

let started = performance.now();
await runMigrations(database);
const [{ n: existing = 0 } = {}] = (await run('select count(*)::int as n from initiative_search_entries')) as { n?: number }[];
if (existing !== rows) {
  await importTerritories(db);
  await ensureReferentialSeeded(db);
  console.log(`Base migrée, territoires et référentiel chargés (${seconds(started)}).`);
  started = performance.now();
  await generate(await getCurrentReferentialVersion(db));
  console.log(`${rows.toLocaleString('fr-FR')} initiatives publiques générées et indexées (${seconds(started)}).`);
} else console.log(`Base ${BENCH_DB} réutilisée : ${rows.toLocaleString('fr-FR')} initiatives.`);

// ── Generation: set-based SQL, deterministic text (setseed), public sheets only ─────────────────
async function generate(referentialVersion: string) {
  const pick = (param: string) => `(${param}::text[])[1 + floor(random() * cardinality(${param}::text[]))::int]`;
  await run('truncate initiatives, initiative_services, initiative_actors, initiative_search_entries, search_words cascade');
  await run('select setseed(0.2026)');
  // Communes and intercommunalities, drawn with a weight growing with the population (its square root:
  // villages do take part in the label, big cities write more sheets).
  await run(`create temp table bench_places as select code, sum(sqrt(greatest(population, 1)) * case kind when 'epci' then 0.5 else 1 end)
    over (order by code) as upto from territories where kind in ('commune', 'epci') and population is not null`);
  await run('create index on bench_places (upto)');
  await run(
    `create temp table bench_services as select s.id, s.name, s.theme_id, t.axis_id from referential_services s
    join referential_themes t on t.version = s.version and t.id = s.theme_id where s.version = $1`,
    [referentialVersion],
  );
  // Actors: a few national ones every territory works with, and local clubs; the first ones are the most frequent.
  await run(`insert into actors (name, kind) select n, 'association' from unnest($1::text[]) n on conflict do nothing`, [V.ACTOR_NAMES]);
  await run(`insert into actors (name, kind) select 'Club informatique de ' || name, 'association' from territories
    where kind = 'commune' and population > 5000 order by code limit 400 on conflict do nothing`);
  await run(
    `create temp table bench_actors as select id, name, row_number() over (order by name <> all($1::text[]), search_name) as n
    from actors`,
    [V.ACTOR_NAMES],
  );
  // One row per initiative; a correlated subquery (it reads s.*) draws again for every row (k * 0 keeps
  // an aggregate of outer columns in its subquery).
  await run(
    `create temp table bench_rows as
     with v as (select (select array_agg(id order by id) from bench_services) as svc, (select array_agg(id order by n) from bench_actors) as act,
                (select max(upto) from bench_places) as total),
     s as (select g, random() as r_place, random() as r_status, random() as r_date, random() as r_rare, random() as r_actor,
                  random() as r_aud, random() as r_svc from generate_series(1, $1::int) g)
     select gen_random_uuid() as id, p.code as territory_code,
       ${pick('$2')} || ' ' || ${pick('$3')} || ${pick('$4')} as title,
       ${pick('$5')} as summary,
       (select string_agg(${pick('$6')}, ' ') from generate_series(0, 2 + (s.g % 3)))
         || case when s.r_rare < 0.01 then ' ' || ${pick('$7')} else '' end as description,
       case when s.r_status < 0.45 then 'done' when s.r_status < 0.75 then 'in_progress' when s.r_status < 0.95 then 'planned' else 'abandoned' end as status,
       case when s.r_date < 0.9 then date '2010-01-01' + floor(s.r_date / 0.9 * 17 * 365)::int end as start_date,
       (select array_agg(distinct ${pick('$8')}) from generate_series(0, floor(s.r_aud * 2.5)::int)) as audiences,
       (select array_agg(distinct v.svc[1 + k * 0 + floor(random() * cardinality(v.svc))::int]) from generate_series(0, floor(s.r_svc * 3)::int) k) as service_ids,
       case when s.r_actor < 0.5 then (select array_agg(distinct v.act[1 + k * 0 + floor(power(random(), 3) * cardinality(v.act))::int])
         from generate_series(0, (s.r_actor < 0.1)::int) k) else '{}' end as actor_ids,
       random() < 0.2 as responsible_digital, random() as r_published
     from s cross join v cross join lateral (select code from bench_places where upto >= s.r_place * v.total order by upto limit 1) p`,
    [
      rows,
      V.ACTIONS,
      V.OBJECTS,
      V.COMPLEMENTS,
      V.SUMMARIES,
      V.SENTENCES,
      V.RARE_SENTENCES,
      ['inhabitants', 'seniors', 'youth', 'families_in_need', 'associations', 'businesses', 'agents', 'elected_officials'],
    ],
  );
  await run(`insert into initiatives (id, territory_code, title, summary, description, status, start_date, audiences, responsible_digital,
      visibility, published_at)
    select id, territory_code, title, summary, description, status, start_date, audiences, responsible_digital, 'public',
      coalesce(start_date, date '2010-01-01' + floor(r_published * 6000)::int) + (r_published * 200 - 30) * interval '1 day' from bench_rows`);
  await run('insert into initiative_services select id, unnest(service_ids) from bench_rows');
  await run('insert into initiative_actors select id, unnest(actor_ids) from bench_rows');
  // The index entries, as search-index.service.ts writes them (same weights, same texts).
  await run(`insert into initiative_search_entries (initiative_id, territory_code, territory_name, title, summary, document, status,
      axis_ids, theme_ids, service_ids, actor_ids, audiences, region_code, department_code, stratum, category, year, responsible_digital, published_at)
    select i.id, i.territory_code, t.name, i.title, i.summary,
      setweight(to_tsvector('french', immutable_unaccent(i.title)), 'A')
        || setweight(to_tsvector('french', immutable_unaccent(t.name || E'\\n' || i.summary)), 'B')
        || setweight(to_tsvector('french', immutable_unaccent(concat_ws(E'\\n', i.description, sv.names, ac.names))), 'C'),
      i.status, sv.axes, sv.themes, r.service_ids, r.actor_ids::text[], i.audiences, t.region_code, t.department_code, t.stratum, t.category,
      extract(year from coalesce(i.start_date, i.published_at))::int, i.responsible_digital, i.published_at
    from bench_rows r join initiatives i on i.id = r.id join territories t on t.code = i.territory_code
    cross join lateral (select array_agg(distinct axis_id) as axes, array_agg(distinct theme_id) as themes, string_agg(name, E'\\n' order by id) as names
      from bench_services where id = any(r.service_ids)) sv
    cross join lateral (select string_agg(name, E'\\n' order by name) as names from bench_actors where id = any(r.actor_ids)) ac`);
  // The vocabulary: every word of those texts (the sentences, territory, service and actor names).
  await run(
    `insert into search_words (word) select distinct w from (
      select unnest($1::text[]) as x union all select distinct territory_name from initiative_search_entries
      union all select name from bench_services union all select name from bench_actors) s,
      regexp_split_to_table(search_normalize(x), ' ') as w where length(w) between 3 and 40 on conflict do nothing`,
    [[...V.ACTIONS, ...V.OBJECTS, ...V.COMPLEMENTS, ...V.SUMMARIES, ...V.SENTENCES, ...V.RARE_SENTENCES]],
  );
  await run('drop table bench_rows, bench_places, bench_services, bench_actors');
  await run('vacuum analyze initiatives, initiative_services, initiative_actors, initiative_search_entries, search_words, actors');
}

// ── The query mix (seeded, so two runs ask the same questions) ──────────────────────────────────
let seed = 42; // mulberry32
const random = () => {
  let t = (seed = (seed + 0x6d2b79f5) | 0);
  t = Math.imul(t ^ (t >>> 15), t | 1);
  t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
  return ((t ^ (t >>> 14)) >>> 0) / 2 ** 32;
};
const choose = <T>(list: readonly T[]): T => list[Math.floor(random() * list.length)]!;
// The 30 most frequent values of each facet, as a visitor would click them.
const values = async (column: string) =>
  (
    await run(
      `select x::text as v from initiative_search_entries, lateral (select ${column} as x) l where x is not null group by 1 order by count(*) desc, 1 limit 30`,
    )
  ).map((r) => String(r.v));
const facetColumns = {
  status: 'status',
  department: 'department_code',
  region: 'region_code',
  theme: 'unnest(theme_ids)',
  service: 'unnest(service_ids)',
  actor: 'unnest(actor_ids)',
  audience: 'unnest(audiences)',
  year: 'year',
  category: 'category',
  stratum: 'stratum',
  responsibleDigital: 'responsible_digital',
};
const facetPool: [string, string[]][] = [];
for (const [facet, column] of Object.entries(facetColumns)) facetPool.push([facet, await values(column)]);
const withFacets = (params: SearchParams, n: number): SearchParams => {
  const out: Record<string, string> = { ...params } as Record<string, string>;
  for (let i = 0; i < n; i++) {
    const [facet, pool] = choose(facetPool);
    out[facet] = choose(pool);
  }
  return out as SearchParams;
};
const KINDS: [kind: string, weight: number, make: () => SearchParams][] = [
  ['vide (tout)', 12, () => ({})],
  ['mot courant', 14, () => ({ q: choose(V.QUERIES.common) })],
  ['deux mots', 14, () => ({ q: choose(V.QUERIES.twoWords) })],
  ['mot rare', 10, () => ({ q: choose(V.QUERIES.rare) })],
  ['faute de frappe', 10, () => ({ q: choose(V.QUERIES.typo) })],
  ['texte + filtres', 15, () => withFacets({ q: choose([...V.QUERIES.common, ...V.QUERIES.twoWords]) }, 1 + Math.floor(random() * 2))],
  ['filtres seuls', 15, () => withFacets({}, 1 + Math.floor(random() * 2))],
  ['page lointaine', 10, () => ({ ...(random() < 0.5 ? {} : { q: choose(V.QUERIES.common) }), page: String(20 + Math.floor(random() * 200)) })],
];
const drawKind = () => {
  let r = random() * KINDS.reduce((sum, k) => sum + k[1], 0);
  for (const kind of KINDS) if ((r -= kind[1]) < 0) return kind;
  return KINDS[0]!;
};

/** What GET /api/v1/initiatives does, timed. */
async function timed(params: SearchParams): Promise<{ ms: number; total: number; corrected: boolean }> {
  const t0 = performance.now();
  const read = await readSearchParams(db, params);
  const result = await searchInitiatives(db, read.search);
  await labelFacets(db, result.facets);
  return { ms: performance.now() - t0, total: result.total, corrected: Boolean(result.correctedWords) };
}

// The first search of a process loads its copy of the index in memory (ADR 0008): timed apart.
const first = await timed({});
const WARM_UP = Math.min(40, queries);
for (let i = 0; i < WARM_UP; i++) await timed(drawKind()[2]());
const byKind = new Map<string, { ms: number[]; totals: number[]; corrected: number }>();
const all: number[] = [];
const slowest: { ms: number; kind: string; params: string; total: number }[] = [];
for (let i = 0; i < queries; i++) {
  const [kind, , make] = drawKind();
  const params = make();
  const { ms, total, corrected } = await timed(params);
  slowest.push({ ms, kind, params: new URLSearchParams(params as Record<string, string>).toString(), total });
  const entry = byKind.get(kind) ?? { ms: [], totals: [], corrected: 0 };
  entry.ms.push(ms);
  entry.totals.push(total);
  entry.corrected += Number(corrected);
  byKind.set(kind, entry);
  all.push(ms);
}

// ── Report ───────────────────────────────────────────────────────────────────────────────────────
const percentile = (sorted: number[], p: number) => sorted[Math.max(0, Math.ceil(p * sorted.length) - 1)]!;
const line = (label: string, ms: number[], note = '') => {
  const s = [...ms].sort((a, b) => a - b);
  const f = (n: number) => n.toFixed(1).padStart(7);
  return `${label.padEnd(17)} ${String(s.length).padStart(4)} ${f(percentile(s, 0.5))} ${f(percentile(s, 0.95))} ${f(percentile(s, 0.99))} ${f(s[s.length - 1]!)}  ${note}`;
};
console.log(
  `\nRecherche de l'observatoire — ${rows.toLocaleString('fr-FR')} initiatives, ${database.driver === 'postgres' ? 'PostgreSQL' : 'PGlite'}, ` +
    `${queries} requêtes après ${WARM_UP} d'échauffement (ms, facettes comprises)\n`,
);
console.log(`Première recherche du processus (copie de l'index chargée en mémoire) : ${first.ms.toFixed(0)} ms.\n`);
console.log(`${'type'.padEnd(17)} ${'n'.padStart(4)} ${'p50'.padStart(7)} ${'p95'.padStart(7)} ${'p99'.padStart(7)} ${'max'.padStart(7)}  résultats (médiane)`);
for (const [kind] of KINDS) {
  const entry = byKind.get(kind);
  if (!entry) continue;
  const totals = [...entry.totals].sort((a, b) => a - b);
  console.log(line(kind, entry.ms, `${percentile(totals, 0.5).toLocaleString('fr-FR')}${entry.corrected ? ` (${entry.corrected} corrigées)` : ''}`));
}
console.log(line('ensemble', all));
console.log('\nLes plus lentes :');
for (const q of slowest.sort((a, b) => b.ms - a.ms).slice(0, 5))
  console.log(`  ${q.ms.toFixed(1).padStart(7)} ms  ${q.kind} « ${q.params || '(rien)'} » → ${q.total.toLocaleString('fr-FR')}`);
const p95 = percentile(
  [...all].sort((a, b) => a - b),
  0.95,
);
const met = p95 < TARGET_P95_MS;
console.log(
  met ? `\nObjectif atteint : p95 ${p95.toFixed(1)} ms < ${TARGET_P95_MS} ms.` : `\nObjectif manqué : p95 ${p95.toFixed(1)} ms ≥ ${TARGET_P95_MS} ms.`,
);

await closeSession();
await database.close();
if (admin && !opts.keep) {
  const client = new pg.Client({ connectionString: admin.toString() });
  await client.connect();
  await client.query(`drop database if exists ${BENCH_DB} with (force)`);
  await client.end();
}
process.exit(met ? 0 : 1);
