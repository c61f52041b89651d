// What the page benchmarks measure: picked from the demo data through the public API, never hard-coded.
import { z } from 'zod';
import { BenchError } from './bench-pages.server.ts';

const editionsList = z.object({ items: z.array(z.object({ year: z.number(), state: z.string() })) });
const resultsList = z.object({ items: z.array(z.object({ code: z.string() })) });
const initiativesList = z.object({
  total: z.number(),
  items: z.array(z.object({ id: z.string(), title: z.string(), territory: z.object({ code: z.string(), name: z.string() }) })),
});

async function getJson<T>(url: string, schema: z.ZodType<T>): Promise<T> {
  const response = await fetch(url);
  if (!response.ok) throw new BenchError(`${url} a répondu ${response.status}.`);
  return schema.parse(await response.json());
}

export type Targets = { year: number; territory: { code: string; name: string }; initiative: { id: string; title: string }; query: string };

/** The latest published edition, a sheet of one of its laureates (a territory page with both), a word of its title that finds sheets. */
export async function findTargets(base: string): Promise<Targets> {
  const published = (await getJson(`${base}/api/v1/editions`, editionsList)).items.filter((e) => e.state === 'published').map((e) => e.year);
  if (!published.length) throw new BenchError('Les données de démonstration n’ont aucune édition publiée.');
  const year = Math.max(...published);
  const laureates = new Set((await getJson(`${base}/api/v1/editions/${year}/results`, resultsList)).items.map((r) => r.code));
  const sheets = (await getJson(`${base}/api/v1/initiatives`, initiativesList)).items;
  const sheet = sheets.find((s) => laureates.has(s.territory.code)) ?? sheets[0];
  if (!sheet) throw new BenchError('Les données de démonstration n’ont aucune fiche d’initiative publique.');
  const words = [...new Set(sheet.title.toLocaleLowerCase('fr').split(/[^\p{L}]+/u))].filter((w) => w.length >= 5).sort((a, b) => b.length - a.length);
  for (const query of words) {
    const found = await getJson(`${base}/api/v1/initiatives?q=${encodeURIComponent(query)}`, initiativesList);
    if (found.total > 0) return { year, territory: sheet.territory, initiative: { id: sheet.id, title: sheet.title }, query };
  }
  throw new BenchError(`Aucun mot du titre «\u00a0${sheet.title}\u00a0» ne trouve de fiche dans la recherche.`);
}

/** The public pages of issue 16, as a pattern (to report) and the path measured. */
export const pagesOf = (t: Targets): { pattern: string; path: string }[] =>
  (
    [
      ['/', '/'],
      ['/territoires/:code', `/territoires/${t.territory.code}`],
      ['/palmares', '/palmares'],
      ['/palmares/:year', `/palmares/${t.year}`],
      ['/initiatives/:id', `/initiatives/${t.initiative.id}`],
      ['/initiatives?q=…', `/initiatives?q=${encodeURIComponent(t.query)}`],
      ['/statistiques', '/statistiques'],
      ['/api/v1/initiatives?q=…', `/api/v1/initiatives?q=${encodeURIComponent(t.query)}`],
      ['/badges/:code.svg', `/badges/${t.territory.code}.svg`],
    ] as const
  ).map(([pattern, path]) => ({ pattern, path }));
