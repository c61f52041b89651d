import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { z } from 'zod';
import { InvalidInputError } from './errors.ts';
import { validatorCompiler } from './http/route-input.ts';
import { calendarDate, findUnstorableText, isInt4 } from './validation.ts';

describe('what no column can store, dates people type, PostgreSQL integers', () => {
  test('a NUL or a lone surrogate is found where it is, by its dotted path; a pair of surrogates (an emoji) is text', () => {
    assert.equal(findUnstorableText({ title: 'ok 😀', links: [{ url: 'https://a.fr' }, { label: 'x\u0000' }] }), 'links.1.label');
    assert.equal(findUnstorableText({ a: { b: ['\ud800'] } }), 'a.b.0');
    assert.equal(findUnstorableText('\udfff'), '');
    assert.equal(findUnstorableText({ 'clé\u0000': 1 }), 'clé\ufffd');
    assert.equal(findUnstorableText({ title: 'Médiathèque « 3e lieu »', count: 3, data: Buffer.from([0, 0xed, 0xa0, 0x80]) }), undefined);
    // Deep nesting does not exhaust the stack.
    assert.equal(findUnstorableText(JSON.parse('['.repeat(50_000) + '"\\u0000"' + ']'.repeat(50_000))), `${'0.'.repeat(49_999)}0`);
  });

  test('a calendar date exists and falls between 1900 and 2100', () => {
    const date = calendarDate({ invalid: 'date invalide' });
    for (const ok of ['1900-01-01', '2024-02-29', '2100-12-31']) assert.ok(date.safeParse(ok).success, ok);
    assert.equal(date.safeParse('2023-02-29').error?.issues[0]?.message, 'date invalide');
    for (const out of ['0000-01-01', '1899-12-31', '2101-01-01', '0202-03-04']) {
      assert.match(date.safeParse(out).error?.issues[0]?.message ?? '', /l’année doit être comprise entre 1900 et 2100/, out);
    }
  });

  test('int4 bounds', () => {
    assert.ok(isInt4(2_147_483_647) && isInt4(-2_147_483_648) && isInt4(0));
    for (const n of [2_147_483_648, -2_147_483_649, 1.5, Infinity, NaN]) assert.ok(!isInt4(n), String(n));
  });

  test('every route’s validator refuses an unstorable text with the field’s name before its schema reads it', () => {
    const validate = validatorCompiler({ schema: z.object({ q: z.string() }), method: 'GET', url: '/x', httpPart: 'querystring' });
    const refused = validate({ q: 'a\u0000' }) as { error?: unknown };
    assert.ok(refused.error instanceof InvalidInputError);
    assert.deepEqual(refused.error.fields, { q: 'contient un caractère invalide (caractère nul ou caractère Unicode incomplet)\u00a0: retapez ce texte' });
    assert.deepEqual(validate({ q: 'trélazé' }), { value: { q: 'trélazé' } });
  });
});
