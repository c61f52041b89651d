import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { eq, sql } from 'drizzle-orm';
import { createActiveUser, logIn } from '../../../test/support/accounts.ts';
import { csrfTokenOf, TestBrowser, textOf, type Page } from '../../../test/support/http-client.ts';
import { drivers } from '../../../test/support/test-database.ts';
import { startTestServer, type TestServer } from '../../../test/support/test-server.ts';
import { ForbiddenError, SignInRequiredError } from '../../platform/errors.ts';
import { systemCaller, type Person } from '../accounts/permissions.rules.ts';
import { createApiToken } from '../accounts/api-tokens.service.ts';
import { initiativeActors, initiatives } from '../initiatives/schema.ts';
import { publicActorStatsSource } from '../initiatives/actor-stats.service.ts';
import { findOrCreateActor, findOrCreateActors, getActor, getActorsByIds, searchActors } from './actors.service.ts';
import { actors } from './schema.ts';

const WRITER = 'contributrice@mairie-angers.example.fr';
const READER = 'lecteur@mairie-trelaze.example.fr';
const JUROR = 'jure@label.example.fr';
const ADMIN = 'admin@label.example.fr';
const UNKNOWN_ID = '3f2b8c1e-0a4d-4c6e-9b7a-2d5e8f1a6c3b';

for (const driver of drivers) {
  describe(`actors: deduplication, API and public page (${driver})`, () => {
    let server: TestServer;
    let visitor: TestBrowser;
    let writerBrowser: TestBrowser;
    let writer: Person;
    const tokens: Record<string, string> = {};
    const db = () => server.database.db;
    const actorCount = async () =>
      (
        await db()
          .select({ n: sql<number>`count(*)::int` })
          .from(actors)
      )[0]!.n;

    before(async () => {
      server = await startTestServer(driver);
      const w = await createActiveUser(db(), { email: WRITER, role: 'member', territoryCode: '49007', territoryRole: 'contributor' });
      const r = await createActiveUser(db(), { email: READER, role: 'member', territoryCode: '49353', territoryRole: 'reader' });
      const j = await createActiveUser(db(), { email: JUROR, role: 'juror' });
      const a = await createActiveUser(db(), { email: ADMIN, role: 'admin' });
      writer = { id: w.id, role: 'member', memberships: [{ territoryCode: '49007', role: 'contributor' }] };
      for (const [email, id] of [
        [WRITER, w.id],
        [READER, r.id],
        [JUROR, j.id],
        [ADMIN, a.id],
      ] as const) {
        tokens[email] = (await createApiToken(db(), id, 'Intégration')).token;
      }
      visitor = new TestBrowser(server.app);
      writerBrowser = new TestBrowser(server.app);
      await logIn(writerBrowser, WRITER);
    });
    after(() => server.close());

    const postActor = (body: unknown, options: { token?: string; browser?: TestBrowser; headers?: Record<string, string> } = {}): Promise<Page> =>
      (options.browser ?? visitor).request('POST', '/api/v1/actors', JSON.stringify(body), {
        'content-type': 'application/json',
        ...(options.token ? { authorization: `Bearer ${options.token}` } : {}),
        ...options.headers,
      });

    test('"Ecologic", "ECOLOGIC" and " écologic " are one actor', async () => {
      const first = await findOrCreateActor(db(), writer, { name: 'Ecologic', kind: 'association', website: 'www.ecologic-france.com' });
      assert.equal(first.created, true);
      assert.equal(first.actor.name, 'Ecologic');
      assert.equal(first.actor.website, 'https://www.ecologic-france.com');
      assert.equal(first.actor.createdBy, writer!.id);
      for (const name of ['ECOLOGIC', ' écologic ', 'Écologic.']) {
        const again = await findOrCreateActor(db(), writer, { name, kind: 'company' });
        assert.equal(again.created, false, name);
        assert.equal(again.actor.id, first.actor.id, name);
        assert.equal(again.actor.name, 'Ecologic', 'the existing actor is kept as it is');
        assert.equal(again.actor.kind, 'association');
      }
      assert.equal((await db().select().from(actors).where(eq(actors.searchName, 'ecologic'))).length, 1);
    });

    test('simultaneous creations of the same actor converge on one row', async () => {
      const names = ['Emmaüs Connect', 'EMMAUS CONNECT', 'emmaüs connect', 'Emmaus-Connect', ' Emmaüs  Connect '];
      const results = await Promise.all(names.map((name) => findOrCreateActor(db(), writer, { name, kind: 'association' })));
      assert.equal(new Set(results.map((r) => r.actor.id)).size, 1);
      assert.equal(results.filter((r) => r.created).length, 1);
    });

    test('several at once, in the caller’s transaction: found or created once each, in order; rolled back with it', async () => {
      const inputs = [
        { name: 'Ecologic', kind: 'company' as const },
        { name: 'Régie Numérique du Val', kind: 'public_body' as const },
        { name: 'REGIE numerique du val', kind: 'company' as const },
      ];
      const results = await db().transaction((tx) => findOrCreateActors(tx, writer, inputs));
      assert.deepEqual(
        results.map((r) => [r.actor.name, r.created]),
        [
          ['Ecologic', false],
          ['Régie Numérique du Val', true],
          ['Régie Numérique du Val', true],
        ],
      );
      assert.equal(results[1]!.actor.id, results[2]!.actor.id, 'typed twice, created once');
      const before = await actorCount();
      await assert.rejects(
        db().transaction(async (tx) => {
          await findOrCreateActors(tx, writer, [{ name: 'Association Annulée', kind: 'association' }]);
          throw new Error('the save is refused');
        }),
        /the save is refused/,
      );
      assert.equal(await actorCount(), before, 'nothing left behind');
      await assert.rejects(
        db().transaction((tx) => findOrCreateActors(tx, null, inputs)),
        SignInRequiredError,
      );
    });

    test('the API creates (201) then finds (200) the same actor, with an API token', async () => {
      const before = await actorCount();
      const created = await postActor(
        { name: 'Les Ateliers du Bocage', kind: 'association', siren: '244 900 015', website: 'https://ateliers.example.fr/' },
        { token: tokens[WRITER] },
      );
      assert.equal(created.status, 201, created.body);
      const body = created.json();
      assert.equal(body.created, true);
      assert.deepEqual(Object.keys(body.actor).sort(), ['id', 'kind', 'name', 'siren', 'website']);
      assert.equal(body.actor.siren, '244900015');
      assert.equal(body.actor.website, 'https://ateliers.example.fr');
      assert.equal(created.headers.location, `/api/v1/actors/${body.actor.id}`);

      const found = await postActor({ name: 'LES ATELIERS DU BOCAGE', kind: 'company' }, { token: tokens[ADMIN] });
      assert.equal(found.status, 200, found.body);
      assert.deepEqual(found.json(), { actor: body.actor, created: false });
      assert.equal(await actorCount(), before + 1);
    });

    test('a signed-in writer can create through the session, with the CSRF token only', async () => {
      const csrf = csrfTokenOf((await writerBrowser.get('/compte')).body);
      const withoutToken = await postActor({ name: 'Orange', kind: 'company' }, { browser: writerBrowser });
      assert.equal(withoutToken.status, 403);
      assert.match(withoutToken.json().message, /formulaire a expiré/);
      const ok = await postActor({ name: 'Orange', kind: 'company' }, { browser: writerBrowser, headers: { 'csrf-token': csrf } });
      assert.equal(ok.status, 201, ok.body);
      assert.equal(ok.json().actor.name, 'Orange');
    });

    test('refusals: anonymous 401, a reader or a juror 403; nothing created', async () => {
      const before = await actorCount();
      const body = { name: 'Société refusée', kind: 'company' };
      const anonymous = await postActor(body);
      assert.equal(anonymous.status, 401);
      assert.equal(anonymous.json().error, 'unauthorized');
      assert.match(anonymous.json().message, /Connectez-vous/);
      assert.equal((await postActor(body, { token: 'arb_inventé' })).status, 401);
      for (const email of [READER, JUROR]) {
        const refused = await postActor(body, { token: tokens[email] });
        assert.equal(refused.status, 403, email);
        assert.equal(refused.json().error, 'forbidden');
        assert.match(refused.json().message, /droits/);
      }
      assert.equal(await actorCount(), before);
    });

    test('the service checks `actor.create` itself: a reader or a juror is refused, the system may (no person recorded)', async () => {
      const before = await actorCount();
      const reader: Person = { id: '00000000-0000-4000-8000-000000000007', role: 'member', memberships: [{ territoryCode: '49353', role: 'reader' }] };
      const juror: Person = { id: '00000000-0000-4000-8000-000000000008', role: 'juror' };
      for (const person of [reader, juror]) await assert.rejects(findOrCreateActor(db(), person, { name: 'Société refusée', kind: 'company' }), ForbiddenError);
      await assert.rejects(findOrCreateActor(db(), null, { name: 'Société refusée', kind: 'company' }), SignInRequiredError);
      assert.equal(await actorCount(), before);
      const { actor, created } = await findOrCreateActor(db(), systemCaller('actors test'), { name: 'Société du système', kind: 'company' });
      assert.equal(created, true);
      assert.equal(actor.createdBy, null, 'created by no person');
      await db().delete(actors).where(eq(actors.id, actor.id));
    });

    const badInputs: [string, Record<string, unknown>, string, RegExp][] = [
      ['an empty name', { name: '   ', kind: 'company' }, 'name', /au moins 2 caractères/],
      ['no name', { kind: 'company' }, 'name', /obligatoire/],
      ['a name without a letter', { name: '!!!', kind: 'company' }, 'name', /au moins une lettre/],
      ['a name too long', { name: 'a'.repeat(201), kind: 'company' }, 'name', /au plus 200/],
      ['an unknown kind', { name: 'Société X', kind: 'entreprise' }, 'kind', /company \(entreprise\), association ou public_body/],
      ['a SIREN with a wrong checksum', { name: 'Société X', kind: 'company', siren: '244900016' }, 'siren', /n’est pas un numéro SIREN valide/],
      ['a SIREN with letters', { name: 'Société X', kind: 'company', siren: '24490001A' }, 'siren', /9 chiffres/],
      ['a javascript: website', { name: 'Société X', kind: 'company', website: 'javascript:alert(1)' }, 'website', /http:\/\/ ou https:\/\//],
      ['an ftp website', { name: 'Société X', kind: 'company', website: 'ftp://exemple.fr' }, 'website', /http:\/\/ ou https:\/\//],
      ['a website that is a number', { name: 'Société X', kind: 'company', website: 42 }, 'website', /texte/],
    ];
    for (const [what, body, field, message] of badInputs) {
      test(`400 naming the field: ${what}`, async () => {
        const before = await actorCount();
        const res = await postActor(body, { token: tokens[WRITER] });
        assert.equal(res.status, 400, res.body);
        assert.equal(res.json().field, field);
        assert.match(res.json().message, new RegExp(`^${field} : `));
        assert.match(res.json().message, message);
        assert.equal(await actorCount(), before, 'nothing created');
      });
    }

    test('search suggestions for a contributor (the sheet form): every actor; contains, accents, case and typos', async () => {
      // The sheet form asks `/api/v1/actors?q=` with the session of a contributor: every actor, drafts-only ones too.
      const byName = async (q: string) =>
        (await visitor.get(`/api/v1/actors?q=${encodeURIComponent(q)}`, { authorization: `Bearer ${tokens[WRITER]}` })).json();
      for (const q of ['ecolo', 'ÉCOLOGIC', 'logic', 'ecologik', 'ecolojic']) {
        const result = await byName(q);
        assert.equal(result.items[0]?.name, 'Ecologic', `${q}: ${JSON.stringify(result)}`);
      }
      assert.equal((await byName('emaus conect')).items[0]?.name, 'Emmaüs Connect');
      const emmaus = await byName('emmaus');
      assert.deepEqual(
        emmaus.items.map((a: { name: string }) => a.name),
        ['Emmaüs Connect'],
      );
      assert.equal(emmaus.total, 1);
      assert.deepEqual(Object.keys(emmaus.items[0]).sort(), ['id', 'initiativeCount', 'kind', 'name', 'siren', 'territoryCount', 'website']);
      assert.equal(emmaus.items[0].initiativeCount, 0);
      assert.deepEqual(await byName('zzqxwv'), { items: [], total: 0 });

      const signedIn = await writerBrowser.get('/api/v1/actors?q=ecolo');
      assert.equal(signedIn.json().items[0]?.name, 'Ecologic', 'through the session too');
      assert.equal(signedIn.headers['cache-control'], 'private, no-store');

      const all = (await visitor.get('/api/v1/actors?limit=2', { authorization: `Bearer ${tokens[WRITER]}` })).json();
      assert.equal(all.items.length, 2);
      assert.equal(all.total, await actorCount());
      const service = await searchActors(db(), 'ateliers bocage', publicActorStatsSource);
      assert.equal(service.items[0]?.name, 'Les Ateliers du Bocage');

      // Nobody has published a sheet naming them yet: an anonymous visitor finds none of them.
      const anonymous = await visitor.get('/api/v1/actors?q=ecolo');
      assert.deepEqual(anonymous.json(), { items: [], total: 0 });
      assert.equal(anonymous.headers['cache-control'], 'public, max-age=60');

      const bad = await visitor.get('/api/v1/actors?limit=500');
      assert.equal(bad.status, 400);
      assert.equal(bad.json().field, 'limit');
    });

    test('GET /api/v1/actors/:id: the actor, a French 404, a 400 naming id', async () => {
      const { actor } = await findOrCreateActor(db(), writer, { name: 'Ecologic', kind: 'association' });
      // Named by no public sheet: its creator sees it, a visitor does not (see actor-visibility.test.ts).
      const ok = await writerBrowser.get(`/api/v1/actors/${actor.id}`);
      assert.equal(ok.status, 200);
      assert.deepEqual(ok.json(), { id: actor.id, name: 'Ecologic', kind: 'association', website: 'https://www.ecologic-france.com', siren: null });
      const hidden = await visitor.get(`/api/v1/actors/${actor.id}`);
      assert.equal(hidden.status, 404);
      assert.match(hidden.json().message, /Aucun acteur ne porte l’identifiant/);

      const missing = await visitor.get(`/api/v1/actors/${UNKNOWN_ID}`);
      assert.equal(missing.status, 404);
      assert.equal(missing.json().error, 'not_found');
      assert.match(missing.json().message, /Aucun acteur ne porte l’identifiant/);

      const malformed = await visitor.get('/api/v1/actors/pas-un-uuid');
      assert.equal(malformed.status, 400);
      assert.equal(malformed.json().field, 'id');
      assert.match(malformed.json().message, /identifiant \(UUID\)/);

      assert.equal(await getActor(db(), 'pas-un-uuid'), null);
      assert.deepEqual(
        (await getActorsByIds(db(), [actor.id, UNKNOWN_ID, 'x'])).map((a) => a.id),
        [actor.id],
      );
      assert.deepEqual(await getActorsByIds(db(), []), []);
    });

    test('/acteurs/:id without initiatives: identity and a helpful empty state', async () => {
      const { actor } = await findOrCreateActor(db(), writer, { name: 'Ecologic', kind: 'association' });
      await db().update(actors).set({ siren: '244900015' }).where(eq(actors.id, actor.id));
      // Only its creator (and admins, members of a territory whose draft names it) see it yet.
      const page = await writerBrowser.get(`/acteurs/${actor.id}`);
      assert.equal(page.status, 200);
      const text = textOf(page.body);
      assert.match(page.body, /<h1>Ecologic<\/h1>/);
      assert.match(text, /Type Association/);
      assert.match(text, /SIREN 244 900 015/);
      assert.ok(page.body.includes('<a href="https://www.ecologic-france.com" rel="nofollow noopener">www.ecologic-france.com</a>'), 'website link');
      assert.doesNotMatch(page.body, /target=/);
      assert.match(text, /Aucune initiative publique ne mentionne encore cet acteur/);
      assert.ok(page.body.includes('href="/territoires"'));
    });

    test('/acteurs/:id lists its public initiatives, grouped by territory, drafts left out', async () => {
      const { actor } = await findOrCreateActor(db(), writer, { name: 'Emmaüs Connect', kind: 'association' });
      const now = new Date('2026-03-12T10:00:00Z');
      const rows = await db()
        .insert(initiatives)
        .values([
          {
            territoryCode: '49353',
            title: 'Permanences numériques',
            summary: 'Des aidants chaque mardi.',
            status: 'in_progress',
            visibility: 'public',
            publishedAt: now,
          },
          {
            territoryCode: '49007',
            title: 'Ordinateurs reconditionnés',
            summary: '150 ordinateurs redistribués.',
            status: 'done',
            visibility: 'public',
            publishedAt: now,
          },
          { territoryCode: '49007', title: 'Cafés numériques', status: 'planned', visibility: 'public', publishedAt: new Date('2026-01-05T10:00:00Z') },
          { territoryCode: '49007', title: 'Brouillon secret', status: 'planned', visibility: 'draft' },
        ])
        .returning({ id: initiatives.id, title: initiatives.title });
      await db()
        .insert(initiativeActors)
        .values(rows.map((r) => ({ initiativeId: r.id, actorId: actor.id })));

      const page = await visitor.get(`/acteurs/${actor.id}`);
      assert.equal(page.status, 200);
      const text = textOf(page.body);
      assert.match(text, /3 initiatives publiques dans 2 territoires/);
      assert.doesNotMatch(text, /Brouillon secret/);
      assert.doesNotMatch(text, /Aucune initiative publique/);
      // Territories by name: Angers before Trélazé; each links to its page, each initiative to its sheet.
      assert.ok(text.indexOf('Angers (2 initiatives)') < text.indexOf('Trélazé (1 initiative)'), text);
      assert.ok(page.body.includes('href="/territoires/49007"') && page.body.includes('href="/territoires/49353"'));
      for (const row of rows.filter((r) => r.title !== 'Brouillon secret')) assert.ok(page.body.includes(`href="/initiatives/${row.id}"`), row.title);
      assert.match(text, /Ordinateurs reconditionnés Réalisée · publiée le 12 mars 2026 150 ordinateurs redistribués\./);
      assert.match(text, /Permanences numériques En cours/);
      assert.ok(text.indexOf('Ordinateurs reconditionnés') < text.indexOf('Cafés numériques'), 'latest published first');
    });

    test('an unknown or malformed actor is a French 404 page', async () => {
      for (const id of [UNKNOWN_ID, 'pas-un-uuid', "1'; drop table actors; --"]) {
        const page = await visitor.get(`/acteurs/${encodeURIComponent(id)}`);
        assert.equal(page.status, 404, id);
        assert.ok(page.body.includes('<html lang="fr">'));
        assert.match(textOf(page.body), /Page introuvable/);
        assert.match(textOf(page.body), /Aucun acteur ne correspond à ce lien/);
      }
    });

    test('a name with markup is escaped on the page and in the API', async () => {
      const { actor } = await findOrCreateActor(db(), writer, { name: '<script>alert(1)</script> & <img src=x onerror=alert(1)>', kind: 'company' });
      const page = await writerBrowser.get(`/acteurs/${actor.id}`);
      assert.equal(page.status, 200);
      assert.doesNotMatch(page.body, /<script>alert/);
      assert.doesNotMatch(page.body, /<img src=x/);
      assert.ok(page.body.includes('<h1>&lt;script'), 'shown as text');
      assert.match(textOf(page.body), /<script>alert\(1\)<\/script> & <img src=x onerror=alert\(1\)>/);
      const api = await writerBrowser.get(`/api/v1/actors/${actor.id}`);
      assert.equal(api.json().name, '<script>alert(1)</script> & <img src=x onerror=alert(1)>');
      assert.match(String(api.headers['content-type']), /application\/json/);
    });
  });
}
