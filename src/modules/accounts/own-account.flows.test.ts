import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { accountsFixture, ADMIN, MEMBER } from '../../../test/support/accounts-fixture.ts';
import { createActiveUser, logIn, PASSWORD } from '../../../test/support/accounts.ts';
import { csrfTokenOf, emailsTo, latestEmailTo, latestLinkTo, textOf } from '../../../test/support/http-client.ts';
import { drivers } from '../../../test/support/test-database.ts';
import type { AuditAction } from '../audit/audit.rules.ts';

const NEW_PASSWORD = 'un autre chemin bordé de tilleuls centenaires';

for (const driver of drivers) {
  describe(`accounts: « Mon compte » — name, address, password, landing (${driver})`, () => {
    const f = accountsFixture(driver);
    const audited = (action: AuditAction, subjectId: string) => f.auditCount(action, subjectId);

    test('the account page shows name, address and password forms; tokens sit in an advanced section; territories lead to their space', async () => {
      const page = await f.member.get('/compte');
      assert.equal(page.status, 200);
      assert.equal(page.body.match(/<h1\b/g)?.length, 1);
      for (const action of ['/compte/nom', '/compte/adresse', '/compte/mot-de-passe']) assert.ok(page.body.includes(`action="${action}"`), action);
      assert.match(page.body, /<details>\s*<summary>Jetons d’accès à l’API/);
      assert.ok(page.body.indexOf('action="/compte/mot-de-passe"') < page.body.indexOf('action="/compte/jetons"'), 'tokens come last');
      assert.match(page.body, /href="\/espace\/49007">Espace d’Angers|href="\/espace\/49007">Espace de Angers/);
    });

    test('a name change is saved; a too long one is a 400 naming the field', async () => {
      const res = await f.member.submit('/compte', { displayName: 'Agnès Agent' }, { action: '/compte/nom' });
      assert.equal(res.status, 303);
      assert.match(textOf((await f.member.follow(res)).body), /Votre nom est enregistré/);
      assert.equal((await f.userByEmail(MEMBER))!.displayName, 'Agnès Agent');
      const long = await f.member.submit('/compte', { displayName: 'x'.repeat(121) }, { action: '/compte/nom' });
      assert.equal(long.status, 400);
      assert.match(textOf(long.body), /Prénom et nom : au plus 120 caractères/);
      assert.equal((await f.userByEmail(MEMBER))!.displayName, 'Agnès Agent');
    });

    test('a password change asks for the current one and a strong new one; the new one works at once', async () => {
      const person = await createActiveUser(f.db(), { email: 'change.mdp@example.fr', role: 'juror' });
      const browser = f.browser();
      await logIn(browser, 'change.mdp@example.fr');
      const wrong = await browser.submit(
        '/compte',
        { currentPassword: 'pas le bon', password: NEW_PASSWORD, confirmation: NEW_PASSWORD },
        { action: '/compte/mot-de-passe' },
      );
      assert.equal(wrong.status, 400);
      assert.match(textOf(wrong.body), /Mot de passe actuel : ce n’est pas votre mot de passe actuel/);
      const weak = await browser.submit(
        '/compte',
        { currentPassword: PASSWORD, password: 'azertyuiop12', confirmation: 'azertyuiop12' },
        { action: '/compte/mot-de-passe' },
      );
      assert.equal(weak.status, 400);
      assert.match(textOf(weak.body), /Nouveau mot de passe : trop facile à deviner/);
      assert.equal(await audited('password.changed', person.id), 0, 'nothing changed so far');

      const ok = await browser.submit(
        '/compte',
        { currentPassword: PASSWORD, password: NEW_PASSWORD, confirmation: NEW_PASSWORD },
        { action: '/compte/mot-de-passe' },
      );
      assert.equal(ok.status, 303, textOf(ok.body));
      assert.match(textOf((await browser.follow(ok)).body), /Votre mot de passe est changé/);
      assert.equal(await audited('password.changed', person.id), 1);
      const again = f.browser();
      const oldLogin = await again.submit('/connexion', { email: 'change.mdp@example.fr', password: PASSWORD });
      assert.notEqual(oldLogin.status, 303, 'the old password no longer works');
      assert.equal((await again.submit('/connexion', { email: 'change.mdp@example.fr', password: NEW_PASSWORD })).status, 303);
    });

    test('an address changes only once the link sent to the new address is confirmed', async () => {
      const person = await createActiveUser(f.db(), { email: 'ancienne@example.fr', role: 'member' });
      const browser = f.browser();
      await logIn(browser, 'ancienne@example.fr');
      const noPassword = await browser.submit('/compte', { email: 'nouvelle@example.fr', currentPassword: '' }, { action: '/compte/adresse' });
      assert.equal(noPassword.status, 400);
      assert.match(textOf(noPassword.body), /Mot de passe actuel : indiquez votre mot de passe actuel/);
      const taken = await browser.submit('/compte', { email: ADMIN, currentPassword: PASSWORD }, { action: '/compte/adresse' });
      assert.equal(taken.status, 400);
      assert.match(textOf(taken.body), /Nouvelle adresse e-mail : un compte existe déjà/);
      assert.equal((await emailsTo(f.db(), 'nouvelle@example.fr')).length, 0, 'no e-mail for a refused request');

      const res = await browser.submit('/compte', { email: 'Nouvelle@Example.fr', currentPassword: PASSWORD }, { action: '/compte/adresse' });
      assert.equal(res.status, 303, textOf(res.body));
      assert.match(textOf((await browser.follow(res)).body), /Un lien de confirmation est envoyé à la nouvelle adresse/);
      assert.equal((await f.userByEmail('ancienne@example.fr'))!.id, person.id, 'the address has not changed yet');
      assert.match((await latestEmailTo(f.db(), 'ancienne@example.fr'))!.body, /vers nouvelle@example\.fr a été demandé/);
      const link = await latestLinkTo(f.db(), 'nouvelle@example.fr', '/compte/adresse/');

      // Opening the link (a mail scanner does) changes nothing: a button confirms.
      const confirm = await f.browser().get(link);
      assert.equal(confirm.status, 200);
      assert.match(textOf(confirm.body), /deviendra nouvelle@example\.fr/);
      assert.equal((await f.userByEmail('ancienne@example.fr'))!.id, person.id);
      const done = await browser.submit(link, {});
      assert.equal(done.status, 303);
      assert.equal(done.location, '/compte?ok=adresse-changee');
      assert.equal(await f.userByEmail('ancienne@example.fr'), undefined);
      assert.equal((await f.userByEmail('nouvelle@example.fr'))!.id, person.id);
      assert.equal(await audited('account.emailChanged', person.id), 1);
      assert.equal((await f.browser().get(link)).status, 410, 'the link works once');
      assert.equal((await f.browser().submit('/connexion', { email: 'nouvelle@example.fr', password: PASSWORD })).status, 303);
      // The confirmation link never sets a password.
      assert.equal((await f.browser().get(link.replace('/compte/adresse/', '/mot-de-passe/'))).status, 410);
    });

    test('after choosing a password from an invitation, people land in their territory’s space', async () => {
      const link = await f.invite('arrivee@trelaze.example.fr', { role: 'member', territoryCode: '49353', territoryRole: 'contributor' });
      const browser = f.browser();
      const res = await browser.submit(link, { password: NEW_PASSWORD, confirmation: NEW_PASSWORD });
      assert.equal(res.status, 303, textOf(res.body));
      assert.equal(res.location, '/espace?bienvenue=1');
      const space = await browser.follow(res);
      assert.equal(space.location, '/espace/49353?bienvenue=1', 'the only territory opens at once');
      // They are welcomed and told what their role lets them do there, once: the plain address says nothing.
      const welcomed = textOf((await browser.follow(space)).body);
      assert.match(welcomed, /Bienvenue dans l’espace de Trélazé\./);
      assert.match(welcomed, /Vous y êtes contributeur : vous rédigez et publiez les fiches du territoire\./);
      assert.match(welcomed, /Pour commencer, décrivez une action/);
      assert.doesNotMatch(textOf((await browser.get('/espace/49353')).body), /Bienvenue/);
      // An administrator invited without a territory lands in the administration.
      const adminLink = await f.invite('nouvel.admin@label.example.fr', { role: 'admin' });
      const admin = await f.browser().submit(adminLink, { password: NEW_PASSWORD, confirmation: NEW_PASSWORD });
      assert.equal(admin.location, '/admin');
    });

    test('signing out says so; « Mon espace » is for territory members only; e-mail links can be opened from the outbox', async () => {
      const browser = f.browser();
      await logIn(browser, MEMBER);
      const page = await browser.get('/compte');
      assert.match(page.body, /href="\/espace"/, 'a member sees « Mon espace »');
      assert.ok(!(await f.admin.get('/compte')).body.includes('href="/espace"'), 'an administrator does not');
      assert.ok(!(await f.juror.get('/compte')).body.includes('href="/espace"'), 'nor a juror');
      const out = await browser.post('/deconnexion', { _csrf: csrfTokenOf(page.body) });
      assert.equal(out.status, 303);
      assert.equal(out.location, '/connexion?ok=deconnecte');
      assert.match(textOf((await browser.follow(out)).body), /Vous êtes déconnecté\(e\)/);

      // An invitation into a territory for an existing account carries a plain link: the outbox makes it clickable.
      const res = await f.admin.submit('/admin/utilisateurs', {
        email: MEMBER,
        displayName: '',
        role: 'member',
        territoryCode: '49353',
        territoryRole: 'reader',
      });
      assert.equal(res.status, 303, textOf(res.body));
      const outbox = await f.admin.get('/admin/courriels');
      assert.match(outbox.body, /<a href="http:\/\/[^"]+\/compte#invitations">http:\/\/[^<]+\/compte#invitations<\/a>/);
    });
  });
}
