// The ceiling of the page benchmark: a bare node:http server answering each measured path with the
// exact body and content type arobase gave for it, and nothing more (no routing, hooks, security
// headers or database). What arobase reaches of it is what its own work costs. It runs as a child
// process, as arobase's server does, so neither shares a thread with autocannon.
import { once } from 'node:events';
import { createServer } from 'node:http';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { z } from 'zod';
import { BenchError, memoryOf, spawnChild, stopChild, type Memory } from './bench-pages.server.ts';

export type CeilingPage = { path: string; contentType: string; body: Uint8Array };

// Pages and port travel over the IPC channel (advanced serialization keeps the bytes as they are).
const pagesMessage = z.object({ pages: z.array(z.object({ path: z.string(), contentType: z.string(), body: z.instanceof(Uint8Array) })) });
const portMessage = z.object({ port: z.number() });

/** Starts the bare server with these pages on a loopback port. */
export async function startCeiling(pages: CeilingPage[]): Promise<{ url: string; memory: () => Memory | null; stop: () => Promise<void> }> {
  const { child, output } = spawnChild(['--import', 'tsx', fileURLToPath(import.meta.url)], process.env, true);
  child.send({ pages });
  const reply = await Promise.race([once(child, 'message').then(([message]) => portMessage.safeParse(message)), once(child, 'exit').then(() => null)]);
  if (!reply?.success) {
    await stopChild(child);
    throw new BenchError(`Le serveur plafond n’a pas démarré\u00a0:\n${output()}`);
  }
  return { url: `http://127.0.0.1:${reply.data.port}`, memory: () => memoryOf(child.pid), stop: () => stopChild(child) };
}

/** The child's side: serves the pages it was sent until it is stopped or its parent goes. */
function serveCeiling() {
  process.once('message', (message) => {
    const { pages } = pagesMessage.parse(message);
    const byPath = new Map(pages.map((page) => [page.path, { ...page, body: Buffer.from(page.body) }]));
    const server = createServer((request, response) => {
      const page = byPath.get(request.url ?? '');
      if (!page) {
        response.writeHead(404).end();
        return;
      }
      response.writeHead(200, { 'content-type': page.contentType, 'content-length': page.body.length });
      response.end(page.body);
    });
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      process.send?.({ port: typeof address === 'object' && address ? address.port : 0 });
    });
  });
  process.once('disconnect', () => process.exit(0));
  process.once('SIGTERM', () => process.exit(0));
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) serveCeiling();
