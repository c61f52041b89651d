import assert from 'node:assert/strict';
import { before, describe, test } from 'node:test';
import { createActiveUser, logIn } from '../../../test/support/accounts.ts';
import { TestBrowser } from '../../../test/support/http-client.ts';
import { drivers } from '../../../test/support/test-database.ts';
import { useTestServer } from '../../../test/support/test-server.ts';

// Issue 12, finding 23: tools on other sites may read the public API; never what a session or a token sees.
for (const driver of drivers) {
  describe(`CORS on the public API (${driver})`, () => {
    const server = useTestServer(driver);
    const EMAIL = 'cors@trelaze.example.fr';
    before(async () => {
      await createActiveUser(server.database.db, { email: EMAIL, role: 'member' });
    });

    test('an anonymous GET of the public API may be read from any site', async () => {
      for (const url of ['/api/v1/territories?q=trelaze', '/api/v1/initiatives', '/api/v1/editions']) {
        const res = await new TestBrowser(server.app).get(url, { origin: 'https://outil.example.org' });
        assert.equal(res.status, 200, url);
        assert.equal(res.headers['access-control-allow-origin'], '*', url);
      }
    });

    test('never a page, a non-public route, a write, nor an answer to a session', async () => {
      const anonymous = new TestBrowser(server.app);
      assert.equal((await anonymous.get('/territoires')).headers['access-control-allow-origin'], undefined, 'a page');
      assert.equal((await anonymous.get('/api/v1/me')).headers['access-control-allow-origin'], undefined, 'a non-public route');
      const write = await anonymous.post('/api/v1/initiatives', {}, { origin: 'https://outil.example.org' });
      assert.ok(write.status >= 400);
      assert.equal(write.headers['access-control-allow-origin'], undefined, 'a write');
      const member = new TestBrowser(server.app);
      await logIn(member, EMAIL);
      const signedIn = await member.get('/api/v1/territories?q=trelaze', { origin: 'https://outil.example.org' });
      assert.equal(signedIn.status, 200);
      assert.equal(signedIn.headers['access-control-allow-origin'], undefined, 'an answer to a session');
    });

    test('the search page announces its Atom feed, filters included, and its title names the filters', async () => {
      const page = await new TestBrowser(server.app).get('/initiatives?q=wifi&status=done');
      assert.match(page.body, /<link rel="alternate" type="application\/atom\+xml" href="\/feeds\/initiatives\.atom\?q=wifi&amp;status=done"/);
      assert.match(page.body, /<title>wifi, Réalisée · Initiatives des territoires · arobase<\/title>/);
      const plain = await new TestBrowser(server.app).get('/initiatives');
      assert.match(plain.body, /<link rel="alternate" type="application\/atom\+xml" href="\/feeds\/initiatives\.atom"/);
    });
  });
}
