import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { PassThrough } from 'node:stream';
import { before, describe, test } from 'node:test';
import { sql } from 'drizzle-orm';
import { createActiveUser, logIn, PASSWORD } from '../../test/support/accounts.ts';
import { csrfTokenOf, TestBrowser } from '../../test/support/http-client.ts';
import { LEAVE_REQUESTS, TRELAZE } from '../../test/support/initiatives-fixture.ts';
import { drivers } from '../../test/support/test-database.ts';
import { useTestServer } from '../../test/support/test-server.ts';
import { createApiToken } from '../modules/accounts/api-tokens.service.ts';
import { getCurrentReferential } from '../modules/referential/referential.service.ts';

/**
 * The server’s log holds no personal data and no secret. A trigger makes the database refuse every
 * new sheet, so that a save fails in the database with the sheet’s contact (a name, an e-mail) among
 * the query’s parameters; the log of that failure, through the API (a token) and through the form
 * (a session cookie, a CSRF token), and of a one-time link opened, is read back.
 */

const CONTRIBUTOR = 'contributrice.secrete@trelaze.example.fr';
const CONTACT = { contactName: 'Jeanne Dupont-Secrète', contactEmail: 'jeanne.secrete@trelaze.example.fr' };
const RESET_TOKEN = 'Zq7hX2pLwR9sT4vB8nM1kJ6cF3dG5aY0uE_iO-tQwZs';
const FAILURE = 'nouvelles fiches refusées par le test';

for (const driver of drivers) {
  describe(`the error log holds no personal data nor secret (${driver})`, () => {
    const log = new PassThrough();
    let written = '';
    log.on('data', (chunk: Buffer) => (written += chunk.toString('utf8')));
    const server = useTestServer(driver, { env: { LOG_LEVEL: 'debug' }, logStream: log });
    let apiToken: string;
    const browser = () => new TestBrowser(server.app, { remoteAddress: '192.0.2.77' });
    let signedIn: TestBrowser;

    before(async () => {
      const db = server.db;
      await getCurrentReferential(db);
      const contributor = await createActiveUser(db, { email: CONTRIBUTOR, role: 'member', territoryCode: TRELAZE, territoryRole: 'contributor' });
      apiToken = (await createApiToken(db, contributor.id, 'tests')).token;
      signedIn = browser();
      await logIn(signedIn, CONTRIBUTOR);
      await db.execute(sql.raw(`create function refuse_new_sheets() returns trigger language plpgsql as $$ begin raise exception '${FAILURE}'; end $$`));
      await db.execute(sql.raw('create trigger refuse_new_sheets before insert on initiatives for each row execute function refuse_new_sheets()'));
    });

    test('a save that fails in the database is logged with its SQL state and SQL, without its parameters, cookies or tokens', async () => {
      written = '';
      const viaApi = await browser().request('POST', '/api/v1/initiatives', JSON.stringify({ ...LEAVE_REQUESTS, ...CONTACT }), {
        'content-type': 'application/json',
        authorization: `Bearer ${apiToken}`,
      });
      assert.equal(viaApi.status, 500, viaApi.body);

      const form = await signedIn.get(`/espace/${TRELAZE}/initiatives/nouvelle`);
      const csrf = csrfTokenOf(form.body);
      const viaForm = await signedIn.post(`/espace/${TRELAZE}/initiatives`, {
        _csrf: csrf,
        title: LEAVE_REQUESTS.title,
        status: 'done',
        serviceIds: LEAVE_REQUESTS.serviceIds,
        ...CONTACT,
      });
      assert.equal(viaForm.status, 500, viaForm.body.slice(0, 300));

      const session = [...signedIn.cookies.values()].map((c) => c.value);
      const secrets = {
        'contact name': CONTACT.contactName,
        'contact e-mail': CONTACT.contactEmail,
        'the contributor’s e-mail': CONTRIBUTOR,
        'the API token': apiToken,
        'the API token’s hash': createHash('sha256').update(apiToken).digest('hex'),
        'the CSRF token': csrf,
        'the password': PASSWORD,
        'the client address': '192.0.2.77',
        ...Object.fromEntries(session.map((value, i) => [`cookie ${i}`, decodeURIComponent(value)])),
      };
      const found = Object.entries(secrets).filter(([, secret]) => written.includes(secret));
      assert.deepEqual(
        found.map(([what]) => what),
        [],
      );

      const failures = written
        .split('\n')
        .filter(Boolean)
        .map((line) => JSON.parse(line) as { msg?: string; err?: { message?: string; cause?: { code?: string; message?: string } } })
        .filter((line) => line.msg === 'request failed');
      assert.equal(failures.length, 2);
      for (const failure of failures) {
        // What a developer needs: the SQL state and the database’s message, and the SQL.
        assert.equal(failure.err?.cause?.code, 'P0001');
        assert.match(failure.err?.cause?.message ?? '', new RegExp(FAILURE));
        assert.match(failure.err?.message ?? '', /^Failed query: insert into "initiatives"/);
      }
    });

    test('a one-time link opened is logged without its token nor its query string', async () => {
      written = '';
      await browser().get(`/mot-de-passe/${RESET_TOKEN}?email=${encodeURIComponent(CONTACT.contactEmail)}`);
      assert.match(written, /mot-de-passe/, 'the request is logged (LOG_LEVEL=debug)');
      assert.ok(!written.includes(RESET_TOKEN), 'the token is in the log');
      assert.ok(!written.includes(CONTACT.contactEmail.split('@')[0] ?? ''), 'the query string is in the log');
    });
  });
}
