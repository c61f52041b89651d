#!/usr/bin/env node
// `npx arobase`: no build step between `npm install` and `npm start`. The TypeScript sources are
// compiled into one file at start when one changed (bin/compile.js), then run by plain Node; through
// tsx when that cannot be done here, or when AROBASE_RUN_SOURCES=1 asks for it.
import { fileURLToPath, pathToFileURL } from 'node:url';
import { compiledEntry } from './compile.js';

const root = fileURLToPath(new URL('..', import.meta.url));
const compiled = process.env.AROBASE_RUN_SOURCES === '1' ? null : await compiledEntry(root);
let entry;
if (compiled) {
  // Without Node's source maps (about 40 MB kept in memory): the logged stacks are mapped to the
  // sources when written (src/platform/source-stack.ts), and so is a crash's below.
  entry = await import(pathToFileURL(compiled).href);
} else {
  const { register } = await import('tsx/esm/api');
  register();
  entry = await import('../src/app/cli.ts');
}
try {
  const code = await entry.main(process.argv.slice(2));
  if (code >= 0) process.exit(code);
} catch (error) {
  const stack = error instanceof Error ? (error.stack ?? error.message) : String(error);
  console.error(entry.sourceMappedStack ? entry.sourceMappedStack(stack) : stack);
  process.exit(1);
}
