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
  // Stack traces name the sources' files and lines.
  process.setSourceMapsEnabled(true);
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
  console.error(error instanceof Error ? (error.stack ?? error.message) : error);
  process.exit(1);
}
