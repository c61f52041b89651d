import { before } from 'node:test';
import { sql } from 'drizzle-orm';
import { memberships, users } from '../../src/modules/accounts/schema.ts';
import { listUserMemberships } from '../../src/modules/accounts/users.service.ts';
import { outbox } from '../../src/modules/notifications/schema.ts';
import { createActiveUser, logIn } from './accounts.ts';
import { csrfTokenOf, TestBrowser } from './http-client.ts';
import type { Driver } from './test-database.ts';
import { useTestServer } from './test-server.ts';

// People of Trélazé (49353) and of Le Trait (76709), for the tests of the members pages.
export const REFERENT = { email: 'marie.dupont@trelaze.example.fr', displayName: 'Marie Dupont', territoryRole: 'referent' as const, territoryCode: '49353' };
export const CONTRIBUTOR = {
  email: 'camille.martin@trelaze.example.fr',
  displayName: 'Camille Martin',
  territoryRole: 'contributor' as const,
  territoryCode: '49353',
};
export const READER = { email: 'lea.bernard@trelaze.example.fr', displayName: 'Léa Bernard', territoryRole: 'reader' as const, territoryCode: '49353' };
export const LE_TRAIT_REFERENT = {
  email: 'paul.leroy@letrait.example.fr',
  displayName: 'Paul Leroy',
  territoryRole: 'referent' as const,
  territoryCode: '76709',
};
export const LE_TRAIT_AGENT = {
  email: 'agent@letrait.example.fr',
  displayName: 'Agent du Trait',
  territoryRole: 'contributor' as const,
  territoryCode: '76709',
};

export const MEMBERS = '/espace/49353/membres';

/**
 * A server for one `describe` with these people signed in (a browser each), and what the tests of
 * the members pages read: their roles, and everything those pages may write (compared before and
 * after a refused request). Call it inside the `describe`.
 */
export function membersFixture(driver: Driver) {
  const server = useTestServer(driver);
  const ids: Record<string, string> = {};
  const browsers: Record<'referent' | 'contributor' | 'reader' | 'leTraitReferent', TestBrowser> = {} as never;
  const db = () => server.database.db;

  before(async () => {
    for (const person of [REFERENT, CONTRIBUTOR, READER, LE_TRAIT_REFERENT, LE_TRAIT_AGENT]) {
      ids[person.email] = (await createActiveUser(db(), { ...person, role: 'member' })).id;
    }
    for (const [who, person] of [
      ['referent', REFERENT],
      ['contributor', CONTRIBUTOR],
      ['reader', READER],
      ['leTraitReferent', LE_TRAIT_REFERENT],
    ] as const) {
      browsers[who] = new TestBrowser(server.app);
      await logIn(browsers[who], person.email);
    }
  });

  const count = async (table: typeof users | typeof outbox) =>
    (
      await db()
        .select({ n: sql<number>`count(*)::int` })
        .from(table)
    )[0]?.n ?? 0;
  return {
    server,
    ids,
    browsers,
    db,
    browser: () => new TestBrowser(server.app),
    referent: () => browsers.referent,
    rolesOf: async (userId: string) => Object.fromEntries((await listUserMemberships(db(), userId)).map((ms) => [ms.territoryCode, ms.role])),
    state: async () => ({
      memberships: await db()
        .select({ u: memberships.userId, t: memberships.territoryCode, r: memberships.role })
        .from(memberships)
        .orderBy(memberships.userId, memberships.territoryCode),
      users: await count(users),
      emails: await count(outbox),
    }),
    /** A CSRF token from a page everyone signed in may open, to post straight to a route. */
    csrfOf: async (b: TestBrowser) => csrfTokenOf((await b.get('/compte')).body),
  };
}
