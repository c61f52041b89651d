import assert from 'node:assert/strict';
import { after, before } from 'node:test';
import { and, eq, sql } from 'drizzle-orm';
import { auditEntries } from '../../src/modules/audit/schema.ts';
import type { AuditAction } from '../../src/modules/audit/audit.rules.ts';
import { outbox } from '../../src/modules/notifications/schema.ts';
import { users } from '../../src/modules/accounts/schema.ts';
import { createActiveUser, logIn } from './accounts.ts';
import { latestLinkTo, TestBrowser, textOf } from './http-client.ts';
import type { Driver } from './test-database.ts';
import { startTestServer, type TestServer } from './test-server.ts';

export const ADMIN = 'admin@label.example.fr';
export const JUROR = 'jure@label.example.fr';
export const MEMBER = 'agent@mairie-angers.example.fr';

/**
 * One server per test file with an administrator, a juror and a member of Angers already logged in,
 * each in their own cookie jar, and the queries the account tests share.
 */
export function accountsFixture(driver: Driver) {
  const f = {
    server: undefined as unknown as TestServer,
    admin: undefined as unknown as TestBrowser,
    juror: undefined as unknown as TestBrowser,
    member: undefined as unknown as TestBrowser,
    db: () => f.server.database.db,
    browser: () => new TestBrowser(f.server.app),
    userCount: async () =>
      (
        await f
          .db()
          .select({ n: sql<number>`count(*)::int` })
          .from(users)
      )[0]!.n,
    outboxCount: async () =>
      (
        await f
          .db()
          .select({ n: sql<number>`count(*)::int` })
          .from(outbox)
      )[0]!.n,
    /** How many audit entries record this action on this subject. */
    auditCount: async (action: AuditAction, subjectId: string) =>
      (
        await f
          .db()
          .select({ n: sql<number>`count(*)::int` })
          .from(auditEntries)
          .where(and(eq(auditEntries.action, action), eq(auditEntries.subjectId, subjectId)))
      )[0]!.n,
    userByEmail: async (email: string) => (await f.db().select().from(users).where(eq(users.email, email)))[0],
    /** The admin invites someone through the form of /admin/utilisateurs; answers the invitation link. */
    async invite(email: string, fields: Record<string, string> = { role: 'member', territoryCode: '49353', territoryRole: 'referent' }) {
      const res = await f.admin.submit('/admin/utilisateurs', { email, displayName: '', ...fields });
      assert.equal(res.status, 303, textOf(res.body));
      return latestLinkTo(f.db(), email, '/mot-de-passe/');
    },
  };
  before(async () => {
    f.server = await startTestServer(driver);
    const db = f.server.database.db;
    await createActiveUser(db, { email: ADMIN, role: 'admin' });
    await createActiveUser(db, { email: JUROR, role: 'juror' });
    await createActiveUser(db, { email: MEMBER, role: 'member', territoryCode: '49007', territoryRole: 'contributor' });
    f.admin = new TestBrowser(f.server.app);
    f.juror = new TestBrowser(f.server.app);
    f.member = new TestBrowser(f.server.app);
    await logIn(f.admin, ADMIN);
    await logIn(f.juror, JUROR);
    await logIn(f.member, MEMBER);
  });
  after(() => f.server.close());
  return f;
}
