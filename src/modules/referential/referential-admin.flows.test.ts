import assert from 'node:assert/strict';
import { createActiveUser, logIn } from '../../../test/support/accounts.ts';
import { createInitiative } from '../initiatives/save-initiative.service.ts';
import { describe, test } from 'node:test';
import { and, eq, sql } from 'drizzle-orm';
import { accountsFixture } from '../../../test/support/accounts-fixture.ts';
import { csrfTokenOf, textOf, type Page, type TestBrowser } from '../../../test/support/http-client.ts';
import { drivers } from '../../../test/support/test-database.ts';
import { SERVICES } from './catalogue.data.ts';
import { ForbiddenError, InvalidInputError, SignInRequiredError } from '../../platform/errors.ts';
import { systemCaller, type Person } from '../accounts/permissions.rules.ts';
import { addService, createDraftVersion, deleteDraftVersion, moveService, publishVersion, renameService, retireService } from './referential-draft.service.ts';
import { describeServices, getCurrentReferential, getReferential, listReferentialVersions } from './referential.service.ts';
import { referentialServices, referentialVersions, serviceIdentities } from './schema.ts';

type ApiReferential = {
  version: string;
  axes: { id: string; themes: { id: string; services: { id: string; name: string; description: string; responsibleDigital: boolean }[] }[] }[];
};

const servicesOf = (r: ApiReferential) => r.axes.flatMap((a) => a.themes.flatMap((t) => t.services.map((s) => ({ ...s, themeId: t.id }))));
const serviceAction = (version: string, id: string, action: string) => `/admin/referentiel/${version}/services/${id}/${action}`;

/** The first lines of a page’s text: where the error summary and notices are. */
const topOf = (page: Page) => textOf(page.body).slice(0, 2_000);

for (const driver of drivers) {
  describe(`referential administration (${driver})`, () => {
    const f = accountsFixture(driver);
    const db = () => f.db();
    const serviceRow = async (version: string, id: string) =>
      (
        await db()
          .select()
          .from(referentialServices)
          .where(and(eq(referentialServices.version, version), eq(referentialServices.id, id)))
      )[0];
    const versionCount = async () =>
      (
        await db()
          .select({ n: sql<number>`count(*)::int` })
          .from(referentialVersions)
      )[0]!.n;
    /** Everything the database holds about the referential, to check that a refused change changed nothing. */
    const state = async () =>
      JSON.stringify([
        await db().select().from(referentialVersions).orderBy(referentialVersions.version),
        await db().select().from(referentialServices).orderBy(referentialServices.version, referentialServices.id),
        await db().select().from(serviceIdentities).orderBy(serviceIdentities.id),
      ]);

    let original2027 = '';
    let safeSheetId = '';

    test('GET pages of the administration: anonymous → login, member and juror → 403, admin → 200', async () => {
      original2027 = (await f.browser().get('/api/v1/referential/2027')).body;
      for (const path of ['/admin/referentiel', '/admin/referentiel/2027']) {
        const anonymous = await f.browser().get(path);
        assert.equal(anonymous.status, 303, path);
        assert.equal(anonymous.location, `/connexion?retour=${encodeURIComponent(path)}`);
        for (const [who, b] of [
          ['member', f.member],
          ['juror', f.juror],
        ] as const) {
          const res = await b.get(path);
          assert.equal(res.status, 403, `${who} ${path}`);
          assert.match(textOf(res.body), /Vous n’avez pas les droits pour cette action/);
        }
        const admin = await f.admin.get(path);
        assert.equal(admin.status, 200, path);
        assert.equal(admin.headers['cache-control'], 'private, no-store');
      }
      const home = await f.admin.get('/admin');
      assert.ok(home.body.includes('href="/admin/referentiel"'), 'linked from the admin home page');
      assert.equal((await f.admin.get('/admin/referentiel/1999')).status, 404);
    });

    test('the version list shows the published version and the form to prepare the next one', async () => {
      const page = await f.admin.get('/admin/referentiel');
      const text = textOf(page.body);
      assert.match(text, /2027 Publiée, en vigueur — \d+ \p{L}+ 20\d\d 132/u);
      assert.match(text, /Préparer la version suivante/);
      assert.ok(page.body.includes('action="/admin/referentiel"'));
    });

    const badLabels: [string, string, RegExp][] = [
      ['an empty label', '', /Nom de la nouvelle version : indiquez le nom de la version/],
      ['a label with spaces', 'deux mille', /Nom de la nouvelle version : lettres, chiffres et tirets seulement/],
      ['the label of a published version', '2027', /Nom de la nouvelle version : une version « 2027 » existe déjà/],
    ];
    for (const [what, version, message] of badLabels) {
      test(`a draft with ${what} is refused with a 400 naming the field, and nothing is created`, async () => {
        const before = await state();
        const res = await f.admin.submit('/admin/referentiel', { version });
        assert.equal(res.status, 400);
        assert.match(topOf(res), message);
        assert.ok(res.body.includes('href="#champ-version"'), 'the error summary links to the field');
        assert.match(res.body, /<p class="field__error" id="champ-version-erreur">/);
        assert.equal(await state(), before);
      });
    }

    test('the admin prepares 2028 as a copy of the version in force; the draft is not public', async () => {
      const res = await f.admin.submit('/admin/referentiel', { version: '2028' });
      assert.equal(res.status, 303);
      assert.equal(res.location, '/admin/referentiel/2028?ok=cree');
      const page = await f.admin.follow(res);
      assert.equal(page.status, 200);
      assert.match(topOf(page), /Référentiel 2028 \(brouillon\)/);
      assert.match(topOf(page), /Le brouillon 2028 est prêt/);
      const draft = (await getReferential(db(), '2028', { includeDraft: true }))!;
      assert.equal(draft.state, 'draft');
      assert.equal(draft.basedOn, '2027');
      assert.deepEqual(draft.axes, (await getReferential(db(), '2027'))!.axes, 'an exact copy');

      assert.equal((await f.browser().get('/api/v1/referential/2028')).status, 404);
      assert.equal((await f.browser().get('/referentiel/2028')).status, 404);
      assert.equal((await f.browser().get('/api/v1/referential')).json().version, '2027');
      assert.equal(await getReferential(db(), '2028'), null);

      // One draft at a time.
      const before = await state();
      const list = await f.admin.get('/admin/referentiel');
      assert.match(textOf(list.body), /Un brouillon est en préparation : version 2028/);
      const second = await f.admin.post('/admin/referentiel', { _csrf: csrfTokenOf(list.body), version: '2029' });
      assert.equal(second.status, 400);
      assert.match(topOf(second), /le brouillon 2028 est déjà en préparation/);
      assert.equal(await state(), before);
    });

    test('rename a service of the draft', async () => {
      const res = await f.admin.submit(
        '/admin/referentiel/2028',
        {
          name: '  Paiement en ligne des services publics ',
          description: 'Les habitants paient en ligne tous les services publics locaux.',
          responsibleDigital: '1',
        },
        { action: serviceAction('2028', 'paiement-en-ligne', 'renommer') },
      );
      assert.equal(res.status, 303);
      assert.equal(res.location, '/admin/referentiel/2028?ok=renomme&service=paiement-en-ligne#service-paiement-en-ligne');
      const page = await f.admin.follow(res);
      assert.match(topOf(page), /Service « Paiement en ligne des services publics » enregistré/);
      assert.match(page.body, /<details id="enjeu-services-publics" open="">|<details id="enjeu-services-publics" open>/);
      const row = await serviceRow('2028', 'paiement-en-ligne');
      assert.equal(row!.name, 'Paiement en ligne des services publics');
      assert.equal(row!.responsibleDigital, true);
      assert.equal((await serviceRow('2027', 'paiement-en-ligne'))!.name, 'Paiement en ligne des services municipaux', 'the published version keeps its name');
    });

    test('add a service: it gets a new stable id from its name', async () => {
      const res = await f.admin.submit(
        '/admin/referentiel/2028',
        { themeId: 'services-publics', name: 'Guichet numérique unique', description: 'Les habitants font toutes leurs démarches au même endroit.' },
        { action: '/admin/referentiel/2028/services' },
      );
      assert.equal(res.status, 303);
      assert.equal(res.location, '/admin/referentiel/2028?ok=ajoute&service=guichet-numerique-unique#service-guichet-numerique-unique');
      const page = await f.admin.follow(res);
      assert.match(topOf(page), /Service « Guichet numérique unique » ajouté, avec l’identifiant guichet-numerique-unique/);
      const row = await serviceRow('2028', 'guichet-numerique-unique');
      assert.equal(row!.themeId, 'services-publics');
      assert.equal(row!.responsibleDigital, false);
      const themeCount = SERVICES.filter((s) => s.themeId === 'services-publics').length;
      assert.equal(row!.position, themeCount + 1, 'at the end of its theme');
      assert.equal((await db().select().from(serviceIdentities).where(eq(serviceIdentities.id, 'guichet-numerique-unique'))).length, 1);
    });

    test('retire a service from the draft only', async () => {
      const res = await f.admin.submit('/admin/referentiel/2028', {}, { action: serviceAction('2028', 'coffre-fort-numerique', 'retirer') });
      assert.equal(res.status, 303);
      const page = await f.admin.follow(res);
      assert.match(topOf(page), /Service « Coffre-fort numérique pour les usagers accompagnés » retiré de ce brouillon/);
      assert.equal(await serviceRow('2028', 'coffre-fort-numerique'), undefined);
      assert.ok(await serviceRow('2027', 'coffre-fort-numerique'));
      assert.match(textOf(page.body), /Retirés : Coffre-fort numérique pour les usagers accompagnés \(coffre-fort-numerique\)/);
    });

    test('move a service to another theme', async () => {
      const res = await f.admin.submit(
        '/admin/referentiel/2028',
        { themeId: 'democratie-locale' },
        { action: serviceAction('2028', 'portail-associatif', 'deplacer') },
      );
      assert.equal(res.status, 303);
      const page = await f.admin.follow(res);
      assert.match(topOf(page), /Service « Portail des associations » déplacé vers l’enjeu « Démocratie locale »/);
      assert.equal((await serviceRow('2028', 'portail-associatif'))!.themeId, 'democratie-locale');
      const text = textOf(page.body);
      assert.match(text, /Services ajoutés 1 Services retirés 1 Services modifiés 1 Services déplacés 1/);
    });

    const badChanges: [string, string, Record<string, string>, string, RegExp][] = [
      [
        'a rename with an empty name',
        serviceAction('2028', 'prise-rendez-vous-en-ligne', 'renommer'),
        { name: '  ', description: 'Une phrase.' },
        's-prise-rendez-vous-en-ligne-name',
        /Nom du service : indiquez le nom du service/,
      ],
      [
        'a rename with an empty description',
        serviceAction('2028', 'prise-rendez-vous-en-ligne', 'renommer'),
        { name: 'Rendez-vous', description: '' },
        's-prise-rendez-vous-en-ligne-description',
        /Description : indiquez une description d’une phrase/,
      ],
      [
        'a rename to the name of another service',
        serviceAction('2028', 'prise-rendez-vous-en-ligne', 'renommer'),
        { name: 'GUICHET numerique unique', description: 'Une phrase.' },
        's-prise-rendez-vous-en-ligne-name',
        /Nom du service : un autre service de cette version s’appelle déjà « Guichet numérique unique »/,
      ],
      [
        'a new service with an unknown theme',
        '/admin/referentiel/2028/services',
        { themeId: 'inconnu', name: 'Nouveau', description: 'Une phrase.' },
        'nouveau-themeId',
        /Enjeu : aucun enjeu « inconnu » dans cette version/,
      ],
      [
        'a new service without a theme',
        '/admin/referentiel/2028/services',
        { themeId: '', name: 'Nouveau', description: 'Une phrase.' },
        'nouveau-themeId',
        /Enjeu : choisissez un enjeu/,
      ],
      [
        'a new service without a name',
        '/admin/referentiel/2028/services',
        { themeId: 'education', name: '', description: 'Une phrase.' },
        'nouveau-name',
        /Nom du service : indiquez le nom du service/,
      ],
      [
        'a new service with a name too long',
        '/admin/referentiel/2028/services',
        { themeId: 'education', name: 'x'.repeat(121), description: 'Une phrase.' },
        'nouveau-name',
        /Nom du service : au plus 120 caractères/,
      ],
      [
        'a move to an unknown theme',
        serviceAction('2028', 'prise-rendez-vous-en-ligne', 'deplacer'),
        { themeId: 'inconnu' },
        's-prise-rendez-vous-en-ligne-themeId',
        /Déplacer vers l’enjeu : aucun enjeu « inconnu » dans cette version/,
      ],
    ];
    for (const [what, action, fields, fieldId, message] of badChanges) {
      test(`${what} is a 400 with the message next to the field, and changes nothing`, async () => {
        const before = await state();
        const page = await f.admin.get('/admin/referentiel/2028');
        const res = await f.admin.post(action, { _csrf: csrfTokenOf(page.body), ...fields });
        assert.equal(res.status, 400);
        assert.match(topOf(res), message);
        assert.ok(res.body.includes(`href="#champ-${fieldId}"`), `the summary links to #champ-${fieldId}`);
        assert.ok(res.body.includes(`id="champ-${fieldId}-erreur"`), 'the message is next to the field');
        assert.equal(await state(), before);
      });
    }

    test('an unknown service of the draft is a 404', async () => {
      const page = await f.admin.get('/admin/referentiel/2028');
      const res = await f.admin.post(serviceAction('2028', 'inexistant', 'retirer'), { _csrf: csrfTokenOf(page.body) });
      assert.equal(res.status, 404);
    });

    test('non-admins are refused every change, anonymous visitors are sent to the login page', async () => {
      const before = await state();
      const posts: [string, Record<string, string>][] = [
        ['/admin/referentiel', { version: '2030' }],
        ['/admin/referentiel/2028/services', { themeId: 'education', name: 'Intrus', description: 'Une phrase.' }],
        [serviceAction('2028', 'paiement-en-ligne', 'renommer'), { name: 'Intrus', description: 'Une phrase.' }],
        [serviceAction('2028', 'paiement-en-ligne', 'deplacer'), { themeId: 'education' }],
        [serviceAction('2028', 'paiement-en-ligne', 'retirer'), {}],
        ['/admin/referentiel/2028/publier', {}],
        ['/admin/referentiel/2028/supprimer', {}],
      ];
      for (const [who, b] of [
        ['member', f.member],
        ['juror', f.juror],
      ] as [string, TestBrowser][]) {
        assert.equal((await b.get('/admin/referentiel/2028')).status, 403, `${who} GET the draft`);
        const token = csrfTokenOf((await b.get('/compte')).body);
        for (const [url, fields] of posts) {
          const res = await b.post(url, { _csrf: token, ...fields });
          assert.equal(res.status, 403, `${who} POST ${url}`);
        }
      }
      const visitor = f.browser();
      assert.equal((await visitor.get('/admin/referentiel/2028')).location, '/connexion?retour=%2Fadmin%2Freferentiel%2F2028');
      const token = csrfTokenOf((await visitor.get('/connexion')).body);
      for (const [url, fields] of posts) {
        const res = await visitor.post(url, { _csrf: token, ...fields });
        assert.equal(res.status, 303, `anonymous POST ${url}`);
        assert.match(res.location!, /^\/connexion\?retour=/);
      }
      assert.equal(await state(), before);
    });

    test('the draft services check `referential.manage` themselves: another person is refused, the system may', async () => {
      const before = await state();
      const referent: Person = { id: '00000000-0000-4000-8000-000000000001', role: 'member', memberships: [{ territoryCode: '49353', role: 'referent' }] };
      const calls: [string, (caller: Person | null) => Promise<unknown>][] = [
        ['createDraftVersion', (c) => createDraftVersion(db(), c, { version: '2030' })],
        ['addService', (c) => addService(db(), c, '2028', { themeId: 'education', name: 'Intrus', description: 'Une phrase.' })],
        ['renameService', (c) => renameService(db(), c, '2028', 'paiement-en-ligne', { name: 'Intrus', description: 'Une phrase.' })],
        ['moveService', (c) => moveService(db(), c, '2028', 'paiement-en-ligne', 'education')],
        ['retireService', (c) => retireService(db(), c, '2028', 'paiement-en-ligne')],
        ['publishVersion', (c) => publishVersion(db(), c, '2028')],
        ['deleteDraftVersion', (c) => deleteDraftVersion(db(), c, '2028')],
      ];
      for (const [name, call] of calls) {
        await assert.rejects(call(referent), ForbiddenError, `${name}: a referent of a territory`);
        await assert.rejects(call(null), SignInRequiredError, `${name}: nobody signed in`);
      }
      assert.equal(await state(), before, 'nothing changed');
      // The system, saying why, passes the permission: here a rename to what the service already says.
      const current = (await serviceRow('2028', 'paiement-en-ligne'))!;
      await renameService(db(), systemCaller('referential test'), '2028', 'paiement-en-ligne', {
        name: current.name,
        description: current.description,
        responsibleDigital: current.responsibleDigital,
      });
      await assert.rejects(
        createDraftVersion(db(), systemCaller('referential test'), { version: '2030' }),
        InvalidInputError,
        'past the permission, the draft rule answers',
      );
      await assert.rejects(createDraftVersion(db(), systemCaller(''), { version: '2030' }), ForbiddenError, 'a system caller without a reason');
      assert.equal(await state(), before);
    });

    test('publishing 2028 makes it the version in force; 2027 stays byte for byte', async () => {
      // A public sheet indexed under 2027, whose service moves to another theme in 2028.
      const writer = await createActiveUser(db(), {
        email: 'redaction@trelaze.example.fr',
        role: 'member',
        territoryCode: '49353',
        territoryRole: 'contributor',
      });
      await createInitiative(
        db(),
        { id: writer.id, role: 'member', memberships: [{ territoryCode: '49353', role: 'contributor' }] },
        { territoryCode: '49353', title: 'Portail des associations de Trélazé', status: 'done', serviceIds: ['portail-associatif'], visibility: 'public' },
      );
      // And a draft sheet that covers a service the draft retires.
      const safe = await createInitiative(
        db(),
        { id: writer.id, role: 'member', memberships: [{ territoryCode: '49353', role: 'contributor' }] },
        { territoryCode: '49353', title: 'Coffre-fort numérique au CCAS', status: 'in_progress', serviceIds: ['coffre-fort-numerique'] },
      );
      safeSheetId = safe.id;
      assert.equal((await f.browser().get('/api/v1/initiatives?theme=democratie-locale')).json<{ total: number }>().total, 0);

      // The draft page leads to a summary (issue 12, item 13): publishing is no longer one click.
      const draftPage = await f.admin.get('/admin/referentiel/2028');
      assert.ok(!draftPage.body.includes('action="/admin/referentiel/2028/publier"'), 'no one-click publication on the draft page');
      assert.ok(draftPage.body.includes('href="/admin/referentiel/2028/publier"'));
      const summary = await f.admin.get('/admin/referentiel/2028/publier');
      assert.equal(summary.status, 200);
      assert.equal(summary.body.match(/<h1\b/g)?.length, 1);
      const text = textOf(summary.body);
      assert.match(text, /Publier la version 2028 \?/);
      assert.match(text, /Services retirés \(1\) Coffre-fort numérique pour les usagers accompagnés \(Identités, droits et libertés\) — 1 fiche/);
      assert.match(text, /Services déplacés \(\d+\)[^]*Portail des associations : de « Vie associative » vers « Démocratie locale »/);
      assert.match(text, /Services renommés \(1\) « [^»]+ » devient « Paiement en ligne des services publics »/);
      assert.match(text, /2 fiches d’initiatives citent un service retiré, renommé ou déplacé/);
      assert.equal((await listReferentialVersions(db()))[0]!.state, 'draft', 'reading the summary changes nothing');
      // Without the confirmation: the summary again, a 400 naming the box, nothing published.
      const unconfirmed = await f.admin.post('/admin/referentiel/2028/publier', { _csrf: csrfTokenOf(summary.body) });
      assert.equal(unconfirmed.status, 400);
      assert.match(topOf(unconfirmed), /cochez la case pour confirmer la publication/);
      assert.equal((await listReferentialVersions(db()))[0]!.state, 'draft');

      const res = await f.admin.submit('/admin/referentiel/2028/publier', { confirmation: 'oui' });
      assert.equal(res.status, 303);
      assert.equal(res.location, '/admin/referentiel/2028?ok=publiee');
      const page = await f.admin.follow(res);
      assert.match(topOf(page), /La version 2028 est publiée : c’est désormais la version en vigueur/);
      assert.ok(!page.body.includes('/renommer"'), 'a published version has no form to change it');

      const current = await f.browser().get('/api/v1/referential');
      const body = current.json<ApiReferential>();
      assert.equal(body.version, '2028');
      const services = servicesOf(body);
      assert.equal(services.length, 132);
      const byId = new Map(services.map((s) => [s.id, s]));
      assert.equal(byId.get('paiement-en-ligne')!.name, 'Paiement en ligne des services publics');
      assert.equal(byId.get('paiement-en-ligne')!.responsibleDigital, true);
      assert.equal(byId.get('guichet-numerique-unique')!.themeId, 'services-publics');
      assert.equal(byId.get('portail-associatif')!.themeId, 'democratie-locale');
      assert.ok(!byId.has('coffre-fort-numerique'));

      assert.equal((await f.browser().get('/api/v1/referential/2027')).body, original2027, 'the past version did not change');
      // The observatory follows the version in force at once.
      const moved = (await f.browser().get('/api/v1/initiatives?theme=democratie-locale')).json<{ total: number; items: { title: string }[] }>();
      assert.deepEqual(
        moved.items.map((i) => i.title),
        ['Portail des associations de Trélazé'],
      );
      assert.equal((await getCurrentReferential(db())).version, '2028');
      const versions = await listReferentialVersions(db());
      assert.deepEqual(
        versions.map((v) => [v.version, v.state, v.current]),
        [
          ['2028', 'published', true],
          ['2027', 'published', false],
        ],
      );

      const publicPage = await f.browser().get('/referentiel');
      assert.match(textOf(publicPage.body), /Version 2028, publiée le/);
      const past = await f.browser().get('/referentiel/2027');
      assert.equal(past.status, 200);
      assert.match(textOf(past.body), /Version 2027, remplacée depuis par la version 2028/);
    });

    test('describeServices: a retired service keeps its last published naming', async () => {
      const described = await describeServices(db(), ['coffre-fort-numerique', 'paiement-en-ligne', 'guichet-numerique-unique', 'inconnu']);
      assert.deepEqual([...described.keys()], ['coffre-fort-numerique', 'paiement-en-ligne', 'guichet-numerique-unique']);
      assert.deepEqual(described.get('coffre-fort-numerique'), {
        id: 'coffre-fort-numerique',
        name: 'Coffre-fort numérique pour les usagers accompagnés',
        description: SERVICES[0].description,
        responsibleDigital: false,
        theme: { id: 'identites-droits-libertes', name: 'Identités, droits et libertés' },
        axis: { id: 'democratie-services-publics', name: 'Démocratie et services publics' },
        inCurrentVersion: false,
      });
      assert.equal(described.get('paiement-en-ligne')!.name, 'Paiement en ligne des services publics');
      assert.equal(described.get('paiement-en-ligne')!.inCurrentVersion, true);
      assert.equal(described.get('guichet-numerique-unique')!.inCurrentVersion, true);
    });

    test('a published version is never changed', async () => {
      const before = await state();
      const page = await f.admin.get('/admin/referentiel/2027');
      const token = csrfTokenOf(page.body);
      for (const version of ['2027', '2028']) {
        const attempts: [string, Record<string, string>][] = [
          [serviceAction(version, 'paiement-en-ligne', 'renommer'), { name: 'Changé', description: 'Une phrase.' }],
          [serviceAction(version, 'paiement-en-ligne', 'deplacer'), { themeId: 'education' }],
          [serviceAction(version, 'paiement-en-ligne', 'retirer'), {}],
          [`/admin/referentiel/${version}/services`, { themeId: 'education', name: 'Nouveau', description: 'Une phrase.' }],
          [`/admin/referentiel/${version}/publier`, {}],
          [`/admin/referentiel/${version}/supprimer`, {}],
        ];
        for (const [url, fields] of attempts) {
          const res = await f.admin.post(url, { _csrf: token, ...fields });
          assert.equal(res.status, 400, url);
          assert.match(topOf(res), new RegExp(`la version ${version} est publiée : une version publiée ne change plus`), url);
        }
      }
      assert.equal(await state(), before);
    });

    test('a draft that leaves a theme with fewer than 4 services cannot be published; a draft can be deleted', async () => {
      const created = await f.admin.submit('/admin/referentiel', { version: '2029' });
      assert.equal(created.status, 303);
      // Ids are never reused: the same name gets a new id once the old one is retired.
      await f.admin.submit('/admin/referentiel/2029', {}, { action: serviceAction('2029', 'guichet-numerique-unique', 'retirer') });
      const again = await f.admin.submit(
        '/admin/referentiel/2029',
        { themeId: 'services-publics', name: 'Guichet numérique unique', description: 'Une phrase.' },
        { action: '/admin/referentiel/2029/services' },
      );
      assert.equal(again.status, 303);
      assert.match(again.location!, /service=guichet-numerique-unique-2/);
      assert.equal((await describeServices(db(), ['guichet-numerique-unique-2'])).size, 0, 'an id only in a draft means nothing yet');

      const emploi = SERVICES.filter((s) => s.themeId === 'emploi').map((s) => s.id);
      for (const id of emploi.slice(0, emploi.length - 3)) {
        const res = await f.admin.submit('/admin/referentiel/2029', { themeId: 'innovation' }, { action: serviceAction('2029', id, 'deplacer') });
        assert.equal(res.status, 303);
      }
      const blocked = await f.admin.get('/admin/referentiel/2029/publier');
      assert.match(textOf(blocked.body), /Cette version ne peut pas encore être publiée[^]*Emploi : au moins 4 services/);
      assert.ok(!blocked.body.includes('name="confirmation"'), 'no confirmation offered while the draft cannot be published');
      const res = await f.admin.post('/admin/referentiel/2029/publier', { _csrf: csrfTokenOf(blocked.body), confirmation: 'oui' });
      assert.equal(res.status, 400);
      assert.match(topOf(res), /Cette version ne peut pas encore être publiée/);
      assert.match(topOf(res), /Emploi : au moins 4 services sont nécessaires, l’enjeu en compte 3/);
      assert.ok(res.body.includes('href="#enjeu-emploi"'));
      assert.match(res.body, /<details id="enjeu-emploi" open/);
      assert.equal((await listReferentialVersions(db()))[0]!.state, 'draft');
      assert.equal((await getCurrentReferential(db())).version, '2028');

      const versions0 = await versionCount();
      const deleted = await f.admin.submit('/admin/referentiel/2029', {}, { action: '/admin/referentiel/2029/supprimer' });
      assert.equal(deleted.status, 303);
      assert.equal(deleted.location, '/admin/referentiel?ok=supprime&version=2029');
      assert.match(topOf(await f.admin.follow(deleted)), /Le brouillon 2029 est supprimé/);
      assert.equal(await versionCount(), versions0 - 1);
      assert.equal((await db().select().from(referentialServices).where(eq(referentialServices.version, '2029'))).length, 0);
      assert.equal(
        (await db().select().from(serviceIdentities).where(eq(serviceIdentities.id, 'guichet-numerique-unique-2'))).length,
        1,
        'its new ids stay reserved',
      );
      assert.equal((await f.admin.get('/admin/referentiel/2029')).status, 404);
    });

    test('a retired service is restored in the next draft with its id: the sheets that cover it keep their link', async () => {
      const created = await f.admin.submit('/admin/referentiel', { version: '2031' });
      assert.equal(created.status, 303);
      const page = await f.admin.get('/admin/referentiel/2031');
      assert.match(textOf(page.body), /Rétablir un service retiré[^]*Coffre-fort numérique pour les usagers accompagnés Identifiant : coffre-fort-numerique/);
      const identities0 = (await db().select().from(serviceIdentities)).length;
      const res = await f.admin.submit('/admin/referentiel/2031', {}, { action: serviceAction('2031', 'coffre-fort-numerique', 'retablir') });
      assert.equal(res.status, 303, topOf(res));
      assert.match(
        topOf(await f.admin.follow(res)),
        /Service « Coffre-fort numérique pour les usagers accompagnés » rétabli dans l’enjeu « Identités, droits et libertés »/,
      );
      const row = await serviceRow('2031', 'coffre-fort-numerique');
      assert.equal(row!.themeId, 'identites-droits-libertes', 'back in its last theme, with the same id');
      assert.equal((await db().select().from(serviceIdentities)).length, identities0, 'no new id');
      // Restoring it twice is refused, naming why; an id never published is unknown.
      const twice = await f.admin.post(serviceAction('2031', 'coffre-fort-numerique', 'retablir'), { _csrf: csrfTokenOf(page.body) });
      assert.equal(twice.status, 400);
      assert.match(topOf(twice), /est déjà dans ce brouillon/);
      assert.equal((await f.admin.post(serviceAction('2031', 'jamais-publie', 'retablir'), { _csrf: csrfTokenOf(page.body) })).status, 404);

      const summary = await f.admin.get('/admin/referentiel/2031/publier');
      assert.match(textOf(summary.body), /Services ajoutés \(1\) Coffre-fort numérique pour les usagers accompagnés/);
      const published = await f.admin.submit('/admin/referentiel/2031/publier', { confirmation: 'oui' });
      assert.equal(published.status, 303);
      // The sheet written under 2027 covers the service of the version in force again, under the same id.
      const described = await describeServices(db(), ['coffre-fort-numerique']);
      assert.equal(described.get('coffre-fort-numerique')!.inCurrentVersion, true);
      const writer = f.browser();
      await logIn(writer, 'redaction@trelaze.example.fr');
      const sheet = await writer.get(`/espace/49353/initiatives/${safeSheetId}`);
      assert.equal(sheet.status, 200);
      assert.match(sheet.body, /value="coffre-fort-numerique"[^>]*checked|checked[^>]*value="coffre-fort-numerique"/);
    });
  });
}
