import assert from 'node:assert/strict';
import { before, describe, test } from 'node:test';
import { asc, eq } from 'drizzle-orm';
import { TestBrowser, textOf } from '../../../test/support/http-client.ts';
import { drivers } from '../../../test/support/test-database.ts';
import { useTestServer } from '../../../test/support/test-server.ts';
import { systemCaller } from '../accounts/permissions.rules.ts';
import { recordResults, type ResultInput } from '../label/record-results.service.ts';
import { territories } from '../territories/schema.ts';

// Issue 12, item 10: a palmarès of 300 laureates or more was one column 30,000 px tall. Each level
// is one jump away, and the large ones start folded (<details>, so without JavaScript too).

const PER_LEVEL = { 5: 20, 4: 30, 3: 90, 2: 100, 1: 60 } as const;

for (const driver of drivers) {
  describe(`a long palmarès (${driver})`, () => {
    const server = useTestServer(driver);
    before(async () => {
      const communes = await server.db
        .select({ code: territories.code })
        .from(territories)
        .where(eq(territories.kind, 'commune'))
        .orderBy(asc(territories.code))
        .limit(300);
      const rows: ResultInput[] = [];
      let i = 0;
      for (const [level, n] of Object.entries(PER_LEVEL)) {
        // Five of the 3 @ hold the « @ verte »: a filter that keeps a short page.
        for (let k = 0; k < n; k++)
          rows.push({ year: 2025, territoryCode: communes[i++]!.code, level: Number(level), distinctions: level === '3' && k < 5 ? ['verte'] : [] });
      }
      await server.db.transaction((tx) => recordResults(tx, systemCaller('test fixture'), rows, null));
    });

    test('the page jumps to each level and to the map, and folds the levels with many laureates', async () => {
      const page = await new TestBrowser(server.app).get('/palmares/2025');
      assert.equal(page.status, 200);
      const jump = /<nav aria-labelledby="aller-niveaux"[\s\S]*?<\/nav>/.exec(page.body)?.[0] ?? '';
      assert.deepEqual(
        [...jump.matchAll(/href="#([^"]+)"/g)].map((m) => m[1]),
        ['niveau-5', 'niveau-4', 'niveau-3', 'niveau-2', 'niveau-1', 'carte'],
      );
      assert.match(textOf(jump), /3 arobases \(90\)/);
      for (const [level, n] of Object.entries(PER_LEVEL)) {
        const section = new RegExp(`<section aria-labelledby="niveau-${level}"[^>]*>([\\s\\S]*?)</section>`).exec(page.body)?.[1] ?? '';
        assert.ok(section.includes(`id="niveau-${level}"`), `the level ${level} has its anchor`);
        // Folded or not, every laureate is in the page: a click opens the list, without JavaScript.
        assert.equal(section.match(/class="result-list__title"/g)?.length, n, `level ${level}`);
        const open = /<details class="palmares-level__details" open/.test(section);
        assert.equal(open, n <= 40, `level ${level} (${n} laureates) ${n <= 40 ? 'unfolded' : 'folded'}`);
      }
      assert.match(textOf(page.body), /Les niveaux qui comptent le plus de lauréats sont repliés/);
    });

    test('a filtered page, short enough, shows its levels unfolded', async () => {
      const page = await new TestBrowser(server.app).get('/palmares/2025?distinction=verte');
      assert.equal(page.status, 200);
      const section = /<section aria-labelledby="niveau-3"[^>]*>([\s\S]*?)<\/section>/.exec(page.body)?.[1] ?? '';
      assert.equal(section.match(/class="result-list__title"/g)?.length, 5);
      assert.match(section, /<details class="palmares-level__details" open/);
      assert.doesNotMatch(textOf(page.body), /sont repliés/);
    });
  });
}
