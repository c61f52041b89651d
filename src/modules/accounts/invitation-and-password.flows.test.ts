import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { eq } from 'drizzle-orm';
import { createActiveUser, logIn, PASSWORD } from '../../../test/support/accounts.ts';
import { csrfTokenOf, emailsTo, latestEmailTo, latestLinkTo, linkIn, textOf } from '../../../test/support/http-client.ts';
import { drivers } from '../../../test/support/test-database.ts';
import { SESSION_COOKIE } from './auth.plugin.ts';
import { userTokens } from './schema.ts';
import { accountsFixture } from '../../../test/support/accounts-fixture.ts';

for (const driver of drivers) {
  describe(`accounts: invitation and passwords (${driver})`, () => {
    const f = accountsFixture(driver);

    test('an invited member of Trélazé sets a password, logs in, logs out and logs in again', async () => {
      const email = 'elu.numerique@trelaze.example.fr';
      const res = await f.admin.submit('/admin/utilisateurs', {
        email: 'Elu.Numerique@Trelaze.example.fr',
        displayName: 'Camille Martin',
        role: 'member',
        territoryCode: '49353',
        territoryRole: 'referent',
      });
      assert.equal(res.status, 303);
      assert.equal(res.location, `/admin/utilisateurs?invite=${encodeURIComponent(email)}`);
      const list = await f.admin.follow(res);
      assert.match(textOf(list.body), /Invitation envoyée à elu\.numerique@trelaze\.example\.fr/);
      assert.match(textOf(list.body), /Trélazé \(Référent\)/);

      const invitation = await latestEmailTo(f.db(), email);
      assert.ok(invitation, 'an invitation email is queued');
      assert.equal(invitation.subject, 'Invitation à rejoindre Trélazé sur arobase');
      assert.match(invitation.body, /l’espace de Trélazé avec le rôle «\u00a0Référent\u00a0»/);
      assert.equal(invitation.status, 'pending');
      const link = linkIn(invitation.body, '/mot-de-passe/');
      assert.match(link, /^\/mot-de-passe\/[\w-]{40,}$/);

      const visitor = f.browser();
      const form = await visitor.get(link);
      assert.equal(form.status, 200);
      assert.match(textOf(form.body), /Activer votre compte/);
      assert.match(textOf(form.body), /elu\.numerique@trelaze\.example\.fr/);

      const set = await visitor.submit(link, { password: 'Trélazé, ville numérique 2027', confirmation: 'Trélazé, ville numérique 2027' });
      assert.equal(set.status, 303);
      assert.equal(set.location, '/espace?bienvenue=1', 'an invitation leads to the territory’s space (issue 12, item 19)');
      assert.equal((await visitor.follow(set)).location, '/espace/49353?bienvenue=1');
      const account = await visitor.get('/compte');
      assert.equal(account.status, 200, 'logged in right after choosing the password');
      assert.match(textOf(account.body), /Trélazé/);
      assert.match(textOf(account.body), /Référent/);

      const out = await visitor.submit('/compte', {}, { action: '/deconnexion' });
      assert.equal(out.status, 303);
      assert.equal(out.location, '/connexion?ok=deconnecte');
      assert.equal(visitor.cookie(SESSION_COOKIE), undefined, 'the session cookie is cleared');

      const locked = await visitor.get('/compte');
      assert.equal(locked.status, 303);
      assert.equal(locked.location, '/connexion?retour=%2Fcompte');

      const login = await visitor.submit(locked.location, { email, password: 'Trélazé, ville numérique 2027' });
      assert.equal(login.status, 303);
      assert.equal(login.location, '/compte', 'brought back to the page asked for');
      assert.equal((await visitor.follow(login)).status, 200);

      const again = await f.browser().get(link);
      assert.equal(again.status, 410, 'the invitation link works once');
      assert.match(textOf(again.body), /Ce lien n’est plus valable/);
    });

    test('an invitation link cannot be used twice', async () => {
      const email = 'deux.fois@trelaze.example.fr';
      const link = await f.invite(email);
      const first = await f.browser().submit(link, { password: PASSWORD, confirmation: PASSWORD });
      assert.equal(first.status, 303);
      const hashAfterFirst = (await f.userByEmail(email))!.passwordHash;

      // A second person who kept the form open posts it after the first one.
      const late = f.browser();
      const page = await late.get('/connexion');
      const res = await late.post(link, { _csrf: csrfTokenOf(page.body), password: 'un autre mot de passe long', confirmation: 'un autre mot de passe long' });
      assert.equal(res.status, 410);
      assert.equal(late.cookie(SESSION_COOKIE), undefined, 'no session for a spent link');
      assert.equal((await f.userByEmail(email))!.passwordHash, hashAfterFirst, 'the password is unchanged');
      assert.equal((await f.browser().get(link)).status, 410);
    });

    test('an expired invitation link answers 410', async () => {
      const email = 'en.retard@trelaze.example.fr';
      const link = await f.invite(email);
      const user = (await f.userByEmail(email))!;
      await f
        .db()
        .update(userTokens)
        .set({ expiresAt: new Date(Date.now() - 1000) })
        .where(eq(userTokens.userId, user.id));
      const visitor = f.browser();
      assert.equal((await visitor.get(link)).status, 410);
      const page = await visitor.get('/connexion');
      const res = await visitor.post(link, { _csrf: csrfTokenOf(page.body), password: PASSWORD, confirmation: PASSWORD });
      assert.equal(res.status, 410);
      assert.equal((await f.userByEmail(email))!.passwordHash, null);
    });

    test('a too short or mismatched password is refused with a French message and changes nothing', async () => {
      const email = 'mot.de.passe@trelaze.example.fr';
      const link = await f.invite(email);
      const visitor = f.browser();

      const short = await visitor.submit(link, { password: 'court', confirmation: 'court' });
      assert.equal(short.status, 400);
      assert.match(textOf(short.body), /Mot de passe : doit contenir au moins 12 caractères/);

      const differ = await visitor.submit(link, { password: 'une phrase de passe assez longue', confirmation: 'une autre phrase de passe' });
      assert.equal(differ.status, 400);
      assert.match(textOf(differ.body), /Confirmation : les deux mots de passe ne sont pas identiques/);

      assert.equal(visitor.cookie(SESSION_COOKIE), undefined, 'not logged in');
      assert.equal((await f.userByEmail(email))!.passwordHash, null, 'no password was set');
      assert.equal((await visitor.get(link)).status, 200, 'the link is still valid');
      assert.equal((await visitor.submit(link, { password: PASSWORD, confirmation: PASSWORD })).status, 303);
    });

    test('a common or trivial password is refused with the reason, and changes nothing (issue 11, finding 10)', async () => {
      const email = 'faible@trelaze.example.fr';
      const link = await f.invite(email);
      const visitor = f.browser();
      for (const [password, reason] of [
        ['123456789012', /Mot de passe : trop facile à deviner : ce mot de passe est (parmi les plus utilisés|très utilisé|couramment utilisé)/],
        ['aaaaaaaaaaaa', /Mot de passe : trop facile à deviner : les caractères répétés/],
        ['faible@trelaze.example.fr', /Mot de passe : trop facile à deviner : il reprend votre adresse ou votre nom/],
      ] as const) {
        const res = await visitor.submit(link, { password, confirmation: password });
        assert.equal(res.status, 400, password);
        assert.match(textOf(res.body), reason, password);
      }
      assert.equal((await f.userByEmail(email))!.passwordHash, null, 'no password was set');
      assert.equal(visitor.cookie(SESSION_COOKIE), undefined);
      assert.equal((await visitor.get(link)).status, 200, 'the link is still valid');
    });

    test('password reset: the same answer for any address, one email with a link valid once', async () => {
      const email = 'oubli@trelaze.example.fr';
      await createActiveUser(f.db(), { email, role: 'member', territoryCode: '49353' });
      // Someone is logged in elsewhere with the old password.
      const elsewhere = f.browser();
      await logIn(elsewhere, email);

      const outbox0 = await f.outboxCount();
      const unknown = await f.browser().submit('/mot-de-passe-oublie', { email: 'inconnu@trelaze.example.fr' });
      assert.equal(unknown.status, 200);
      assert.equal(await f.outboxCount(), outbox0, 'no email for an unknown address');

      const known = await f.browser().submit('/mot-de-passe-oublie', { email: ` ${email.toUpperCase()} ` });
      assert.equal(known.status, 200);
      assert.equal(textOf(known.body), textOf(unknown.body), 'the page does not tell whether the account exists');
      assert.match(textOf(known.body), /Si un compte existe avec cette adresse/);
      const mails = await emailsTo(f.db(), email);
      assert.equal(mails.length, 1);
      assert.equal(mails[0]!.subject, 'Réinitialisation de votre mot de passe arobase');
      const firstLink = linkIn(mails[0]!.body, '/mot-de-passe/');

      // Asking again replaces the link: only the latest one works.
      await f.browser().submit('/mot-de-passe-oublie', { email });
      const link = await latestLinkTo(f.db(), email, '/mot-de-passe/');
      assert.notEqual(link, firstLink);
      assert.equal((await f.browser().get(firstLink)).status, 410);

      const visitor = f.browser();
      const page = await visitor.get(link);
      assert.equal(page.status, 200);
      assert.match(textOf(page.body), /Choisir un nouveau mot de passe/);
      const newPassword = 'un tout nouveau mot de passe';
      const set = await visitor.submit(link, { password: newPassword, confirmation: newPassword });
      assert.equal(set.status, 303);
      assert.equal((await visitor.get('/compte')).status, 200);

      assert.equal((await elsewhere.get('/compte')).status, 303, 'sessions opened with the old password end');
      assert.equal((await f.browser().get(link)).status, 410, 'the link works once');
      assert.equal((await f.browser().submit('/connexion', { email, password: PASSWORD })).status, 401, 'the old password is refused');
      await logIn(f.browser(), email, newPassword);
    });

    test('a bad address on the reset form is a 400 naming the field', async () => {
      const res = await f.browser().submit('/mot-de-passe-oublie', { email: 'pas-une-adresse' });
      assert.equal(res.status, 400);
      assert.match(textOf(res.body), /Adresse e-mail : doit être une adresse e-mail valide/);
    });
  });
}
