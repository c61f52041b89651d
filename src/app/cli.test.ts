import assert from 'node:assert/strict';
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { after, before, describe, test } from 'node:test';

const root = fileURLToPath(new URL('../..', import.meta.url));
const bin = join(root, 'bin/arobase.js');

type Result = { code: number | null; stdout: string; stderr: string; ms: number };

/** The environment of `npx arobase` on an embedded database in `dataDir` (never the PostgreSQL of the test run). */
function cliEnv(dataDir: string, extra: Record<string, string> = {}): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = { ...process.env, DATA_DIR: dataDir, LOG_LEVEL: 'silent', ...extra };
  delete env.DATABASE_URL;
  delete env.NODE_OPTIONS;
  delete env.NODE_TEST_CONTEXT;
  return env;
}

function runCli(args: string[], env: NodeJS.ProcessEnv, timeoutMs = 60_000): Promise<Result> {
  const started = Date.now();
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [bin, ...args], { cwd: root, env, stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d) => (stdout += d));
    child.stderr.on('data', (d) => (stderr += d));
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(new Error(`arobase ${args.join(' ')} did not finish in ${timeoutMs} ms\n${stdout}\n${stderr}`));
    }, timeoutMs);
    child.on('error', reject);
    child.on('close', (code) => {
      clearTimeout(timer);
      resolve({ code, stdout, stderr, ms: Date.now() - started });
    });
  });
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      server.close(() => resolve(port));
    });
  });
}

const lastLine = (text: string) => text.trim().split('\n').at(-1) ?? '';

describe('npx arobase (command line, embedded database)', () => {
  // One DATA_DIR for the whole file: creating an embedded database costs a few seconds.
  let dataDir: string;
  before(() => {
    dataDir = mkdtempSync(join(tmpdir(), 'arobase-cli-'));
  });
  after(() => rmSync(dataDir, { recursive: true, force: true }));

  test('an unknown command exits 2 and lists the commands', async () => {
    const res = await runCli(['fabriquer-du-cafe'], cliEnv(dataDir));
    assert.equal(res.code, 2);
    assert.match(res.stderr, /Commande inconnue : fabriquer-du-cafe/);
    assert.match(res.stderr, /user-create/);
    assert.equal(existsSync(join(dataDir, 'pgdata')), false, 'no database opened for nothing');
  });

  test('a bad PORT makes `serve` refuse to start and name the variable', async () => {
    const res = await runCli(['serve'], cliEnv(dataDir, { PORT: 'quatre-vingts' }));
    assert.notEqual(res.code, 0);
    assert.match(res.stderr, /Configuration invalide/);
    assert.match(res.stderr, /PORT : doit être un nombre entier/);
    assert.equal(existsSync(join(dataDir, 'arobase.pid')), false);
  });

  test('user-create --print-token prints an API token on its last line', { timeout: 120_000 }, async () => {
    const res = await runCli(['user-create', '--email', 'x@y.fr', '--role', 'admin', '--print-token'], cliEnv(dataDir));
    assert.equal(res.code, 0, res.stderr);
    assert.match(res.stdout, /Compte créé : x@y\.fr \(admin\)/);
    assert.match(res.stdout, /\/mot-de-passe\/[\w-]{40,}/, 'with the link to choose a password');
    assert.match(lastLine(res.stdout), /^arb_[\w-]{40,}$/);
    assert.equal(existsSync(join(dataDir, 'arobase.pid')), false, 'the lock is released at the end');
  });

  test('a bad --role exits 2 with a French message naming --role', { timeout: 60_000 }, async () => {
    const res = await runCli(['user-create', '--email', 'z@y.fr', '--role', 'maire'], cliEnv(dataDir));
    assert.equal(res.code, 2);
    assert.match(res.stderr, /--role : doit valoir admin, juror ou member/);
    assert.match(res.stderr, /Usage : arobase user-create/);
  });

  test('an address already taken and an unknown option are usage errors too', { timeout: 60_000 }, async () => {
    const taken = await runCli(['user-create', '--email', 'X@Y.fr', '--role', 'juror'], cliEnv(dataDir));
    assert.equal(taken.code, 2);
    assert.match(taken.stderr, /--email : un compte existe déjà avec cette adresse/);
    const unknown = await runCli(['user-create', '--email', 'w@y.fr', '--role', 'juror', '--couleur', 'bleu'], cliEnv(dataDir));
    assert.equal(unknown.code, 2);
    assert.match(unknown.stderr, /Option inconnue/);
  });

  describe('while the server runs', { timeout: 240_000 }, () => {
    let server: ChildProcess | undefined;
    let serverOutput = '';
    let baseUrl = '';
    let env: NodeJS.ProcessEnv;

    before(async () => {
      const port = await freePort();
      baseUrl = `http://127.0.0.1:${port}`;
      env = cliEnv(dataDir, { PORT: String(port), BASE_URL: baseUrl, LOG_LEVEL: 'info' });
      server = spawn(process.execPath, [bin, 'serve'], { cwd: root, env, stdio: ['ignore', 'pipe', 'pipe'] });
      server.stdout!.on('data', (d) => (serverOutput += d));
      server.stderr!.on('data', (d) => (serverOutput += d));
      const exited = new Promise<never>((_, reject) =>
        server!.once('exit', (code) => reject(new Error(`serve exited (${code}) before answering:\n${serverOutput}`))),
      );
      // The first start imports every territory: wait for /healthz, however long it takes (within the timeout).
      const ready = (async () => {
        for (;;) {
          try {
            const res = await fetch(`${baseUrl}/healthz`);
            if (res.status === 200) return;
          } catch {
            /* not listening yet */
          }
          await new Promise((r) => setTimeout(r, 250));
        }
      })();
      await Promise.race([ready, exited]);
    });

    after(async () => {
      if (!server || server.exitCode !== null) return;
      const exited = new Promise((resolve) => server!.once('exit', resolve));
      server.kill('SIGTERM');
      await exited;
    });

    test('the first start loaded the territories and printed the one-time admin link', async () => {
      const api = await fetch(`${baseUrl}/api/v1/territories?q=trelaze`);
      assert.equal((await api.json()).items[0].code, '49353');
      const link = /\/installation\/[\w-]{40,}/.exec(serverOutput)?.[0];
      assert.ok(link, `no installation link in the log:\n${serverOutput.slice(0, 2_000)}`);
      assert.equal((await fetch(baseUrl + link)).status, 200);
    });

    test('a command goes through the running server and succeeds', async () => {
      const res = await runCli(
        ['user-create', '--email', 'referente@trelaze.example.fr', '--role', 'member', '--territory', '49353', '--territory-role', 'referent', '--print-token'],
        env,
      );
      assert.equal(res.code, 0, res.stderr);
      assert.match(res.stdout, /Compte créé : referente@trelaze\.example\.fr \(member\)/);
      const token = lastLine(res.stdout);
      assert.match(token, /^arb_/);
      // The token was stored by the server's own database: the running server accepts it.
      const me = await fetch(`${baseUrl}/api/v1/me`, { headers: { authorization: `Bearer ${token}` } });
      assert.equal(me.status, 200);
      const body = await me.json();
      assert.equal(body.email, 'referente@trelaze.example.fr');
      assert.deepEqual(body.memberships, [{ territoryCode: '49353', role: 'referent' }]);

      const bad = await runCli(['user-create', '--email', 'autre@y.fr', '--role', 'maire'], env);
      assert.equal(bad.code, 2, 'usage errors keep their exit code through the socket');
      assert.match(bad.stderr, /--role : doit valoir admin, juror ou member/);
    });

    test('a second server on the same DATA_DIR refuses at once with a clear message', async () => {
      const res = await runCli(['serve'], env, 30_000);
      assert.notEqual(res.code, 0);
      assert.match(res.stderr, /La base embarquée est déjà ouverte par un autre processus \(pid \d+\)/);
      assert.match(res.stderr, /un seul serveur peut ouvrir la base embarquée/);
      assert.ok(res.ms < 15_000, `took ${res.ms} ms`);
      assert.equal((await fetch(`${baseUrl}/healthz`)).status, 200, 'the first server is unharmed');
    });

    test('SIGTERM stops the server cleanly and frees the database', async () => {
      const exited = new Promise<number | null>((resolve) => server!.once('exit', (code) => resolve(code)));
      server!.kill('SIGTERM');
      assert.equal(await exited, 0);
      assert.equal(existsSync(join(dataDir, 'arobase.pid')), false, 'lock released');
      const after = await runCli(['user-create', '--email', 'apres@y.fr', '--role', 'juror'], cliEnv(dataDir));
      assert.equal(after.code, 0, after.stderr);
    });
  });
});
