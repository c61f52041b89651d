// The public page of an actor in Chromium: zero axe-core violations, one h1, a working skip link and
// no horizontal scroll at 320 px, with initiatives listed and with the empty state.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import type { Page } from 'playwright-core';
import { createUser } from '../../src/modules/accounts/users.service.ts';
import { findOrCreateActor } from '../../src/modules/actors/actors.service.ts';
import { initiativeActors, initiatives } from '../../src/modules/initiatives/schema.ts';
import { expectNoAxeViolations, expectPageStructure, skipWithoutBrowser, useBrowser } from '../support/browser.ts';
import { startTestServer, type TestServer } from '../support/test-server.ts';

describe('actor pages (Chromium, axe-core)', { skip: skipWithoutBrowser }, () => {
  const browser = useBrowser();
  let server: TestServer;
  let page: Page;
  let withInitiatives: string;
  let withoutInitiatives: string;

  before(async () => {
    server = await startTestServer('pglite', { listen: true });
    const db = server.database.db;
    const admin = { id: (await createUser(db, { email: 'admin@label.test', role: 'admin' })).id, role: 'admin' as const };
    const create = async (name: string, website?: string) =>
      (await findOrCreateActor(db, admin, { name, kind: 'association', website, siren: '244900015' })).actor.id;
    withInitiatives = await create('Emmaüs Connect, association nationale pour l’inclusion numérique des personnes éloignées', 'https://emmaus-connect.org/nos-actions/accompagnement-des-publics-fragiles');
    withoutInitiatives = await create('Ecologic');
    const rows = await db
      .insert(initiatives)
      .values([
        { territoryCode: '49353', title: 'Permanences numériques', summary: 'Des aidants numériques chaque mardi à la médiathèque.', status: 'in_progress', visibility: 'public', publishedAt: new Date() },
        { territoryCode: '49007', title: 'Ordinateurs reconditionnés pour les familles', summary: '150 ordinateurs redistribués.', status: 'done', visibility: 'public', publishedAt: new Date() },
      ])
      .returning({ id: initiatives.id });
    await db.insert(initiativeActors).values(rows.map((r) => ({ initiativeId: r.id, actorId: withInitiatives })));
    page = await browser.newPage();
  });
  after(() => server?.close());

  async function check(path: string) {
    await page.setViewportSize({ width: 1280, height: 900 });
    const response = await page.goto(server.url + path);
    assert.equal(response?.status(), 200);
    await expectNoAxeViolations(page);
    await expectPageStructure(page);
  }

  test('an actor with initiatives in two territories', async () => {
    await check(`/acteurs/${withInitiatives}`);
    assert.equal(await page.locator('main h3').count(), 2, 'one heading per territory');
  });

  test('an actor without any public initiative', () => check(`/acteurs/${withoutInitiatives}`));
});
