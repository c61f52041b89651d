import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { eq } from 'drizzle-orm';
import { accountsFixture, ADMIN, JUROR, MEMBER } from '../../../test/support/accounts-fixture.ts';
import { createActiveUser, logIn, PASSWORD } from '../../../test/support/accounts.ts';
import { csrfTokenOf, latestEmailTo, textOf } from '../../../test/support/http-client.ts';
import { drivers } from '../../../test/support/test-database.ts';
import { membershipInvitations, memberships, users } from '../accounts/schema.ts';
import type { AuditAction } from '../audit/audit.rules.ts';

const USERS = '/admin/utilisateurs';
const TRELAZE_MEMBERS = '/espace/49353/membres';

for (const driver of drivers) {
  describe(`admin: the administrator manages accounts and any territory’s members (${driver})`, () => {
    const f = accountsFixture(driver);
    const audited = (action: AuditAction, subjectId: string) => f.auditCount(action, subjectId);
    const idOf = async (email: string) => (await f.userByEmail(email))!.id;

    test('the administrator opens the members page of any territory and changes a member role there; another territory’s referent is refused', async () => {
      const referent = await createActiveUser(f.db(), {
        email: 'ref@trelaze.example.fr',
        displayName: 'Rose Référente',
        role: 'member',
        territoryCode: '49353',
        territoryRole: 'referent',
      });
      const agent = await createActiveUser(f.db(), {
        email: 'agent@trelaze.example.fr',
        displayName: 'Albert Agent',
        role: 'member',
        territoryCode: '49353',
        territoryRole: 'contributor',
      });
      const page = await f.admin.get(TRELAZE_MEMBERS);
      assert.equal(page.status, 200, 'was a 403 before (issue 12, item 14)');
      assert.match(textOf(page.body), /Rose Référente/);
      const res = await f.admin.submit(TRELAZE_MEMBERS, { role: 'referent' }, { action: `${TRELAZE_MEMBERS}/${agent.id}/role` });
      assert.equal(res.status, 303, textOf(res.body));
      const [row] = await f.db().select().from(memberships).where(eq(memberships.userId, agent.id));
      assert.equal(row!.role, 'referent');
      assert.equal(await audited('membership.changed', agent.id), 2, 'added, then role changed: both audited');

      // The referent of Angers (another territory) still cannot open or change Trélazé’s members.
      await createActiveUser(f.db(), { email: 'ref@angers.example.fr', role: 'member', territoryCode: '49007', territoryRole: 'referent' });
      const other = f.browser();
      await logIn(other, 'ref@angers.example.fr');
      assert.equal((await other.get(TRELAZE_MEMBERS)).status, 403);
      const token = csrfTokenOf((await other.get('/compte')).body);
      assert.equal((await other.post(`${TRELAZE_MEMBERS}/${referent.id}/role`, { _csrf: token, role: 'reader' })).status, 403);
      const [still] = await f.db().select().from(memberships).where(eq(memberships.userId, referent.id));
      assert.equal(still!.role, 'referent', 'nothing changed');
    });

    test('the administrator invites an existing account into another territory: it gets an invitation to accept', async () => {
      const member = await idOf(MEMBER);
      const res = await f.admin.submit(USERS, { email: MEMBER, displayName: '', role: 'member', territoryCode: '49353', territoryRole: 'reader' });
      assert.equal(res.status, 303, textOf(res.body));
      assert.match(textOf((await f.admin.follow(res)).body), /a déjà un compte : une invitation à rejoindre le territoire lui est envoyée/);
      const invitations = await f.db().select().from(membershipInvitations).where(eq(membershipInvitations.userId, member));
      assert.deepEqual(
        invitations.map((i) => [i.territoryCode, i.role]),
        [['49353', 'reader']],
      );
      const email = await latestEmailTo(f.db(), MEMBER);
      assert.match(email!.subject, /Invitation à rejoindre Trélazé/);
      // Accepting it from « Mon compte » makes the member a reader of Trélazé, beside Angers.
      const account = await f.member.get('/compte');
      const action = `/compte/invitations/${invitations[0]!.id}/accepter`;
      const accepted = await f.member.post(action, { _csrf: csrfTokenOf(account.body) });
      assert.equal(accepted.status, 303);
      const roles = Object.fromEntries((await f.db().select().from(memberships).where(eq(memberships.userId, member))).map((m) => [m.territoryCode, m.role]));
      assert.deepEqual(roles, { '49007': 'contributor', '49353': 'reader' });
    });

    test('the invitation e-mail says the role, the territory and its role, and who invites (issue 12, item 20)', async () => {
      await f.db().update(users).set({ displayName: 'Claire Admin' }).where(eq(users.email, ADMIN));
      const res = await f.admin.submit(USERS, {
        email: 'nouvelle@trelaze.example.fr',
        displayName: '',
        role: 'member',
        territoryCode: '49353',
        territoryRole: 'referent',
      });
      assert.equal(res.status, 303, textOf(res.body));
      const email = await latestEmailTo(f.db(), 'nouvelle@trelaze.example.fr');
      assert.match(email!.body, /Claire Admin vous invite sur arobase/);
      assert.match(email!.body, /avec le rôle «\u00a0Membre de territoire\u00a0»/);
      assert.match(email!.body, /l’espace de Trélazé avec le rôle «\u00a0Référent\u00a0» \(gère les membres/);
      assert.match(email!.body, /\/mot-de-passe\//);
    });

    test('the administrator changes a platform role from the table, never their own; each change is audited', async () => {
      const juror = await idOf(JUROR);
      const page = await f.admin.get(USERS);
      assert.match(page.body, new RegExp(`<label for="champ-role-${juror}">Rôle de ${JUROR.replace(/\./g, '\\.')}</label>`));
      const res = await f.admin.submit(USERS, { role: 'admin' }, { action: `${USERS}/${juror}/role` });
      assert.equal(res.status, 303, textOf(res.body));
      assert.match(textOf((await f.admin.follow(res)).body), /jure@label\.example\.fr a maintenant le rôle « Administrateur »/);
      assert.equal((await f.userByEmail(JUROR))!.role, 'admin');
      assert.equal(await audited('account.roleChanged', juror), 1);
      const back = await f.admin.submit(USERS, { role: 'juror' }, { action: `${USERS}/${juror}/role` });
      assert.equal(back.status, 303);
      assert.equal((await f.userByEmail(JUROR))!.role, 'juror');

      // Bad input names the field and changes nothing; one’s own account has no actions.
      const bad = await f.admin.submit(USERS, { role: 'maire' }, { action: `${USERS}/${juror}/role` });
      assert.equal(bad.status, 400);
      assert.match(textOf(bad.body), /choisissez Administrateur, Juré ou Membre de territoire/);
      const admin = await idOf(ADMIN);
      assert.ok(!page.body.includes(`${USERS}/${admin}/role`), 'no form on one’s own row');
      const self = await f.admin.post(`${USERS}/${admin}/role`, { _csrf: csrfTokenOf(page.body), role: 'member' });
      assert.equal(self.status, 400);
      assert.equal((await f.userByEmail(ADMIN))!.role, 'admin');
      assert.equal((await f.admin.post(`${USERS}/00000000-0000-4000-8000-000000000000/role`, { _csrf: csrfTokenOf(page.body), role: 'member' })).status, 404);
    });

    test('the administrator disables an account, which is signed out at once, then enables it again', async () => {
      const person = await createActiveUser(f.db(), { email: 'desactive@example.fr', role: 'juror' });
      const browser = f.browser();
      await logIn(browser, 'desactive@example.fr');
      assert.equal((await browser.get('/compte')).status, 200);
      const res = await f.admin.submit(USERS, {}, { action: `${USERS}/${person.id}/desactiver` });
      assert.equal(res.status, 303, textOf(res.body));
      assert.match(textOf((await f.admin.follow(res)).body), /Le compte de desactive@example\.fr est désactivé/);
      assert.ok((await f.userByEmail('desactive@example.fr'))!.disabledAt);
      assert.equal((await browser.get('/compte')).status, 303, 'the session ended: sent to the login page');
      const login = await browser.submit('/connexion', { email: 'desactive@example.fr', password: PASSWORD });
      assert.notEqual(login.status, 303, 'and it cannot sign in');
      assert.equal(await audited('account.disabled', person.id), 1);

      const again = await f.admin.submit(USERS, {}, { action: `${USERS}/${person.id}/reactiver` });
      assert.equal(again.status, 303);
      assert.equal((await f.userByEmail('desactive@example.fr'))!.disabledAt, null);
      assert.equal(await audited('account.enabled', person.id), 1);
      assert.equal((await browser.submit('/connexion', { email: 'desactive@example.fr', password: PASSWORD })).status, 303);
    });

    test('the administrator sends an invitation again: a fresh link, the old one stops working', async () => {
      const email = 'en.attente@trelaze.example.fr';
      const first = await f.invite(email, { role: 'member', territoryCode: '49353', territoryRole: 'contributor' });
      const id = await idOf(email);
      const res = await f.admin.submit(USERS, {}, { action: `${USERS}/${id}/invitation` });
      assert.equal(res.status, 303, textOf(res.body));
      assert.match(textOf((await f.admin.follow(res)).body), /Une nouvelle invitation est envoyée à en\.attente@trelaze\.example\.fr/);
      const latest = await latestEmailTo(f.db(), email);
      assert.match(latest!.body, /l’espace de Trélazé avec le rôle «\u00a0Contributeur\u00a0»/);
      assert.equal((await f.browser().get(first)).status, 410, 'the first link no longer works');
      assert.equal(await audited('account.invitationResent', id), 1);
      // An account that chose its password has nothing to resend.
      const page = await f.admin.get(USERS);
      const active = await f.admin.post(`${USERS}/${await idOf(JUROR)}/invitation`, { _csrf: csrfTokenOf(page.body) });
      assert.equal(active.status, 400);
      assert.match(textOf(active.body), /a déjà choisi son mot de passe/);
    });

    test('only the administrator may act on accounts: a member or a juror is refused and nothing changes', async () => {
      const target = await idOf(MEMBER);
      for (const [who, browser] of [
        ['member', f.member],
        ['juror', f.juror],
      ] as const) {
        const token = csrfTokenOf((await browser.get('/compte')).body);
        for (const action of ['role', 'desactiver', 'reactiver', 'invitation']) {
          const res = await browser.post(`${USERS}/${target}/${action}`, { _csrf: token, role: 'admin' });
          assert.equal(res.status, 403, `${who} ${action} ${res.location}`);
        }
      }
      const member = await f.userByEmail(MEMBER);
      assert.equal(member!.role, 'member');
      assert.equal(member!.disabledAt, null);
    });
  });
}
