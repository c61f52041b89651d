// All the pure rules' tests (*.rules.test.ts) in one process: `scripts/test.mjs` runs this file
// with the list in AROBASE_UNIT_FILES, so 37 files no longer pay a start-up each (tsx, imports).
// Each test still names its file in a failure's stack; a single file runs on its own as before.
import { pathToFileURL } from 'node:url';

const files: string[] = JSON.parse(process.env.AROBASE_UNIT_FILES ?? '[]');
if (!files.length) throw new Error('AROBASE_UNIT_FILES: no unit test file given');
for (const file of files) await import(pathToFileURL(file).href);
