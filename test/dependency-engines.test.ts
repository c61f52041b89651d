import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { describe, test } from 'node:test';

// `semver` comes with the tooling (typescript-eslint, npm’s own choice of range semantics); no types shipped.
const semver = createRequire(import.meta.url)('semver') as {
  minVersion(range: string): { version: string } | null;
  satisfies(version: string, range: string, options?: { includePrerelease?: boolean }): boolean;
};

const root = new URL('../', import.meta.url);
const manifest = JSON.parse(readFileSync(new URL('package.json', root), 'utf8')) as { engines: { node: string } };
const lock = JSON.parse(readFileSync(new URL('package-lock.json', root), 'utf8')) as {
  packages: Record<string, { version?: string; engines?: { node?: string } | string[] }>;
};

/** The locked packages whose `engines.node` refuses `nodeVersion`: what `npm ci` warns about (EBADENGINE). */
function packagesRefusing(nodeVersion: string): string[] {
  return Object.entries(lock.packages)
    .filter(([path]) => path !== '')
    .flatMap(([path, entry]) => {
      // Old packages wrote `engines` as an array, which npm ignores.
      const range = Array.isArray(entry.engines) ? undefined : entry.engines?.node;
      if (!range || semver.satisfies(nodeVersion, range, { includePrerelease: true })) return [];
      return [`${path.replace(/^.*node_modules\//, '')}@${entry.version} wants node ${range}`];
    });
}

describe('dependencies and the Node versions the README promises', () => {
  const oldest = semver.minVersion(manifest.engines.node)?.version;

  test('package.json names the oldest Node it supports', () => {
    assert.ok(oldest, `engines.node "${manifest.engines.node}" has no lowest version`);
    assert.ok(semver.satisfies(process.version, manifest.engines.node), `this Node (${process.version}) is outside engines.node`);
  });

  test('every locked package accepts the oldest supported Node, and this one: a fresh `npm ci` warns of no engine', () => {
    assert.deepEqual(packagesRefusing(oldest!), [], `on Node ${oldest}`);
    assert.deepEqual(packagesRefusing(process.version), [], `on Node ${process.version}`);
  });
});
