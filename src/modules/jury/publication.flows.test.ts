import assert from 'node:assert/strict';
import { setTimeout as sleep } from 'node:timers/promises';
import { before, describe, test } from 'node:test';
import { sql } from 'drizzle-orm';
import { emailsTo, textOf, type TestBrowser } from '../../../test/support/http-client.ts';
import { initiativesFixture, LE_TRAIT, LEAVE_REQUESTS, PEOPLE, TRELAZE } from '../../../test/support/initiatives-fixture.ts';
import { editionUnderReview, submittedDossiers, type FixtureDossier } from '../../../test/support/jury-fixture.ts';
import { seedLabelHistory } from '../../../test/support/results-fixture.ts';
import { drivers } from '../../../test/support/test-database.ts';
import { queryRows, type Db } from '../../platform/db/database.ts';
import { publishDueEditions } from '../label/publish-results.service.ts';
import { getCurrentReferentialVersion } from '../referential/referential.service.ts';
import { publicationMessages } from './publication.messages.ts';

const YEAR = 2027;
const PARIS = '75056';
const BASE_URL = 'http://localhost';

const count = async (db: Db, query: ReturnType<typeof sql>) => (await queryRows<{ n: number }>(db, query))[0]!.n;

/**
 * Every public surface the issue lists, as an anonymous visitor reads it: pages, API answers,
 * exports, the badge, the feed, statistics, the search's facets, the home page's counts, the
 * territories' timelines, the certificates.
 */
const surfaces = (certificateCode: string) => [
  '/',
  '/palmares',
  `/palmares/${YEAR}`,
  `/palmares/${YEAR}/carte`,
  '/statistiques',
  `/territoires/${TRELAZE}`,
  `/territoires/${PARIS}`,
  `/api/v1/territories/${TRELAZE}`,
  `/api/v1/editions/${YEAR}/results`,
  `/badges/${TRELAZE}.svg`,
  '/open-data',
  '/open-data/palmares.csv',
  '/open-data/palmares.json',
  '/open-data/territoires-labellises.csv',
  '/initiatives',
  '/api/v1/initiatives',
  '/feeds/initiatives.atom',
  `/territoires/${TRELAZE}/attestations/${YEAR}.pdf`,
  `/territoires/${TRELAZE}/panneau/${YEAR}.pdf`,
  `/verifier/${certificateCode}`,
];

/** What may differ between two reads of the same answer: the form token, the CSP nonce, the open data's « à jour au » clock. */
const normalised = (body: string) =>
  body
    .replace(/nonce="[^"]*"/g, 'nonce=""')
    .replace(/name="_csrf" value="[^"]*"/g, 'name="_csrf" value=""')
    .replace(/Données à jour au [^<.]*/g, 'Données à jour au …')
    // The open data page says it in a list too (a minute passing between two reads changes it).
    .replace(/Données à jour au<\/dt><dd>[^<]*/g, 'Données à jour au</dt><dd>…')
    .replace(/"generatedAt":"[^"]*"/g, '"generatedAt":""');

/** Where two answers first differ, shortly (a page is too long for assert's diff). */
function firstDifference(a: string, b: string): string {
  let i = 0;
  while (i < a.length && a[i] === b[i]) i += 1;
  return `at ${i}: « ${a.slice(Math.max(0, i - 80), i + 120)} » / « ${b.slice(Math.max(0, i - 80), i + 120)} »`;
}

async function readAll(browser: TestBrowser, urls: readonly string[]): Promise<Map<string, { status: number; body: string }>> {
  const answers = new Map<string, { status: number; body: string }>();
  for (const url of urls) {
    const page = await browser.get(url);
    answers.set(url, { status: page.status, body: normalised(page.body) });
  }
  return answers;
}

for (const driver of drivers) {
  describe(`the publication under embargo (${driver})`, () => {
    const f = initiativesFixture(driver);
    let dossiers: FixtureDossier[];
    const idOf = (code: string) => dossiers.find((d) => d.territoryCode === code)!.applicationId;
    const publicationUrl = `/api/v1/editions/${YEAR}/publication`;
    const resultsOfYear = () => count(f.db(), sql`select count(*)::int as n from results where year = ${YEAR}`);
    const certificatesOfYear = () => count(f.db(), sql`select count(*)::int as n from certificates where year = ${YEAR}`);
    const decide = (code: string, level: number, distinctions: string[] = [], version?: number) =>
      f.api('admin', 'PUT', `/api/v1/applications/${idOf(code)}/deliberation`, {
        level,
        distinctions,
        rationale: `Décision motivée pour ${code}.`,
        publicComment: code === TRELAZE ? 'Une politique numérique exemplaire, suivie depuis vingt ans.' : '',
        ...(version === undefined ? {} : { version }),
      });

    before(async () => {
      const db = f.db();
      await seedLabelHistory(db);
      // A public sheet of Trélazé: the search's « niveau au label » facet reads its territory's level.
      const sheet = await f.api('referent', 'POST', '/api/v1/initiatives', { ...LEAVE_REQUESTS, visibility: 'public' });
      assert.equal(sheet.status, 201, sheet.body);
      const version = await getCurrentReferentialVersion(db);
      await editionUnderReview(db, YEAR, version);
      await db.execute(
        sql`insert into edition_distinctions (year, distinction_code) values (${YEAR}, 'verte'), (${YEAR}, 'excellence') on conflict do nothing`,
      );
      dossiers = await submittedDossiers(db, YEAR, version, [TRELAZE, LE_TRAIT, PARIS]);
    });

    test('refused while a dossier has no decision, for a wrong or past instant, and for anyone but the staff; nothing is written', async () => {
      assert.equal((await decide(TRELAZE, 4, ['verte'])).status, 200);
      assert.equal((await decide(LE_TRAIT, 3)).status, 200);
      const soon = new Date(Date.now() + 3_600_000).toISOString();
      const missing = await f.api('admin', 'POST', publicationUrl, { at: soon });
      assert.equal(missing.status, 409, missing.body);
      assert.match(missing.json().message, /1 dossier n’a pas encore de décision/);
      assert.equal(missing.json().field, 'at');
      const waiting = await f.browsers.admin.get(`/admin/editions/${YEAR}/publication`);
      assert.match(textOf(waiting.body), /1 dossier n’a pas encore de décision/);
      assert.doesNotMatch(waiting.body, /name="at"/, 'no scheduling form while a decision is missing');
      assert.equal((await decide(PARIS, 1)).status, 200);
      const wrong = await f.api('admin', 'POST', publicationUrl, { at: 'demain soir' });
      assert.equal(wrong.status, 400, wrong.body);
      assert.ok(wrong.json().fields.at, 'the field is named');
      const past = await f.api('admin', 'POST', publicationUrl, { at: new Date(Date.now() - 60_000).toISOString() });
      assert.equal(past.status, 409, past.body);
      assert.equal(past.json().message, publicationMessages.errors.atInThePast);
      for (const who of ['referent', 'juror'] as const) assert.equal((await f.api(who, 'POST', publicationUrl, { at: soon })).status, 403, who);
      assert.equal((await f.api('anonymous', 'POST', publicationUrl, { at: soon })).status, 401);
      assert.equal((await f.api('admin', 'POST', '/api/v1/editions/2031/publication', { at: soon })).status, 404);
      assert.equal(await resultsOfYear(), 0, 'no result written by a refusal');
      assert.equal(await certificatesOfYear(), 0);
      const state = await queryRows<{ state: string; published_at: Date | null }>(f.db(), sql`select state, published_at from editions where year = ${YEAR}`);
      assert.deepEqual(state, [{ state: 'under_review', published_at: null }]);
    });

    test('scheduled from the page, the decisions are frozen; cancelled, the results and certificates go and decisions change again', async () => {
      const page = await f.browsers.admin.get(`/admin/editions/${YEAR}/publication`);
      assert.equal(page.status, 200, page.body);
      assert.match(textOf(page.body), /3 décisions sont prêtes à publier/);
      const sent = await f.browsers.admin.submit(`/admin/editions/${YEAR}/publication`, { at: '2099-03-10T18:30' });
      assert.equal(sent.status, 303, sent.body);
      const after = await f.browsers.admin.get(sent.location!);
      assert.match(textOf(after.body), /Publication programmée le 10 mars 2099 à 18:30/);
      assert.equal(await resultsOfYear(), 3);
      assert.equal(await certificatesOfYear(), 3);
      const frozen = await decide(TRELAZE, 5, [], 1);
      assert.equal(frozen.status, 409, 'a decision is frozen while the publication is scheduled');
      const revise = await f.api('admin', 'PATCH', `/api/v1/editions/${YEAR}`, { state: { event: 'reviseDeliberation', reason: 'Revoir un dossier' } });
      assert.equal(revise.status, 409, revise.body);
      assert.equal(revise.json().field, 'state.event');

      const cancel = await f.browsers.admin.submit(`/admin/editions/${YEAR}/publication`, {}, { action: `/admin/editions/${YEAR}/publication/annuler` });
      assert.equal(cancel.status, 303, cancel.body);
      assert.equal(await resultsOfYear(), 0);
      assert.equal(await certificatesOfYear(), 0);
      assert.equal((await f.api('admin', 'DELETE', publicationUrl)).status, 409, 'nothing left to cancel');
      // Trélazé's decision changes again (4 @ and « @ verte », after 5 @ in its history).
      assert.equal((await decide(TRELAZE, 4, ['verte'], 1)).status, 200);
      const actions = await queryRows<{ action: string }>(
        f.db(),
        sql`select action from audit_entries where action like 'publication.%' and subject_id = ${String(YEAR)} order by at`,
      );
      assert.deepEqual(
        actions.map((a) => a.action),
        ['publication.scheduled', 'publication.cancelled'],
      );
    });

    test('the search’s level facet reads Trélazé at 5 @ before (its 2023 result)', async () => {
      const facet = (await f.api('anonymous', 'GET', '/api/v1/initiatives?labelLevel=5')).json<{ total: number }>();
      assert.equal(facet.total, 1);
    });

    test('under embargo every public surface answers as before; one second after the instant all of it is there, then the job e-mails the referents once', async () => {
      const visitor = f.browsers.anonymous;
      const urls = surfaces('2027-AAAAA-BBBBB');
      const beforeScheduling = await readAll(visitor, urls);
      const at = new Date(Date.now() + 10_000);
      const scheduled = await f.api('admin', 'POST', publicationUrl, { at: at.toISOString() });
      assert.equal(scheduled.status, 200, scheduled.body);
      assert.equal(scheduled.json().laureates, 3);
      const [certificate] = await queryRows<{ code: string }>(f.db(), sql`select code from certificates where year = ${YEAR} and territory_code = ${TRELAZE}`);
      const code = certificate!.code;
      assert.match(code, /^2027-[0-9A-Z]{5}-[0-9A-Z]{5}$/);
      const urlsWithCode = surfaces(code);
      await sleep(1_100); // the cache hook's reading of the next clock change is at most a second old
      const underEmbargo = await readAll(visitor, urls);
      const palmares = await visitor.get('/palmares');
      const maxAge = Number(/max-age=(\d+)/.exec(String(palmares.headers['cache-control']))?.[1]);
      assert.ok(
        maxAge <= Math.ceil((at.getTime() - Date.now()) / 1000),
        `shared caches keep /palmares until the instant at most (${palmares.headers['cache-control']})`,
      );
      const verifyEarly = await visitor.get(`/verifier/${code}`);
      assert.ok(Date.now() < at.getTime(), 'the embargo was read before its instant (a slow machine makes this test inconclusive)');
      for (const url of urls) {
        const [now, then] = [underEmbargo.get(url)!, beforeScheduling.get(url)!];
        assert.equal(now.status, then.status, `${url}: same status under embargo`);
        assert.ok(now.body === then.body, `${url} shows nothing of the edition under embargo, ${firstDifference(now.body, then.body)}`);
      }
      assert.equal(verifyEarly.status, 404, 'the certificate is not verifiable before the ceremony');
      const admin = await f.browsers.admin.get(`/admin/editions/${YEAR}/deliberation`);
      assert.equal(admin.status, 200, 'the staff still read their deliberation');

      await sleep(Math.max(0, at.getTime() + 1_000 - Date.now()));
      const afterInstant = await readAll(visitor, urlsWithCode);
      const get = (url: string) => afterInstant.get(url)!;
      // The search's pages follow with the job below (its facet); the rest at once.
      const unchanged = ['/initiatives', '/api/v1/initiatives', '/feeds/initiatives.atom'];
      urlsWithCode.forEach((url, i) => {
        if (unchanged.includes(url)) return;
        assert.equal(get(url).status, 200, `${url} answers once public`);
        assert.notEqual(get(url).body, beforeScheduling.get(urls[i]!)!.body, `${url} shows the edition one second after the instant`);
      });
      assert.match(textOf(get(`/palmares/${YEAR}`).body), /Trélazé/);
      assert.match(textOf(get(`/palmares/${YEAR}`).body), /Paris/);
      const api = JSON.parse(get(`/api/v1/editions/${YEAR}/results`).body) as { items: { code: string; level: number }[] };
      assert.deepEqual(
        new Map(api.items.map((r) => [r.code, r.level])),
        new Map([
          [LE_TRAIT, 3],
          [PARIS, 1],
          [TRELAZE, 4],
        ]),
      );
      assert.match(get('/open-data/palmares.csv').body, new RegExp(`${YEAR}`));
      assert.match(textOf(get(`/territoires/${TRELAZE}`).body), new RegExp(`${YEAR}`));
      assert.match(textOf(get(`/verifier/${code}`).body), /Trélazé/);
      assert.equal(get('/statistiques').status, 200);

      // The job, as each process runs it every second: the edition is marked published once, the referents are told once.
      assert.deepEqual(await publishDueEditions(f.db(), { baseUrl: BASE_URL }), [YEAR]);
      assert.deepEqual(await publishDueEditions(f.db(), { baseUrl: BASE_URL }), [], 'a second run (another process) does nothing');
      const [edition] = await queryRows<{ state: string }>(f.db(), sql`select state from editions where year = ${YEAR}`);
      assert.equal(edition!.state, 'published');
      const mails = (await emailsTo(f.db(), PEOPLE.referent.email)).filter((mail) => mail.subject.includes(String(YEAR)));
      assert.equal(mails.length, 1, 'one e-mail to Trélazé’s referent');
      assert.match(mails[0]!.body, /Trélazé obtient 4 @, avec « @ verte »/);
      assert.match(mails[0]!.body, new RegExp(`${BASE_URL}/territoires/${TRELAZE}/attestations/${YEAR}\\.pdf`));
      assert.equal(
        (await emailsTo(f.db(), PEOPLE.leTrait.email)).filter((mail) => mail.subject.includes(String(YEAR))).length,
        0,
        'a contributor is not a referent',
      );
      const facet = async (level: number) => (await f.api('anonymous', 'GET', `/api/v1/initiatives?labelLevel=${level}`)).json<{ total: number }>().total;
      assert.deepEqual([await facet(5), await facet(4)], [0, 1], 'the search’s level facet follows the publication: Trélazé’s sheet at 4 @');
      assert.equal((await f.api('admin', 'DELETE', publicationUrl)).status, 409, 'a publication done is not taken back');
    });
  });
}
