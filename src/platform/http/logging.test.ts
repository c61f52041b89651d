import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { DrizzleQueryError } from 'drizzle-orm/errors';
import { loggablePath, MASK, serializeError } from './logging.ts';

/** A driver’s error as pg and PGlite make it: a SQL state, a severity, and details quoting the data. */
function databaseError(message: string, fields: Record<string, string>) {
  return Object.assign(new Error(message), { severity: 'ERROR', ...fields });
}

describe('what the log keeps of an error and of a request', () => {
  test('a failed query keeps its SQL, SQL state and constraint, never its parameters nor the detail quoting them', () => {
    const cause = databaseError('duplicate key value violates unique constraint "users_email_key"', {
      code: '23505',
      constraint: 'users_email_key',
      table: 'users',
      detail: 'Key (email)=(jeanne@example.fr) already exists.',
    });
    const error = new DrizzleQueryError('insert into "users" ("email", "display_name") values ($1, $2)', ['jeanne@example.fr', 'Jeanne Dupont'], cause);
    const logged = serializeError(error);
    const text = JSON.stringify(logged);
    assert.ok(!text.includes('jeanne@example.fr') && !text.includes('Jeanne Dupont'), text);
    assert.equal(logged.message, 'Failed query: insert into "users" ("email", "display_name") values ($1, $2)');
    assert.match(logged.stack, /^DrizzleQueryError: Failed query: insert into "users"/);
    assert.deepEqual(logged.cause, {
      type: 'Error',
      message: 'duplicate key value violates unique constraint "users_email_key"',
      stack: (logged.cause as { stack: string }).stack,
      code: '23505',
      severity: 'ERROR',
      table: 'users',
      constraint: 'users_email_key',
    });
  });

  test('a value PostgreSQL quotes in its message is masked; the names of the schema are kept', () => {
    const logged = serializeError(databaseError('invalid input syntax for type uuid: "Jeanne Dupont"', { code: '22P02' }));
    assert.equal(logged.message, `invalid input syntax for type uuid: "${MASK}"`);
    assert.equal(
      serializeError(databaseError('relation "audit_entries" does not exist', { code: '42P01' })).message,
      'relation "audit_entries" does not exist',
    );
  });

  test('a logged path loses its query string and any one-time token, and keeps ids and codes', () => {
    assert.equal(loggablePath('/mot-de-passe/Zq7hX2pLwR9sT4vB8nM1kJ6cF3dG5aY0uE_iO-tQwZs?email=a%40b.fr'), `/mot-de-passe/${MASK}`);
    assert.equal(
      loggablePath('/espace/49353/initiatives/0b0e2d4c-8f8a-4b8e-9d5e-6b1c2a3d4e5f'),
      '/espace/49353/initiatives/0b0e2d4c-8f8a-4b8e-9d5e-6b1c2a3d4e5f',
    );
    assert.equal(
      loggablePath('/admin/referentiel/2027/services/kiosque-numerique-de-la-mediatheque/renommer'),
      '/admin/referentiel/2027/services/kiosque-numerique-de-la-mediatheque/renommer',
    );
  });
});
