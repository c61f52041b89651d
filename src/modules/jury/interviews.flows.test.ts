// The laureates' interviews, public at the ceremony: an edition whose two dossiers are decided, one
// territory agreeing to publish its interview and one not, its publication scheduled a few seconds
// ahead. Before the instant nothing of the interviews answers (the page, the photo, the territory
// page's section); one second after it, the consenting one does, with the jury's public comment and
// never the confidential rationale. Then, in Chromium, zero axe violations and the page walked
// with the keyboard, JavaScript off.
import assert from 'node:assert/strict';
import { before, describe, test } from 'node:test';
import { sql } from 'drizzle-orm';
import sharp from 'sharp';
import { expectNoAxeViolations, expectPageStructure, skipWithoutBrowser, tabTo, useBrowser } from '../../../test/support/browser.ts';
import { textOf } from '../../../test/support/http-client.ts';
import { initiativesFixture, LE_TRAIT, TRELAZE } from '../../../test/support/initiatives-fixture.ts';
import { addJuror, assignDirectly, editionUnderReview, submittedDossiers, type FixtureDossier } from '../../../test/support/jury-fixture.ts';
import { useTestServer } from '../../../test/support/test-server.ts';
import { drivers } from '../../../test/support/test-database.ts';
import type { Db } from '../../platform/db/database.ts';
import { createActiveUser } from '../../../test/support/accounts.ts';
import type { Person } from '../accounts/permissions.rules.ts';
import { getCurrentReferentialVersion } from '../referential/referential.service.ts';
import { recordDeliberation } from './deliberation.service.ts';
import { interviewsMessages } from './interviews.messages.ts';
import { publicInterviews } from './interviews.service.ts';
import { schedulePublication } from './publication.service.ts';

const YEAR = 2027;
const PAGE = `/palmares/${YEAR}/entretiens`;
const photoPath = (code: string) => `${PAGE}/${code}/photo`;

const TRELAZE_ANSWERS = {
  'action-phare': 'La médiathèque prête des ordinateurs reconditionnés aux familles.\n\nLes conseillers numériques les accompagnent.',
  // Left empty: the question is not shown.
  'premier-souvenir': '   ',
  'prochains-projets': 'Un portail citoyen pour toutes les démarches.',
};
const LE_TRAIT_ANSWERS = {
  'action-phare': 'Réponse de Le Trait qui ne doit jamais paraître.',
  'premier-souvenir': 'Un souvenir de Le Trait gardé pour le jury.',
  'prochains-projets': 'Des projets de Le Trait.',
};
const PUBLIC_COMMENT = 'Une ville qui met le numérique au service de ses familles.';
const RATIONALE = 'Motivation confidentielle du jury, jamais publiée.';
const ALT = 'Le maire devant la médiathèque';

/** A small JPEG, as the campaign freezes one. */
const jpeg = () =>
  sharp({ create: { width: 64, height: 48, channels: 3, background: '#2a7f62' } })
    .jpeg()
    .toBuffer();

/**
 * The edition: Trélazé's and Le Trait's dossiers submitted, their snapshots holding the interview
 * (Trélazé agreeing, Le Trait not) and a frozen photo each, both decided with a public comment.
 * Returns the dossiers and the admin who decided.
 */
async function deliberatedEdition(db: Db, admin: Person, photo: Buffer): Promise<FixtureDossier[]> {
  const version = await getCurrentReferentialVersion(db);
  await editionUnderReview(db, YEAR, version);
  const dossiers = await submittedDossiers(db, YEAR, version, [TRELAZE, LE_TRAIT]);
  const juror = await addJuror(db, YEAR, 'jure-entretiens@jury.example');
  for (const [dossier, answers, consent] of [
    [dossiers[0]!, TRELAZE_ANSWERS, true],
    [dossiers[1]!, LE_TRAIT_ANSWERS, false],
  ] as const) {
    await assignDirectly(db, YEAR, dossier.applicationId, juror.jurorId);
    await db.execute(sql`update application_snapshots
      set content = jsonb_set(content, '{interview}', ${JSON.stringify({ answers, consent, photo: { alt: ALT, width: 64, height: 48 } })}::jsonb)
      where application_id = ${dossier.applicationId}`);
    await db.execute(sql`insert into application_snapshot_photos (snapshot_id, alt, content_type, width, height, data)
      select id, ${ALT}, 'image/jpeg', 64, 48, ${photo} from application_snapshots where application_id = ${dossier.applicationId}`);
  }
  await recordDeliberation(db, admin, dossiers[0]!.applicationId, { level: 4, rationale: RATIONALE, publicComment: PUBLIC_COMMENT });
  await recordDeliberation(db, admin, dossiers[1]!.applicationId, {
    level: 2,
    rationale: 'Une autre motivation confidentielle.',
    publicComment: 'Un commentaire public sur Le Trait.',
  });
  return dossiers;
}

/** Waits until the instant has passed by `margin` milliseconds. */
async function waitUntil(at: Date, margin: number) {
  const wait = at.getTime() + margin - Date.now();
  if (wait > 0) await new Promise((resolve) => setTimeout(resolve, wait));
}

for (const driver of drivers) {
  describe(`the laureates' interviews, public at the ceremony (${driver})`, () => {
    const f = initiativesFixture(driver);
    let photo: Buffer;
    let at: Date;

    async function getBytes(url: string) {
      const res = await f.server.app.inject({ method: 'GET', url });
      return { status: res.statusCode, type: String(res.headers['content-type']), cache: String(res.headers['cache-control']), bytes: res.rawPayload };
    }
    const territoryPage = async (code: string) => {
      const page = await f.browsers.anonymous.get(`/territoires/${code}`);
      assert.equal(page.status, 200, page.body);
      return page.body;
    };

    before(async () => {
      photo = await jpeg();
      await deliberatedEdition(f.db(), { id: f.ids.admin, role: 'admin' }, photo);
    });

    test('under review: no page, no photo, no section on the territory page', async () => {
      const page = await f.browsers.anonymous.get(PAGE);
      assert.equal(page.status, 404);
      assert.ok(textOf(page.body).includes(textOf(interviewsMessages.errors.notFound(String(YEAR)))), page.body);
      assert.equal((await getBytes(photoPath(TRELAZE))).status, 404);
      assert.doesNotMatch(await territoryPage(TRELAZE), /titre-entretien/);
    });

    test('scheduled: still nothing before the instant, for anyone, the staff included', async () => {
      at = new Date(Date.now() + 4_000);
      const scheduled = await schedulePublication(f.db(), { id: f.ids.admin, role: 'admin' }, YEAR, { at: at.toISOString() });
      assert.equal(scheduled.laureates, 2);
      for (const who of ['anonymous', 'admin', 'referent'] as const) {
        const page = await f.browsers[who].get(PAGE);
        assert.equal(page.status, 404, who);
        assert.doesNotMatch(page.body, /médiathèque|familles/, who);
      }
      const image = await getBytes(photoPath(TRELAZE));
      assert.equal(image.status, 404);
      assert.equal(image.cache, 'private, no-store', 'a 404 is never kept by a cache: the photo appears at the instant');
      const body = await territoryPage(TRELAZE);
      assert.doesNotMatch(body, /titre-entretien/);
      assert.doesNotMatch(body, /ordinateurs reconditionnés/);
      assert.deepEqual(await publicInterviews(f.db(), { territoryCode: TRELAZE }), []);
      assert.equal(await publicInterviews(f.db(), { year: YEAR }), null);
    });

    test('one second after the instant: the consenting laureate’s interview, its level, the public comment, never the rationale', async () => {
      await waitUntil(at, 1_000);
      const page = await f.browsers.anonymous.get(PAGE);
      assert.equal(page.status, 200, page.body);
      const text = textOf(page.body);
      for (const expected of [
        `Les entretiens des lauréats ${YEAR}`,
        'Trélazé',
        'La médiathèque prête des ordinateurs reconditionnés aux familles.',
        'Les conseillers numériques les accompagnent.',
        'Un portail citoyen pour toutes les démarches.',
        'Quels sont vos prochains projets pour le mandat ?',
        'L’avis du jury',
        PUBLIC_COMMENT,
        '4 arobases',
        '1 lauréat publie son entretien',
      ])
        assert.ok(text.includes(expected), `« ${expected} » in:\n${text}`);
      assert.match(page.body, /<span class="level__signs" aria-hidden="true">@@@@<\/span>/);
      assert.match(page.body, new RegExp(`<a href="/territoires/${TRELAZE}">Trélazé</a>`));
      assert.ok(!text.includes('Quel est votre premier souvenir sur internet'), 'an empty answer is left out, with its question');
      assert.ok(!text.includes(RATIONALE) && !page.body.includes('confidentielle'), 'the rationale stays the jury’s');
      assert.ok(!text.includes('Le Trait'), 'the territory that did not agree is not listed');
      assert.ok(!page.body.includes('Un commentaire public sur Le Trait'));
      assert.match(page.body, new RegExp(`<img src="${photoPath(TRELAZE)}" alt="${ALT}" width="64" height="48"`));
      assert.equal((await getBytes(PAGE)).cache, 'public, max-age=300');

      const image = await getBytes(photoPath(TRELAZE));
      assert.equal(image.status, 200);
      assert.equal(image.type, 'image/jpeg');
      assert.ok(image.bytes.equals(photo), 'the frozen photo, as it was frozen');
      assert.equal((await getBytes(photoPath(LE_TRAIT))).status, 404, 'no photo of an interview not published');
    });

    test('the territory page shows its interview with the edition’s year; the other territory’s shows none', async () => {
      const body = await territoryPage(TRELAZE);
      assert.match(body, /<h2 id="titre-entretien">Entretien<\/h2>/);
      const text = textOf(body);
      for (const expected of [`Label ${YEAR}`, 'La médiathèque prête des ordinateurs reconditionnés aux familles.', 'L’avis du jury', PUBLIC_COMMENT])
        assert.ok(text.includes(expected), expected);
      assert.ok(!text.includes(RATIONALE));
      assert.ok(body.includes(`src="${photoPath(TRELAZE)}"`));
      assert.ok(body.includes(`href="${PAGE}#entretien-${TRELAZE}"`));
      const other = await territoryPage(LE_TRAIT);
      assert.doesNotMatch(other, /titre-entretien/);
      assert.ok(!other.includes('ne doit jamais paraître'));
      // The edition's palmarès leads to its interviews: deliberated on the platform.
      const palmares = await f.browsers.anonymous.get(`/palmares/${YEAR}`);
      assert.ok(palmares.body.includes(`href="${PAGE}"`), 'the palmarès links to the interviews');
    });

    test('an unknown, malformed or unpublished year, an unknown code: a 404 in French, never a 500', async () => {
      await f.db().execute(sql`insert into editions (year, state) values (2031, 'draft')`);
      for (const year of ['1990', '2031', 'abcd', '20277', "' or 1=1 --"]) {
        const page = await f.browsers.anonymous.get(`/palmares/${encodeURIComponent(year)}/entretiens`);
        assert.equal(page.status, 404, year);
        assert.ok(textOf(page.body).includes('Aucun entretien publié pour'), year);
      }
      for (const url of [
        `/palmares/2031/entretiens/${TRELAZE}/photo`,
        `${PAGE}/00000/photo`,
        `${PAGE}/${encodeURIComponent('é%')}/photo`,
        `/palmares/abcd/entretiens/${TRELAZE}/photo`,
      ])
        assert.equal((await getBytes(url)).status, 404, url);
    });
  });
}

describe('the interviews’ pages in Chromium: axe, keyboard, no JavaScript', { skip: skipWithoutBrowser }, () => {
  const browser = useBrowser();
  const server = useTestServer('pglite', { listen: true });

  before(async () => {
    const db = server.database.db;
    const admin = await createActiveUser(db, { email: 'admin-entretiens@label.example', role: 'admin' });
    await deliberatedEdition(db, { id: admin.id, role: 'admin' }, await jpeg());
    const at = new Date(Date.now() + 2_000);
    await schedulePublication(db, { id: admin.id, role: 'admin' }, YEAR, { at: at.toISOString() });
    await waitUntil(at, 500);
  });

  test('without JavaScript, keyboard only: from the edition’s interviews to the territory’s page and its section', async () => {
    const page = await browser.newPage({ javaScriptEnabled: false });
    await page.goto(`${server.url}${PAGE}`);
    await expectPageStructure(page);
    await page.setViewportSize({ width: 1280, height: 900 });
    await tabTo(page, `main a[href="/territoires/${TRELAZE}"]`, 40);
    await Promise.all([page.waitForURL(new RegExp(`/territoires/${TRELAZE}$`)), page.keyboard.press('Enter')]);
    assert.match(await page.locator('#titre-entretien').innerText(), /Entretien/);
    await expectPageStructure(page);
  });

  test('the edition’s interviews and the territory page: zero axe violations', async () => {
    // axe runs as a script in the page: JavaScript on.
    const page = await browser.newPage();
    for (const path of [PAGE, `/territoires/${TRELAZE}`]) {
      await page.goto(`${server.url}${path}`);
      await expectNoAxeViolations(page);
    }
  });
});
