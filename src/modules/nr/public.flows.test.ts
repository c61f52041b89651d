import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { before, describe, test } from 'node:test';
import { sql } from 'drizzle-orm';
import { csrfTokenOf, textOf } from '../../../test/support/http-client.ts';
import { initiativesFixture, TRELAZE } from '../../../test/support/initiatives-fixture.ts';
import { drivers } from '../../../test/support/test-database.ts';
import { queryRows } from '../../platform/db/database.ts';
import { publicMessages as m } from './public.messages.ts';

const ANGERS = '49007';
const base = (code: string) => `/espace/${code}/numerique-responsable`;
const publication = `${base(TRELAZE)}/publication`;
const strategy = (code: string) => `${base(code)}/strategie`;
const territoryPage = `/territoires/${TRELAZE}`;

/** The text of a PDF, by pdftotext (poppler-utils); null where it is not installed. */
function pdfText(pdf: Buffer): string | null {
  const file = join(mkdtempSync(join(tmpdir(), 'strategie-')), 'strategie.pdf');
  writeFileSync(file, pdf);
  try {
    return execFileSync('pdftotext', ['-enc', 'UTF-8', file, '-'], { encoding: 'utf8' });
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null;
    throw error;
  }
}

for (const driver of drivers) {
  describe(`the public section and the strategy (${driver})`, () => {
    const f = initiativesFixture(driver);

    before(async () => {
      // Trélazé: a completed diagnostic (purchases weak), a charter signed, two values of an indicator, an action.
      const db = f.db();
      const [d] = await queryRows<{ id: string }>(
        db,
        sql`insert into nr_diagnostics (territory_code, model_version, completed_at) values (${TRELAZE}, 'test', now()) returning id`,
      );
      for (const [questionId, level] of [
        ['achats.reconditionne', 0],
        ['achats.criteres', 0],
        ['usages.impression', 2],
        ['gouvernance.elu', 3],
      ] as const)
        await db.execute(
          sql`insert into nr_answers (diagnostic_id, question_id, level, note) values (${d!.id}, ${questionId}, ${level}, 'note interne secrète')`,
        );
      await db.execute(
        sql`insert into nr_charter_signatures (territory_code, signed_on, signatory, role) values (${TRELAZE}, '2025-04-02', 'Lise Bernardeau', 'Maire')`,
      );
      await db.execute(
        sql`insert into nr_actions (territory_code, title, description, theme_id, status, origin) values (${TRELAZE}, 'Acheter du matériel reconditionné', 'description interne', 'achats', 'planned', 'manual')`,
      );
      const [indicator] = await queryRows<{ id: string }>(
        db,
        sql`insert into nr_custom_indicators (territory_code, name, unit) values (${TRELAZE}, 'Postes réemployés', 'postes') returning id`,
      );
      for (const [on, value] of [
        ['2024-06-30', 4],
        ['2025-06-30', 9],
      ] as const)
        await db.execute(
          sql`insert into nr_indicator_values (territory_code, indicator, measured_on, value, source) values (${TRELAZE}, ${indicator!.id}, ${on}, ${value}, 'manual')`,
        );
    });

    test('nothing public by default: the territory page has no section', async () => {
      const page = await f.browsers.anonymous.get(territoryPage);
      assert.equal(page.status, 200);
      assert.ok(!page.body.includes('titre-numerique-responsable'));
      const choices = await f.browsers.reader.get(publication);
      assert.equal(choices.status, 200);
      assert.ok(!choices.body.includes('type="checkbox"'), 'a reader sees the choices without the form');
      assert.ok(textOf(choices.body).includes(m.publicity.no));
    });

    test('a contributor cannot change the choices (403), nothing written', async () => {
      const page = await f.browsers.contributor.get(publication);
      assert.equal(page.status, 200);
      const res = await f.browsers.contributor.post(publication, { _csrf: csrfTokenOf(page.body), maturity: 'on' });
      assert.equal(res.status, 403);
      const rows = await queryRows(f.db(), sql`select 1 from nr_publicity where territory_code = ${TRELAZE}`);
      assert.equal(rows.length, 0);
    });

    test('bad input: a 400 naming the field, nothing written', async () => {
      const res = await f.browsers.referent.submit(publication, { maturity: 'on', roadmap: 'peut-être' });
      assert.equal(res.status, 400);
      assert.ok(textOf(res.body).includes(m.publicity.parts.roadmap));
      assert.ok(textOf(res.body).includes(m.publicity.invalid));
      const rows = await queryRows(f.db(), sql`select 1 from nr_publicity where territory_code = ${TRELAZE}`);
      assert.equal(rows.length, 0);
    });

    test('a referent makes maturity and charter public: the letter and the charter, not the indicators', async () => {
      const res = await f.browsers.referent.submit(publication, { maturity: 'on', charter: 'on' });
      assert.equal(res.status, 303);
      const after = await f.browsers.referent.follow(res);
      assert.ok(textOf(after.body).includes(m.publicity.saved));
      const page = await f.browsers.anonymous.get(territoryPage);
      assert.equal(page.status, 200);
      const text = textOf(page.body);
      assert.ok(page.body.includes('titre-numerique-responsable'));
      assert.match(text, /Lettre de maturité\s*:\s*[A-E]/);
      assert.ok(text.includes('Lise Bernardeau'));
      assert.ok(!text.includes('Postes réemployés'), 'indicators not public');
      assert.ok(!text.includes('Acheter du matériel reconditionné'), 'roadmap not public');
      assert.ok(!text.includes('note interne secrète'), 'never the answers');
    });

    test('indicators and roadmap made public: latest value, a chart with its table, no internal description', async () => {
      const res = await f.browsers.referent.submit(publication, { indicators: 'on', roadmap: 'on' });
      assert.equal(res.status, 303);
      const page = await f.browsers.anonymous.get(territoryPage);
      const text = textOf(page.body);
      assert.ok(text.includes('Postes réemployés'));
      assert.ok(page.body.includes('graphique-nr-1'), 'a chart for an indicator with two values');
      assert.ok(text.includes('Acheter du matériel reconditionné'));
      assert.ok(!text.includes('description interne'));
      assert.ok(!text.includes('Lise Bernardeau'), 'the charter no longer public');
    });

    test('the strategy: « obligatoire » for Angers, « pas obligatoire » for Trélazé', async () => {
      const angers = await f.browsers.admin.get(strategy(ANGERS));
      assert.equal(angers.status, 200);
      const a = textOf(angers.body);
      assert.ok(a.includes('est obligatoire') && !a.includes('pas obligatoire'));
      assert.match(a, /\d[\d\s\u202f\u00a0]*habitants/);
      const trelaze = await f.browsers.reader.get(strategy(TRELAZE));
      assert.equal(trelaze.status, 200);
      const t = textOf(trelaze.body);
      assert.ok(t.includes('pas obligatoire'));
      assert.ok(t.includes('Porter le thème « Achats » de l’indice 0 à 20.'), 'an objective from the weak theme');
      assert.ok(t.includes('Acheter du matériel reconditionné'));
      assert.ok(t.includes('Postes réemployés'));
    });

    test('the PDF is a PDF naming the territory', async () => {
      const cookie = [...f.browsers.reader.cookies.values()].map((c) => `${c.name}=${c.value}`).join('; ');
      const res = await f.server.app.inject({ method: 'GET', url: `${strategy(TRELAZE)}.pdf`, headers: { cookie } });
      assert.equal(res.statusCode, 200);
      assert.match(String(res.headers['content-type']), /application\/pdf/);
      assert.equal(res.rawPayload.subarray(0, 5).toString(), '%PDF-');
      const text = pdfText(res.rawPayload);
      if (text !== null) {
        assert.ok(text.includes('Trélazé'));
        assert.ok(text.includes('Adoptée par délibération du conseil du'));
      }
    });

    test('a review recorded and shown; another for the same year replaces it; a reader cannot record one', async () => {
      const year = String(new Date().getFullYear() - 1);
      const first = await f.browsers.referent.submit(strategy(TRELAZE), { year, adoptedOn: '', summary: 'Premier bilan' });
      assert.equal(first.status, 303);
      const again = await f.browsers.referent.submit(strategy(TRELAZE), { year, adoptedOn: `${year}-12-15`, summary: 'Bilan revu' });
      assert.equal(again.status, 303);
      const page = textOf((await f.browsers.reader.get(strategy(TRELAZE))).body);
      assert.ok(page.includes('Bilan revu') && !page.includes('Premier bilan'));
      const rows = await queryRows(f.db(), sql`select year from nr_strategy_reviews where territory_code = ${TRELAZE}`);
      assert.equal(rows.length, 1);
      const readerPage = await f.browsers.reader.get(strategy(TRELAZE));
      const refused = await f.browsers.reader.post(strategy(TRELAZE), { _csrf: csrfTokenOf(readerPage.body), year, summary: 'x' });
      assert.equal(refused.status, 403);
    });

    test('a bad review: a 400 naming the field, nothing written', async () => {
      const res = await f.browsers.referent.submit(strategy(TRELAZE), { year: '1999', summary: '' });
      assert.equal(res.status, 400);
      const text = textOf(res.body);
      assert.ok(text.includes(m.strategy.year) && text.includes(m.strategy.summary));
      const rows = await queryRows(f.db(), sql`select 1 from nr_strategy_reviews where territory_code = ${TRELAZE} and year = 1999`);
      assert.equal(rows.length, 0);
    });
  });
}
