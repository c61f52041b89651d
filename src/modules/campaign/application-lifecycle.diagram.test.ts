import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { describe, test } from 'node:test';
import { applicationLifecycleDiagram } from './application-lifecycle.rules.ts';

describe('application lifecycle diagram', () => {
  test('docs/diagrams/application-lifecycle.md is generated from the rules', () => {
    const doc = readFileSync(new URL('../../../docs/diagrams/application-lifecycle.md', import.meta.url), 'utf8');
    assert.ok(doc.includes(applicationLifecycleDiagram()), 'docs/diagrams/application-lifecycle.md is out of date: run npm run docs:diagrams');
  });
});
