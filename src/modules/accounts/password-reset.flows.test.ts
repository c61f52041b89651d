import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { accountsFixture } from '../../../test/support/accounts-fixture.ts';
import { createActiveUser } from '../../../test/support/accounts.ts';
import { csrfTokenOf, emailsTo, type TestBrowser } from '../../../test/support/http-client.ts';
import { countStatements } from '../../../test/support/query-counter.ts';
import { drivers } from '../../../test/support/test-database.ts';

// Issue 11, finding 8: the reset form answered faster for an unknown address (it did nothing), so
// its timing told who has an account. Not a timed test: it checks that the very same statements run
// for a known and an unknown address, and that the two answers are the same bytes.

for (const driver of drivers) {
  describe(`accounts: a password reset request tells nothing about the address (${driver})`, () => {
    const f = accountsFixture(driver);

    /** Posts the reset form for an address, counting the statements the request sends to the database. */
    async function requestReset(browser: TestBrowser, email: string) {
      const _csrf = csrfTokenOf((await browser.get('/mot-de-passe-oublie')).body);
      return countStatements(f.db(), () => browser.post('/mot-de-passe-oublie', { _csrf, email }));
    }

    test('a known and an unknown address run the same statements and get byte-identical answers', async () => {
      const known = 'connue@trelaze.example.fr';
      await createActiveUser(f.db(), { email: known, role: 'member', territoryCode: '49353' });
      const unknown = 'inconnue@trelaze.example.fr';
      // Each from a browser of its own, as an attacker would not use the same one twice in a row.
      const forKnown = await requestReset(f.browser(), known);
      const forUnknown = await requestReset(f.browser(), unknown);

      assert.equal(forKnown.result.status, 200);
      assert.equal(forUnknown.result.status, 200);
      assert.equal(forKnown.result.body, forUnknown.result.body, 'the same bytes');
      assert.equal(forKnown.result.headers['content-type'], forUnknown.result.headers['content-type']);
      assert.deepEqual(forKnown.result.setCookies, forUnknown.result.setCookies);
      assert.ok(forKnown.count >= 3, `the request does the work of a reset: ${forKnown.statements.join('\n')}`);
      assert.deepEqual(forUnknown.statements, forKnown.statements, 'the same statements, in the same order');

      // The outcomes still differ where only the address’s owner sees them.
      assert.equal((await emailsTo(f.db(), known)).length, 1, 'the owner gets a link');
      assert.equal((await emailsTo(f.db(), unknown)).length, 0, 'nobody is emailed for an unknown address');
    });

    test('a disabled account is answered like an unknown address', async () => {
      const email = 'desactive@trelaze.example.fr';
      const user = await createActiveUser(f.db(), { email, role: 'member', territoryCode: '49353' });
      const { users } = await import('./schema.ts');
      const { eq, sql } = await import('drizzle-orm');
      await f
        .db()
        .update(users)
        .set({ disabledAt: sql`now()` })
        .where(eq(users.id, user.id));
      const forDisabled = await requestReset(f.browser(), email);
      const forUnknown = await requestReset(f.browser(), 'personne@trelaze.example.fr');
      assert.equal(forDisabled.result.body, forUnknown.result.body);
      assert.deepEqual(forDisabled.statements, forUnknown.statements);
      assert.equal((await emailsTo(f.db(), email)).length, 0);
    });
  });
}
