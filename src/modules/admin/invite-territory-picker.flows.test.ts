// The territory of an invitation is typed by its name (or its code), without JavaScript: one sure
// match is taken, several are offered back as a choice, none is a French error naming the field.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { eq } from 'drizzle-orm';
import { accountsFixture } from '../../../test/support/accounts-fixture.ts';
import { textOf } from '../../../test/support/http-client.ts';
import { drivers } from '../../../test/support/test-database.ts';
import { memberships } from '../accounts/schema.ts';

for (const driver of drivers) {
  describe(`the invitation’s territory picker (${driver})`, () => {
    const f = accountsFixture(driver);
    const territoriesOf = async (email: string) => {
      const user = await f.userByEmail(email);
      if (!user) return null;
      return (await f.db().select({ code: memberships.territoryCode }).from(memberships).where(eq(memberships.userId, user.id))).map((m) => m.code);
    };
    const invite = (fields: Record<string, string>) => f.admin.submit('/admin/utilisateurs', { role: 'member', territoryRole: 'contributor', ...fields });

    test('the field takes a name, with suggestions from the territories API when JavaScript runs', async () => {
      const page = await f.admin.get('/admin/utilisateurs');
      assert.match(page.body, /<label for="champ-territoryCode">Territoire \(facultatif\)<\/label>/);
      assert.match(
        page.body,
        /<input[^>]* id="champ-territoryCode"[^>]* list="suggestions-territoryCode" data-suggest="\/api\/v1\/territories" data-suggest-value="name-code"/,
      );
      assert.match(page.body, /<datalist id="suggestions-territoryCode"><\/datalist>/);
      assert.match(page.body, /<script src="\/static\/js\/suggest\.js\?v=[0-9a-f]{12}"/);
    });

    test('one sure match: a name typed without accents, or a suggestion "Nom (code)", is the territory', async () => {
      assert.equal((await invite({ email: 'elu@trelaze.example.fr', territoryCode: 'trelaze' })).status, 303);
      assert.deepEqual(await territoriesOf('elu@trelaze.example.fr'), ['49353']);
      assert.equal((await invite({ email: 'agent@cholet.example.fr', territoryCode: 'CA Cholet Agglomération (200071678)' })).status, 303);
      assert.deepEqual(await territoriesOf('agent@cholet.example.fr'), ['200071678']);
      assert.equal((await invite({ email: 'code@angers.example.fr', territoryCode: '49007' })).status, 303);
      assert.deepEqual(await territoriesOf('code@angers.example.fr'), ['49007']);
    });

    test('several territories of that name: offered back with their département and population, nothing created; the one chosen is taken', async () => {
      const users0 = await f.userCount();
      const res = await invite({ email: 'elu@saint-pierre.example.fr', territoryCode: 'Saint-Pierre' });
      assert.equal(res.status, 400);
      const text = textOf(res.body);
      assert.match(text, /Territoire : plusieurs territoires correspondent à « Saint-Pierre »/);
      assert.match(res.body, /<a href="#champ-territoryCode">/);
      assert.match(text, /Territoires correspondant à « Saint-Pierre »/);
      assert.match(text, /Saint-Pierre — commune, La Réunion, [\d\u202f\u00a0 ]+ habitants \(97416\)/);
      assert.match(res.body, /<input type="radio" id="champ-territoryCode-choix-\d" name="territoryCode-choix" value="97416"/);
      assert.match(res.body, /id="champ-email"[^>]*value="elu@saint-pierre.example.fr"/, 'what was typed is kept');
      assert.equal(await f.userCount(), users0, 'no account created');

      const chosen = await invite({
        email: 'elu@saint-pierre.example.fr',
        territoryCode: 'Saint-Pierre',
        'territoryCode-pour': 'Saint-Pierre',
        'territoryCode-choix': '97416',
      });
      assert.equal(chosen.status, 303);
      assert.deepEqual(await territoriesOf('elu@saint-pierre.example.fr'), ['97416']);
    });

    test('no territory of that name or code: a French error naming the field, nothing created', async () => {
      const users0 = await f.userCount();
      for (const [typed, message] of [
        ['Nullepart-sur-Rien', /Territoire : aucun territoire ne correspond à « Nullepart-sur-Rien » : vérifiez le nom, ou saisissez son code INSEE ou SIREN/],
        ['99999', /Territoire : aucun territoire ne porte le code « 99999 »/],
        // The TAAF take no part in the label (takesPart): neither by name nor by code.
        ['98412', /Territoire : aucun territoire ne porte le code « 98412 »/],
        ['Archipel des Kerguelen', /Territoire : aucun territoire ne correspond à « Archipel des Kerguelen »/],
      ] as const) {
        const res = await invite({ email: 'personne@example.fr', territoryCode: typed });
        assert.equal(res.status, 400, typed);
        assert.match(textOf(res.body), message);
        assert.match(res.body, /id="champ-territoryCode-erreur"/);
        assert.match(res.body, /id="champ-territoryCode"[^>]*aria-invalid="true"/);
      }
      assert.equal(await f.userCount(), users0);
      // No territory at all stays allowed: an account without membership.
      assert.equal((await invite({ email: 'sans-territoire@example.fr', territoryCode: '' })).status, 303);
      assert.deepEqual(await territoriesOf('sans-territoire@example.fr'), []);
    });
  });
}
