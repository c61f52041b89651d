import assert from 'node:assert/strict';
import { before, describe, test } from 'node:test';
import { createActiveUser } from '../../../test/support/accounts.ts';
import { TestBrowser, textOf } from '../../../test/support/http-client.ts';
import { drivers } from '../../../test/support/test-database.ts';
import { useTestServer } from '../../../test/support/test-server.ts';
import { createApiToken } from '../accounts/api-tokens.service.ts';
import type { Person } from '../accounts/permissions.rules.ts';
import { countPublicInitiativesByActor, publicActorStatsSource } from '../initiatives/actor-stats.service.ts';
import { initiativeActors, initiativeServices, initiatives } from '../initiatives/schema.ts';
import { getCurrentReferential } from '../referential/referential.service.ts';
import type { ActorKind } from '../actors/actor.rules.ts';
import { findOrCreateActor, listActors } from '../actors/actors.service.ts';

// The directory of actors (/acteurs), its API (GET /api/v1/actors) and the "by theme" view of an
// actor’s page: only actors named by public sheets are public, with their counts.

const WRITER = 'contributrice@mairie-angers.example.fr';
const READER = 'lecteur@mairie-trelaze.example.fr';
const UNKNOWN_ID = '3f2b8c1e-0a4d-4c6e-9b7a-2d5e8f1a6c3b';
const PARTNERS = 22;

for (const driver of drivers) {
  describe(`actors directory and "by theme" view (${driver})`, () => {
    const server = useTestServer(driver);
    let visitor: TestBrowser;
    const tokens: Record<string, string> = {};
    const ids: Record<string, string> = {};
    const sheets: Record<string, string> = {};
    const db = () => server.database.db;

    before(async () => {
      await getCurrentReferential(db()); // seeds the referential: sheets may name its services
      const w = await createActiveUser(db(), { email: WRITER, role: 'member', territoryCode: '49007', territoryRole: 'contributor' });
      const r = await createActiveUser(db(), { email: READER, role: 'member', territoryCode: '49353', territoryRole: 'reader' });
      tokens[WRITER] = (await createApiToken(db(), w.id, 'Intégration')).token;
      tokens[READER] = (await createApiToken(db(), r.id, 'Intégration')).token;
      const writer: Person = { id: w.id, role: 'member', memberships: [{ territoryCode: '49007', role: 'contributor' }] };
      visitor = new TestBrowser(server.app);

      const actor = async (key: string, name: string, kind: ActorKind) => (ids[key] = (await findOrCreateActor(db(), writer, { name, kind })).actor.id);
      await actor('ecologic', 'Ecologic', 'company');
      await actor('emmaus', 'Emmaüs Connect', 'association');
      await actor('anjou', 'Anjou Numérique', 'public_body');
      await actor('draftOnly', 'Société Brouillon', 'company');
      await actor('deletedOnly', 'Société Effacée', 'company');
      await actor('orphan', 'Association Orpheline', 'association');
      await actor('markup', '<b>Balise</b> & Cie', 'company');

      const sheet = async (
        key: string,
        territoryCode: string,
        options: { visibility?: 'public' | 'draft'; deleted?: boolean; actors: string[]; services?: string[] },
      ) => {
        const [row] = await db()
          .insert(initiatives)
          .values({
            territoryCode,
            title: key,
            summary: `Résumé de ${key}.`,
            status: 'in_progress',
            visibility: options.visibility ?? 'public',
            publishedAt: options.visibility === 'draft' ? null : new Date('2026-03-12T10:00:00Z'),
            deletedAt: options.deleted ? new Date() : null,
          })
          .returning({ id: initiatives.id });
        sheets[key] = row!.id;
        await db()
          .insert(initiativeActors)
          .values(options.actors.map((actorId) => ({ initiativeId: row!.id, actorId })));
        if (options.services?.length)
          await db()
            .insert(initiativeServices)
            .values(options.services.map((serviceId) => ({ initiativeId: row!.id, serviceId })));
      };
      // Ecologic: 2 public sheets in 2 territories, plus a draft and a deleted sheet that do not count.
      await sheet('Collecte des DEEE à Angers', '49007', { actors: [ids.ecologic!], services: ['reemploi-materiel-informatique', 'logiciels-libres'] });
      await sheet('Ordinateurs reconditionnés à Trélazé', '49353', { actors: [ids.ecologic!, ids.anjou!], services: ['achats-materiel-reconditionne'] });
      await sheet('Brouillon Ecologic', '49007', { visibility: 'draft', actors: [ids.ecologic!, ids.draftOnly!], services: ['accessibilite-numerique'] });
      await sheet('Fiche supprimée', '49353', { deleted: true, actors: [ids.ecologic!, ids.deletedOnly!] });
      // Emmaüs Connect: 3 public sheets, all in Angers.
      for (const title of ['Permanences numériques', 'Cafés numériques', 'Ateliers seniors']) await sheet(title, '49007', { actors: [ids.emmaus!] });
      await sheet('Fiche balisée', '75056', { actors: [ids.markup!] });
      // Enough partners for a second page (20 per page).
      for (let i = 1; i <= PARTNERS; i++) {
        const id = await actor(`partner${i}`, `Partenaire ${String(i).padStart(2, '0')}`, 'association');
        await sheet(`Fiche du partenaire ${i}`, '49007', { actors: [id] });
      }
    });

    // As a browser does: a form sent with empty fields is redirected to its short address, then shown.
    const directory = async (query = '') => {
      const page = await visitor.get(`/acteurs${query}`);
      return page.status === 302 ? visitor.follow(page) : page;
    };
    const api = (query: string, headers: Record<string, string> = {}) => visitor.get(`/api/v1/actors${query}`, headers);
    const namesIn = (html: string) => [...html.matchAll(/class="result-list__title">([^<]*)</g)].map((m) => m[1]);

    test('countPublicInitiativesByActor: public, non-deleted sheets and their distinct territories', async () => {
      const counts = await countPublicInitiativesByActor(db(), [ids.ecologic!, ids.emmaus!, ids.draftOnly!, ids.deletedOnly!, UNKNOWN_ID, 'pas-un-uuid']);
      assert.deepEqual(counts.get(ids.ecologic!), { initiatives: 2, territories: 2 });
      assert.deepEqual(counts.get(ids.emmaus!), { initiatives: 3, territories: 1 });
      assert.deepEqual(counts.get(ids.draftOnly!), { initiatives: 0, territories: 0 });
      assert.deepEqual(counts.get(ids.deletedOnly!), { initiatives: 0, territories: 0 });
      assert.deepEqual(counts.get(UNKNOWN_ID), { initiatives: 0, territories: 0 });
      assert.equal(counts.has('pas-un-uuid'), false);
      assert.equal((await countPublicInitiativesByActor(db(), [])).size, 0);
    });

    test('/acteurs lists only the actors of public sheets, the most active first, with their counts', async () => {
      const page = await directory();
      assert.equal(page.status, 200);
      const text = textOf(page.body);
      const total = 3 + 1 + PARTNERS; // Ecologic, Emmaüs Connect, Anjou Numérique, the markup one, the partners
      assert.match(page.body, /<h1>Annuaire des acteurs<\/h1>/);
      assert.match(text, new RegExp(`${total} acteurs`));
      const names = namesIn(page.body);
      assert.equal(names.length, 20, 'one page of 20');
      assert.deepEqual(names.slice(0, 2), ['Emmaüs Connect', 'Ecologic'], 'by number of initiatives');
      for (const hidden of ['Société Brouillon', 'Société Effacée', 'Association Orpheline']) assert.ok(!text.includes(hidden), hidden);
      assert.match(text, /Ecologic Entreprise · 2 initiatives publiques dans 2 territoires/);
      assert.match(text, /Emmaüs Connect Association · 3 initiatives publiques dans 1 territoire(?!s)/);
      assert.ok(page.body.includes(`href="/acteurs/${ids.ecologic}"`));
      // Equal counts: by name.
      const partners = names.filter((n) => n!.startsWith('Partenaire'));
      assert.deepEqual(partners, [...partners].sort());
      // The search works without JavaScript (a GET form), with suggestions limited to the directory’s actors.
      assert.match(page.body, /<form method="get" action="\/acteurs" role="search"/);
      assert.ok(page.body.includes('data-suggest="/api/v1/actors?withInitiatives=true"'));
      assert.ok(page.body.includes('list="suggestions-acteurs"') && page.body.includes('<datalist id="suggestions-acteurs">'));
      assert.ok(page.body.includes('href="/acteurs?page=2"'), 'a link to the second page');
      assert.ok(page.body.includes('<a href="/acteurs" aria-current="page">Acteurs</a>'), 'in the header menu');
    });

    test('pages: the second one holds the rest; past the end, an empty page (200) that says so', async () => {
      const second = await directory('?page=2');
      assert.equal(second.status, 200);
      assert.equal(namesIn(second.body).length, 3 + 1 + PARTNERS - 20);
      const past = await directory('?page=7');
      assert.equal(past.status, 200);
      assert.deepEqual(namesIn(past.body), []);
      assert.match(textOf(past.body), /26 acteurs/);
      assert.match(textOf(past.body), /Cette page est vide : les résultats tiennent sur 2 pages\. Revenir à la première page/);
      const pastApi = await api('?page=50&limit=10');
      assert.equal(pastApi.status, 200);
      assert.deepEqual(pastApi.json(), { items: [], total: 26 });
      const third = (await api('?page=3&limit=10')).json();
      assert.equal(third.items.length, 6);
      assert.equal(third.total, 26);
    });

    test('search: "ecologic" and the typo "ECOLOGIQ" find Ecologic; a drafts-only actor stays hidden', async () => {
      for (const q of ['ecologic', 'ECOLOGIQ', 'écolo']) {
        const page = await directory(`?q=${encodeURIComponent(q)}`);
        assert.equal(page.status, 200, q);
        assert.equal(namesIn(page.body)[0], 'Ecologic', q);
        assert.ok(page.body.includes(`<title>Acteurs correspondant à «\u00a0${q}\u00a0» · arobase</title>`), q);
        assert.ok(page.body.includes(`value="${q}"`), 'the query stays in the field');
      }
      for (const q of ['brouillon', 'Société Brouillon', 'effacee', 'orpheline']) {
        const page = await directory(`?q=${encodeURIComponent(q)}`);
        assert.equal(page.status, 200);
        assert.deepEqual(namesIn(page.body), [], q);
        assert.match(textOf(page.body), /Aucun acteur trouvé/);
        assert.match(textOf(page.body), /Vérifiez l’orthographe\. Seuls les acteurs d’au moins une initiative publique/);
        assert.ok(page.body.includes('<a href="/acteurs">Voir tous les acteurs</a>'));
      }
    });

    test('the kind filter; a wrong kind is named on the page (400) and the list still shows', async () => {
      const bodies = await directory('?kind=public_body');
      assert.equal(bodies.status, 200);
      assert.deepEqual(namesIn(bodies.body), ['Anjou Numérique']);
      assert.match(bodies.body, /<option value="public_body" selected>Organismes publics<\/option>/);
      assert.deepEqual(namesIn((await directory('?kind=company&q=eco')).body), ['Ecologic']);
      const none = await directory('?kind=association&q=ecologic');
      assert.deepEqual(namesIn(none.body), []);
      assert.match(textOf(none.body), /Vérifiez l’orthographe ou retirez le filtre de type\./);
      const blank = await directory('?kind=&q=');
      assert.equal(blank.status, 200, 'empty fields of the form are no filter');
      assert.equal(namesIn(blank.body).length, 20);

      const wrong = await directory('?kind=entreprise');
      assert.equal(wrong.status, 400);
      assert.match(textOf(wrong.body), /Type : doit valoir company \(entreprise\), association ou public_body/);
      assert.equal(namesIn(wrong.body).length, 20);
      const badPage = await directory('?page=abc');
      assert.equal(badPage.status, 400);
      assert.match(textOf(badPage.body), /Page : doit être un nombre/);
    });

    test('odd queries still answer 200: 1,000 characters, punctuation, operators, repeated parameters', async () => {
      const queries = ['e'.repeat(1000), `&|!:*'"`, `eco&|!:*'"logic`, "ecologic' or 1=1 --", '%_\\', 'a', ' '.repeat(50), '<script>alert(1)</script>'];
      for (const q of queries) {
        const page = await directory(`?q=${encodeURIComponent(q)}`);
        assert.equal(page.status, 200, JSON.stringify(q.slice(0, 30)));
        assert.doesNotMatch(page.body, /<script>alert/);
      }
      assert.deepEqual(namesIn((await directory(`?q=${encodeURIComponent(`eco&|!:*'"logic`)}`)).body)[0], 'Ecologic');
      assert.equal(namesIn((await directory(`?q=${encodeURIComponent(`&|!:*'"`)}`)).body).length, 20, 'only punctuation: no query');
      assert.equal((await directory('?q=ecologic&q=emmaus')).status, 200);
      // The API refuses a query over 200 characters, naming the field; punctuation is fine.
      const long = await api(`?q=${'e'.repeat(1000)}`);
      assert.equal(long.status, 400);
      assert.equal(long.json().field, 'q');
      assert.equal((await api(`?q=${encodeURIComponent(`&|!:*'"`)}`)).status, 200);
    });

    test('names are escaped in the directory', async () => {
      const page = await directory('?q=balise');
      assert.equal(page.status, 200);
      assert.ok(page.body.includes('&lt;b>Balise&lt;/b> &amp; Cie') || page.body.includes('&lt;b&gt;Balise&lt;/b&gt; &amp; Cie'), page.body.slice(0, 200));
      assert.doesNotMatch(page.body, /<b>Balise/);
    });

    test('GET /api/v1/actors: counts per item; public actors for everyone, every actor for contributors', async () => {
      const anonymous = await api('?q=ecologic');
      assert.equal(anonymous.status, 200);
      assert.equal(anonymous.headers['cache-control'], 'public, max-age=60');
      const ecologic = anonymous.json().items[0];
      assert.deepEqual(ecologic, { id: ids.ecologic, name: 'Ecologic', kind: 'company', website: null, siren: null, initiativeCount: 2, territoryCount: 2 });
      assert.equal((await api('?kind=public_body')).json().total, 1);
      assert.deepEqual((await api('?q=brouillon')).json(), { items: [], total: 0 });

      // A contributor (the sheet form’s suggestions) finds every actor, without asking.
      const asWriter = { authorization: `Bearer ${tokens[WRITER]}` };
      const all = await api('?q=brouillon', asWriter);
      assert.equal(all.json().items[0]?.name, 'Société Brouillon');
      assert.equal(all.json().items[0]?.initiativeCount, 0);
      assert.equal(all.headers['cache-control'], 'private, no-store');
      assert.equal((await api('?q=brouillon&withInitiatives=false', asWriter)).json().total, 1);
      assert.equal((await api('?q=brouillon&withInitiatives=true', asWriter)).json().total, 0);
      assert.equal((await api('?limit=50&page=1', asWriter)).json().total, 7 + PARTNERS);

      // Anyone else asking for every actor is refused; a reader gets the public ones by default.
      const refused = await api('?withInitiatives=false');
      assert.equal(refused.status, 401);
      const reader = await api('?withInitiatives=false', { authorization: `Bearer ${tokens[READER]}` });
      assert.equal(reader.status, 403);
      assert.equal(reader.json().error, 'forbidden');
      assert.deepEqual((await api('?q=brouillon', { authorization: `Bearer ${tokens[READER]}` })).json(), { items: [], total: 0 });

      for (const [query, field, message] of [
        ['?withInitiatives=oui', 'withInitiatives', /true .* ou false/],
        ['?kind=entreprise', 'kind', /company \(entreprise\)/],
        ['?page=0', 'page', /supérieur ou égal à 1/],
      ] as const) {
        const bad = await api(query);
        assert.equal(bad.status, 400, query);
        assert.equal(bad.json().field, field, query);
        assert.match(bad.json().message, message, query);
      }
    });

    test('the service: relevance first when searching, total whatever the page', async () => {
      const result = await listActors(db(), { q: 'partenaire 1', pageSize: 5, page: 1 }, publicActorStatsSource);
      assert.equal(result.items.length, 5);
      assert.ok(result.total >= 10, String(result.total));
      assert.ok(result.items.every((a) => a.name.startsWith('Partenaire')));
      const exact = await listActors(db(), { q: 'Partenaire 07' }, publicActorStatsSource);
      assert.equal(exact.items[0]?.name, 'Partenaire 07');
      // Short queries count all actors at once, longer ones each found actor: the same counts.
      for (const q of ['ec', 'ecologic']) {
        const found = (await listActors(db(), { q }, publicActorStatsSource)).items.find((a) => a.name === 'Ecologic');
        assert.deepEqual([found?.initiativeCount, found?.territoryCount], [2, 2], q);
        const all = await listActors(db(), { q: q === 'ec' ? 'so' : 'societe', withInitiatives: false }, publicActorStatsSource);
        const draftOnly = all.items.find((a) => a.name === 'Société Brouillon');
        assert.deepEqual([draftOnly?.initiativeCount, draftOnly?.territoryCount], [0, 0], q);
      }
    });

    test('/acteurs/:id?par=enjeu: each theme with the initiatives of this actor that cover it', async () => {
      const byTerritory = await visitor.get(`/acteurs/${ids.ecologic}`);
      assert.equal(byTerritory.status, 200);
      assert.match(byTerritory.body, new RegExp(`<a href="/acteurs/${ids.ecologic}#titre-initiatives" aria-current="page">Par territoire</a>`));
      assert.ok(byTerritory.body.includes(`href="/acteurs/${ids.ecologic}?par=enjeu#titre-initiatives"`));
      assert.match(textOf(byTerritory.body), /2 initiatives publiques dans 2 territoires/);

      const page = await visitor.get(`/acteurs/${ids.ecologic}?par=enjeu`);
      assert.equal(page.status, 200);
      assert.match(page.body, /aria-current="page">Par enjeu<\/a>/);
      assert.ok(page.body.includes('<title>Ecologic (par enjeu) · arobase</title>'));
      const text = textOf(page.body);
      assert.match(text, /2 initiatives publiques dans 2 territoires/);
      assert.match(text, /2 enjeux du référentiel couverts/);
      const sections = Object.fromEntries(
        [...page.body.matchAll(/<section aria-labelledby="(enjeu-[^"]+)">([\s\S]*?)<\/section>/g)].map((m) => [m[1], textOf(m[2]!)]),
      );
      // The referential’s order: "Identités, droits et libertés" (first axis) before "Territoire durable".
      assert.deepEqual(Object.keys(sections), ['enjeu-identites-droits-libertes', 'enjeu-territoire-durable']);
      const identities = sections['enjeu-identites-droits-libertes']!;
      assert.match(identities, /^Identités, droits et libertés \(1 initiative\)/);
      assert.match(identities, /Collecte des DEEE à Angers Angers · En cours/);
      assert.doesNotMatch(identities, /Trélazé/);
      const durable = sections['enjeu-territoire-durable']!;
      assert.match(durable, /^Territoire durable \(2 initiatives\)/);
      assert.ok(durable.includes('Collecte des DEEE à Angers') && durable.includes('Ordinateurs reconditionnés à Trélazé'), durable);
      // The page's content only: the footer names the site's accessibility statement, not a theme.
      const content = text.slice(0, text.indexOf('Palmarès Statistiques'));
      assert.doesNotMatch(content, /Brouillon Ecologic|Fiche supprimée|Accessibilité/);
      assert.ok(page.body.includes(`href="/initiatives/${sheets['Ordinateurs reconditionnés à Trélazé']}"`));

      // Without any theme: one group, last; an unknown view is the default one.
      const emmaus = await visitor.get(`/acteurs/${ids.emmaus}?par=enjeu`);
      assert.match(textOf(emmaus.body), /0 enjeu du référentiel couvert\. .*Sans enjeu renseigné \(3 initiatives\)/);
      const unknownView = await visitor.get(`/acteurs/${ids.ecologic}?par=nimporte`);
      assert.equal(unknownView.status, 200);
      assert.match(unknownView.body, /aria-current="page">Par territoire<\/a>/);
    });
  });
}
