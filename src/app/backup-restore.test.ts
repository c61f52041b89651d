import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import type { FastifyInstance } from 'fastify';
import { sql } from 'drizzle-orm';
import sharp from 'sharp';
import { initiativesFixture, LEAVE_REQUESTS } from '../../test/support/initiatives-fixture.ts';
import { TestBrowser } from '../../test/support/http-client.ts';
import { everyDriver, openTestDatabase, type Driver, type TestDatabase } from '../../test/support/test-database.ts';
import { runCommand } from '../platform/cli/command.ts';
import { loadConfig } from '../platform/config.ts';
import { queryRows, type Database, type Db } from '../platform/db/database.ts';
import { buildApp } from './build-app.ts';
import { COMMANDS } from './commands.ts';

const config = loadConfig({ LOG_LEVEL: 'silent', DATA_DIR: '/tmp/arobase-test-unused' });

/** `npx arobase …` in this process, on the given database. */
async function arobase(database: Database, ...argv: string[]) {
  const out: string[] = [];
  const err: string[] = [];
  const code = await runCommand(COMMANDS, { database, config, out: (l) => out.push(l), err: (l) => err.push(l), ensureBaseData: async () => {} }, argv);
  return { code, out: out.join('\n'), err: err.join('\n') };
}

/**
 * Every table’s rows and a digest of their whole content (bytea photos included, in fixed output
 * formats), and every sequence’s value: two databases with the same digests hold the same data.
 */
async function contentOf(db: Db) {
  return db.transaction(async (tx) => {
    await tx.execute(sql`set local timezone = 'UTC'`);
    await tx.execute(sql`set local bytea_output = 'hex'`);
    const tables = await queryRows<{ name: string }>(tx, sql`select tablename as name from pg_tables where schemaname = 'public' order by tablename`);
    const content: Record<string, string> = {};
    for (const { name } of tables) {
      const [row] = await queryRows<{ n: number; digest: string | null }>(
        tx,
        sql`select count(*)::int as n, md5(string_agg(to_jsonb(t)::text, '|' order by to_jsonb(t)::text)) as digest from ${sql.identifier(name)} t`,
      );
      content[name] = `${row?.n} ${row?.digest}`;
    }
    for (const s of await queryRows<{ name: string; value: string | null }>(
      tx,
      sql`select sequencename as name, last_value::text as value from pg_sequences where schemaname = 'public'`,
    )) {
      content[`sequence ${s.name}`] = String(s.value);
    }
    return content;
  });
}

/** A photograph-like picture: noise, so that its WebP is not a few bytes. */
async function picture(seed: number): Promise<Buffer> {
  const pixels = Buffer.alloc(800 * 600 * 3);
  for (let i = 0, x = seed; i < pixels.length; i++) pixels[i] = x = (x * 1103515245 + 12345) & 0xff;
  return sharp(pixels, { raw: { width: 800, height: 600, channels: 3 } })
    .jpeg()
    .toBuffer();
}

const getPhoto = (app: FastifyInstance, url: string, token: string) => app.inject({ method: 'GET', url, headers: { authorization: `Bearer ${token}` } });

function roundTrip(source: Driver, target: Driver) {
  describe(`npx arobase backup, then restore: a populated ${source} database with photos, restored on ${target}`, () => {
    const f = initiativesFixture(source);
    const dir = mkdtempSync(join(tmpdir(), 'arobase-backup-'));
    const file = join(dir, 'arobase.arobase.gz');
    let restored: TestDatabase;
    let restoredApp: FastifyInstance;
    const photos: { url: string; bytes: Buffer }[] = [];
    let publicId = '';

    before(async () => {
      const published = await f.api('contributor', 'POST', '/api/v1/initiatives', { ...LEAVE_REQUESTS, visibility: 'public' });
      assert.equal(published.status, 201, published.body);
      publicId = published.json().id;
      const draft = await f.api('contributor', 'POST', '/api/v1/initiatives', { ...LEAVE_REQUESTS, title: 'Un brouillon avec sa photo' });
      assert.equal(draft.status, 201, draft.body);
      for (const [i, id] of [publicId, publicId, draft.json().id as string].entries()) {
        const boundary = '----arobasebackup';
        const up = await f.server.app.inject({
          method: 'POST',
          url: `/api/v1/initiatives/${id}/photos`,
          headers: { 'content-type': `multipart/form-data; boundary=${boundary}`, authorization: `Bearer ${f.tokens.contributor}` },
          payload: Buffer.concat([
            Buffer.from(`--${boundary}\r\ncontent-disposition: form-data; name="alt"\r\n\r\nPhoto ${i}\r\n`),
            Buffer.from(`--${boundary}\r\ncontent-disposition: form-data; name="photo"; filename="photo-${i}.jpg"\r\ncontent-type: image/jpeg\r\n\r\n`),
            await picture(i + 1),
            Buffer.from(`\r\n--${boundary}--\r\n`),
          ]),
        });
        assert.equal(up.statusCode, 201, up.body);
        const url = up.json().photos.at(-1).url as string;
        const served = await getPhoto(f.server.app, url, f.tokens.contributor);
        assert.equal(served.statusCode, 200);
        photos.push({ url, bytes: served.rawPayload });
      }
      restored = await openTestDatabase(target, { territories: false });
    });
    after(async () => {
      await restoredApp?.close();
      await restored?.dispose();
      rmSync(dir, { recursive: true, force: true });
    });

    test('the backup is one private file, and the restore an exact copy: every row, every photo, every sequence', async () => {
      const backup = await arobase(f.server.database, 'backup', file);
      assert.equal(backup.code, 0, backup.err);
      assert.match(backup.out, /^Sauvegarde écrite dans .*arobase\.arobase\.gz\u00a0: \d+ tables, [\d\u202f]+ lignes, [\d,]+\u00a0Mo\./);
      assert.match(backup.out, /données personnelles/);
      assert.equal(statSync(file).mode & 0o777, 0o600);

      const restore = await arobase(restored, 'restore', file);
      assert.equal(restore.code, 0, restore.err);
      assert.match(restore.out, new RegExp(`^Sauvegarde du .* \\(base ${source === 'pglite' ? 'embarquée' : 'PostgreSQL'}\\) restaurée\u00a0: `));
      const expected = await contentOf(f.db());
      assert.ok(Number(expected.initiative_photos?.split(' ')[0]) >= 3, 'the photos are in the backup');
      assert.deepEqual(await contentOf(restored.db), expected);
    });

    test('the restored database serves as the original did: tokens, photos, search, and new rows', async () => {
      restoredApp = await buildApp({ database: restored, config, logger: false });
      await restoredApp.ready();
      const browser = new TestBrowser(restoredApp);
      const me = await browser.request('GET', '/api/v1/me', undefined, { authorization: `Bearer ${f.tokens.contributor}` });
      assert.equal(me.status, 200, 'the API token (a hash) came across');
      assert.equal(me.json().email, 'contributrice@trelaze.example.fr');
      for (const photo of photos) {
        const served = await getPhoto(restoredApp, photo.url, f.tokens.contributor);
        assert.equal(served.statusCode, 200, photo.url);
        assert.ok(served.rawPayload.equals(photo.bytes), `${photo.url}: the same bytes`);
      }
      const search = await browser.get('/api/v1/initiatives?q=cong%C3%A9s');
      assert.deepEqual(
        search.json().items.map((i: { id: string }) => i.id),
        [publicId],
        'the observatory finds the public sheet',
      );
      const created = await browser.request('POST', '/api/v1/initiatives', JSON.stringify({ ...LEAVE_REQUESTS, title: 'Après la restauration' }), {
        'content-type': 'application/json',
        authorization: `Bearer ${f.tokens.contributor}`,
      });
      assert.equal(created.status, 201, `sequences went on from where they were: ${created.body}`);
    });
  });
}

for (const driver of everyDriver) roundTrip(driver, driver);
// The format is the same for both drivers: an embedded database moves to a PostgreSQL server.
if (everyDriver.includes('postgres')) roundTrip('pglite', 'postgres');
