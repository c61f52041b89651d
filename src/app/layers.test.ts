import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, test } from 'node:test';
import { checkLayers, findCycle, moduleEdges, moduleOrderMarkdown, readImports } from './module-graph.ts';
import { MODULE_ORDER } from './module-order.ts';

const src = fileURLToPath(new URL('..', import.meta.url));
const docs = fileURLToPath(new URL('../../docs/module-order.md', import.meta.url));

describe('layers: modules depend one way, in the declared order', () => {
  const imports = readImports(src);

  test('the source tree breaks no layer rule', () => {
    const violations = checkLayers(imports, MODULE_ORDER).map((v) => `${v.from} → ${v.to}: ${v.rule}`);
    assert.deepEqual(violations, []);
  });

  test('the module graph has no cycle', () => {
    assert.equal(findCycle(moduleEdges(imports)), null);
  });

  test('docs/module-order.md is up to date (npm run docs:diagrams)', () => {
    assert.equal(readFileSync(docs, 'utf8'), moduleOrderMarkdown(MODULE_ORDER, moduleEdges(imports)));
  });

  // The rules themselves, on planted imports: each must be caught.
  const order = ['territories', 'initiatives', 'observatory'];
  test('a platform file importing a module, or the app, is refused', () => {
    const found = checkLayers(
      [
        { from: 'platform/http/server.ts', to: 'modules/territories/routes.tsx' },
        { from: 'platform/views/layout.tsx', to: 'app/modules.ts' },
      ],
      order,
    );
    assert.equal(found.length, 2);
    assert.match(found[0]!.rule, /src\/platform\/ imports nothing/);
  });

  test('an upward import is refused, a downward one allowed', () => {
    const upward = checkLayers([{ from: 'modules/territories/routes.tsx', to: 'modules/initiatives/public.service.ts' }], order);
    assert.deepEqual(
      upward.map((v) => v.rule),
      ['territories may not import initiatives, declared after it in MODULE_ORDER'],
    );
    assert.deepEqual(checkLayers([{ from: 'modules/observatory/index.service.ts', to: 'modules/initiatives/read.service.ts' }], order), []);
  });

  test("only a schema.ts imports another module's schema.ts", () => {
    assert.deepEqual(checkLayers([{ from: 'modules/initiatives/schema.ts', to: 'modules/territories/schema.ts' }], order), []);
    const found = checkLayers([{ from: 'modules/initiatives/save.service.ts', to: 'modules/territories/schema.ts' }], order);
    assert.deepEqual(
      found.map((v) => v.rule),
      ["only a schema.ts imports another module's schema.ts"],
    );
  });

  test('an undeclared module and a module importing the app are refused', () => {
    const found = checkLayers(
      [
        { from: 'modules/jury/routes.tsx', to: 'modules/territories/schema.ts' },
        { from: 'modules/territories/routes.tsx', to: 'app/modules.ts' },
      ],
      order,
    );
    assert.ok(found.some((v) => v.rule === 'module jury is not declared in MODULE_ORDER'));
    assert.ok(found.some((v) => v.rule === 'a module does not import src/app/'));
  });

  test('a cycle is found', () => {
    const edges = new Map([
      ['a', new Set(['b'])],
      ['b', new Set(['c'])],
      ['c', new Set(['a'])],
    ]);
    assert.deepEqual(findCycle(edges), ['a', 'b', 'c', 'a']);
    assert.equal(findCycle(new Map([['a', new Set(['b'])]])), null);
  });
});
