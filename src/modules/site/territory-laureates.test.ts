import assert from 'node:assert/strict';
import { before, describe, test } from 'node:test';
import { createActiveUser } from '../../../test/support/accounts.ts';
import { tableRows } from '../../../test/support/html-tables.ts';
import { TestBrowser, textOf } from '../../../test/support/http-client.ts';
import { LAUREATES, seedLabelHistory } from '../../../test/support/results-fixture.ts';
import { drivers } from '../../../test/support/test-database.ts';
import { useTestServer } from '../../../test/support/test-server.ts';
import { memberships } from '../accounts/schema.ts';
import type { Person } from '../accounts/permissions.rules.ts';
import { createInitiative } from '../initiatives/save-initiative.service.ts';

// Issue 12, item 9: département and région pages list their laureates; an intercommunality’s member
// list marks the labelled communes; services on an initiative page and in the referential lead to
// the search filtered on them.

/** The section of a page that a heading with this id opens. */
function sectionOf(html: string, headingId: string): string {
  const start = html.indexOf(`id="${headingId}"`);
  assert.ok(start >= 0, `no #${headingId}`);
  return html.slice(start, html.indexOf('</section>', start));
}

for (const driver of drivers) {
  describe(`laureates on territory pages, services linked to the search (${driver})`, () => {
    const server = useTestServer(driver);
    let visitor: TestBrowser;
    let sheetId: string;
    before(async () => {
      visitor = new TestBrowser(server.app);
      await seedLabelHistory(server.db);
      const user = await createActiveUser(server.db, { email: 'services@trelaze.example.fr', role: 'member' });
      await server.db.insert(memberships).values({ userId: user.id, territoryCode: LAUREATES.trelaze, role: 'contributor' });
      const person: Person = { id: user.id, role: 'member', memberships: [{ territoryCode: LAUREATES.trelaze, role: 'contributor' }] };
      const sheet = await createInitiative(server.db, person, {
        territoryCode: LAUREATES.trelaze,
        title: 'Congés en ligne',
        summary: 'Les agents demandent leurs congés en ligne.',
        status: 'done',
        serviceIds: ['dematerialisation-rh'],
        visibility: 'public',
      });
      sheetId = sheet.id;
    });

    test('a département’s page lists the laureates of the latest published edition, best first, and links the palmarès', async () => {
      const page = await visitor.get('/territoires/49');
      assert.equal(page.status, 200);
      const section = sectionOf(page.body, 'titre-laureats');
      // 2023 is the latest published edition (2024 is under review: its result stays hidden).
      assert.match(textOf(section), /2 lauréats du label en 2023/);
      const rows = tableRows(section, 'legende-laureats');
      assert.deepEqual(
        rows.map((r) => r.slice(0, 2)),
        [
          ['Angers', '5 @'],
          ['Trélazé', '5 @'],
        ],
      );
      assert.match(rows[1]![2]!, /@ verte/, 'the distinctions by name');
      assert.match(section, /href="\/territoires\/49353"/);
      assert.match(section, /href="\/palmares\/2023\?departement=49"/);
    });

    test('a région’s page lists its laureates; one without any says so', async () => {
      const pdl = sectionOf((await visitor.get('/territoires/reg-52')).body, 'titre-laureats');
      assert.deepEqual(
        tableRows(pdl, 'legende-laureats').map((r) => r[0]),
        ['Angers', 'Trélazé'],
      );
      assert.match(pdl, /href="\/palmares\/2023\?region=52"/);
      const idf = tableRows(sectionOf((await visitor.get('/territoires/reg-11')).body, 'titre-laureats'), 'legende-laureats');
      assert.deepEqual(
        idf.map((r) => r[0]),
        ['Issy-les-Moulineaux'],
      );
      const corsica = sectionOf((await visitor.get('/territoires/reg-94')).body, 'titre-laureats');
      assert.match(textOf(corsica), /Aucun territoire de ce périmètre n’a été labellisé en 2023/);
      // A commune’s page has no such list.
      assert.doesNotMatch((await visitor.get('/territoires/49353')).body, /id="titre-laureats"/);
    });

    test('an intercommunality’s member list marks the labelled communes with their latest level', async () => {
      const page = await visitor.get(`/territoires/${LAUREATES.angersLoireMetropole}`);
      assert.equal(page.status, 200);
      const section = sectionOf(page.body, 'titre-membres');
      assert.match(textOf(section), /2 communes membres ont obtenu le label/);
      const rows = new Map(tableRows(section, 'legende-membres').map((r) => [r[0], r.at(-1)]));
      assert.equal(rows.get('Angers'), '@@@@@ 5 @ en 2023');
      assert.equal(rows.get('Trélazé'), '@@@@@ 5 @ en 2023');
      assert.equal(rows.get('Les Ponts-de-Cé'), 'Non labellisée');
    });

    test('the services of an initiative page lead to the search filtered on each, which finds the sheet', async () => {
      const page = await visitor.get(`/initiatives/${sheetId}`);
      assert.equal(page.status, 200);
      const section = sectionOf(page.body, 'titre-enjeux');
      const href = /<a href="(\/initiatives\?service=dematerialisation-rh)">([^<]+)<\/a>/.exec(section);
      assert.ok(href, 'the service is a link to the filtered search');
      const search = await visitor.get(href[1]!);
      assert.equal(search.status, 200);
      assert.match(search.body, new RegExp(`href="/initiatives/${sheetId}"`));
    });

    test('each service of the referential leads to the search filtered on it', async () => {
      const page = await visitor.get('/referentiel');
      assert.equal(page.status, 200);
      assert.match(
        page.body,
        /<li class="result-list__item" id="service-dematerialisation-rh"><a class="result-list__title" href="\/initiatives\?service=dematerialisation-rh">/,
      );
      const links = page.body.match(/href="\/initiatives\?service=[^"]+"/g) ?? [];
      assert.ok(links.length >= 100, `every service is linked (${links.length})`);
    });
  });
}
