import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { createRequire } from 'node:module';
import { TestBrowser, textOf } from '../../../test/support/http-client.ts';
import { drivers } from '../../../test/support/test-database.ts';
import { useTestServer } from '../../../test/support/test-server.ts';
import { formatNumber } from '../../platform/views/format.ts';
import { OVERSEAS_COLLECTIVITY_CODES, WITHOUT_MUNICIPALITIES_CODES } from '../territories/territory.rules.ts';

// Issue 12, finding 3: the home page counted 109 départements, 26 régions and the TAAF districts
// among the communes. One rule (takesPart) decides who can take part; counts, directory and filters follow.

type SourceCommune = { code: string; type: string; departement?: string };
const require = createRequire(import.meta.url);
const source = {
  departements: require('@etalab/decoupage-administratif/data/departements.json') as { code: string }[],
  regions: require('@etalab/decoupage-administratif/data/regions.json') as { code: string }[],
  communes: (require('@etalab/decoupage-administratif/data/communes.json') as SourceCommune[]).filter((c) => c.type === 'commune-actuelle'),
};
const collectivities: readonly string[] = OVERSEAS_COLLECTIVITY_CODES;
const withoutMunicipalities: readonly string[] = WITHOUT_MUNICIPALITIES_CODES;

for (const driver of drivers) {
  describe(`who can take part in the label (${driver})`, () => {
    const server = useTestServer(driver);
    const visitor = () => new TestBrowser(server.app);

    test('the home page counts the 101 départements, the 18 régions, and the communes without the TAAF, Wallis-et-Futuna and Clipperton', async () => {
      const departements = source.departements.filter((d) => !collectivities.includes(d.code)).length;
      const regions = source.regions.filter((r) => !collectivities.includes(r.code)).length;
      assert.deepEqual([departements, regions], [101, 18], 'the source still has the 101 départements and 18 régions');
      const communes = source.communes.filter((c) => !withoutMunicipalities.includes(c.departement ?? '')).length;
      assert.ok(communes < source.communes.length, 'some pseudo-communes are left out');
      const text = textOf((await visitor().get('/')).body);
      assert.match(text, new RegExp(`${formatNumber(communes).replace(/\s/g, ' ')} communes`));
      assert.match(text, /\b101 départements\b/);
      assert.match(text, /\b18 régions\b/);
    });

    test('the directory and its API offer neither the TAAF districts nor the collectivities as départements; Papeete is a commune like any other', async () => {
      for (const q of ['Kerguelen', 'Clipperton', 'Terres australes', 'Wallis']) {
        const { items } = (await visitor().get(`/api/v1/territories?q=${encodeURIComponent(q)}`)).json() as { items: { name: string }[] };
        assert.deepEqual(
          items.map((i) => i.name),
          [],
          q,
        );
      }
      const polynesia = (await visitor().get('/api/v1/territories?q=Polyn%C3%A9sie%20fran%C3%A7aise')).json() as { items: { kind: string }[] };
      assert.ok(!polynesia.items.some((i) => i.kind === 'departement' || i.kind === 'region'), 'not a département nor a région');
      const papeete = (await visitor().get('/api/v1/territories?q=Papeete')).json() as { items: { code: string; kind: string }[] };
      assert.equal(papeete.items[0]?.kind, 'commune');
      const departements = (await visitor().get('/api/v1/territories?kind=departement')).json() as { total: number };
      assert.equal(departements.total, 101);
      const page = await visitor().get('/territoires');
      assert.doesNotMatch(page.body, /<option value="98[46]"/, 'the département filter offers no collectivity');
      assert.doesNotMatch(page.body, />Nouvelle-Calédonie</);
    });

    test('the département filter lists Corse after 19 (2A, 2B, then 21)', async () => {
      const page = await visitor().get('/territoires');
      const codes = [...page.body.matchAll(/<option value="(\d[\dAB]\d?)"/g)].map((m) => m[1]);
      const at = (code: string) => codes.indexOf(code);
      assert.ok(at('19') >= 0 && at('19') < at('2A') && at('2A') < at('2B') && at('2B') < at('21'), codes.slice(15, 25).join(' '));
    });
  });
}
