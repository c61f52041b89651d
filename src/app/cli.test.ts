import assert from 'node:assert/strict';
import { spawn, type ChildProcess } from 'node:child_process';
import { chmodSync, existsSync, lstatSync, mkdtempSync, readdirSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { after, before, describe, test } from 'node:test';
import { freeLoopbackPort } from '../platform/free-port.ts';
import { arobaseEnv } from '../../test/support/child-env.ts';

const root = fileURLToPath(new URL('../..', import.meta.url));
const bin = join(root, 'bin/arobase.js');

type Result = { code: number | null; stdout: string; stderr: string; ms: number };

/** The environment of `npx arobase` on an embedded database in `dataDir` (never the PostgreSQL of the test run). */
function cliEnv(dataDir: string, extra: Record<string, string> = {}): NodeJS.ProcessEnv {
  return arobaseEnv({ DATA_DIR: dataDir, LOG_LEVEL: 'silent', ...extra });
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

const lastLine = (text: string) => text.trim().split('\n').at(-1) ?? '';

/** Walks `root` (links not followed): `change` sees every entry; answers those group or others may use. */
function walk(root: string, change?: (path: string, isDirectory: boolean) => void): string[] {
  const open: string[] = [];
  const visit = (path: string) => {
    const stat = lstatSync(path);
    if (stat.isSymbolicLink()) return;
    change?.(path, stat.isDirectory());
    if (statSync(path).mode & 0o077) open.push(`${(statSync(path).mode & 0o777).toString(8)} ${path}`);
    if (stat.isDirectory()) for (const name of readdirSync(path)) visit(join(path, name));
  };
  visit(root);
  return open;
}

describe('npx arobase (command line, embedded database)', () => {
  // One DATA_DIR for the whole file: creating an embedded database costs a few seconds.
  let dataDir: string;
  let backupFile: string;
  before(() => {
    dataDir = mkdtempSync(join(tmpdir(), 'arobase-cli-'));
    backupFile = join(mkdtempSync(join(tmpdir(), 'arobase-cli-backup-')), 'sauvegarde.arobase.gz');
  });
  after(() => {
    rmSync(dataDir, { recursive: true, force: true });
    rmSync(join(backupFile, '..'), { recursive: true, force: true });
  });

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

  test('a command that would create a database says so and asks for --create or the right DATA_DIR', async () => {
    const res = await runCli(['user-create', '--email', 'x@y.fr', '--role', 'admin'], cliEnv(dataDir));
    assert.equal(res.code, 1);
    assert.match(res.stderr, new RegExp(`^Aucune base de données dans DATA_DIR=${dataDir}\u00a0: cette commande en créerait une nouvelle, vide`));
    assert.match(res.stderr, /même DATA_DIR \(ou DATABASE_URL\) que le serveur/);
    assert.match(res.stderr, /ajoutez --create/);
    assert.doesNotMatch(res.stdout, /localhost:3000/, 'no link to a server that does not hold this account');
    assert.equal(existsSync(join(dataDir, 'pgdata')), false, 'no database created');
    const help = await runCli(['user-create', '--help'], cliEnv(dataDir));
    assert.equal(help.code, 0, help.stderr);
    assert.match(help.stdout, /^Usage : arobase user-create/);
    assert.equal(existsSync(join(dataDir, 'pgdata')), false, 'the help opens no database');
  });

  test('user-create --print-token prints an API token on its last line', { timeout: 120_000 }, async () => {
    const res = await runCli(['user-create', '--email', 'x@y.fr', '--role', 'admin', '--print-token', '--create'], cliEnv(dataDir));
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
      const port = await freeLoopbackPort();
      baseUrl = `http://127.0.0.1:${port}`;
      env = cliEnv(dataDir, { PORT: String(port), BASE_URL: baseUrl, LOG_LEVEL: 'info' });
      // A DATA_DIR left open to others (as PGlite made it before), and the usual umask of a shell.
      walk(dataDir, (path, isDirectory) => chmodSync(path, isDirectory ? 0o777 : 0o666));
      server = spawn('/bin/sh', ['-c', 'umask 022 && exec "$0" "$@"', process.execPath, bin, 'serve'], { cwd: root, env, stdio: ['ignore', 'pipe', 'pipe'] });
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

    let linkAtStart = '';
    test('the first start loaded the territories and printed the one-time admin link plainly, not inside the JSON log', async () => {
      const api = await fetch(`${baseUrl}/api/v1/territories?q=trelaze`);
      assert.equal((await api.json()).items[0].code, '49353');
      // Not a terminal: the log is JSON, and an installer must still find the link on a line of its own.
      const logLines = serverOutput.split('\n').filter((line) => line.startsWith('{'));
      assert.ok(logLines.length > 0, 'the log is JSON');
      assert.ok(
        logLines.every((line) => !line.includes('/installation/')),
        'the secret link stays out of the log',
      );
      linkAtStart = new RegExp(`^ +(${baseUrl}/installation/[\\w-]{40,})$`, 'm').exec(serverOutput)?.[1] ?? '';
      assert.ok(linkAtStart, `no plain installation link in the output:\n${serverOutput.slice(0, 2_000)}`);
      assert.match(serverOutput, /npx arobase first-admin-link/, 'and how to get a fresh one');
      assert.equal((await fetch(linkAtStart)).status, 200);
    });

    test('first-admin-link, through the running server, prints a fresh link that replaces the one printed at start', async () => {
      const res = await runCli(['first-admin-link'], env);
      assert.equal(res.code, 0, res.stderr);
      const fresh = lastLine(res.stdout);
      assert.match(fresh, new RegExp(`^${baseUrl}/installation/[\\w-]{40,}$`));
      assert.equal((await fetch(fresh)).status, 200);
      assert.equal((await fetch(linkAtStart)).status, 410);
    });

    test('DATA_DIR and everything in it are the server user’s alone (0700/0600), the existing directory included', () => {
      assert.deepEqual(walk(dataDir), []);
      assert.match(serverOutput, /DATA_DIR=.*\d+ fichiers ou dossiers étaient accessibles à d’autres utilisateurs/, 'the start said so');
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
      // The token was stored by the server’s own database: the running server accepts it.
      const me = await fetch(`${baseUrl}/api/v1/me`, { headers: { authorization: `Bearer ${token}` } });
      assert.equal(me.status, 200);
      const body = await me.json();
      assert.equal(body.email, 'referente@trelaze.example.fr');
      assert.deepEqual(body.memberships, [{ territoryCode: '49353', role: 'referent' }]);

      const bad = await runCli(['user-create', '--email', 'autre@y.fr', '--role', 'maire'], env);
      assert.equal(bad.code, 2, 'usage errors keep their exit code through the socket');
      assert.match(bad.stderr, /--role : doit valoir admin, juror ou member/);
    });

    test('backup goes through the running server into a 0600 file; restore refuses while the server runs', async () => {
      const backup = await runCli(['backup', backupFile], env);
      assert.equal(backup.code, 0, backup.stderr);
      assert.match(backup.stdout, /^Sauvegarde écrite dans .*sauvegarde\.arobase\.gz/);
      assert.equal(statSync(backupFile).mode & 0o777, 0o600);
      const again = await runCli(['backup', backupFile], env);
      assert.equal(again.code, 1);
      assert.match(again.stderr, /existe déjà\u00a0: choisissez un autre nom, ou ajoutez --force/);
      const restore = await runCli(['restore', backupFile, '--force'], env);
      assert.equal(restore.code, 1);
      assert.match(restore.stderr, /^restore doit avoir la base embarquée pour lui seul, et le serveur l’utilise \(pid \d+\)\u00a0: arrêtez le serveur/);
      assert.equal((await fetch(`${baseUrl}/healthz`)).status, 200, 'the server is unharmed');
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

    test('the backup restores into a new DATA_DIR with --create, accounts included', { timeout: 120_000 }, async () => {
      const elsewhere = join(dataDir, '..', `${dataDir.split('/').at(-1)}-restauree`);
      try {
        const refused = await runCli(['restore', backupFile], cliEnv(elsewhere));
        assert.equal(refused.code, 1);
        assert.match(refused.stderr, /ajoutez --create/);
        const restored = await runCli(['restore', backupFile, '--create'], cliEnv(elsewhere));
        assert.equal(restored.code, 0, restored.stderr);
        assert.match(restored.stdout, /^Sauvegarde du .* \(base embarquée\) restaurée\u00a0: \d+ tables, /);
        const taken = await runCli(['user-create', '--email', 'referente@trelaze.example.fr', '--role', 'juror'], cliEnv(elsewhere));
        assert.equal(taken.code, 2, 'the account made through the server came back');
        assert.match(taken.stderr, /--email : un compte existe déjà avec cette adresse/);
        assert.deepEqual(walk(elsewhere), [], 'private too');
      } finally {
        rmSync(elsewhere, { recursive: true, force: true });
      }
    });
  });
});
