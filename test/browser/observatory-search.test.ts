import assert from 'node:assert/strict';
import { before, describe, test } from 'node:test';
import { createActiveUser } from '../support/accounts.ts';
import { expectNoAxeViolations, expectPageStructure, skipWithoutBrowser, useBrowser } from '../support/browser.ts';
import { useTestServer } from '../support/test-server.ts';
import { memberships } from '../../src/modules/accounts/schema.ts';
import { createInitiative } from '../../src/modules/initiatives/save-initiative.service.ts';

describe('observatory search (Chromium, axe-core)', { skip: skipWithoutBrowser }, () => {
  const browser = useBrowser();
  const server = useTestServer('pglite', { listen: true });
  before(async () => {
    const db = server.database.db;
    const user = await createActiveUser(db, { email: 'redaction@example.fr', role: 'member' });
    await db.insert(memberships).values([
      { userId: user.id, territoryCode: '49353', role: 'contributor' },
      { userId: user.id, territoryCode: '76709', role: 'contributor' },
    ]);
    const person = {
      id: user.id,
      role: 'member' as const,
      memberships: [
        { territoryCode: '49353', role: 'contributor' as const },
        { territoryCode: '76709', role: 'contributor' as const },
      ],
    };
    await createInitiative(db, person, {
      territoryCode: '49353',
      title: 'Dématérialisation des demandes de congés',
      summary: 'Congés en ligne.',
      status: 'done',
      serviceIds: ['dematerialisation-rh'],
      visibility: 'public',
    });
    await createInitiative(db, person, {
      territoryCode: '76709',
      title: 'Collecte des vieux ordinateurs',
      summary: 'Reconditionnement.',
      status: 'in_progress',
      serviceIds: ['collecte-ordinateurs-inutilises'],
      visibility: 'public',
      responsibleDigital: true,
    });
  });

  test('/initiatives: zero axe violations, with results, filters open and a notice', async () => {
    const page = await browser.newPage();
    for (const url of ['/initiatives', '/initiatives?q=conges&status=done', '/initiatives?theme=inconnu', '/initiatives?q=introuvablexyz']) {
      await page.goto(`${server.url}${url}`);
      await expectNoAxeViolations(page);
      await expectPageStructure(page);
    }
  });

  test('works without JavaScript: the form is sent and the URL can be shared', async () => {
    const page = await browser.newPage({ javaScriptEnabled: false });
    await page.goto(`${server.url}/initiatives`);
    await page.fill('#champ-q', 'ordinateurs');
    await Promise.all([page.waitForURL(/q=ordinateurs/), page.getByRole('button', { name: 'Rechercher' }).click()]);
    assert.match(await page.locator('#titre-resultats').innerText(), /1 initiative/);
    assert.equal(await page.locator('.card__title').first().innerText(), 'Collecte des vieux ordinateurs');
  });

  test('with JavaScript, results update as you type and the URL follows', async () => {
    const page = await browser.newPage();
    await page.goto(`${server.url}/initiatives`);
    await page.locator('#champ-q').pressSequentially('congés', { delay: 30 });
    await page.waitForFunction(() => /1 initiative/.test(document.getElementById('titre-resultats')?.textContent ?? ''), null, { timeout: 5000 });
    assert.equal(await page.locator('.card__title').first().innerText(), 'Dématérialisation des demandes de congés');
    assert.match(page.url(), /q=cong/);
  });
});
