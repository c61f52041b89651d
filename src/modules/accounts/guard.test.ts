import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { safeReturnPath } from './guard.ts';

describe('safeReturnPath (where to go after login)', () => {
  for (const path of ['/compte', '/admin/utilisateurs?invite=a%40b.fr', '/territoires?q=tr%C3%A9laz%C3%A9&page=2', '/']) {
    test(`keeps the local path ${path}`, () => assert.equal(safeReturnPath(path), path));
  }

  const unsafe = [
    'https://evil.example',
    '//evil.example',
    '/\\evil.example',
    '\\\\evil.example',
    '/\t/evil.example',
    '/\n/evil.example',
    '/\r\n/evil.example',
    ' /compte',
    '/ /evil.example',
    '/\\/evil.example',
    '/compte\nSet-Cookie: x=1',
    '/caf\u00e9',
    '',
    'compte',
  ];
  for (const value of unsafe) {
    test(`refuses ${JSON.stringify(value)} and sends to /compte`, () => assert.equal(safeReturnPath(value), '/compte'));
  }

  test('refuses what is not a string', () => {
    assert.equal(safeReturnPath(undefined), '/compte');
    assert.equal(safeReturnPath(['/admin']), '/compte');
  });
});
