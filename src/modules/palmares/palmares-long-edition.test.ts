import assert from 'node:assert/strict';
import { before, describe, test } from 'node:test';
import { gzipSync } from 'node:zlib';
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
        assert.equal(section.match(/<li><a href="\/territoires\//g)?.length, n, `level ${level}`);
        const open = /<details class="palmares-level__details" open/.test(section);
        assert.equal(open, n <= 40, `level ${level} (${n} laureates) ${n <= 40 ? 'unfolded' : 'folded'}`);
      }
      assert.match(textOf(page.body), /Les niveaux qui comptent le plus de lauréats sont repliés/);
    });

    // The design's bar: a public page under 100 KB transferred (photos aside). Measured here without
    // compression, which a proxy may not apply: the map has its own page, a laureate's row is bare markup.
    test('the page of 300 laureates weighs under 100 KB, even uncompressed; the map is on its own page', async () => {
      const page = await new TestBrowser(server.app).get('/palmares/2025');
      const bytes = Buffer.byteLength(page.body);
      assert.ok(bytes < 100_000, `${bytes} bytes uncompressed`);
      assert.ok(gzipSync(page.body).length < 20_000, `${gzipSync(page.body).length} bytes gzipped`);
      assert.doesNotMatch(page.body, /<svg class="france-map__svg"/);
      const rows = page.body.match(/<li><a href="\/territoires\/[^"]+">[^<]+<\/a><small>[^<]+<\/small><\/li>/g) ?? [];
      assert.equal(rows.length, 300 - 5, 'every laureate (those with a distinction have one more span)');
      const perRow = rows.reduce((sum, row) => sum + Buffer.byteLength(row), 0) / rows.length;
      assert.ok(perRow < 140, `${perRow} bytes a laureate`);
      assert.match(page.body, /href="\/palmares\/2025\/carte"/);
      const map = await new TestBrowser(server.app).get('/palmares/2025/carte');
      assert.equal(map.status, 200);
      assert.match(map.body, /<svg class="france-map__svg"/);
    });

    test('a filtered page, short enough, shows its levels unfolded', async () => {
      const page = await new TestBrowser(server.app).get('/palmares/2025?distinction=verte');
      assert.equal(page.status, 200);
      const section = /<section aria-labelledby="niveau-3"[^>]*>([\s\S]*?)<\/section>/.exec(page.body)?.[1] ?? '';
      assert.equal(section.match(/<li><a href="\/territoires\//g)?.length, 5);
      assert.match(section, /<details class="palmares-level__details" open/);
      assert.doesNotMatch(textOf(page.body), /sont repliés/);
    });
  });
}
