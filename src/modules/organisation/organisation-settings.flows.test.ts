import assert from 'node:assert/strict';
import { describe, test, before } from 'node:test';
import { eq } from 'drizzle-orm';
import { createActiveUser, logIn } from '../../../test/support/accounts.ts';
import { TestBrowser, textOf } from '../../../test/support/http-client.ts';
import { LAUREATES, seedLabelHistory } from '../../../test/support/results-fixture.ts';
import { drivers } from '../../../test/support/test-database.ts';
import { useTestServer } from '../../../test/support/test-server.ts';
import { auditEntries } from '../audit/schema.ts';
import { DEFAULT_ORGANISATION_SETTINGS, toForm } from './organisation-settings.rules.ts';
import { organisationSettings } from './schema.ts';

// Issue 12, item 8: the pages a French public site owes, with the organiser’s names and contacts
// as settings the admin edits, shown on those pages, in every footer and in the badge’s title.

const LEGAL_PAGES = ['/a-propos', '/contact', '/mentions-legales', '/accessibilite', '/donnees-personnelles'];
const ADMIN = 'admin@label.example.fr';
const MEMBER = 'agent@mairie.example.fr';

const EDITED = {
  ...toForm(DEFAULT_ORGANISATION_SETTINGS),
  labelName: 'Label Territoires Connectés',
  organiserName: 'Association des Territoires Connectés',
  postalAddress: '12 rue des Lilas\n49130 Les Ponts-de-Cé',
  contactEmail: 'bonjour@territoires-connectes.example.fr',
  phone: '02 41 00 00 00',
  publicationDirector: 'Camille Martin',
  hostName: 'Hébergeur Exemple SAS',
  hostAddress: '5 avenue du Serveur, 59000 Lille',
  dpoContact: 'dpo@territoires-connectes.example.fr',
  accessibilityLevel: 'non_conforme',
  complianceRate: '42',
  auditDate: '2026-10-15',
  auditBy: 'Cabinet Accès Pour Tous',
  statementDate: '2026-11-02',
};

const footerOf = (html: string) => html.slice(html.indexOf('<footer'));

for (const driver of drivers) {
  describe(`organisation settings and the legal pages (${driver})`, () => {
    const server = useTestServer(driver);
    let admin: TestBrowser;
    let member: TestBrowser;

    before(async () => {
      await seedLabelHistory(server.db);
      await createActiveUser(server.db, { email: ADMIN, role: 'admin' });
      await createActiveUser(server.db, { email: MEMBER, role: 'member' });
      admin = new TestBrowser(server.app);
      member = new TestBrowser(server.app);
      await logIn(admin, ADMIN);
      await logIn(member, MEMBER);
    });

    test('a fresh install shows each legal page complete, with one h1 and the default settings', async () => {
      const visitor = new TestBrowser(server.app);
      for (const url of LEGAL_PAGES) {
        const page = await visitor.get(url);
        assert.equal(page.status, 200, url);
        assert.equal(page.body.match(/<h1\b/g)?.length, 1, `${url}: one h1`);
        assert.match(page.headers['cache-control'] as string, /^public/, `${url}: a shared cache may keep it`);
      }
      const d = DEFAULT_ORGANISATION_SETTINGS;
      const about = textOf((await visitor.get('/a-propos')).body);
      assert.match(about, new RegExp(`${d.labelName} est organisé par ${d.organiserName}`));
      // What the label is, from the data in force: the four axes of the referential and the title’s rule.
      for (const axis of ['Démocratie et services publics', 'Vivre ensemble', 'Partage des connaissances', 'Création de richesses'])
        assert.match(about, new RegExp(axis));
      assert.match(about, /De 1 à 5 @/);
      assert.match(about, /après 6 labels consécutifs/);
      assert.match(about, /Mi-novembre/);
      const contact = (await visitor.get('/contact')).body;
      assert.match(contact, new RegExp(`href="mailto:${d.contactEmail}"`));
      const legal = textOf((await visitor.get('/mentions-legales')).body);
      assert.match(legal, new RegExp(d.hostName));
      const statement = textOf((await visitor.get('/accessibilite')).body);
      for (const heading of [
        'État de conformité',
        'Résultats des tests',
        'Contenus non accessibles',
        'Établissement de cette déclaration',
        'Technologies utilisées',
        'Environnement de test',
        'Retour d’information et contact',
        'Voies de recours',
      ]) {
        assert.match(statement, new RegExp(heading), heading);
      }
      assert.match(
        statement,
        /Ce site est non conforme avec le référentiel général d’amélioration de l’accessibilité/,
        'no audit yet: RGAA asks « non conforme »',
      );
      assert.match(statement, /Défenseur des droits, Libre réponse 71120, 75342 Paris CEDEX 07/);
      const privacy = textOf((await visitor.get('/donnees-personnelles')).body);
      assert.match(privacy, new RegExp(`Le responsable du traitement est ${d.organiserName}`));
      assert.match(privacy, new RegExp(d.dpoContact));
    });

    test('every page’s footer links the legal pages and states the accessibility level', async () => {
      const visitor = new TestBrowser(server.app);
      for (const url of ['/', '/palmares', '/territoires/49353', '/initiatives', '/api/docs', '/une-page-qui-n-existe-pas', ...LEGAL_PAGES]) {
        const footer = footerOf((await visitor.get(url)).body);
        for (const href of LEGAL_PAGES) assert.match(footer, new RegExp(`<a href="${href}">`), `${url}: ${href}`);
        assert.match(footer, /<a href="\/accessibilite">Accessibilité\u00a0: non conforme<\/a>/, url);
      }
      // A workspace page too.
      assert.match(footerOf((await admin.get('/admin')).body), /Accessibilité\u00a0: non conforme/);
    });

    test('only an administrator opens the settings, and the admin home links them', async () => {
      assert.equal((await new TestBrowser(server.app).get('/admin/organisation')).status, 303);
      assert.equal((await member.get('/admin/organisation')).status, 403);
      const page = await admin.get('/admin/organisation');
      assert.equal(page.status, 200);
      assert.match(textOf(page.body), /valeurs sont celles d’une installation neuve/);
      assert.match((await admin.get('/admin')).body, /href="\/admin\/organisation"/);
    });

    test('bad input is refused with a French message naming the field, and changes nothing', async () => {
      const before = await server.db.select().from(organisationSettings);
      const res = await admin.submit('/admin/organisation', { ...EDITED, contactEmail: 'pas-une-adresse', statementDate: '2026-13-45', labelName: '' });
      assert.equal(res.status, 400);
      const text = textOf(res.body);
      assert.match(text, /3 erreurs empêchent de continuer/);
      assert.match(text, /Adresse e-mail de contact\s: adresse e-mail invalide/);
      assert.match(text, /Date de la déclaration d’accessibilité\s: date invalide/);
      assert.match(text, /Nom du label\s: à remplir/);
      // The form keeps what was typed.
      assert.match(res.body, /value="pas-une-adresse"/);
      // RGAA: partially or totally compliant without an audit, or a rate that says another level.
      const rgaa = await admin.submit('/admin/organisation', { ...EDITED, accessibilityLevel: 'totalement_conforme', auditDate: '', complianceRate: '' });
      assert.equal(rgaa.status, 400);
      assert.match(textOf(rgaa.body), /Date du dernier audit d’accessibilité\s: un site ne se déclare partiellement ou totalement conforme qu’après un audit/);
      const mismatch = await admin.submit('/admin/organisation', { ...EDITED, accessibilityLevel: 'partiellement_conforme', complianceRate: '42' });
      assert.equal(mismatch.status, 400);
      assert.match(textOf(mismatch.body), /Taux de critères RGAA respectés \(%\)\s: ce taux correspond au niveau «\snon conforme\s»/);
      assert.deepEqual(await server.db.select().from(organisationSettings), before);
      assert.doesNotMatch(textOf((await new TestBrowser(server.app).get('/contact')).body), /Territoires Connectés/);
    });

    test('a saved setting appears on the pages, in the footer and in the badge’s accessible title, and is audited', async () => {
      const res = await admin.submit('/admin/organisation', EDITED);
      assert.equal(res.status, 303);
      assert.equal(res.location, '/admin/organisation?enregistre=1');
      assert.match(textOf((await admin.follow(res)).body), /Les informations de l’organisation sont enregistrées/);

      const visitor = new TestBrowser(server.app);
      const about = textOf((await visitor.get('/a-propos')).body);
      assert.match(about, /Label Territoires Connectés est organisé par Association des Territoires Connectés/);
      const contact = await visitor.get('/contact');
      assert.match(contact.body, /href="mailto:bonjour@territoires-connectes\.example\.fr"/);
      assert.match(contact.body, /href="tel:0241000000"/);
      assert.match(contact.body, /12 rue des Lilas<br\/?>49130 Les Ponts-de-Cé/);
      const legal = textOf((await visitor.get('/mentions-legales')).body);
      assert.match(legal, /Camille Martin/);
      assert.match(legal, /Hébergeur Exemple SAS/);
      const statement = await visitor.get('/accessibilite');
      assert.match(textOf(statement.body), /Ce site est non conforme avec le référentiel/);
      assert.match(textOf(statement.body), /L’audit de conformité réalisé le 15 octobre 2026 par Cabinet Accès Pour Tous révèle que 42\s% des critères/);
      assert.match(textOf(statement.body), /Cette déclaration a été établie le 2 novembre 2026/);
      assert.match(footerOf(statement.body), /Accessibilité\u00a0: non conforme/);
      assert.match(footerOf(statement.body), /Le label est organisé par Association des Territoires Connectés/);
      const privacy = (await visitor.get('/donnees-personnelles')).body;
      assert.match(privacy, /href="mailto:dpo@territoires-connectes\.example\.fr"/);

      const badge = await visitor.get(`/badges/${LAUREATES.trelaze}.svg`);
      assert.match(badge.body, /<title>Trélazé\u00a0: Label Territoires Connectés 5\u00a0@ en 2023<\/title>/);
      const angers = await visitor.get('/badges/49007.svg');
      assert.match(angers.body, /<title>Angers\u00a0: Label Territoires Connectés 5\u00a0@ en 2023<\/title>/);
      const territory = await visitor.get(`/territoires/${LAUREATES.trelaze}`);
      assert.match(territory.body, /alt="Trélazé\u00a0: Label Territoires Connectés 5\u00a0@ en 2023"/);

      const [entry] = await server.db.select().from(auditEntries).where(eq(auditEntries.action, 'organisation.settingsChanged'));
      assert.ok(entry, 'an audit entry');
      assert.match(String(entry.details.fields), /labelName/);
      assert.doesNotMatch(JSON.stringify(entry.details), /Camille/, 'names of fields, never their values');
    });
  });
}
