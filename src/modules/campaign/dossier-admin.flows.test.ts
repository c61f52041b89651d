import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { before, describe, test } from 'node:test';
import { sql } from 'drizzle-orm';
import { createActiveUser } from '../../../test/support/accounts.ts';
import { emailsTo, textOf, type TestBrowser } from '../../../test/support/http-client.ts';
import { initiativesFixture, LE_TRAIT, LEAVE_REQUESTS, TRELAZE } from '../../../test/support/initiatives-fixture.ts';
import { drivers } from '../../../test/support/test-database.ts';
import { queryRows } from '../../platform/db/database.ts';
import { getCurrentReferentialVersion } from '../referential/referential.service.ts';
import { dueReminder, sendClosingReminders } from './closing-reminders.service.ts';
import { DEFAULT_QUESTIONNAIRES, INTERVIEW_QUESTIONS } from './default-questionnaires.data.ts';
import { dossierMessages } from './dossier.messages.ts';
import { campaignMessages } from './messages.ts';
import { completeAnswers, daysFromNow, openEditionForApplications } from '../../../test/support/campaign-fixture.ts';

const YEAR = 2027;
const LE_TRAIT_REFERENT = 'referent@letrait.example.fr';
const HOUR = 3_600_000;

/** The text of a PDF, by pdftotext (poppler-utils); null where it is not installed. */
function pdfText(pdf: Buffer): string | null {
  const file = join(mkdtempSync(join(tmpdir(), 'dossier-')), 'dossier.pdf');
  writeFileSync(file, pdf);
  try {
    return execFileSync('pdftotext', ['-enc', 'UTF-8', file, '-'], { encoding: 'utf8' });
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null;
    throw error;
  }
}

test('a reminder is due one day before the closing, or seven; never both, never after', () => {
  const closes = new Date('2027-03-31T20:00:00Z');
  const before = (ms: number) => new Date(closes.getTime() - ms);
  assert.equal(dueReminder(closes, before(8 * 24 * HOUR)), null);
  assert.equal(dueReminder(closes, before(7 * 24 * HOUR)), '7d');
  assert.equal(dueReminder(closes, before(2 * 24 * HOUR)), '7d');
  assert.equal(dueReminder(closes, before(24 * HOUR)), '1d');
  assert.equal(dueReminder(closes, before(60_000)), '1d');
  assert.equal(dueReminder(closes, closes), null);
  assert.equal(dueReminder(closes, new Date(closes.getTime() + HOUR)), null);
});

for (const driver of drivers) {
  describe(`the dossier's PDF, the reminders and the staff's list (${driver})`, () => {
    const f = initiativesFixture(driver);
    let trelazeId: string;
    let leTraitId: string;
    const path = `/espace/${TRELAZE}/candidature/${YEAR}`;
    const adminList = `/admin/editions/${YEAR}/candidatures`;

    /** A GET with the person's session, the body as bytes. */
    async function getBytes(browser: TestBrowser, url: string) {
      const cookie = [...browser.cookies.values()].map((c) => `${c.name}=${c.value}`).join('; ');
      const res = await f.server.app.inject({ method: 'GET', url, headers: cookie ? { cookie } : {} });
      return { status: res.statusCode, type: String(res.headers['content-type']), cache: String(res.headers['cache-control']), bytes: res.rawPayload };
    }

    const stateOf = async (id: string) => (await queryRows<{ state: string }>(f.db(), sql`select state from applications where id = ${id}`))[0]!.state;

    before(async () => {
      const db = f.db();
      const version = await getCurrentReferentialVersion(db);
      await openEditionForApplications(db, YEAR, version);
      const sheet = await f.api('contributor', 'POST', '/api/v1/initiatives', {
        ...LEAVE_REQUESTS,
        title: 'Portail famille',
        status: 'in_progress',
        endDate: null,
      });
      assert.equal(sheet.status, 201, sheet.body);
      const started = await f.api('contributor', 'POST', `/api/v1/editions/${YEAR}/applications`, { territoryCode: TRELAZE });
      assert.equal(started.status, 201, started.body);
      trelazeId = started.json().id;
      const filled = await f.api('contributor', 'PATCH', `/api/v1/applications/${trelazeId}`, {
        version: 1,
        initiativeIds: [sheet.json().id],
        answers: completeAnswers(DEFAULT_QUESTIONNAIRES.ville),
        interview: { answers: completeAnswers(INTERVIEW_QUESTIONS), consent: true },
        contacts: { elected: { name: 'Marc Goua', role: 'Maire' }, agent: { name: 'Julie Martin', email: 'j.martin@trelaze.example.fr' } },
      });
      assert.equal(filled.status, 200, filled.body);
      assert.equal((await f.api('referent', 'POST', `/api/v1/applications/${trelazeId}/submit`)).status, 200);
      // Le Trait: a draft, with a referent who can read e-mails.
      await createActiveUser(db, { email: LE_TRAIT_REFERENT, role: 'member', territoryCode: LE_TRAIT, territoryRole: 'referent' });
      const draft = await f.api('leTrait', 'POST', `/api/v1/editions/${YEAR}/applications`, { territoryCode: LE_TRAIT });
      assert.equal(draft.status, 201, draft.body);
      leTraitId = draft.json().id;
    });

    test('a member downloads the submitted dossier as a PDF holding the territory and its sheets', async () => {
      const page = await f.browsers.reader.get(path);
      assert.match(page.body, new RegExp(`href="${path}/dossier.pdf"`));
      const res = await getBytes(f.browsers.reader, `${path}/dossier.pdf`);
      assert.equal(res.status, 200);
      assert.equal(res.type, 'application/pdf');
      assert.match(res.cache, /private|no-store/);
      assert.equal(res.bytes.subarray(0, 5).toString(), '%PDF-');
      const text = pdfText(res.bytes);
      if (text === null) return assert.ok(res.bytes.length > 1000, 'pdftotext is missing: only the size is checked');
      for (const expected of ['Dossier de candidature de Trélazé', 'Portail famille', 'Marc Goua', 'Une réponse réfléchie.', 'page 1 sur']) {
        assert.ok(text.includes(expected), `« ${expected} » missing from the PDF:\n${text}`);
      }
      assert.ok(text.includes('Oui'), 'a yes/no answer reads « Oui »');
      assert.ok(!text.includes('**'), 'the description’s Markdown is stripped');
    });

    test('the PDF is not found for another territory, nor before the first submission', async () => {
      assert.equal((await getBytes(f.browsers.leTrait, `${path}/dossier.pdf`)).status, 404);
      assert.equal((await getBytes(f.browsers.juror, `${path}/dossier.pdf`)).status, 404);
      assert.notEqual((await getBytes(f.browsers.anonymous, `${path}/dossier.pdf`)).status, 200);
      const draft = await f.browsers.leTrait.get(`/espace/${LE_TRAIT}/candidature/${YEAR}/dossier.pdf`);
      assert.equal(draft.status, 404);
      assert.match(String(draft.headers['content-type']), /text\/html/);
      assert.ok(textOf(draft.body).includes(dossierMessages.pdf.notFound), textOf(draft.body));
    });

    test('reminders: none eight days before; seven days before, one e-mail per referent, once; none for a submitted dossier', async () => {
      const db = f.db();
      const remind = () => sendClosingReminders(db, { baseUrl: 'http://arobase.test' });
      await db.execute(sql`update editions set closes_at = now() + interval '8 days' where year = ${YEAR}`);
      assert.deepEqual(await remind(), []);

      await db.execute(sql`update editions set closes_at = now() + interval '6 days' where year = ${YEAR}`);
      assert.deepEqual(await remind(), [{ year: YEAR, territoryCode: LE_TRAIT, kind: '7d', emails: 1 }]);
      assert.deepEqual(await remind(), [], 'a second run sends nothing');
      const mails = await emailsTo(db, LE_TRAIT_REFERENT);
      assert.equal(mails.length, 1);
      assert.equal(mails[0]!.subject, `Candidature ${YEAR} de Le Trait : clôture dans une semaine`);
      assert.match(mails[0]!.body, /Les candidatures ferment le \d{1,2}(er)? \S+ \d{4} à \d\d:\d\d\./);
      assert.ok(mails[0]!.body.includes(campaignMessages.application.checklist.electedName), mails[0]!.body);
      assert.ok(mails[0]!.body.includes(`http://arobase.test/espace/${LE_TRAIT}/candidature/${YEAR}`));
      const trelaze = await emailsTo(db, 'referent@trelaze.example.fr');
      assert.ok(!trelaze.some((mail) => /clôture/.test(mail.subject)), 'a submitted dossier gets no reminder');
      assert.equal((await emailsTo(db, 'contributeur@letrait.example.fr')).length, 0, 'only referents are reminded');

      // The last day: two processes at once send it once.
      await db.execute(sql`update editions set closes_at = now() + interval '12 hours' where year = ${YEAR}`);
      const [a, b] = await Promise.all([remind(), remind()]);
      assert.equal(a.length + b.length, 1);
      const last = await emailsTo(db, LE_TRAIT_REFERENT);
      assert.equal(last.length, 2);
      assert.equal(last[0]!.subject, `Candidature ${YEAR} de Le Trait : clôture demain`);
      await db.execute(sql`update editions set closes_at = ${daysFromNow(20)} where year = ${YEAR}`);
    });

    test('the staff list every dossier of the edition; others may not', async () => {
      assert.equal((await f.browsers.referent.get(adminList)).status, 403);
      assert.equal((await f.browsers.juror.get(adminList)).status, 403);
      assert.equal((await f.browsers.admin.get('/admin/editions/1999/candidatures')).status, 404);
      const edition = await f.browsers.admin.get(`/admin/editions/${YEAR}`);
      assert.match(edition.body, new RegExp(`href="${adminList}"`), 'linked from the edition’s page');
      const page = await f.browsers.admin.get(adminList);
      assert.equal(page.status, 200);
      const text = textOf(page.body);
      assert.match(text, /Le Trait Brouillon 0 /);
      assert.match(text, /Trélazé Déposée 1 /);
      assert.match(page.body, new RegExp(`action="${adminList}/${trelazeId}/rouvrir"`));
      assert.doesNotMatch(page.body, new RegExp(`${leTraitId}/rouvrir`), 'a draft has nothing to reopen');
    });

    test('reopening needs a reason: an empty one is refused beside the field and changes nothing', async () => {
      const action = `${adminList}/${trelazeId}/rouvrir`;
      const refused = await f.browsers.admin.submit(adminList, { reason: '   ' }, { action });
      assert.equal(refused.status, 400);
      assert.match(refused.body, /class="field__error" id="champ-reason-[^"]+-erreur">Indiquez la raison de la réouverture/);
      assert.equal(await stateOf(trelazeId), 'submitted');
      assert.equal((await f.browsers.referent.post(action, { reason: 'non' })).status, 403);

      const done = await f.browsers.admin.submit(adminList, { reason: 'Ajoutez la délibération du conseil municipal.' }, { action });
      assert.equal(done.status, 303, done.body);
      const after = await f.browsers.admin.follow(done);
      assert.ok(textOf(after.body).includes(dossierMessages.admin.reopened('Trélazé')));
      assert.equal(await stateOf(trelazeId), 'draft');
      const events = await queryRows<{ reason: string }>(
        f.db(),
        sql`select reason from application_events where application_id = ${trelazeId} and kind = 'reopened'`,
      );
      assert.deepEqual(events, [{ reason: 'Ajoutez la délibération du conseil municipal.' }]);
      assert.ok((await emailsTo(f.db(), 'referent@trelaze.example.fr')).some((mail) => /dossier rouvert/.test(mail.subject)));
      // The territory still has what it submitted, as a PDF.
      assert.equal((await getBytes(f.browsers.reader, `${path}/dossier.pdf`)).status, 200);
    });

    test('reopening a draft is a conflict; an unknown dossier is not found', async () => {
      const page = await f.browsers.admin.get(adminList);
      const csrf = /name="_csrf" value="([^"]+)"/.exec(page.body)![1]!;
      const draft = await f.browsers.admin.post(`${adminList}/${leTraitId}/rouvrir`, { _csrf: csrf, reason: 'Une raison.' });
      assert.equal(draft.status, 409);
      assert.ok(textOf(draft.body).includes(campaignMessages.reopen.not_submitted));
      const unknown = await f.browsers.admin.post(`${adminList}/00000000-0000-4000-8000-000000000000/rouvrir`, { _csrf: csrf, reason: 'Une raison.' });
      assert.equal(unknown.status, 404);
    });
  });
}
