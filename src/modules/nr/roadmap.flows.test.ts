import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { before, describe, test } from 'node:test';
import { sql } from 'drizzle-orm';
import { csrfTokenOf, textOf, type TestBrowser } from '../../../test/support/http-client.ts';
import { initiativesFixture, LE_TRAIT, TRELAZE } from '../../../test/support/initiatives-fixture.ts';
import { drivers } from '../../../test/support/test-database.ts';
import { queryRows, type Db } from '../../platform/db/database.ts';
import { roadmapMessages as m } from './roadmap.messages.ts';
import { nrActions } from './schema.ts';

const base = (code: string) => `/espace/${code}/numerique-responsable`;
const roadmap = `${base(TRELAZE)}/feuille-de-route`;
const quickWins = `${base(TRELAZE)}/gestes-rapides`;
const charter = `${base(TRELAZE)}/charte`;

/** The text of a PDF, by pdftotext (poppler-utils); null where it is not installed. */
function pdfText(pdf: Buffer): string | null {
  const file = join(mkdtempSync(join(tmpdir(), 'feuille-de-route-')), 'feuille-de-route.pdf');
  writeFileSync(file, pdf);
  try {
    return execFileSync('pdftotext', ['-enc', 'UTF-8', file, '-'], { encoding: 'utf8' });
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null;
    throw error;
  }
}

const actionsOf = (db: Db, code: string) =>
  queryRows<{ id: string; title: string; origin: string; theme_id: string; version: number; quick_win_id: string | null }>(
    db,
    sql`select id, title, origin, theme_id, version, quick_win_id from nr_actions where territory_code = ${code} order by created_at, title`,
  );

for (const driver of drivers) {
  describe(`the quick wins, the roadmap and the charter (${driver})`, () => {
    const f = initiativesFixture(driver);

    async function getBytes(browser: TestBrowser, url: string) {
      const cookie = [...browser.cookies.values()].map((c) => `${c.name}=${c.value}`).join('; ');
      const res = await f.server.app.inject({ method: 'GET', url, headers: cookie ? { cookie } : {} });
      return { status: res.statusCode, type: String(res.headers['content-type']), bytes: res.rawPayload };
    }

    before(async () => {
      // A completed diagnostic of Trélazé: purchases and fleet weak, usages middling, governance strong.
      const db = f.db();
      const [d] = await queryRows<{ id: string }>(
        db,
        sql`insert into nr_diagnostics (territory_code, model_version, completed_at) values (${TRELAZE}, 'test', now()) returning id`,
      );
      for (const [questionId, level] of [
        ['achats.reconditionne', 0],
        ['achats.criteres', 0],
        ['parc.inventaire', 1],
        ['parc.recyclage', 0],
        ['usages.extinction-postes', 1],
        ['usages.impression', 2],
        ['gouvernance.elu', 3],
      ] as const)
        await db.execute(sql`insert into nr_answers (diagnostic_id, question_id, level) values (${d!.id}, ${questionId}, ${level})`);
    });

    test('the quick wins page: the catalogue matched to the diagnostic, filtered by theme', async () => {
      const page = await f.browsers.reader.get(quickWins);
      assert.equal(page.status, 200);
      const text = textOf(page.body);
      assert.ok(text.includes('Éteindre les postes de travail la nuit'));
      assert.ok(text.includes(m.quickWins.reasons.weakAnswer), 'the quick wins answering a weak answer say so');
      assert.ok(!page.body.includes('/gestes-rapides/adopter'), 'a reader gets no « Adopter » button');
      // Those answering a weak answer first (refurbished purchases at 0), before a theme's others (governance, strong).
      assert.ok(text.indexOf('Acheter des ordinateurs') < text.indexOf('Confier le numérique responsable à un élu'));
      const filtered = textOf((await f.browsers.reader.get(`${quickWins}?theme=achats`)).body);
      assert.ok(filtered.includes('Acheter des ordinateurs') && !filtered.includes('Éteindre les postes'));
      assert.equal((await f.browsers.reader.get(`${quickWins}?theme=%3Cscript%3E`)).status, 200, 'an unknown theme shows them all');
    });

    test('adopting a quick win makes an action; adopting it again is refused', async () => {
      const res = await f.browsers.contributor.submit(quickWins, { quickWinId: 'postes-eteints-la-nuit' }, { action: `${quickWins}/adopter` });
      assert.equal(res.status, 303);
      const after = await f.browsers.contributor.follow(res);
      assert.ok(textOf(after.body).includes(m.quickWins.adoptedNotice('Éteindre les postes de travail la nuit')));
      assert.ok(textOf(after.body).includes(m.quickWins.adopted));
      const rows = await actionsOf(f.db(), TRELAZE);
      assert.deepEqual(
        rows.map((r) => [r.origin, r.theme_id, r.quick_win_id, r.title]),
        [['quickWin', 'usages', 'postes-eteints-la-nuit', 'Éteindre les postes de travail la nuit']],
      );
      // The button is gone once adopted; a form sent again (another tab) is refused.
      const csrf = csrfTokenOf((await f.browsers.contributor.get(quickWins)).body);
      const again = await f.browsers.contributor.post(`${quickWins}/adopter`, { _csrf: csrf, quickWinId: 'postes-eteints-la-nuit' });
      assert.equal(again.status, 409);
      assert.ok(textOf(again.body).includes('déjà dans la feuille de route'));
      const unknown = await f.browsers.contributor.submit(quickWins, { quickWinId: 'inconnu' }, { action: `${quickWins}/adopter` });
      assert.equal(unknown.status, 400);
      assert.equal((await actionsOf(f.db(), TRELAZE)).length, 1, 'nothing more written');
    });

    test('actions proposed from the weakest themes, never twice', async () => {
      const res = await f.browsers.referent.submit(roadmap, {}, { action: `${roadmap}/proposer` });
      assert.equal(res.status, 303);
      const page = await f.browsers.referent.follow(res);
      assert.ok(textOf(page.body).includes(m.roadmap.proposed(2)));
      const proposed = (await actionsOf(f.db(), TRELAZE)).filter((r) => r.origin === 'weakTheme').map((r) => r.theme_id);
      // achats 0, parc 17 below 50; usages 50 is not weak enough to be the third.
      assert.deepEqual(proposed.sort(), ['achats', 'parc']);
      const again = await f.browsers.referent.submit(roadmap, {}, { action: `${roadmap}/proposer` }).catch(() => null);
      assert.equal(again, null, 'the form is gone once every weak theme has its action');
      const direct = await f.browsers.referent.submit(roadmap, {}, { action: `${roadmap}/actions` });
      assert.equal(direct.status, 400, 'an empty action is refused');
      assert.ok(textOf(direct.body).includes(m.action.titleRequired));
      assert.equal((await actionsOf(f.db(), TRELAZE)).length, 3, 'nothing more written');
    });

    test('another territory’s diagnostic proposes nothing: no completed diagnostic, a conflict', async () => {
      const res = await f.api('leTrait', 'GET', `${base(LE_TRAIT)}/feuille-de-route`);
      assert.equal(res.status, 200);
      assert.ok(textOf(res.body).includes(m.errors.noDiagnostic));
    });

    test('an action added by hand, edited, a stale edit refused with nothing changed, deleted', async () => {
      const added = await f.browsers.contributor.submit(
        roadmap,
        { title: 'Inventorier le parc', themeId: 'parc', owner: 'Service informatique', dueOn: '2020-03-31', status: 'in_progress' },
        { action: `${roadmap}/actions` },
      );
      assert.equal(added.status, 303);
      const row = (await actionsOf(f.db(), TRELAZE)).find((r) => r.title === 'Inventorier le parc')!;
      assert.equal(row.origin, 'manual');
      const list = textOf((await f.browsers.contributor.get(roadmap)).body);
      assert.ok(list.includes(m.roadmap.overdue), 'a past due date not done is overdue');
      assert.ok(list.includes(m.roadmap.overdueCount(1)));
      assert.ok(textOf((await f.browsers.contributor.get(`${roadmap}?par=trimestre`)).body).includes(m.quarter(2020, 1)));

      const editUrl = `${roadmap}/${row.id}`;
      const edited = await f.browsers.contributor.submit(editUrl, { title: 'Inventorier tout le parc', themeId: 'parc', status: 'done', dueOn: '2020-03-31' });
      assert.equal(edited.status, 303);
      const stale = await f.browsers.contributor.post(editUrl, {
        _csrf: csrfTokenOf((await f.browsers.contributor.get(editUrl)).body),
        title: 'Une autre version',
        themeId: 'parc',
        version: '1',
      });
      assert.equal(stale.status, 409);
      assert.ok(textOf(stale.body).includes('Quelqu’un a modifié cette action'));
      const [now] = await f
        .db()
        .select({ title: nrActions.title, version: nrActions.version, status: nrActions.status })
        .from(nrActions)
        .where(sql`${nrActions.id} = ${row.id}`);
      assert.deepEqual(now, { title: 'Inventorier tout le parc', version: 2, status: 'done' }, 'nothing changed by the stale edit');
      const bad = await f.browsers.contributor.submit(editUrl, { title: 'x', themeId: 'parc', dueOn: '2026-02-30' });
      assert.equal(bad.status, 400);
      assert.ok(textOf(bad.body).includes(m.action.dueOnInvalid));

      const deleted = await f.browsers.contributor.submit(editUrl, {}, { action: `${editUrl}/suppression` });
      assert.equal(deleted.status, 303);
      assert.equal((await actionsOf(f.db(), TRELAZE)).filter((r) => r.id === row.id).length, 0);
    });

    test('a reader cannot write; another territory cannot read', async () => {
      const [one] = await actionsOf(f.db(), TRELAZE);
      const before = await actionsOf(f.db(), TRELAZE);
      const csrf = csrfTokenOf((await f.browsers.reader.get(roadmap)).body);
      for (const [url, fields] of [
        [`${quickWins}/adopter`, { quickWinId: 'digital-clean-up-day' }],
        [`${roadmap}/actions`, { title: 'Lecture seule', themeId: 'parc' }],
        [`${roadmap}/proposer`, {}],
        [`${roadmap}/${one!.id}`, { title: 'Lecture seule', themeId: 'parc', version: String(one!.version) }],
        [`${roadmap}/${one!.id}/suppression`, { version: String(one!.version) }],
      ] as const) {
        const res = await f.browsers.reader.post(url, { _csrf: csrf, ...fields });
        assert.equal(res.status, 403, url);
      }
      assert.deepEqual(await actionsOf(f.db(), TRELAZE), before, 'nothing written');
      for (const url of [roadmap, `${roadmap}.pdf`, quickWins, charter, `${roadmap}/${one!.id}`])
        assert.equal((await f.browsers.leTrait.get(url)).status, 403, url);
      assert.equal((await f.browsers.anonymous.get(roadmap)).status, 303, 'the anonymous are sent to log in');
      // Le Trait's own roadmap does not show Trélazé's actions, even by id.
      assert.equal((await f.browsers.leTrait.get(`${base(LE_TRAIT)}/feuille-de-route/${one!.id}`)).status, 404);
    });

    test('the PDF names the territory and an action', async () => {
      const pdf = await getBytes(f.browsers.reader, `${roadmap}.pdf`);
      assert.equal(pdf.status, 200);
      assert.equal(pdf.type, 'application/pdf');
      assert.equal(pdf.bytes.subarray(0, 5).toString(), '%PDF-');
      const text = pdfText(pdf.bytes);
      if (text === null) return;
      const flat = text.replace(/\s+/g, ' ');
      assert.ok(flat.includes('Trélazé'), flat.slice(0, 300));
      assert.ok(flat.includes('Éteindre les postes de travail la nuit'));
      assert.ok(flat.includes('Achats'));
    });

    test('the charter: signed by a referent, refused for a contributor and for a future date', async () => {
      const refused = await f.browsers.contributor.post(charter, {
        _csrf: csrfTokenOf((await f.browsers.contributor.get(charter)).body),
        signedOn: '2026-01-05',
        signatory: 'Camille Contributrice',
        role: 'agente',
      });
      assert.equal(refused.status, 403);
      const future = await f.browsers.referent.submit(charter, { signedOn: '2099-06-26', signatory: 'Marc Maire', role: 'maire' });
      assert.equal(future.status, 400);
      assert.ok(textOf(future.body).includes(m.signature.signedOnFuture));
      assert.ok(future.body.includes('href="#champ-signedOn"'), 'the field named');
      const api = await f.api('referent', 'POST', charter, { signedOn: '2099-06-26', signatory: 'Marc Maire', role: 'maire' });
      assert.ok(api.status === 400 || api.status === 403, `${api.status}`);
      const count = async () => (await queryRows<{ n: number }>(f.db(), sql`select count(*)::int as n from nr_charter_signatures`))[0]!.n;
      assert.equal(await count(), 0, 'nothing written');
      const signed = await f.browsers.referent.submit(charter, { signedOn: '2026-01-05', signatory: 'Marc Maire', role: 'maire' });
      assert.equal(signed.status, 303);
      const page = textOf((await f.browsers.reader.get(charter)).body);
      assert.ok(page.includes('Charte signée le 5 janvier 2026 par Marc Maire, maire.'), page);
      assert.equal(await count(), 1);
    });

    test('the public API lists the catalogue', async () => {
      const res = await f.api('anonymous', 'GET', '/api/v1/nr/quick-wins');
      assert.equal(res.status, 200);
      const body = res.json() as { items: { id: string; priority: number }[]; total: number };
      assert.ok(body.total >= 20);
      assert.equal(body.items.length, body.total);
      assert.ok(body.items.some((i) => i.id === 'impression-noir-blanc-recto-verso'));
    });
  });
}
