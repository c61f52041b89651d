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
// is one jump away; issue 16 (eco-design): the large ones have their own list, the level filter, so
// that the edition's page stays light (it held every laureate: 1,400 elements).

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

    test('the page jumps to each level and to the map, lists the small levels and links each large one to its own list', async () => {
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
        const listed = section.match(/<li><a href="\/territoires\//g)?.length ?? 0;
        const link = /<a href="\/palmares\/2025\?niveau=(\d)#laureats">([^<]+)<\/a>/.exec(section);
        if (n <= 40) {
          assert.equal(listed, n, `level ${level} (${n} laureates) listed`);
          assert.equal(link, null);
        } else {
          assert.equal(listed, 0, `level ${level} (${n} laureates) not listed here`);
          assert.equal(link?.[1], level);
          assert.equal(link?.[2], `Voir les ${n} territoires à ${level}\u00a0@`);
        }
      }
      assert.match(textOf(page.body), /Les niveaux qui comptent le plus de lauréats ont chacun leur liste/);
    });

    test('a large level’s own list shows all its laureates, a summary of that level, and keeps the other filters', async () => {
      const page = await new TestBrowser(server.app).get('/palmares/2025?niveau=2');
      assert.equal(page.status, 200);
      assert.equal(page.body.match(/<li><a href="\/territoires\//g)?.length, 100);
      assert.match(textOf(page.body), /En 2025, 100 territoires ont obtenu 2\s@\./);
      assert.doesNotMatch(textOf(page.body), /n’a obtenu 5|ont chacun leur liste/);
      assert.match(page.body, /<option value="2" selected>2 arobases \(100\)<\/option>/);
      const filtered = await new TestBrowser(server.app).get('/palmares/2025?categorie=village');
      assert.match(filtered.body, /href="\/palmares\/2025\?niveau=3&amp;categorie=village#laureats"/);
      const unknown = await new TestBrowser(server.app).get('/palmares/2025?niveau=6');
      assert.equal(unknown.status, 200);
      assert.match(textOf(unknown.body), /Filtre ignoré : Niveau « 6 » n’existe pas\./);
    });

    // The design's bar: a public page under 100 KB transferred (photos aside). Measured here without
    // compression, which a proxy may not apply: the map has its own page, a laureate's row is bare markup.
    test('the page of 300 laureates weighs under 40 KB, and each large level’s list under 100 KB, even uncompressed; the map is on its own page', async () => {
      const page = await new TestBrowser(server.app).get('/palmares/2025');
      const bytes = Buffer.byteLength(page.body);
      assert.ok(bytes < 40_000, `${bytes} bytes uncompressed`);
      assert.ok(gzipSync(page.body).length < 20_000, `${gzipSync(page.body).length} bytes gzipped`);
      assert.doesNotMatch(page.body, /<svg class="france-map__svg"/);
      const rows = page.body.match(/<li><a href="\/territoires\/[^"]+">[^<]+<\/a><small>[^<]+<\/small><\/li>/g) ?? [];
      assert.equal(rows.length, 20 + 30, 'the laureates of the levels listed here');
      for (const level of [3, 2, 1]) {
        const list = await new TestBrowser(server.app).get(`/palmares/2025?niveau=${level}`);
        assert.ok(Buffer.byteLength(list.body) < 100_000, `the ${level} @ list: ${Buffer.byteLength(list.body)} bytes`);
      }
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
      assert.doesNotMatch(textOf(page.body), /ont chacun leur liste/);
    });
  });
}
