import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { after, describe, test } from 'node:test';
import { build } from 'esbuild';
import { sourceMappedStack } from './source-stack.ts';

describe('stacks of the compiled command line, mapped to the sources', () => {
  const dir = mkdtempSync(join(tmpdir(), 'arobase-source-stack-'));
  after(() => rmSync(dir, { recursive: true, force: true }));

  test('a frame of a compiled file names the source file, line and column; other frames are left as they are', async () => {
    const source = join(dir, 'failing.ts');
    writeFileSync(
      source,
      ['// line 1', 'type Unused = { a: string };', '', 'export function fail(): never {', "  throw new Error('raté');", '}', ''].join('\n'),
    );
    const out = join(dir, 'build', 'failing.mjs');
    await build({ entryPoints: [source], outfile: out, bundle: true, format: 'esm', platform: 'node', sourcemap: 'linked', logLevel: 'silent' });
    // In a plain Node process: the tests' own loader (tsx) maps stacks itself.
    const child = spawnSync(
      process.execPath,
      ['--input-type=module', '-e', `import { fail } from ${JSON.stringify(pathToFileURL(out).href)}; try { fail(); } catch (e) { console.log(e.stack); }`],
      { encoding: 'utf8', env: { ...process.env, NODE_OPTIONS: '' } },
    );
    const stack = child.stdout;
    assert.match(stack, /failing\.mjs:\d+:\d+/, 'the raw stack names the compiled file');
    const mapped = sourceMappedStack(stack);
    assert.match(mapped, new RegExp(`${source.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&')}:5:\\d+`), mapped);
    assert.doesNotMatch(mapped, /failing\.mjs/);
    const unknown = '    at f (file:///nulle/part/paquet.mjs:3:7)';
    assert.equal(sourceMappedStack(unknown), unknown, 'a compiled file without a map beside it is left as it is');
  });
});
