import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { drivers } from '../../../test/support/test-database.ts';
import { useTestServer } from '../../../test/support/test-server.ts';

for (const driver of drivers) {
  describe(`territories API (${driver})`, () => {
    const server = useTestServer(driver);

    const get = async (url: string) => {
      const res = await server.app.inject({ method: 'GET', url });
      return { status: res.statusCode, body: res.json() };
    };

    test('"trelaze" finds Trélazé with its population', async () => {
      const { status, body } = await get('/api/v1/territories?q=trelaze');
      assert.equal(status, 200);
      assert.equal(body.items[0].code, '49353');
      assert.equal(body.items[0].name, 'Trélazé');
      assert.ok(body.items[0].population > 10_000);
    });

    test('"le trait" returns Le Trait first', async () => {
      const { body } = await get('/api/v1/territories?q=le%20trait');
      assert.equal(body.items[0].code, '76709');
    });

    test('counts every current commune and EPCI', async () => {
      assert.ok((await get('/api/v1/territories?kind=commune')).body.total >= 34_000);
      assert.ok((await get('/api/v1/territories?kind=epci')).body.total >= 1_200);
    });

    test('a malformed parameter is a 400 naming the field', async () => {
      const { status, body } = await get('/api/v1/territories?kind=ville');
      assert.equal(status, 400);
      assert.equal(body.field, 'kind');
    });

    test('quotes, backslashes and SQL wildcards in a query still answer', async () => {
      for (const q of ['l’isle', 'a\\b', '50%_', '"\'; drop table territories; --']) {
        const { status } = await get(`/api/v1/territories?q=${encodeURIComponent(q)}`);
        assert.equal(status, 200, q);
      }
      assert.ok((await get('/api/v1/territories?q=l%27isle')).body.total > 0, 'L’Isle-… communes are found');
    });

    test('an unknown territory is a 404 in JSON', async () => {
      const { status, body } = await get('/api/v1/territories/00000');
      assert.equal(status, 404);
      assert.equal(body.error, 'not_found');
    });
  });
}
