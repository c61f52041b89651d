// `npx arobase` runs from one file compiled from the sources (bin/compile.js): built when missing or
// older than a source, reused otherwise, and the same program as the sources.
import assert from 'node:assert/strict';
import { arobaseEnv } from './support/child-env.ts';
import { spawnSync } from 'node:child_process';
import { copyFileSync, mkdirSync, mkdtempSync, rmSync, statSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { after, describe, test } from 'node:test';
import { compiledEntry, newestChange } from '../bin/compile.js';

const root = fileURLToPath(new URL('..', import.meta.url));

describe('the compiled start of the command line', () => {
  const project = mkdtempSync(join(tmpdir(), 'arobase-compile-'));
  after(() => rmSync(project, { recursive: true, force: true }));
  const write = (path: string, text: string) => {
    mkdirSync(join(project, path, '..'), { recursive: true });
    writeFileSync(join(project, path), text);
  };
  write('package.json', '{ "type": "module" }');
  copyFileSync(join(root, 'tsconfig.json'), join(project, 'tsconfig.json'));
  write('src/app/cli.ts', "import { answer } from './answer.ts';\nexport const main = async (): Promise<string> => answer;\n");
  write('src/app/answer.ts', "export const answer: string = 'première';\n");
  const out = join(project, '.cache', 'build', 'arobase.mjs');
  const run = async (file: string) => (await import(`${pathToFileURL(file).href}?v=${statSync(file).mtimeMs}`)).main();

  test('builds the entry when it is missing, and it runs the sources’ program', async () => {
    assert.equal(await compiledEntry(project), out);
    assert.equal(await run(out), 'première');
    assert.ok(statSync(`${out}.map`).isFile(), 'a source map for the stack traces');
  });

  test('reuses it while no source changed, rebuilds it after a change', async () => {
    const built = statSync(out).mtimeMs;
    assert.equal(await compiledEntry(project), out);
    assert.equal(statSync(out).mtimeMs, built, 'not rebuilt');
    write('src/app/answer.ts', "export const answer: string = 'seconde';\n");
    const later = new Date(built + 5_000);
    utimesSync(join(project, 'src/app/answer.ts'), later, later);
    // Modification times are stored finer than milliseconds: read back, they may differ by a fraction of one.
    assert.ok(Math.abs(newestChange([join(project, 'src')]) - later.getTime()) < 1);
    assert.equal(await compiledEntry(project), out);
    assert.ok(statSync(out).mtimeMs >= later.getTime() || statSync(out).mtimeMs > built, 'rebuilt');
    assert.equal(await run(out), 'seconde');
  });

  test('a source that does not compile: no entry (the command line then runs the sources through tsx)', async () => {
    write('src/app/answer.ts', 'export const answer: string = ;\n');
    utimesSync(join(project, 'src/app/answer.ts'), new Date(Date.now() + 60_000), new Date(Date.now() + 60_000));
    assert.equal(await compiledEntry(project), null);
  });

  test('the real command line, compiled, finds the project’s files from .cache/build', () => {
    // migrate on a fresh embedded database reads the migrations folder through the project's root.
    const dataDir = mkdtempSync(join(tmpdir(), 'arobase-compiled-'));
    try {
      const env = arobaseEnv({ DATA_DIR: dataDir, LOG_LEVEL: 'silent' });
      const res = spawnSync(process.execPath, [join(root, 'bin/arobase.js'), 'migrate', '--create'], {
        cwd: tmpdir(),
        env,
        encoding: 'utf8',
        timeout: 120_000,
      });
      assert.equal(res.status, 0, res.stderr);
      assert.ok(statSync(join(root, '.cache', 'build', 'arobase.mjs')).mtimeMs >= newestChange([join(root, 'src')]), 'the entry is fresh');
    } finally {
      rmSync(dataDir, { recursive: true, force: true });
    }
  });
});
