import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { createActiveUser, PASSWORD } from '../../../test/support/accounts.ts';
import { latestEmailTo, textOf, type Page } from '../../../test/support/http-client.ts';
import { drivers } from '../../../test/support/test-database.ts';
import { ForbiddenError, SignInRequiredError } from '../../platform/errors.ts';
import { memberships } from './schema.ts';
import { changeMemberRole, getMember, inviteMember, listInvitations, listMembers, removeMember } from './members.service.ts';
import { cancelInvitation } from './membership-invitations.service.ts';
import { systemCaller, type Person } from './permissions.rules.ts';
import { getUser } from './users.service.ts';
import { CONTRIBUTOR, LE_TRAIT_AGENT, LE_TRAIT_REFERENT, MEMBERS, membersFixture, READER, REFERENT } from '../../../test/support/members-fixture.ts';

for (const driver of drivers) {
  describe(`accounts: a territory’s referent manages its members (${driver})`, () => {
    const { ids, browsers, db, browser, referent, rolesOf, state, csrfOf } = membersFixture(driver);
    const roleAction = (userId: string, code = '49353') => `/espace/${code}/membres/${userId}/role`;
    const removeAction = (userId: string, code = '49353') => `/espace/${code}/membres/${userId}/retirer`;

    test('the members page lists the members, referents first, with labelled controls', async () => {
      const page = await referent().get(MEMBERS);
      assert.equal(page.status, 200);
      assert.equal(page.headers['cache-control'], 'private, no-store');
      const text = textOf(page.body);
      assert.equal(page.body.match(/<h1\b/g)?.length, 1, 'one h1');
      assert.match(page.body, /<h1>Membres de Trélazé<\/h1>/);
      assert.match(text, /Accueil Mon espace Trélazé Membres/);
      assert.match(page.body, /href="\/espace"/);
      assert.match(page.body, /href="\/espace\/49353"/);
      assert.match(page.body, /<caption[^>]*>Membres de Trélazé<\/caption>/);
      // Referents first, then contributors, then readers.
      const order = [REFERENT, CONTRIBUTOR, READER].map((p) => text.indexOf(p.displayName));
      assert.ok(order.every((i) => i > 0) && order[0]! < order[1]! && order[1]! < order[2]!, `order: ${order}`);
      assert.ok(!text.includes(LE_TRAIT_AGENT.email), 'members of another territory are not listed');
      // Every row names its person in its controls' accessible names.
      const id = ids[CONTRIBUTOR.email]!;
      assert.match(page.body, new RegExp(`<label for="champ-role-${id}" class="visually-hidden">Rôle de Camille Martin</label>`));
      assert.match(text, /Modifier le rôle de Camille Martin/);
      assert.match(text, /Retirer Camille Martin/);
      assert.match(page.body, new RegExp(`href="${removeAction(id)}"`));
      // The invitation form explains each role.
      assert.match(text, /Référent : gère les membres et les fiches/);
      assert.match(text, /Contributeur : rédige et publie les fiches/);
      assert.match(text, /Lecteur : consulte les fiches, y compris les brouillons/);
    });

    test('a referent changes a role, which applies from the next request', async () => {
      const camille = ids[CONTRIBUTOR.email]!;
      assert.equal((await browsers.contributor.get(MEMBERS)).status, 403);
      const res = await referent().submit(MEMBERS, { role: 'referent' }, { action: roleAction(camille) });
      assert.equal(res.status, 303, textOf(res.body));
      assert.equal(res.location, `${MEMBERS}?ok=role&membre=${camille}`);
      assert.match(textOf((await referent().follow(res)).body), /Camille Martin est maintenant référent\./);
      assert.deepEqual(await rolesOf(camille), { '49353': 'referent' });
      assert.equal((await browsers.contributor.get(MEMBERS)).status, 200, 'the new referent manages members at once');

      const back = await referent().submit(MEMBERS, { role: 'contributor' }, { action: roleAction(camille) });
      assert.equal(back.status, 303);
      assert.deepEqual(await rolesOf(camille), { '49353': 'contributor' });
      assert.equal((await browsers.contributor.get(MEMBERS)).status, 403, 'and stops at once');
    });

    test('a referent removes a member after a confirmation page; the account stays', async () => {
      const leaving = await createActiveUser(db(), {
        email: 'depart@trelaze.example.fr',
        displayName: 'Jean Départ',
        role: 'member',
        territoryCode: '49353',
        territoryRole: 'reader',
      });
      const confirm = await referent().get(removeAction(leaving.id));
      assert.equal(confirm.status, 200);
      assert.equal(confirm.body.match(/<h1\b/g)?.length, 1);
      assert.match(textOf(confirm.body), /Retirer Jean Départ des membres de Trélazé \?/);
      assert.match(confirm.body, /<button type="submit" class="button button--danger">Retirer Jean Départ<\/button>/);
      assert.deepEqual(await rolesOf(leaving.id), { '49353': 'reader' }, 'opening the page changes nothing');

      const res = await referent().submit(removeAction(leaving.id), {}, { action: removeAction(leaving.id) });
      assert.equal(res.status, 303);
      assert.equal(res.location, `${MEMBERS}?ok=retrait`);
      const list = textOf((await referent().follow(res)).body);
      assert.match(list, /La personne ne fait plus partie des membres de Trélazé\./);
      assert.ok(!list.includes('Jean Départ'));
      assert.deepEqual(await rolesOf(leaving.id), {});
      assert.ok(await getUser(db(), leaving.id), 'the account itself is kept');
      assert.equal((await referent().get(removeAction(leaving.id))).status, 404, 'no longer a member');
    });

    test('the last referent can neither step down nor leave', async () => {
      const marie = ids[REFERENT.email]!;
      const before = await state();
      const demote = await referent().submit(MEMBERS, { role: 'contributor' }, { action: roleAction(marie) });
      assert.equal(demote.status, 400);
      assert.match(textOf(demote.body), /Rôle de Marie Dupont : Trélazé doit garder au moins un référent/);
      assert.match(demote.body, new RegExp(`id="champ-role-${marie}-erreur"`));
      assert.match(demote.body, new RegExp(`href="#champ-role-${marie}"`));

      const leave = await referent().submit(removeAction(marie), {}, { action: removeAction(marie) });
      assert.equal(leave.status, 400);
      assert.match(textOf(leave.body), /Trélazé doit garder au moins un référent : nommez d’abord un autre référent, puis retirez cette personne/);
      assert.deepEqual(await state(), before, 'nothing changed');
      assert.equal((await referent().get(MEMBERS)).status, 200);
    });

    test('a contributor and a reader of Trélazé are refused on every route', async () => {
      const target = ids[READER.email]!;
      const before = await state();
      for (const who of ['contributor', 'reader'] as const) {
        const b = browsers[who];
        const _csrf = await csrfOf(b);
        const answers: [string, Page][] = [
          ['GET members', await b.get(MEMBERS)],
          ['GET remove', await b.get(removeAction(target))],
          ['POST invite', await b.post(MEMBERS, { _csrf, email: 'intrus@example.fr', role: 'referent' })],
          ['POST role', await b.post(roleAction(ids[(who === 'contributor' ? CONTRIBUTOR : READER).email]!), { _csrf, role: 'referent' })],
          ['POST remove', await b.post(removeAction(ids[REFERENT.email]!), { _csrf })],
          ['POST cancel invitation', await b.post(`${MEMBERS}/invitations/00000000-0000-4000-8000-000000000000/annuler`, { _csrf })],
        ];
        for (const [route, page] of answers) {
          assert.equal(page.status, 403, `${who}: ${route}`);
          assert.match(textOf(page.body), /Vous n’avez pas les droits pour cette action/);
        }
      }
      assert.deepEqual(await state(), before, 'nothing changed');
    });

    test('a visitor is sent to the login page, then back', async () => {
      const visitor = browser();
      const res = await visitor.get(MEMBERS);
      assert.equal(res.status, 303);
      assert.equal(res.location, `/connexion?retour=${encodeURIComponent(MEMBERS)}`);
      const login = await visitor.submit(res.location, { email: REFERENT.email, password: PASSWORD });
      assert.equal(login.location, MEMBERS);
    });

    test('a referent of Le Trait is refused in Trélazé and cannot reach Trélazé’s members through Le Trait', async () => {
      const b = browsers.leTraitReferent;
      const camille = ids[CONTRIBUTOR.email]!;
      const _csrf = await csrfOf(b);
      const before = await state();
      assert.equal((await b.get(MEMBERS)).status, 403);
      assert.equal((await b.get(removeAction(camille))).status, 403);
      assert.equal((await b.post(MEMBERS, { _csrf, email: 'intrus@example.fr', role: 'referent' })).status, 403);
      assert.equal((await b.post(roleAction(camille), { _csrf, role: 'reader' })).status, 403);
      assert.equal((await b.post(removeAction(camille), { _csrf })).status, 403);
      // Through the pages of Le Trait, where this referent may act, a member of Trélazé does not exist.
      assert.equal((await b.get('/espace/76709/membres')).status, 200);
      assert.ok(!textOf((await b.get('/espace/76709/membres')).body).includes(CONTRIBUTOR.email));
      assert.equal((await b.get(removeAction(camille, '76709'))).status, 404);
      assert.equal((await b.post(roleAction(camille, '76709'), { _csrf, role: 'reader' })).status, 404);
      assert.equal((await b.post(roleAction(camille, '76709'), { _csrf, role: 'pas-un-rôle' })).status, 404);
      assert.equal((await b.post(removeAction(camille, '76709'), { _csrf })).status, 404);
      assert.deepEqual(await state(), before, 'nothing changed');
    });

    test('a user id of another territory, or no user id at all, is not found', async () => {
      const agent = ids[LE_TRAIT_AGENT.email]!;
      const _csrf = await csrfOf(referent());
      const before = await state();
      for (const id of [agent, '00000000-0000-4000-8000-000000000000', 'pas-un-identifiant']) {
        const get = await referent().get(removeAction(id));
        assert.equal(get.status, 404, `GET remove ${id}`);
        assert.equal((await referent().post(removeAction(id), { _csrf })).status, 404, `POST remove ${id}`);
        assert.equal((await referent().post(roleAction(id), { _csrf, role: 'reader' })).status, 404, `POST role ${id}`);
      }
      assert.match(textOf((await referent().get(removeAction(agent))).body), /Cette personne n’est pas membre de Trélazé/);
      assert.deepEqual(await rolesOf(agent), { '76709': 'contributor' });
      assert.deepEqual(await state(), before, 'nothing changed');
    });

    test('an unknown territory is not found', async () => {
      assert.equal((await referent().get('/espace/99999/membres')).status, 404);
      assert.equal((await referent().get(`/espace/99999/membres/${ids[REFERENT.email]}/retirer`)).status, 404);
      const _csrf = await csrfOf(referent());
      assert.equal((await referent().post('/espace/99999/membres', { _csrf, email: 'x@example.fr', role: 'reader' })).status, 404);
    });

    test('a bad address or a bad role is refused with a French message naming the field, and nothing is written', async () => {
      const before = await state();
      const badEmail = await referent().submit(MEMBERS, { email: 'pas-une-adresse', displayName: 'Quelqu’un', role: 'reader' }, { action: MEMBERS });
      assert.equal(badEmail.status, 400);
      assert.match(textOf(badEmail.body), /Adresse e-mail : doit être une adresse e-mail valide/);
      assert.match(badEmail.body, /aria-invalid="true"[^>]*name="email"|name="email"[^>]*aria-invalid="true"/);
      assert.match(badEmail.body, /value="pas-une-adresse"/, 'what was typed is kept');
      assert.equal(badEmail.body.match(/<h1\b/g)?.length, 1);

      const badRole = await referent().submit(MEMBERS, { email: 'bonne.adresse@trelaze.example.fr', role: 'admin' }, { action: MEMBERS });
      assert.equal(badRole.status, 400);
      assert.match(textOf(badRole.body), /Rôle : choisissez Référent, Contributeur ou Lecteur/);

      const noRole = await referent().submit(MEMBERS, { email: 'bonne.adresse@trelaze.example.fr' }, { action: MEMBERS });
      assert.equal(noRole.status, 400);
      assert.match(textOf(noRole.body), /Rôle : choisissez Référent, Contributeur ou Lecteur/);

      const camille = ids[CONTRIBUTOR.email]!;
      const badChange = await referent().submit(MEMBERS, { role: 'chef' }, { action: roleAction(camille) });
      assert.equal(badChange.status, 400);
      assert.match(textOf(badChange.body), /Rôle de Camille Martin : choisissez Référent, Contributeur ou Lecteur/);
      assert.deepEqual(await state(), before, 'nothing written');
    });

    test('a form posted without its CSRF token is refused', async () => {
      const camille = ids[CONTRIBUTOR.email]!;
      const before = await state();
      for (const [url, fields] of [
        [MEMBERS, { email: 'sans.jeton@trelaze.example.fr', role: 'reader' }],
        [roleAction(camille), { role: 'reader' }],
        [removeAction(camille), {}],
      ] as const) {
        const res = await referent().post(url, fields);
        assert.equal(res.status, 403, url);
        assert.match(textOf(res.body), /Ce formulaire a expiré ou ne vient pas de ce site/);
      }
      assert.deepEqual(await state(), before, 'nothing changed');
    });

    test('with a second referent, a referent may step down and then leave', async () => {
      const marie = ids[REFERENT.email]!;
      const camille = ids[CONTRIBUTOR.email]!;
      assert.equal((await referent().submit(MEMBERS, { role: 'referent' }, { action: roleAction(camille) })).status, 303);
      const down = await referent().submit(MEMBERS, { role: 'reader' }, { action: roleAction(marie) });
      assert.equal(down.status, 303);
      assert.equal(down.location, '/espace/49353', 'no longer allowed on the members page');
      assert.deepEqual(await rolesOf(marie), { '49353': 'reader' });
      assert.equal((await referent().get(MEMBERS)).status, 403);

      // Camille, now the only referent, removes Marie; then cannot leave herself.
      const removed = await browsers.contributor.submit(removeAction(marie), {}, { action: removeAction(marie) });
      assert.equal(removed.status, 303);
      assert.deepEqual(await rolesOf(marie), {});
      const alone = await browsers.contributor.submit(removeAction(camille), {}, { action: removeAction(camille) });
      assert.equal(alone.status, 400);
      assert.deepEqual(await rolesOf(camille), { '49353': 'referent' });
    });

    test('two referents stepping down or leaving at the same moment still leave one referent', async () => {
      const paul = ids[LE_TRAIT_REFERENT.email]!;
      const agent = ids[LE_TRAIT_AGENT.email]!;
      const asReferent = (id: string) => ({ id, role: 'member' as const, memberships: [{ territoryCode: '76709', role: 'referent' as const }] });
      for (const step of ['demote', 'remove'] as const) {
        await changeMemberRole(db(), asReferent(paul), '76709', agent, 'referent');
        await changeMemberRole(db(), asReferent(paul), '76709', paul, 'referent');
        const outcomes = await Promise.allSettled(
          step === 'demote'
            ? [changeMemberRole(db(), asReferent(paul), '76709', agent, 'reader'), changeMemberRole(db(), asReferent(agent), '76709', paul, 'reader')]
            : [removeMember(db(), asReferent(paul), '76709', agent), removeMember(db(), asReferent(agent), '76709', paul)],
        );
        assert.deepEqual(outcomes.map((o) => o.status).sort(), ['fulfilled', 'rejected'], step);
        const refused = outcomes.find((o) => o.status === 'rejected') as PromiseRejectedResult;
        assert.match(refused.reason.message, /Le Trait doit garder au moins un référent/);
        const roles = [(await rolesOf(paul))['76709'], (await rolesOf(agent))['76709']];
        assert.equal(roles.filter((r) => r === 'referent').length, 1, `${step}: ${roles}`);
        if (step === 'remove') {
          // Put back whoever left, for the next step or test.
          const gone = roles[0] === undefined ? paul : agent;
          await db().insert(memberships).values({ userId: gone, territoryCode: '76709', role: 'contributor' });
        }
      }
    });

    test('the members services check `members.manage` themselves: a contributor is refused, the system may', async () => {
      const before = await state();
      const contributor: Person = {
        id: '00000000-0000-4000-8000-000000000006',
        role: 'member',
        memberships: [{ territoryCode: '49353', role: 'contributor' }],
      };
      const target = ids[READER.email]!;
      const calls: [string, (caller: Person | null) => Promise<unknown>][] = [
        ['listMembers', (c) => listMembers(db(), c, '49353')],
        ['getMember', (c) => getMember(db(), c, '49353', target)],
        ['inviteMember', (c) => inviteMember(db(), c, 'http://localhost', '49353', { email: 'intrus@example.fr', role: 'referent' })],
        ['listInvitations', (c) => listInvitations(db(), c, '49353')],
        ['cancelInvitation', (c) => cancelInvitation(db(), c, '49353', '00000000-0000-4000-8000-000000000000')],
        ['changeMemberRole', (c) => changeMemberRole(db(), c, '49353', target, 'referent')],
        ['removeMember', (c) => removeMember(db(), c, '49353', target)],
      ];
      for (const [name, call] of calls) {
        await assert.rejects(call(contributor), ForbiddenError, `${name}: a contributor`);
        await assert.rejects(call(null), SignInRequiredError, `${name}: nobody signed in`);
      }
      assert.deepEqual(await state(), before, 'nothing written');
      // The system, saying why, manages members too (an import of a territory’s team, a script).
      const system = systemCaller('members test');
      assert.ok((await listMembers(db(), system, '49353')).some((member) => member.userId === target));
      const invited = await inviteMember(db(), system, 'http://localhost', '49353', { email: 'par.le.systeme@example.fr', role: 'reader' });
      assert.ok((await listInvitations(db(), system, '49353')).some((i) => i.id === invited.invitationId && i.email === 'par.le.systeme@example.fr'));
      assert.match((await latestEmailTo(db(), 'par.le.systeme@example.fr'))?.body ?? '', /mot-de-passe/);
    });
  });
}
