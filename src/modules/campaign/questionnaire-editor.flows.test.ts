import assert from 'node:assert/strict';
import { before, describe, test } from 'node:test';
import { and, eq, sql } from 'drizzle-orm';
import { createActiveUser, logIn } from '../../../test/support/accounts.ts';
import { TestBrowser, textOf } from '../../../test/support/http-client.ts';
import { drivers } from '../../../test/support/test-database.ts';
import { useTestServer } from '../../../test/support/test-server.ts';
import { queryRows } from '../../platform/db/database.ts';
import { emit } from '../../platform/events.ts';
import { editorFieldName, rowsFromDefinition, type EditorRow } from '../../platform/questionnaire/questionnaire-editor-form.ts';
import type { Questionnaire } from '../../platform/questionnaire/questionnaire.schema.ts';
import type { Person } from '../accounts/permissions.rules.ts';
import { prepareEdition } from '../label/edition-settings.service.ts';
import { editions } from '../label/schema.ts';
import { DEFAULT_QUESTIONNAIRES } from './default-questionnaires.data.ts';
import { getQuestionnaire, getSelfAssessmentParameters, listQuestionnaires } from './questionnaire.service.ts';
import { campaignSettings, questionnaires } from './schema.ts';
import { DEFAULT_SELF_ASSESSMENT_PARAMETERS } from './self-assessment.rules.ts';

const ADMIN = 'admin@label.example.fr';
const MEMBER = 'agent@mairie.example.fr';

/** The editor's form fields for a definition (what the page posts when nothing is changed), plus the empty row. */
function formOf(def: Questionnaire, version: number, edit: (rows: EditorRow[]) => EditorRow[] = (r) => r): Record<string, string> {
  const rows = edit(rowsFromDefinition(def));
  const fields: Record<string, string> = { version: String(version), count: String(rows.length), intent: 'save' };
  rows.forEach((row, i) => {
    for (const [key, value] of Object.entries(row)) {
      if (typeof value === 'boolean') {
        if (value) fields[editorFieldName(i, key as never)] = 'on';
      } else fields[editorFieldName(i, key as never)] = value;
    }
  });
  return fields;
}

for (const driver of drivers) {
  describe(`questionnaires per edition and category (${driver})`, () => {
    const server = useTestServer(driver);
    let admin: TestBrowser;
    let member: TestBrowser;
    let adminPerson: Person;

    before(async () => {
      const user = await createActiveUser(server.db, { email: ADMIN, role: 'admin' });
      adminPerson = { id: user.id, role: 'admin' };
      await createActiveUser(server.db, { email: MEMBER, role: 'member' });
      admin = new TestBrowser(server.app);
      member = new TestBrowser(server.app);
      await logIn(admin, ADMIN);
      await logIn(member, MEMBER);
    });

    const csrfOf = async (browser: TestBrowser, url: string) => /name="_csrf" value="([^"]+)"/.exec((await browser.get(url)).body)![1]!;
    const post = async (browser: TestBrowser, url: string, fields: Record<string, string>) =>
      browser.post(url, { _csrf: await csrfOf(browser, url), ...fields });

    test('an edition created with nothing before it gets the default questionnaires and weights, stored', async () => {
      await prepareEdition(server.db, adminPerson, 2030);
      const stored = await server.db.select().from(questionnaires).where(eq(questionnaires.year, 2030));
      assert.equal(stored.length, 3);
      for (const row of stored) {
        assert.deepEqual(row.definition, DEFAULT_QUESTIONNAIRES[row.category]);
        assert.equal(row.version, 1);
      }
      assert.deepEqual(await getSelfAssessmentParameters(server.db, 2030), DEFAULT_SELF_ASSESSMENT_PARAMETERS);
    });

    test('the list shows the three categories with their counts and minutes; only an admin opens it', async () => {
      const page = await admin.get('/admin/editions/2030/questionnaires');
      assert.equal(page.status, 200);
      const text = textOf(page.body);
      assert.match(text, new RegExp(`Village \\(commune de moins de 3 000 habitants\\) ${DEFAULT_QUESTIONNAIRES.village.questions.length} \\d+ min 1`));
      assert.match(page.body, /href="\/admin\/editions\/2030\/questionnaires\/territoire"/);
      assert.equal((await member.get('/admin/editions/2030/questionnaires')).status, 403);
      assert.equal((await member.get('/admin/editions/2030/questionnaires/village')).status, 403);
      assert.equal((await new TestBrowser(server.app).get('/admin/editions/2030/questionnaires/village')).status, 303);
      assert.equal((await admin.get('/admin/editions/1999/questionnaires')).status, 404);
      assert.equal((await admin.get('/admin/editions/2030/questionnaires/metropole')).status, 404);
      assert.equal((await admin.get('/admin/editions/abc/questionnaires/village')).status, 404);
      const card = await admin.get('/admin/questionnaires');
      assert.equal(card.location, '/admin/editions/2030/questionnaires');
    });

    test('the editor shows each question as a fieldset and the preview as a territory sees it', async () => {
      const page = await admin.get('/admin/editions/2030/questionnaires/village');
      assert.equal(page.status, 200);
      const count = DEFAULT_QUESTIONNAIRES.village.questions.length;
      assert.equal(page.body.match(/class="form-section questionnaire-editor__question"/g)?.length, count + 1, 'each question and the empty row');
      assert.match(textOf(page.body), /Nouvelle question/);
      assert.match(textOf(page.body), /Aperçu : le questionnaire tel qu’un territoire le voit/);
      assert.match(page.body, /name="apercu\.site"/);
      assert.match(textOf(page.body), /À remplir si vous avez répondu « Oui » à la question « La commune a-t-elle un site internet \? »/);
      assert.match(page.body, /src="\/static\/js\/questionnaire\.js\?v=[0-9a-f]{12}"/);
    });

    test('others may not save (403), and nothing changes', async () => {
      const url = '/admin/editions/2030/questionnaires/village';
      const res = await member.post(url, { _csrf: await csrfOf(member, '/compte'), ...formOf(DEFAULT_QUESTIONNAIRES.village, 1) });
      assert.equal(res.status, 403);
      assert.equal((await getQuestionnaire(server.db, 2030, 'village')).version, 1);
    });

    test('the admin renames, adds, moves and deletes questions; saved as version 2', async () => {
      const url = '/admin/editions/2030/questionnaires/village';
      const form = formOf(DEFAULT_QUESTIONNAIRES.village, 1, (rows) => {
        rows[0]!.label = 'Qui suit le numérique à la mairie ?';
        rows.at(-1)!.remove = true;
        return [
          ...rows,
          {
            ...rows[0]!,
            id: '',
            kind: 'single_choice',
            label: 'Fibre optique ?',
            options: 'Partout\nEn partie\nnon | Pas encore',
            help: '',
            showWhenQuestion: '',
            showWhenValues: '',
            remove: false,
          },
        ];
      });
      const res = await post(admin, url, form);
      assert.equal(res.status, 303, textOf(res.body).slice(0, 800));
      assert.equal(res.location, `${url}?enregistre=2`);
      assert.match(textOf((await admin.follow(res)).body), /Questionnaire enregistré \(version 2\)/);
      const saved = await getQuestionnaire(server.db, 2030, 'village');
      assert.equal(saved.version, 2);
      assert.equal(saved.updatedBy, adminPerson.id);
      const [audit] = await queryRows<{ person_id: string; details: Record<string, unknown> }>(
        server.db,
        sql`select person_id, details from audit_entries where action = 'questionnaire.saved' and subject_id = '2030/village' order by id desc limit 1`,
      );
      assert.deepEqual(audit, { person_id: adminPerson.id, details: { version: 2, questions: saved.definition.questions.length } });
      const ids = saved.definition.questions.map((q) => q.id);
      assert.equal(saved.definition.questions[0]!.label, 'Qui suit le numérique à la mairie ?');
      assert.equal(ids.at(-1), 'fibre-optique');
      assert.ok(!ids.includes(DEFAULT_QUESTIONNAIRES.village.questions.at(-1)!.id));
      assert.deepEqual(saved.definition.questions.at(-1)!.options, [
        { value: 'partout', label: 'Partout' },
        { value: 'en-partie', label: 'En partie' },
        { value: 'non', label: 'Pas encore' },
      ]);
      // A move re-shows the form reordered, saving nothing.
      const moved = await post(admin, url, { ...formOf(saved.definition, 2), intent: 'down:0' });
      assert.equal(moved.status, 200);
      assert.match(textOf(moved.body), /Ordre modifié/);
      const first = /name="question-0-id" value="([^"]*)"/.exec(moved.body)![1];
      assert.equal(first, saved.definition.questions[1]!.id);
      assert.equal((await getQuestionnaire(server.db, 2030, 'village')).version, 2);
    });

    test('bad input: a French message naming the question, status 400, nothing changed', async () => {
      const url = '/admin/editions/2030/questionnaires/village';
      const before = await getQuestionnaire(server.db, 2030, 'village');
      const badOptions = await post(
        admin,
        url,
        formOf(before.definition, 2, (rows) => {
          rows[0]!.options = 'Seule réponse';
          return rows;
        }),
      );
      assert.equal(badOptions.status, 400);
      assert.match(textOf(badOptions.body), /Question 1 \(« Qui suit le numérique à la mairie \? »\) : une question à choix propose au moins deux options/);
      assert.match(badOptions.body, /href="#champ-question-0-options"/);
      const tooMany = await post(
        admin,
        url,
        formOf(before.definition, 2, (rows) => [
          ...rows,
          ...Array.from({ length: 13 - rows.length }, (_, i) => ({ ...rows[2]!, id: '', label: `Question ajoutée ${i}` })),
        ]),
      );
      assert.equal(tooMany.status, 400);
      assert.match(textOf(tooMany.body), /Le questionnaire village compte 12 questions au plus ; celui-ci en compte 13/);
      const tooLong = await post(
        admin,
        url,
        formOf(before.definition, 2, (rows) => rows.map((r) => ({ ...r, kind: 'long_text', showWhenQuestion: '', showWhenValues: '' }))),
      );
      assert.equal(tooLong.status, 400);
      assert.match(textOf(tooLong.body), /doit se remplir en moins de 10 minutes/);
      assert.deepEqual(await getQuestionnaire(server.db, 2030, 'village'), before);
    });

    test('a save from a stale version is refused (409) with what to do, and changes nothing', async () => {
      const url = '/admin/editions/2030/questionnaires/ville';
      const def = DEFAULT_QUESTIONNAIRES.ville;
      const first = await post(
        admin,
        url,
        formOf(def, 1, (rows) => ((rows[0]!.help = 'Première aide.'), rows)),
      );
      assert.equal(first.status, 303);
      const stale = await post(
        admin,
        url,
        formOf(def, 1, (rows) => ((rows[0]!.help = 'Seconde aide.'), rows)),
      );
      assert.equal(stale.status, 409);
      assert.match(textOf(stale.body), /Quelqu’un a enregistré ce questionnaire pendant que vous le modifiiez \(version 2\)/);
      assert.match(stale.body, /Seconde aide\./, 'what was typed is still shown');
      const stored = await getQuestionnaire(server.db, 2030, 'ville');
      assert.equal(stored.version, 2);
      assert.equal(stored.definition.questions[0]!.help, 'Première aide.');
    });

    test('the next edition copies the questionnaires and weights of the one it is based on', async () => {
      const weights = { statusWeights: { done: 1, in_progress: 0.5, planned: 0.1, abandoned: 0 } };
      await server.db.update(campaignSettings).set({ selfAssessmentParameters: weights }).where(eq(campaignSettings.year, 2030));
      await prepareEdition(server.db, adminPerson, 2031);
      const copied = await listQuestionnaires(server.db, 2031);
      const source = await listQuestionnaires(server.db, 2030);
      for (const category of ['village', 'ville', 'territoire'] as const) {
        assert.deepEqual(copied[category].definition, source[category].definition, category);
        assert.equal(copied[category].version, 1);
      }
      assert.equal(copied.village.definition.questions[0]!.label, 'Qui suit le numérique à la mairie ?');
      assert.deepEqual(await getSelfAssessmentParameters(server.db, 2031), weights);
    });

    test('an edition without rows (created before this code) answers the defaults; the first save stores version 1', async () => {
      await server.db.insert(editions).values({ year: 2029, state: 'draft' });
      const q = await getQuestionnaire(server.db, 2029, 'territoire');
      assert.deepEqual(q, {
        year: 2029,
        category: 'territoire',
        definition: DEFAULT_QUESTIONNAIRES.territoire,
        version: 0,
        stored: false,
        updatedAt: null,
        updatedBy: null,
      });
      assert.deepEqual(await getSelfAssessmentParameters(server.db, 2029), DEFAULT_SELF_ASSESSMENT_PARAMETERS);
      const url = '/admin/editions/2029/questionnaires/territoire';
      assert.match(textOf((await admin.get(url)).body), /celui par défaut du label/);
      const res = await post(admin, url, formOf(DEFAULT_QUESTIONNAIRES.territoire, 0));
      assert.equal(res.status, 303);
      assert.equal((await getQuestionnaire(server.db, 2029, 'territoire')).version, 1);
    });

    test('the subscriber writes in the creating transaction: a rolled-back edition leaves nothing', async () => {
      await assert.rejects(
        server.db.transaction(async (tx) => {
          await tx.insert(editions).values({ year: 2040, state: 'draft' });
          await emit(tx, 'edition.created', { year: 2040, basedOn: 2030, by: null });
          assert.equal((await tx.select().from(questionnaires).where(eq(questionnaires.year, 2040))).length, 3);
          throw new Error('rollback');
        }),
        /rollback/,
      );
      assert.equal((await server.db.select().from(questionnaires).where(eq(questionnaires.year, 2040))).length, 0);
      assert.equal((await server.db.select().from(campaignSettings).where(eq(campaignSettings.year, 2040))).length, 0);
    });

    test('once the edition is open: read-only, saying why; a save is refused (409)', async () => {
      await server.db.update(editions).set({ state: 'open' }).where(eq(editions.year, 2031));
      const url = '/admin/editions/2031/questionnaires/village';
      const page = await admin.get(url);
      assert.equal(page.status, 200);
      assert.match(
        textOf(page.body),
        /L’édition est « ouverte » : son questionnaire ne peut plus être modifié, car des territoires ont pu commencer à y répondre/,
      );
      assert.doesNotMatch(page.body, /name="question-0-label"/);
      assert.match(page.body, /name="apercu\./, 'the preview stays');
      const before = await getQuestionnaire(server.db, 2031, 'village');
      const res = await admin.post(url, { _csrf: await csrfOf(admin, '/compte'), ...formOf(before.definition, 1) });
      assert.equal(res.status, 409);
      assert.match(textOf(res.body), /L’édition est « ouverte » : son questionnaire ne peut plus être modifié/);
      const [row] = await server.db
        .select()
        .from(questionnaires)
        .where(and(eq(questionnaires.year, 2031), eq(questionnaires.category, 'village')));
      assert.equal(row!.version, 1);
    });
  });
}
