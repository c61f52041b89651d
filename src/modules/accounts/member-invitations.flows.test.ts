import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { eq } from 'drizzle-orm';
import { createActiveUser, logIn, PASSWORD } from '../../../test/support/accounts.ts';
import { emailsTo, findForms, latestEmailTo, linkIn, textOf, type Page } from '../../../test/support/http-client.ts';
import { drivers } from '../../../test/support/test-database.ts';
import { users } from './schema.ts';
import { inviteMember, listInvitations } from './members.service.ts';
import { systemCaller } from './permissions.rules.ts';
import { createUser, getUser } from './users.service.ts';
import { MEMBERS, membersFixture, REFERENT } from '../../../test/support/members-fixture.ts';

for (const driver of drivers) {
  describe(`accounts: a territory’s referent invites people, who join only if they accept (${driver})`, () => {
    const { ids, browsers, db, browser, referent, rolesOf, state, csrfOf } = membersFixture(driver);

    test('a new address is invited: pending in the list, an email with a link, then a contributor of Trélazé', async () => {
      const email = 'nina.agente@trelaze.example.fr';
      const res = await referent().submit(
        MEMBERS,
        { email: 'Nina.Agente@Trelaze.example.fr', displayName: 'Nina Agente', role: 'contributor' },
        { action: MEMBERS },
      );
      assert.equal(res.status, 303, textOf(res.body));
      const user = (await db().select().from(users).where(eq(users.email, email)))[0]!;
      assert.match(res.location!, new RegExp(`^${MEMBERS}\\?ok=invitation&invitation=[0-9a-f-]{36}$`));
      assert.ok(!res.location!.includes(user.id), 'the redirect does not give the account id');
      assert.equal(user.role, 'member');
      assert.equal(user.displayName, 'Nina Agente');
      assert.equal(user.passwordHash, null);

      const list = await referent().follow(res);
      assert.equal(list.status, 200);
      assert.match(textOf(list.body), /Invitation envoyée à nina\.agente@trelaze\.example\.fr\./);
      assert.match(textOf(list.body), /Invitations en attente .*Nina Agente nina\.agente@trelaze\.example\.fr Contributeur/);
      assert.deepEqual(await rolesOf(user.id), {}, 'not a member before accepting');

      const invitation = await latestEmailTo(db(), email);
      assert.ok(invitation, 'an invitation email is queued');
      assert.equal(invitation.subject, 'Invitation à rejoindre Trélazé sur arobase');
      assert.match(invitation.body, /Marie Dupont vous invite à rejoindre l’espace de Trélazé/);
      assert.match(invitation.body, /avec le rôle contributeur/);
      const link = linkIn(invitation.body, '/mot-de-passe/');

      const nina = browser();
      const set = await nina.submit(link, { password: PASSWORD, confirmation: PASSWORD });
      assert.equal(set.status, 303);
      assert.deepEqual(await rolesOf(user.id), { '49353': 'contributor' });
      assert.equal(set.location, '/espace?bienvenue=1', 'into the territory’s space, welcomed');
      const account = await nina.get('/compte');
      assert.match(textOf(account.body), /Espace de Trélazé — Contributeur/);
      assert.equal((await nina.get(MEMBERS)).status, 403, 'a contributor does not manage members');

      assert.match(textOf((await referent().get(MEMBERS)).body), /Nina Agente nina\.agente@trelaze\.example\.fr Actif/);
    });

    test('an existing account is invited, not added: it joins once it accepts, and the referent cannot tell it had an account', async () => {
      const existing = await createActiveUser(db(), {
        email: 'deja.inscrit@angers.example.fr',
        displayName: 'Déjà Inscrit',
        role: 'member',
        territoryCode: '49007',
        territoryRole: 'contributor',
      });
      const res = await referent().submit(MEMBERS, { email: 'deja.inscrit@angers.example.fr', displayName: 'Autre Nom', role: 'reader' }, { action: MEMBERS });
      const fresh = await referent().submit(MEMBERS, { email: 'jamais.vu@angers.example.fr', displayName: 'Autre Nom', role: 'reader' }, { action: MEMBERS });
      assert.equal(res.status, 303, textOf(res.body));
      assert.match(res.location!, new RegExp(`^${MEMBERS}\\?ok=invitation&invitation=[0-9a-f-]{36}$`));
      assert.ok(!res.location!.includes(existing.id), 'the redirect does not give the account id');
      assert.deepEqual(await rolesOf(existing.id), { '49007': 'contributor' }, 'not a member of Trélazé without consent');

      // The referent reads the same thing for an address with an account and for one without.
      const rowOf = (page: Page, email: string) => {
        const row = page.body.match(new RegExp(`<tr>(?:(?!<tr>)[\\s\\S])*?${email.replace(/\./g, '\\.')}[\\s\\S]*?</tr>`))?.[0] ?? '';
        return row.replaceAll(email, 'X').replace(/invitations\/[0-9a-f-]{36}/g, 'invitations/ID');
      };
      const existingPage = await referent().follow(res);
      const freshPage = await referent().follow(fresh);
      assert.match(textOf(existingPage.body), /Invitation envoyée à deja\.inscrit@angers\.example\.fr\./);
      assert.match(textOf(freshPage.body), /Invitation envoyée à jamais\.vu@angers\.example\.fr\./);
      assert.ok(rowOf(existingPage, 'deja.inscrit@angers.example.fr').length > 0, 'the invitation is listed');
      assert.equal(rowOf(existingPage, 'deja.inscrit@angers.example.fr'), rowOf(existingPage, 'jamais.vu@angers.example.fr'), 'the same row');
      assert.ok(!textOf(existingPage.body).includes('Déjà Inscrit'), 'the account’s own name is not shown before it accepts');

      const emails = await emailsTo(db(), existing.email);
      assert.equal(emails.length, 1);
      assert.equal(emails[0]!.subject, 'Invitation à rejoindre Trélazé sur arobase');
      assert.match(emails[0]!.body, /Marie Dupont vous invite à rejoindre l’espace de Trélazé/);
      assert.match(emails[0]!.body, /acceptez ou refusez l’invitation/);
      assert.doesNotMatch(emails[0]!.body, /mot-de-passe/, 'no link that sets a password');

      // The person signs in, sees the invitation on their account page and accepts it.
      const invited = browser();
      await logIn(invited, existing.email);
      const account = await invited.get('/compte');
      assert.match(textOf(account.body), /Invitations .*Trélazé, avec le rôle lecteur \(invitation de Marie Dupont\)/);
      const accept = findForms(account.body).find((form) => /\/compte\/invitations\/[0-9a-f-]+\/accepter$/.test(form.action));
      assert.ok(accept, 'an accept button');
      const accepted = await invited.post(accept.action, accept.hidden);
      assert.equal(accepted.status, 303);
      assert.equal(accepted.location, '/espace/49353?bienvenue=1', 'straight into the territory’s space (issue 12, item 19)');
      const space = await invited.follow(accepted);
      assert.equal(space.status, 200);
      assert.match(textOf(space.body), /Trélazé/);
      assert.deepEqual(await rolesOf(existing.id), { '49007': 'contributor', '49353': 'reader' });
      assert.equal((await getUser(db(), existing.id))!.displayName, 'Déjà Inscrit', 'the name of an existing account is left alone');

      const before = await state();
      const again = await referent().submit(MEMBERS, { email: 'DEJA.INSCRIT@angers.example.fr', role: 'contributor' }, { action: MEMBERS });
      assert.equal(again.status, 400);
      assert.match(textOf(again.body), /Adresse e-mail : cette personne est déjà membre de Trélazé/);
      assert.match(again.body, /id="champ-email-erreur"/);
      assert.deepEqual(await state(), before, 'nothing written');
    });

    test('an administrator invited by a referent declines: nothing joins, and the invitation is gone', async () => {
      const admin = await createActiveUser(db(), { email: 'admin.invite@label.example.fr', role: 'admin' });
      assert.equal((await referent().submit(MEMBERS, { email: admin.email, role: 'referent' }, { action: MEMBERS })).status, 303);
      assert.deepEqual(await rolesOf(admin.id), {});
      const b = browser();
      await logIn(b, admin.email);
      const decline = findForms((await b.get('/compte')).body).find((form) => form.action.endsWith('/refuser'));
      assert.ok(decline);
      const res = await b.post(decline.action, decline.hidden);
      assert.equal(res.status, 303);
      assert.match(textOf((await b.follow(res)).body), /Vous avez refusé l’invitation\./);
      assert.deepEqual(await rolesOf(admin.id), {});
      assert.ok(!textOf((await referent().get(MEMBERS)).body).includes(admin.email), 'no longer pending on the members page');
      assert.equal((await b.post(decline.action, decline.hidden)).status, 404, 'answered once');
    });

    test('a referent cancels a pending invitation; another territory cannot', async () => {
      const email = 'a.annuler@trelaze.example.fr';
      const res = await referent().submit(MEMBERS, { email, role: 'reader' }, { action: MEMBERS });
      const id = new URL(res.location!, 'http://x').searchParams.get('invitation')!;
      const cancel = `${MEMBERS}/invitations/${id}/annuler`;
      const _csrf = await csrfOf(browsers.leTraitReferent);
      assert.equal((await browsers.leTraitReferent.post(cancel, { _csrf })).status, 403);
      assert.equal((await browsers.leTraitReferent.post(`/espace/76709/membres/invitations/${id}/annuler`, { _csrf })).status, 404);
      const page = await referent().get(MEMBERS);
      assert.match(textOf(page.body), new RegExp(`Annuler l’invitation d’${email.replace(/\./g, '\\.')}`));
      const done = await referent().submit(MEMBERS, {}, { action: cancel });
      assert.equal(done.status, 303);
      assert.match(textOf((await referent().follow(done)).body), /L’invitation est annulée\./);
      const link = linkIn((await latestEmailTo(db(), email))!.body, '/mot-de-passe/');
      const user = (await db().select().from(users).where(eq(users.email, email)))[0]!;
      assert.equal((await browser().submit(link, { password: PASSWORD, confirmation: PASSWORD })).status, 303);
      assert.deepEqual(await rolesOf(user.id), {}, 'a cancelled invitation is not accepted by activating the account');
    });

    test('an account still waiting for its password gets a fresh invitation link', async () => {
      const pending = await createUser(db(), systemCaller('test setup'), {
        email: 'en.attente@angers.example.fr',
        role: 'member',
        territoryCode: '49007',
        territoryRole: 'reader',
      });
      const res = await referent().submit(MEMBERS, { email: pending.email, role: 'reader' }, { action: MEMBERS });
      assert.equal(res.status, 303);
      assert.match(res.location!, new RegExp(`^${MEMBERS}\\?ok=invitation&invitation=`));
      assert.deepEqual(await rolesOf(pending.id), { '49007': 'reader' }, 'not yet a member');
      const invitation = await latestEmailTo(db(), pending.email);
      assert.equal(invitation?.subject, 'Invitation à rejoindre Trélazé sur arobase');
      const set = await browser().submit(linkIn(invitation!.body, '/mot-de-passe/'), { password: PASSWORD, confirmation: PASSWORD });
      assert.equal(set.status, 303);
      assert.deepEqual(await rolesOf(pending.id), { '49007': 'reader', '49353': 'reader' });
    });

    test('two referents inviting the same new address at the same moment make one account, never an error page', async () => {
      const referentOf = (code: string) => ({
        id: ids[REFERENT.email]!,
        role: 'member' as const,
        memberships: [{ territoryCode: code, role: 'referent' as const }],
      });
      const email = 'nouvelle.personne@example.fr';
      const outcomes = await Promise.allSettled([
        inviteMember(db(), referentOf('49353'), 'http://localhost', '49353', { email, role: 'contributor' }),
        inviteMember(db(), referentOf('49353'), 'http://localhost', '49353', { email, role: 'reader' }),
      ]);
      for (const o of outcomes) if (o.status === 'rejected') assert.match(o.reason.message, /déjà/, String(o.reason));
      assert.ok(outcomes.some((o) => o.status === 'fulfilled'));
      const accounts = await db().select({ id: users.id }).from(users).where(eq(users.email, email));
      assert.equal(accounts.length, 1);
      const waiting = (await listInvitations(db(), systemCaller('test'), '49353')).filter((i) => i.email === email);
      assert.equal(waiting.length, 1, 'one invitation');
      assert.ok(['contributor', 'reader'].includes(waiting[0]!.role));
    });
  });
}
