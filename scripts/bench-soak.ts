// `npm run bench -- --soak [--minutes 10]`: the server's memory over a long run at full load. The
// page cache on (the default size), every public page of the demo in turn under autocannon (10
// connections), the resident memory read every 30 s. After the first minute (the cache fills, the
// JIT settles) it must stay flat: within 10 % of its value at the end of that minute. Prints the
// samples as a table, writes the JSON to bench/results/<date>-soak-<driver>.json, exits 1 when the
// memory grew past that or a page stopped answering 200.
import { mkdirSync, writeFileSync } from 'node:fs';
import { cpus, totalmem } from 'node:os';
import { parseArgs } from 'node:util';
import autocannon from 'autocannon';
import { formatNumber } from '../src/platform/views/format.ts';
import { prepareDatabase, type BenchDatabase } from './bench-pages.database.ts';
import { BenchError, mebibytes, startServer, type ChildServer } from './bench-pages.server.ts';
import { findTargets, pagesOf } from './bench-pages.targets.ts';

const CONNECTIONS = 10;
const SAMPLE_SECONDS = 30;
const SETTLING_SECONDS = 60;
const FLAT_WITHIN = 0.1;

let minutes = 10;
try {
  const { values } = parseArgs({ options: { soak: { type: 'boolean' }, minutes: { type: 'string' } } });
  if (values.minutes !== undefined) {
    minutes = Number(values.minutes);
    if (!Number.isFinite(minutes) || minutes < 2 || minutes > 120) throw new Error('minutes');
  }
} catch {
  console.error('Usage\u00a0: npm run bench -- --soak [--minutes N] (N de 2 à 120, 10 par défaut).');
  process.exit(2);
}

const say = (line: string) => console.log(line);
const problems: string[] = [];
const samples: { second: number; rssBytes: number; requests: number; non200: number }[] = [];
let database: BenchDatabase | undefined;
let server: ChildServer | undefined;
const startedAt = new Date();

say(
  `Endurance\u00a0: ${formatNumber(minutes)}\u00a0min à ${CONNECTIONS} connexions, cache des pages à sa taille par défaut, mémoire relevée toutes les ${SAMPLE_SECONDS}\u00a0s.`,
);
try {
  database = await prepareDatabase(say);
  server = await startServer(database.env, { cache: true });
  const paths = pagesOf(await findTargets(server.url)).map((page) => page.path);
  const until = Date.now() + minutes * 60_000;
  let requests = 0;
  let non200 = 0;
  // One autocannon per sample period, the pages in turn: the load never stops between two readings.
  for (let period = 0; Date.now() < until; period += 1) {
    const requestsOfPeriod = await new Promise<autocannon.Result>((resolve, reject) => {
      const instance = autocannon(
        { url: server!.url, connections: CONNECTIONS, duration: SAMPLE_SECONDS, requests: paths.map((path) => ({ method: 'GET', path })) },
        (error, done) => (error ? reject(error) : resolve(done)),
      );
      instance.on('response', (_client, statusCode) => {
        requests += 1;
        if (statusCode !== 200) non200 += 1;
      });
    });
    if (requestsOfPeriod.errors)
      problems.push(
        `${formatNumber(requestsOfPeriod.errors)} erreurs de connexion entre ${period * SAMPLE_SECONDS} et ${(period + 1) * SAMPLE_SECONDS}\u00a0s`,
      );
    const memory = server.memory();
    if (!memory) throw new BenchError('La mémoire du serveur ne se lit pas ici (/proc absent).');
    samples.push({ second: (period + 1) * SAMPLE_SECONDS, rssBytes: memory.rssBytes, requests, non200 });
    say(`  ${String((period + 1) * SAMPLE_SECONDS).padStart(5)}\u00a0s  ${mebibytes(memory.rssBytes).padStart(9)}  ${formatNumber(requests)} requêtes`);
  }
  if (non200) problems.push(`${formatNumber(non200)} réponses autres que 200`);
} catch (error) {
  problems.push(
    error instanceof BenchError ? error.message : `erreur inattendue\u00a0: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`,
  );
} finally {
  await server?.stop().catch(() => undefined);
  await database?.drop().catch((error: unknown) => problems.push(`la base du banc d’essai n’a pas pu être supprimée\u00a0: ${String(error)}`));
}

const reference = samples.find((sample) => sample.second >= SETTLING_SECONDS);
const highest = Math.max(...samples.map((sample) => sample.rssBytes));
if (reference) {
  const growth = (highest - reference.rssBytes) / reference.rssBytes;
  say(
    `\nMémoire après ${SETTLING_SECONDS}\u00a0s\u00a0: ${mebibytes(reference.rssBytes)}\u00a0; au plus haut ensuite\u00a0: ${mebibytes(highest)} ` +
      `(${growth >= 0 ? '+' : ''}${formatNumber(Math.round(growth * 1000) / 10)}\u00a0%, objectif\u00a0: ${formatNumber(FLAT_WITHIN * 100)}\u00a0% au plus).`,
  );
  if (growth > FLAT_WITHIN) problems.push(`la mémoire a crû de ${formatNumber(Math.round(growth * 1000) / 10)}\u00a0% après la première minute`);
  if (database) {
    const date = startedAt.toISOString().slice(0, 10);
    const file = new URL(`../bench/results/${date}-soak-${database.driver}.json`, import.meta.url);
    mkdirSync(new URL('.', file), { recursive: true });
    const machine = { cpus: cpus().length, cpuModel: cpus()[0]?.model ?? null, memoryBytes: totalmem(), node: process.version };
    writeFileSync(
      file,
      JSON.stringify(
        { date: startedAt.toISOString(), driver: database.driver, machine, connections: CONNECTIONS, minutes, samples, growth, problems },
        null,
        2,
      ) + '\n',
    );
    say(`Résultats écrits dans bench/results/${date}-soak-${database.driver}.json.`);
  }
} else if (!problems.length) problems.push('la mesure a duré moins d’une minute');

if (problems.length) {
  console.error(`\nL’endurance a échoué\u00a0:\n${problems.map((p) => `  - ${p}`).join('\n')}`);
  process.exit(1);
}
process.exit(0);
