import assert from 'node:assert/strict';
import { before, describe, test } from 'node:test';
import { createActiveUser } from '../../../test/support/accounts.ts';
import { TestBrowser } from '../../../test/support/http-client.ts';
import { seedLabelHistory } from '../../../test/support/results-fixture.ts';
import { drivers } from '../../../test/support/test-database.ts';
import { useTestServer } from '../../../test/support/test-server.ts';
import { prepareEdition } from '../label/edition-settings.service.ts';
import { getEdition, listOfferedDistinctions } from '../label/editions.service.ts';
import { DEFAULT_QUESTIONNAIRES } from './default-questionnaires.data.ts';

const ISO = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/;

for (const driver of drivers) {
  describe(`the editions API (${driver})`, () => {
    const server = useTestServer(driver);
    let visitor: TestBrowser;

    before(async () => {
      await seedLabelHistory(server.db);
      const admin = await createActiveUser(server.db, { email: 'admin@label.example.fr', role: 'admin' });
      await prepareEdition(server.db, { id: admin.id, role: 'admin' }, 2025);
      visitor = new TestBrowser(server.app);
    });

    const api = async (url: string, status = 200) => {
      const res = await visitor.get(url);
      assert.equal(res.status, status, `${url}: ${res.body}`);
      assert.match(String(res.headers['content-type']), /application\/json/);
      return { json: res.json(), headers: res.headers };
    };

    test('GET /api/v1/editions: every edition, most recent first, state and calendar; laureates once published only', async () => {
      const { json, headers } = await api('/api/v1/editions');
      assert.equal(headers['cache-control'], 'public, max-age=300');
      assert.equal(json.total, json.items.length);
      assert.deepEqual(
        json.items.map((e: { year: number }) => e.year),
        [2025, 2024, 2023, 2022, 2021, 2020, 2019, 2018, 2017],
      );
      const [draft, underReview, published] = json.items;
      const stored = (await getEdition(server.db, 2025))!;
      assert.deepEqual(draft, {
        year: 2025,
        state: 'draft',
        opensAt: stored.opensAt?.toISOString() ?? null,
        closesAt: stored.closesAt?.toISOString() ?? null,
        juryAt: stored.juryAt?.toISOString() ?? null,
        ceremonyAt: stored.ceremonyAt?.toISOString() ?? null,
        referentialVersion: stored.referentialVersion,
        laureates: null,
        levels: null,
      });
      if (draft.opensAt) assert.match(draft.opensAt, ISO);
      // 2024 is under review: its one recorded result is under embargo.
      assert.equal(underReview.state, 'under_review');
      assert.equal(underReview.laureates, null);
      assert.equal(underReview.levels, null);
      assert.equal(published.state, 'published');
      assert.equal(published.laureates, 6);
      assert.deepEqual(published.levels, { '1': 0, '2': 0, '3': 1, '4': 2, '5': 3 });
    });

    test('GET /api/v1/editions/:year: the same fields, its distinctions and its questionnaire per category', async () => {
      const { json } = await api('/api/v1/editions/2025');
      assert.equal(json.year, 2025);
      assert.equal(json.state, 'draft');
      const offered = await listOfferedDistinctions(server.db, 2025);
      assert.deepEqual(
        json.distinctions,
        offered.map((d) => ({ code: d.code, name: d.name, kind: d.kind })),
      );
      assert.deepEqual(json.questionnaires, DEFAULT_QUESTIONNAIRES);
      // An imported edition has no stored questionnaire: the defaults, as documented.
      const old = (await api('/api/v1/editions/2023')).json;
      assert.equal(old.laureates, 6);
      assert.deepEqual(Object.keys(old.questionnaires), ['village', 'ville', 'territoire']);
    });

    test('an unknown year is a 404, a malformed one a 400, both with the API’s error body in French', async () => {
      const missing = (await api('/api/v1/editions/1999', 404)).json;
      assert.equal(missing.error, 'not_found');
      assert.match(missing.message, /L’édition 1999 n’existe pas/);
      const bad = (await api('/api/v1/editions/abc', 400)).json;
      assert.match(JSON.stringify(bad), /année sur quatre chiffres attendue/);
    });

    test('the OpenAPI document describes both routes and the 404', async () => {
      const doc = (await api('/api/openapi.json')).json;
      assert.ok(doc.paths['/api/v1/editions'].get);
      const one = doc.paths['/api/v1/editions/{year}'].get;
      assert.ok(one.responses['404']);
      assert.ok(one.responses['200']);
    });
  });
}
