import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { connect, type Socket } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, describe, test } from 'node:test';
import { loadConfig } from '../platform/config.ts';
import { startPlatform, type RunningPlatform } from './serve.ts';

/** Opens a raw connection, so that a request can be left half-sent. */
function open(port: number): Promise<Socket> {
  return new Promise((resolve, reject) => {
    const socket = connect(port, '127.0.0.1', () => resolve(socket));
    socket.once('error', reject);
  });
}

/** Everything the server writes back until it closes the connection. */
const answerOf = (socket: Socket) =>
  new Promise<string>((resolve) => {
    let data = '';
    socket.on('data', (chunk) => (data += chunk));
    socket.on('close', () => resolve(data));
    socket.on('error', () => resolve(data));
  });

describe('graceful shutdown: requests in flight finish, new ones are refused, then the database closes', { timeout: 120_000 }, () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'arobase-shutdown-'));
  let platform: RunningPlatform | undefined;
  after(async () => {
    await platform?.stop();
    rmSync(dataDir, { recursive: true, force: true });
  });

  test('a request half-sent when the stop begins still gets its answer', async () => {
    const config = loadConfig({ DATA_DIR: dataDir, PORT: '0', HOST: '127.0.0.1', LOG_LEVEL: 'silent' });
    platform = await startPlatform(config, { logger: false });
    const port = Number(new URL(platform.url).port);
    const body = 'email=personne%40example.fr&password=un-mot-de-passe';
    const socket = await open(port);
    const answer = answerOf(socket);
    socket.write(
      `POST /connexion HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/x-www-form-urlencoded\r\nContent-Length: ${body.length}\r\nConnection: close\r\n\r\n${body.slice(0, 10)}`,
    );
    await new Promise((resolve) => setTimeout(resolve, 200));

    let stopped = false;
    const stopping = platform.stop().then(() => (stopped = true));
    await new Promise((resolve) => setTimeout(resolve, 300));
    assert.equal(stopped, false, 'the stop waits for the request in flight');
    await assert.rejects(open(port), /ECONNREFUSED/, 'no new connection once the stop has begun');

    socket.end(body.slice(10));
    const text = await answer;
    assert.match(text, /^HTTP\/1\.1 (303|400|403|429) /, `the request was answered: ${text.slice(0, 80)}`);
    await stopping;
    assert.equal(stopped, true);
    // The embedded database is closed and its lock released: the same directory opens again.
    platform = await startPlatform(config, { logger: false });
    assert.equal((await fetch(`${platform.url.replace(/:\d+$/, `:${new URL(platform.url).port}`)}/healthz`)).status, 200);
  });
});
