import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { TestBrowser } from '../../../test/support/http-client.ts';
import { drivers } from '../../../test/support/test-database.ts';
import { useTestServer } from '../../../test/support/test-server.ts';
import { withoutEmptyParameters } from './canonical-query.ts';

// Issue 12, finding 21: search URLs carried every empty filter of the form.
describe('withoutEmptyParameters', () => {
  test('drops the empty fields a GET form sends, keeps the others in order', () => {
    assert.equal(withoutEmptyParameters('/initiatives?q=&axis=&region=52&theme=&page=2'), '/initiatives?region=52&page=2');
    assert.equal(withoutEmptyParameters('/initiatives?q=+&status='), '/initiatives');
    assert.equal(withoutEmptyParameters('/palmares/2026?region=52&region=53&departement='), '/palmares/2026?region=52&region=53');
  });
  test('leaves an address without empty parameters alone', () => {
    assert.equal(withoutEmptyParameters('/initiatives'), null);
    assert.equal(withoutEmptyParameters('/initiatives?q=wifi%20public'), null);
  });
  test('keeps what was typed, encoded', () => {
    assert.equal(withoutEmptyParameters('/initiatives?q=caf%C3%A9+num%C3%A9rique&axis='), '/initiatives?q=caf%C3%A9+num%C3%A9rique');
  });
});

for (const driver of drivers) {
  describe(`pages asked with empty parameters (${driver})`, () => {
    const server = useTestServer(driver);
    test('a search form sent with empty filters lands on the short address, the API is left alone', async () => {
      const visitor = new TestBrowser(server.app);
      const page = await visitor.get('/initiatives?q=&axis=&region=&page=');
      assert.equal(page.status, 302);
      assert.equal(page.location, '/initiatives');
      const filtered = await visitor.get('/territoires?q=trelaze&kind=&region=');
      assert.equal(filtered.location, '/territoires?q=trelaze');
      assert.equal((await visitor.get('/territoires?q=trelaze')).status, 200);
      const api = await visitor.get('/api/v1/initiatives?q=&status=');
      assert.notEqual(api.status, 302, 'the API answers what it was asked');
      assert.equal(api.location, undefined);
    });
  });
}
