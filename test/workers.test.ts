// Several processes on one PostgreSQL database, as `npm start -- --workers N` runs them on one machine
// and a load balancer runs several machines: a session opened on one process is valid on the others,
// a form rendered by one is accepted by another, a publication empties every process's page cache,
// each queued e-mail is sent once, a worker that dies is replaced, and the stop is clean. On the
// embedded database `--workers` is refused with a message.
import assert from 'node:assert/strict';
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { request as httpRequest } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { after, before, describe, test } from 'node:test';
import { systemCaller } from '../src/modules/accounts/permissions.rules.ts';
import { recordResults } from '../src/modules/label/record-results.service.ts';
import { enqueueEmail } from '../src/modules/notifications/outbox.service.ts';
import { freeLoopbackPort } from '../src/platform/free-port.ts';
import { createActiveUser, PASSWORD } from './support/accounts.ts';
import { arobaseEnv } from './support/child-env.ts';
import { csrfTokenOf } from './support/http-client.ts';
import { LAUREATES, seedLabelHistory } from './support/results-fixture.ts';
import { openTestDatabase, type TestDatabase } from './support/test-database.ts';

const root = fileURLToPath(new URL('..', import.meta.url));
const bin = join(root, 'bin/arobase.js');

type LogLine = { pid?: number; level?: number; msg?: string; req?: { url?: string }; res?: { statusCode?: number } };

/** `npx arobase serve ARGS` in a process of its own; its output read as JSON log lines. */
class ServeProcess {
  readonly child: ChildProcess;
  output = '';
  readonly ended: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;

  constructor(args: string[], env: Record<string, string>) {
    this.child = spawn(process.execPath, [bin, 'serve', ...args], {
      cwd: root,
      env: arobaseEnv({ HOST: '127.0.0.1', LOG_FORMAT: 'json', ...env }),
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    this.child.stdout?.on('data', (d) => (this.output += d));
    this.child.stderr?.on('data', (d) => (this.output += d));
    this.ended = new Promise((resolve) => this.child.on('exit', (code, signal) => resolve({ code, signal })));
  }

  lines(): LogLine[] {
    return this.output
      .split('\n')
      .filter((l) => l.startsWith('{'))
      .map((l) => JSON.parse(l) as LogLine);
  }

  /** Waits until `count` log lines match (the output so far included). */
  async waitFor(match: (line: LogLine) => boolean, count = 1, timeoutMs = 60_000): Promise<LogLine[]> {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const found = this.lines().filter(match);
      if (found.length >= count) return found;
      if (this.child.exitCode !== null || Date.now() > deadline) throw new Error(`Not seen in the output (${found.length}/${count}):\n${this.output}`);
      await new Promise((r) => setTimeout(r, 100));
    }
  }

  async stop(): Promise<{ code: number | null; signal: NodeJS.Signals | null }> {
    if (this.child.exitCode === null && this.child.signalCode === null) this.child.kill('SIGTERM');
    return this.ended;
  }
}

type Answer = { status: number; headers: Record<string, string | string[] | undefined>; body: string };

/** One request on a connection of its own (so that the primary hands each to the next worker). */
function send(
  port: number,
  method: 'GET' | 'POST',
  path: string,
  options: { cookies?: Map<string, string>; form?: Record<string, string> } = {},
): Promise<Answer> {
  const body = options.form ? new URLSearchParams(options.form).toString() : undefined;
  const cookie = options.cookies ? [...options.cookies].map(([k, v]) => `${k}=${v}`).join('; ') : '';
  return new Promise((resolve, reject) => {
    const req = httpRequest(
      {
        host: '127.0.0.1',
        port,
        method,
        path,
        agent: false,
        headers: {
          connection: 'close',
          ...(cookie ? { cookie } : {}),
          ...(body ? { 'content-type': 'application/x-www-form-urlencoded', 'content-length': String(Buffer.byteLength(body)) } : {}),
        },
      },
      (res) => {
        let text = '';
        res.setEncoding('utf8');
        res.on('data', (d) => (text += d));
        res.on('end', () => {
          for (const raw of res.headers['set-cookie'] ?? []) {
            const [pair = ''] = raw.split(';');
            const eq = pair.indexOf('=');
            options.cookies?.set(pair.slice(0, eq), pair.slice(eq + 1));
          }
          resolve({ status: res.statusCode ?? 0, headers: res.headers, body: text });
        });
      },
    );
    req.on('error', reject);
    req.end(body);
  });
}

const isReady = (line: LogLine) => /^arobase est prêt/.test(line.msg ?? '');

describe('--workers on the embedded database', () => {
  test('is refused with a message naming the option and DATABASE_URL, and opens no database', async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'arobase-workers-'));
    try {
      const serve = new ServeProcess(['--workers', '2'], { DATA_DIR: dataDir, PORT: String(await freeLoopbackPort()) });
      const { code } = await serve.ended;
      assert.equal(code, 2);
      assert.match(serve.output, /--workers demande PostgreSQL \(DATABASE_URL\)/);
      const bad = new ServeProcess(['--workers', 'deux'], { DATA_DIR: dataDir });
      assert.equal((await bad.ended).code, 2);
      assert.match(bad.output, /--workers : doit être un nombre entier/);
    } finally {
      rmSync(dataDir, { recursive: true, force: true });
    }
  });
});

describe('several processes on one PostgreSQL database', { skip: !process.env.DATABASE_URL && 'needs DATABASE_URL (PostgreSQL)' }, () => {
  const MEMBER = 'agente-processus@trelaze.test';
  const workspace = `/espace/${LAUREATES.trelaze}`;
  let database: TestDatabase;
  let env: Record<string, string>;
  before(async () => {
    database = await openTestDatabase('postgres');
    await seedLabelHistory(database.db);
    await createActiveUser(database.db, { email: MEMBER, role: 'member', territoryCode: LAUREATES.trelaze, territoryRole: 'contributor' });
    const url = database.pool?.options.connectionString;
    assert.ok(url);
    // Debug: the log says which process answered each request.
    env = { DATABASE_URL: url, LOG_LEVEL: 'debug' };
  });
  after(() => database?.dispose());

  /** A signed-in person's cookies: the login form rendered by `formPort`, posted to `postPort`. */
  async function logInAcross(formPort: number, postPort: number): Promise<Map<string, string>> {
    const cookies = new Map<string, string>();
    const form = await send(formPort, 'GET', '/connexion', { cookies });
    assert.equal(form.status, 200);
    const posted = await send(postPort, 'POST', '/connexion', { cookies, form: { _csrf: csrfTokenOf(form.body), email: MEMBER, password: PASSWORD } });
    assert.equal(posted.status, 303, `the login rendered by one process is accepted by the other (${posted.status})`);
    return cookies;
  }

  describe('two machines behind a load balancer (two `serve` processes)', () => {
    let a: ServeProcess;
    let b: ServeProcess;
    let portA: number;
    let portB: number;
    before(async () => {
      [portA, portB] = [await freeLoopbackPort(), await freeLoopbackPort()];
      a = new ServeProcess([], { ...env, PORT: String(portA), BASE_URL: `http://127.0.0.1:${portA}` });
      b = new ServeProcess([], { ...env, PORT: String(portB), BASE_URL: `http://127.0.0.1:${portB}` });
      await Promise.all([a.waitFor(isReady), b.waitFor(isReady)]);
    });
    after(async () => {
      await Promise.all([a?.stop(), b?.stop()]);
    });

    test('a session opened through one is signed in on the other, and its forms are accepted there', async () => {
      const cookies = await logInAcross(portA, portB);
      const onA = await send(portA, 'GET', workspace, { cookies });
      assert.equal(onA.status, 200);
      assert.match(onA.body, /Se déconnecter/);
      const onB = await send(portB, 'GET', `/territoires/${LAUREATES.trelaze}`, { cookies });
      assert.match(onB.body, /Se déconnecter/);
      const logout = await send(portB, 'POST', '/deconnexion', { cookies, form: { _csrf: csrfTokenOf(onA.body) } });
      assert.equal(logout.status, 303);
      const after = await send(portA, 'GET', workspace, { cookies });
      assert.notEqual(after.status, 200, 'the session ended on one is ended on the other');
    });

    test('results recorded elsewhere empty both page caches: neither serves the page from before', async () => {
      const path = `/territoires/${LAUREATES.leTrait}`;
      for (const port of [portA, portB]) {
        await send(port, 'GET', path);
        const cached = await send(port, 'GET', path);
        assert.equal(cached.headers['x-cache'], 'hit');
        assert.doesNotMatch(cached.body, /2017/);
      }
      await database.db.transaction((tx) =>
        recordResults(tx, systemCaller('workers test'), [{ year: 2017, territoryCode: LAUREATES.leTrait, level: 2, distinctions: [] }], null),
      );
      for (const port of [portA, portB]) {
        // The notification travels through the server: allow it a moment.
        let page = await send(port, 'GET', path);
        for (let i = 0; i < 50 && !/2017/.test(page.body); i++) {
          await new Promise((r) => setTimeout(r, 100));
          page = await send(port, 'GET', path);
        }
        assert.match(page.body, /2017/, `the process on port ${port} shows the new results`);
      }
    });
  });

  describe('`serve --workers 2`', () => {
    let serve: ServeProcess;
    let port: number;
    before(async () => {
      port = await freeLoopbackPort();
      serve = new ServeProcess(['--workers', '2'], { ...env, PORT: String(port), BASE_URL: `http://127.0.0.1:${port}` });
      await serve.waitFor((l) => /^arobase est prêt : .* \(2 processus de travail/.test(l.msg ?? ''));
    });
    after(() => serve?.stop());

    const isWorkerReady = (l: LogLine) => isReady(l) && l.pid !== serve.child.pid;
    const workerPids = () =>
      new Set(
        serve
          .lines()
          .filter(isWorkerReady)
          .map((l) => l.pid),
      );
    const answeredBy = (path: string) =>
      new Set(
        serve
          .lines()
          .filter((l) => l.msg === 'incoming request' && l.req?.url === path)
          .map((l) => l.pid),
      );

    test('two workers share the port, and a session opened on one is signed in on the other', async () => {
      assert.equal(workerPids().size, 2, 'two workers said they were ready');
      const cookies = await logInAcross(port, port);
      for (let i = 0; i < 6; i++) {
        const page = await send(port, 'GET', workspace, { cookies });
        assert.equal(page.status, 200, `request ${i + 1} signed in`);
      }
      const pids = answeredBy(workspace);
      assert.equal(pids.size, 2, `both workers answered the signed-in requests (${[...pids].join(', ')})`);
    });

    test('each e-mail queued is sent once, though every worker sends the queue', async () => {
      const subjects = Array.from({ length: 12 }, (_, i) => `Courriel de la file n° ${i + 1}`);
      for (const subject of subjects) await enqueueEmail(database.db, { to: 'file@trelaze.test', subject, body: 'Bonjour.' });
      // Every worker's outbox looks every 3 s: with two, each round offers the queue twice.
      const writes = (subject: string) => (l: LogLine) => (l.msg ?? '').includes(`Objet\u00a0: ${subject}\n`);
      await serve.waitFor((l) => subjects.some((s) => writes(s)(l)), subjects.length, 30_000);
      await new Promise((r) => setTimeout(r, 3_500)); // one more round of every worker's outbox
      for (const subject of subjects) {
        const sent = serve.lines().filter(writes(subject));
        assert.equal(sent.length, 1, `${subject} written once`);
      }
    });

    test('a worker that dies is replaced, and the site keeps answering', async () => {
      // A worker stopped earlier (it would leave a dead pid among those that said ready) is a failure of its own.
      const stops = serve.lines().filter((l) => (l.msg ?? '').includes('s’est arrêté'));
      assert.deepEqual(
        stops.map((l) => l.msg),
        [],
        `no worker stopped before this test; the output:\n${serve.output
          .split('\n')
          .filter((l) => !l.includes('"incoming request"') && !l.includes('"request completed"'))
          .slice(-40)
          .join('\n')}`,
      );
      const [victim] = [...workerPids()];
      assert.ok(victim);
      process.kill(victim, 'SIGKILL');
      await serve.waitFor((l) => (l.msg ?? '').includes(`processus de travail ${victim} s’est arrêté`));
      await serve.waitFor(isWorkerReady, 3);
      assert.equal(workerPids().size, 3, 'a third worker started');
      for (let i = 0; i < 4; i++) assert.equal((await send(port, 'GET', '/')).status, 200);
    });

    test('SIGTERM stops every worker, then the primary, with code 0', async () => {
      const pids = [...workerPids()].filter((pid): pid is number => pid !== undefined);
      const { code } = await serve.stop();
      assert.equal(code, 0);
      for (const pid of pids) assert.throws(() => process.kill(pid, 0), /ESRCH/, `worker ${pid} stopped`);
    });
  });
});
