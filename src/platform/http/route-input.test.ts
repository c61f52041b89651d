import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { z } from 'zod';
import '../validation.ts';
import { formBody, formText, formWithLists, lenientQuery } from './route-input.ts';

describe('lenientQuery: a page keeps the valid known keys of its query and reports the rest', () => {
  const schema = lenientQuery({
    q: z.string().trim().optional().default(''),
    kind: z.enum(['commune', 'epci'], { message: 'type inconnu' }).optional(),
    page: z.coerce.number().int().min(1, 'page trop petite').optional().default(1),
  });

  test('valid values are kept, typed, with their defaults', () => {
    assert.deepEqual(schema.parse({ q: ' angers ', kind: 'epci', page: '3' }), { values: { q: 'angers', kind: 'epci', page: 3 }, invalid: {}, unknown: [] });
    assert.deepEqual(schema.parse({}), { values: { q: '', kind: undefined, page: 1 }, invalid: {}, unknown: [] });
  });

  test('a malformed value is dropped and named with its French message; unknown keys are listed; it never fails', () => {
    const read = schema.parse({ kind: 'ville', page: '0', utm_source: 'lettre', q: 'trélazé' });
    assert.deepEqual(read.values, { q: 'trélazé', kind: undefined, page: 1 });
    assert.deepEqual(read.invalid, { kind: 'type inconnu', page: 'page trop petite' });
    assert.deepEqual(read.unknown, ['utm_source']);
    assert.equal(schema.safeParse('pas un objet').success, true);
  });

  test('an empty value is no value; a repeated key counts as its first value', () => {
    assert.deepEqual(schema.parse({ kind: '', page: ['2', '5'] }).values, { q: '', kind: undefined, page: 2 });
    assert.deepEqual(schema.parse({ kind: '' }).invalid, {});
  });

  test('a field that cannot be dropped is refused when the route is declared', () => {
    assert.throws(() => lenientQuery({ q: z.string() }), /« q » must be optional/);
  });
});

describe('formBody: a posted form as text fields', () => {
  test('named fields and the others (the CSRF token) are texts; a repeated field counts as its last value', () => {
    const schema = formBody({ email: formText });
    assert.deepEqual(schema.parse({ email: ['a@x.fr', 'b@x.fr'], _csrf: 'jeton' }), { email: 'b@x.fr', _csrf: 'jeton' });
    assert.deepEqual(schema.parse(undefined), {});
  });

  test('a body that is no form (an object, a number) is refused: a 400, never a 500', () => {
    assert.equal(formBody({ email: formText }).safeParse({ email: { nested: true } }).success, false);
    assert.equal(formBody({}).safeParse({ row: 3 }).success, false);
  });

  test('formWithLists keeps repeated fields as lists', () => {
    assert.deepEqual(formWithLists.parse({ serviceIds: ['a', 'b'], title: 'x' }), { serviceIds: ['a', 'b'], title: 'x' });
  });
});
