import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { TestBrowser, textOf } from '../../../test/support/http-client.ts';
import { drivers } from '../../../test/support/test-database.ts';
import { useTestServer } from '../../../test/support/test-server.ts';
import { SESSION_IDLE_MINUTES } from '../accounts/session.service.ts';

// Issue 11, finding 17: a French public site owes a personal-data page saying what it keeps and for how long.

for (const driver of drivers) {
  describe(`the personal-data page (${driver})`, () => {
    const server = useTestServer(driver);

    test('/donnees-personnelles says what is kept, for how long, and how to download or delete it', async () => {
      const visitor = new TestBrowser(server.app);
      const page = await visitor.get('/donnees-personnelles');
      assert.equal(page.status, 200);
      assert.match(page.body, /<h1>Données personnelles<\/h1>/);
      assert.equal(page.body.match(/<h1\b/g)?.length, 1);
      const text = textOf(page.body);
      // The durations are the platform’s own, read from where they are enforced.
      assert.match(text, new RegExp(`${SESSION_IDLE_MINUTES / 60} heures sans activité`));
      assert.match(text, new RegExp(`${server.config.sessionTtlHours / 24} jours au plus`));
      assert.match(text, /15 minutes/, 'failed logins');
      assert.match(text, /1 heure/, 'reset links');
      assert.match(text, /7 jours/, 'invitation links');
      assert.match(text, /ancien membre/);
      assert.match(page.body, /href="\/compte\/donnees"/);
      assert.match(page.body, /href="\/compte\/supprimer"/);
      assert.match(page.body, /href="https:\/\/www\.cnil\.fr\/fr\/plaintes"/);
      assert.match(text, /Aucun cookie de mesure d.audience/);
    });

    test('every page links to it from the footer', async () => {
      const home = await new TestBrowser(server.app).get('/');
      const footer = home.body.slice(home.body.indexOf('<footer'));
      assert.match(footer, /<a href="\/donnees-personnelles">Données personnelles<\/a>/);
    });
  });
}
