import assert from 'node:assert/strict';
import { before, describe, test } from 'node:test';
import { createActiveUser } from '../../../test/support/accounts.ts';
import { TestBrowser, textOf } from '../../../test/support/http-client.ts';
import { everyDriver } from '../../../test/support/test-database.ts';
import { useTestServer } from '../../../test/support/test-server.ts';
import { memberships } from '../accounts/schema.ts';
import { systemCaller, type Person } from '../accounts/permissions.rules.ts';
import { findOrCreateActor } from '../actors/actors.service.ts';
import { createInitiative } from '../initiatives/save-initiative.service.ts';
import { setVisibility } from '../initiatives/publication.service.ts';
import { FACETS } from './facets.ts';
import { recordResults } from '../label/record-results.service.ts';
import { seedLabelHistory } from '../../../test/support/results-fixture.ts';
import { findSimilarInitiatives } from './similar-initiatives.service.ts';

// A few public sheets in the style of the seeds, in several territories.
const SHEETS = [
  {
    territoryCode: '49353',
    title: 'Dématérialisation des demandes de congés',
    summary: 'Les agents demandent leurs congés en ligne.',
    serviceIds: ['dematerialisation-rh'],
    status: 'done',
    startDate: '2021-01-04',
    audiences: ['agents'],
  },
  {
    territoryCode: '49007',
    title: 'Don d’ordinateurs reconditionnés aux familles',
    summary: 'Des ordinateurs remis à neuf donnés aux foyers modestes avec une association.',
    serviceIds: ['ordinateurs-reconditionnes-familles'],
    status: 'in_progress',
    startDate: '2023-03-01',
    audiences: ['families_in_need'],
    responsibleDigital: true,
    actor: 'Emmaüs Connect',
  },
  {
    territoryCode: '76709',
    title: 'Audit de cybersécurité de la mairie',
    summary: 'Un audit des postes et des sauvegardes, puis un plan de correction.',
    serviceIds: ['audit-cybersecurite'],
    status: 'done',
    startDate: '2022-09-01',
    audiences: ['agents', 'elected_officials'],
  },
  {
    territoryCode: '49007',
    title: 'Sensibilisation des élus au hameçonnage',
    summary: 'Des exercices de faux courriels pour les élus et les agents.',
    serviceIds: ['prevention-hameconnage'],
    status: 'planned',
    startDate: '2025-01-01',
    audiences: ['elected_officials'],
    actor: 'Emmaüs Connect',
  },
  {
    territoryCode: '76709',
    title: 'Collecte des vieux ordinateurs des habitants',
    summary: 'Une collecte en déchèterie, reconditionnement par une entreprise d’insertion.',
    serviceIds: ['collecte-ordinateurs-inutilises'],
    status: 'done',
    startDate: '2023-06-01',
    audiences: ['inhabitants'],
    responsibleDigital: true,
  },
];

for (const driver of everyDriver) {
  describe(`observatory search (${driver})`, () => {
    const server = useTestServer(driver);
    let visitor: TestBrowser;
    const ids: Record<string, string> = {};
    before(async () => {
      visitor = new TestBrowser(server.app);
      const db = server.database.db;
      const user = await createActiveUser(db, { email: 'redaction@example.fr', role: 'member' });
      const codes = [...new Set(SHEETS.map((s) => s.territoryCode))];
      await db.insert(memberships).values(codes.map((territoryCode) => ({ userId: user.id, territoryCode, role: 'contributor' as const })));
      const person: Person = { id: user.id, role: 'member', memberships: codes.map((territoryCode) => ({ territoryCode, role: 'contributor' })) };
      for (const { actor: actorName, ...sheet } of SHEETS) {
        const actorIds = actorName ? [(await findOrCreateActor(db, person, { name: actorName, kind: 'association' })).actor.id] : [];
        const created = await createInitiative(db, person, { ...sheet, actorIds, visibility: 'public' });
        ids[sheet.title] = created.id;
      }
      // A draft is never found.
      await createInitiative(db, person, {
        territoryCode: '49353',
        title: 'Brouillon secret sur les congés',
        status: 'planned',
        serviceIds: ['dematerialisation-rh'],
      });
    });

    const search = async (qs: string) => {
      const res = await visitor.get(`/api/v1/initiatives?${qs}`);
      assert.equal(res.status, 200, res.body);
      return res.json();
    };
    const titles = (body: { items: { title: string }[] }) => body.items.map((i) => i.title);

    test('"reconditionnement" finds the sheet titled "Don d\'ordinateurs reconditionnés aux familles"', async () => {
      assert.ok(titles(await search('q=reconditionnement')).includes('Don d’ordinateurs reconditionnés aux familles'));
    });

    test('"cybersecurite" finds "cybersécurité", and prefixes match: "recyclé"-style stems', async () => {
      assert.equal(titles(await search('q=cybersecurite'))[0], 'Audit de cybersécurité de la mairie');
      assert.ok(titles(await search('q=ordi')).includes('Collecte des vieux ordinateurs des habitants'));
    });

    test('"congés trélazé" finds Trélazé’s leave-request sheet first; drafts are never found', async () => {
      const body = await search(`q=${encodeURIComponent('congés trélazé')}`);
      assert.equal(body.items[0].title, 'Dématérialisation des demandes de congés');
      assert.ok(!titles(await search('q=brouillon%20secret')).length);
    });

    test('a one-letter typo still finds it, and says which words were used', async () => {
      const expected: Record<string, string> = {
        cybersecrite: 'Audit de cybersécurité de la mairie',
        reconditonnement: 'Don d’ordinateurs reconditionnés aux familles',
        ordinatuers: 'Don d’ordinateurs reconditionnés aux familles',
        hamconnage: 'Sensibilisation des élus au hameçonnage',
        trelazr: 'Dématérialisation des demandes de congés',
      };
      for (const [typo, title] of Object.entries(expected)) {
        const body = await search(`q=${typo}`);
        assert.ok(titles(body).includes(title), `${typo}: ${titles(body).join(' | ')}`);
        assert.ok(body.correctedWords?.length, `${typo}: the corrected words are given`);
      }
      // A typo the French stemmer absorbs is found directly.
      assert.ok(titles(await search('q=reconditionement')).includes('Don d’ordinateurs reconditionnés aux familles'));
    });

    test('each facet value’s count equals the number of results once it is applied', async () => {
      for (const base of ['', 'q=ordinateurs', 'status=done']) {
        const body = await search(base);
        for (const facet of FACETS) {
          for (const value of body.facets[facet]) {
            const applied = await search(`${base ? `${base}&` : ''}${facet}=${encodeURIComponent(value.value)}`);
            assert.equal(applied.total, value.count, `${base} ${facet}=${value.value}`);
          }
        }
      }
    });

    test('facets are labelled in French and combine', async () => {
      const body = await search('');
      assert.equal(body.total, SHEETS.length);
      assert.deepEqual(
        body.facets.status.find((v: { value: string }) => v.value === 'done'),
        { value: 'done', label: 'Réalisée', count: 3 },
      );
      assert.ok(body.facets.actor.some((v: { label: string; count: number }) => v.label === 'Emmaüs Connect' && v.count === 2));
      assert.ok(body.facets.department.some((v: { label: string }) => v.label === 'Maine-et-Loire (49)'));
      const combined = await search('department=49&responsibleDigital=true');
      assert.deepEqual(titles(combined), ['Don d’ordinateurs reconditionnés aux familles']);
    });

    test('unknown facet values are ignored with a notice; odd queries and far pages still answer', async () => {
      const body = await search('theme=inconnu&status=fini&year=abc&actor=123');
      assert.equal(body.total, SHEETS.length);
      assert.deepEqual(body.ignored.map((i: { facet: string }) => i.facet).sort(), ['actor', 'status', 'theme', 'year']);
      const page = await visitor.get('/initiatives?theme=inconnu');
      assert.equal(page.status, 200);
      assert.match(textOf(page.body), /Filtre ignoré : Enjeu « inconnu »/);
      for (const q of ['x'.repeat(1000), `"'&|!:*()<>\\`, '!!!', '&', 'a:* | b & !c', ' ', 'é'.repeat(500)]) {
        const res = await visitor.get(`/api/v1/initiatives?q=${encodeURIComponent(q)}`);
        assert.equal(res.status, 200, q.slice(0, 20));
        const page = await visitor.get(`/initiatives?q=${encodeURIComponent(q)}`);
        // Only spaces: no query, redirected to the short address (issue 12, finding 21).
        assert.equal(page.status === 302 ? (await visitor.follow(page)).status : page.status, 200);
      }
      const far = await search('page=999');
      assert.equal(far.items.length, 0);
      assert.equal(far.total, SHEETS.length);
    });

    test('the page works without JavaScript: a GET form, facets as selects, shareable URLs, results', async () => {
      const page = await visitor.get('/initiatives?q=ordinateurs&department=49');
      assert.equal(page.status, 200);
      const text = textOf(page.body);
      assert.match(text, /1 initiative/);
      assert.match(text, /Don d’ordinateurs reconditionnés aux familles/);
      assert.match(page.body, /<form method="get" action="\/initiatives"/);
      assert.match(page.body, /<option value="49" selected(="")?>Maine-et-Loire \(49\) \(1\)<\/option>/);
    });

    test('unpublishing a sheet removes it from the search at once; publishing brings it back', async () => {
      const db = server.database.db;
      const id = ids['Audit de cybersécurité de la mairie']!;
      const [{ userId }] = (await db.select({ userId: memberships.userId }).from(memberships).limit(1)) as [{ userId: string }];
      const person: Person = { id: userId, role: 'member', memberships: [{ territoryCode: '76709', role: 'contributor' }] };
      await setVisibility(db, person, id, 'draft');
      assert.equal((await search('q=cybersecurite')).total, 0);
      await setVisibility(db, person, id, 'public');
      assert.equal((await search('q=cybersecurite')).total, 1);
    });

    test('the label level facet follows the results: set when a palmarès is recorded, changed by a newer edition', async () => {
      assert.deepEqual((await search('')).facets.labelLevel, [], 'no territory labelled yet');
      await seedLabelHistory(server.database.db);
      const facet = (await search('')).facets.labelLevel as { value: string; label: string; count: number }[];
      // Trélazé and Angers at 5 @ in 2023 (3 sheets), Le Trait at 4 @ (2 sheets); the 2024 result under review does not count.
      assert.deepEqual(
        facet.map((v) => [v.value, v.label, v.count]),
        [
          ['5', '5 @', 3],
          ['4', '4 @', 2],
        ],
      );
      const fives = await search('labelLevel=5');
      assert.equal(fives.total, 3);
      assert.ok(fives.items.every((i: { territory: { code: string } }) => ['49353', '49007'].includes(i.territory.code)));
      await server.database.db.transaction((tx) =>
        recordResults(tx, systemCaller('test setup'), [{ year: 2025, territoryCode: '76709', level: 5, distinctions: [] }], null),
      );
      assert.equal((await search('labelLevel=5')).total, 5, 'Le Trait at 5 @ in 2025');
      assert.equal((await search('labelLevel=4')).total, 0);
      const ignored = await search('labelLevel=6');
      assert.deepEqual(ignored.ignored, [{ facet: 'labelLevel', value: '6' }]);
    });

    test('each initiative page shows similar initiatives of other territories, by shared services and text', async () => {
      const db = server.database.db;
      const collecte = ids['Collecte des vieux ordinateurs des habitants']!;
      const similar = await findSimilarInitiatives(db, {
        id: collecte,
        territoryCode: '76709',
        title: 'Collecte des vieux ordinateurs des habitants',
        serviceIds: ['collecte-ordinateurs-inutilises'],
      });
      assert.ok(
        similar.some((s) => s.title === 'Don d’ordinateurs reconditionnés aux familles'),
        'found by its words',
      );
      assert.ok(
        similar.every((s) => s.territory.code !== '76709'),
        'never the same territory',
      );
      const page = await visitor.get(`/initiatives/${ids['Don d’ordinateurs reconditionnés aux familles']}`);
      assert.match(textOf(page.body), /Initiatives similaires dans d’autres territoires/);
      assert.match(page.body, new RegExp(`href="/initiatives/${collecte}"`));
    });

    test('the Atom feed lists the newest public sheets, filtered like the search', async () => {
      const all = await visitor.get('/feeds/initiatives.atom');
      assert.equal(all.status, 200);
      assert.match(String(all.headers['content-type']), /^application\/atom\+xml/);
      assert.match(all.body, /^<\?xml/);
      assert.equal((all.body.match(/<entry>/g) ?? []).length, SHEETS.length);
      assert.doesNotMatch(all.body, /Brouillon secret/);
      const filtered = await visitor.get('/feeds/initiatives.atom?department=76');
      const entries = filtered.body.split('<entry>').slice(1);
      assert.ok(entries.some((t) => t.includes('Collecte des vieux ordinateurs')));
      assert.ok(!entries.some((t) => t.includes('congés')));
      const weird = await visitor.get(`/feeds/initiatives.atom?q=${encodeURIComponent('"&<script>')}&theme=inconnu`);
      assert.equal(weird.status, 200);
      assert.doesNotMatch(weird.body, /<script>/);
    });
  });
}
