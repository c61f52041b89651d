import { chmodSync, existsSync, unlinkSync } from 'node:fs';
import { createConnection, createServer, type Server } from 'node:net';
import { createInterface } from 'node:readline';

/**
 * While the server holds the embedded database, `npx arobase …` commands are sent to it over a
 * local socket (readable by the same user only) and run inside the server process.
 */
export type CommandRunner = (argv: string[], out: (line: string) => void, err: (line: string) => void) => Promise<number>;

export async function startCommandSocket(path: string, run: CommandRunner): Promise<Server> {
  if (existsSync(path)) unlinkSync(path);
  const server = createServer((socket) => {
    const lines = createInterface({ input: socket });
    lines.once('line', async (line) => {
      const send = (msg: object) => socket.writable && socket.write(JSON.stringify(msg) + '\n');
      let code = 1;
      try {
        const { argv } = JSON.parse(line) as { argv: string[] };
        code = await run(
          argv,
          (text) => send({ out: text }),
          (text) => send({ err: text }),
        );
      } catch (error) {
        send({ err: (error as Error).message });
      }
      send({ exit: code });
      socket.end();
    });
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(path, () => resolve());
  });
  chmodSync(path, 0o600);
  return server;
}

/** Sends a command to the running server; resolves with its exit code, or null if nobody answers. */
export function sendCommand(path: string, argv: string[]): Promise<number | null> {
  return new Promise((resolve) => {
    const socket = createConnection(path);
    let exit: number | null = null;
    socket.once('error', () => resolve(null));
    socket.once('connect', () => {
      socket.write(JSON.stringify({ argv }) + '\n');
      const lines = createInterface({ input: socket });
      lines.on('line', (line) => {
        const msg = JSON.parse(line) as { out?: string; err?: string; exit?: number };
        if (msg.out !== undefined) process.stdout.write(msg.out + '\n');
        if (msg.err !== undefined) process.stderr.write(msg.err + '\n');
        if (msg.exit !== undefined) exit = msg.exit;
      });
      lines.on('close', () => resolve(exit ?? 1));
    });
  });
}
