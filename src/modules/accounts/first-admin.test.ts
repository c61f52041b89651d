import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { eq } from 'drizzle-orm';
import { createActiveUser, logIn, PASSWORD } from '../../../test/support/accounts.ts';
import { csrfTokenOf, TestBrowser, textOf } from '../../../test/support/http-client.ts';
import { drivers } from '../../../test/support/test-database.ts';
import { useTestServer } from '../../../test/support/test-server.ts';
import { runCommand } from '../../platform/cli/command.ts';
import { firstAdminLinkCommand } from './first-admin-link.command.ts';
import { SESSION_COOKIE } from './auth.plugin.ts';
import { prepareFirstAdminLink } from './first-admin.service.ts';
import { systemCaller } from './permissions.rules.ts';
import { users } from './schema.ts';
import { countAdmins, createUser } from './users.service.ts';

for (const driver of drivers) {
  describe(`first administrator (${driver})`, () => {
    const server = useTestServer(driver);
    const db = () => server.database.db;
    const pathOf = (link: string) => new URL(link).pathname;
    /** `npx arobase first-admin-link`, as the CLI and the running server run it. */
    const firstAdminLink = async () => {
      const out: string[] = [];
      const err: string[] = [];
      const ctx = {
        database: server.database,
        config: server.config,
        out: (l: string) => out.push(l),
        err: (l: string) => err.push(l),
        ensureBaseData: async () => {},
      };
      const code = await runCommand({ 'first-admin-link': firstAdminLinkCommand }, ctx, ['first-admin-link']);
      return { code, out, err };
    };

    test('the installation link cannot take over an account someone already uses', async () => {
      await createActiveUser(db(), { email: 'agent@trelaze.example.fr', role: 'member' });
      const link = await prepareFirstAdminLink(db(), server.config.baseUrl);
      const operator = new TestBrowser(server.app);
      await operator.get(pathOf(link!));
      const res = await operator.submit(pathOf(link!), {
        email: 'agent@trelaze.example.fr',
        password: 'un tout autre mot de passe',
        confirmation: 'un tout autre mot de passe',
      });
      assert.equal(res.status, 400);
      assert.match(textOf(res.body), /un compte existe déjà avec cette adresse/);
      const [agent] = await db().select().from(users).where(eq(users.email, 'agent@trelaze.example.fr'));
      assert.equal(agent!.role, 'member', 'still a member');
      assert.equal((await logIn(new TestBrowser(server.app), 'agent@trelaze.example.fr')).status, 303, 'the owner keeps their password');
      assert.equal((await operator.get(pathOf(link!))).status, 200, 'the link is still usable with another address');
    });

    test('first-admin-link prints a fresh link, alone on its last line, that replaces the one printed at start', async () => {
      const atStart = await prepareFirstAdminLink(db(), server.config.baseUrl);
      const res = await firstAdminLink();
      assert.equal(res.code, 0, res.err.join('\n'));
      assert.deepEqual(res.err, []);
      const fresh = res.out.at(-1)!;
      assert.match(fresh, /^http:\/\/localhost\/installation\/[\w-]{40,}$/);
      const operator = new TestBrowser(server.app);
      assert.equal((await operator.get(pathOf(fresh))).status, 200, 'the fresh link opens the setup form');
      assert.equal((await operator.get(pathOf(atStart!))).status, 410, 'the link printed at start is replaced');
    });

    test('from the one-time link printed at start to a logged-in administrator; then the link is dead', async () => {
      // An invited administrator who never chose a password does not count: the platform still has none.
      await createUser(db(), systemCaller('test setup'), { email: 'invite.admin@label.example.fr', role: 'admin' });
      assert.equal(await countAdmins(db()), 0);

      const stale = await prepareFirstAdminLink(db(), server.config.baseUrl);
      const link = await prepareFirstAdminLink(db(), server.config.baseUrl);
      assert.ok(link && stale);
      assert.match(link, /^http:\/\/localhost\/installation\/[\w-]{40,}$/);
      assert.equal((await new TestBrowser(server.app).get(pathOf(stale))).status, 410, 'a new start replaces the previous link');

      const operator = new TestBrowser(server.app);
      const page = await operator.get(pathOf(link));
      assert.equal(page.status, 200);
      assert.match(textOf(page.body), /Créer le premier compte administrateur/);

      const bad = await operator.submit(pathOf(link), { email: 'pas-une-adresse', password: PASSWORD, confirmation: PASSWORD });
      assert.equal(bad.status, 400);
      assert.match(textOf(bad.body), /Adresse e-mail : doit être une adresse e-mail valide/);
      const differ = await operator.submit(pathOf(link), { email: 'directrice@label.example.fr', password: PASSWORD, confirmation: 'autre chose encore' });
      assert.equal(differ.status, 400);
      assert.match(textOf(differ.body), /Confirmation : les deux mots de passe ne sont pas identiques/);
      assert.equal(await countAdmins(db()), 0, 'nothing created by a refused form');
      assert.equal((await operator.get(pathOf(link))).status, 200, 'the link survives a refused form');

      const created = await operator.submit(pathOf(link), {
        email: 'Directrice@Label.example.fr',
        displayName: 'Claire Dubois',
        password: PASSWORD,
        confirmation: PASSWORD,
      });
      assert.equal(created.status, 303);
      assert.equal(created.location, '/admin');
      assert.ok(operator.cookie(SESSION_COOKIE), 'logged in');
      assert.equal((await operator.follow(created)).status, 200, 'the new administrator sees /admin');
      const [admin] = await db().select().from(users).where(eq(users.email, 'directrice@label.example.fr'));
      assert.equal(admin!.role, 'admin');
      assert.equal(admin!.displayName, 'Claire Dubois');
      assert.equal(await countAdmins(db()), 1);

      const reuse = new TestBrowser(server.app);
      assert.equal((await reuse.get(pathOf(link))).status, 410);
      const page2 = await reuse.get('/connexion');
      const csrf = csrfTokenOf(page2.body);
      const second = await reuse.post(pathOf(link), { _csrf: csrf, email: 'intrus@example.fr', password: PASSWORD, confirmation: PASSWORD });
      assert.equal(second.status, 410);
      assert.equal(reuse.cookie(SESSION_COOKIE), undefined);
      assert.equal((await db().select().from(users).where(eq(users.email, 'intrus@example.fr'))).length, 0);

      assert.equal(await prepareFirstAdminLink(db(), server.config.baseUrl), null, 'no link once an administrator exists');
      assert.equal((await reuse.get(pathOf(link))).status, 410);
      const refused = await firstAdminLink();
      assert.equal(refused.code, 1, 'first-admin-link refuses once an administrator exists');
      assert.deepEqual(refused.out, [], 'and prints no link');
      assert.match(refused.err.join('\n'), /^Un administrateur existe déjà\u00a0: aucun lien d’installation n’est créé\./);
    });

    test('a made-up installation link is refused', async () => {
      const res = await new TestBrowser(server.app).get('/installation/invente');
      assert.equal(res.status, 410);
      assert.ok(res.body.includes('<html lang="fr">'));
    });
  });
}
