import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { LEAVE_REQUESTS, initiativesFixture } from '../../test/support/initiatives-fixture.ts';
import { drivers } from '../../test/support/test-database.ts';
import { ssoIdentities } from '../modules/sso/schema.ts';

// The data a person downloads holds what every module keeps about them, not only the accounts':
// each module declares its part in its manifest (`personalData`).
for (const driver of drivers) {
  describe(`a person’s data download gathers every module’s part (${driver})`, () => {
    const f = initiativesFixture(driver);

    test('the sheets they changed and their links to an identity provider are in it', async () => {
      const created = await f.api('contributor', 'POST', '/api/v1/initiatives', LEAVE_REQUESTS);
      assert.equal(created.status, 201, created.body);
      await f.db().insert(ssoIdentities).values({
        issuer: 'https://auth.agentconnect.gouv.fr',
        subject: 'agent-42',
        userId: f.ids.contributor,
        email: 'contributrice@trelaze.example.fr',
        siret: '21490353500016',
      });

      const res = await f.browsers.contributor.get('/compte/donnees');
      assert.equal(res.status, 200);
      const data = res.json();
      assert.deepEqual(
        data.initiativeRevisions.map((r: { initiativeId: string; event: string }) => [r.initiativeId, r.event]),
        [[created.json().id, 'created']],
      );
      assert.deepEqual(
        data.ssoIdentities.map((i: { subject: string; siret: string }) => [i.subject, i.siret]),
        [['agent-42', '21490353500016']],
      );
      // Someone else’s download holds none of it.
      const other = (await f.browsers.referent.get('/compte/donnees')).json();
      assert.deepEqual([other.initiativeRevisions, other.ssoIdentities], [[], []]);
    });
  });
}
