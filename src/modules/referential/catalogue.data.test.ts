import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { AXES, REFERENTIAL_SEED_VERSION, SERVICES, THEMES } from './catalogue.data.ts';

const SLUG = /^[a-z0-9]+(-[a-z0-9]+)*$/;

const assertUnique = (ids: readonly string[], what: string): void => {
  const seen = new Set<string>();
  for (const id of ids) {
    assert.ok(!seen.has(id), `${what} id en double : ${id}`);
    seen.add(id);
  }
};

describe('referential catalogue (first edition)', () => {
  test('version of the seed edition', () => {
    assert.equal(REFERENTIAL_SEED_VERSION, '2027');
  });

  test('the 4 axes of the label, in order', () => {
    assert.deepEqual(
      AXES.map((a) => a.name),
      ['Démocratie et services publics', 'Vivre ensemble', 'Partage des connaissances', 'Création de richesses'],
    );
  });

  test('16 themes, 4 per axis, named as in the label matrix', () => {
    assert.equal(THEMES.length, 16);
    const expected: Record<string, string[]> = {
      'Démocratie et services publics': ['Identités, droits et libertés', 'Vie associative', 'Services publics', 'Démocratie locale'],
      'Vivre ensemble': ['Vie quotidienne', 'Cohésion sociale', 'Solidarités', 'Territoire durable'],
      'Partage des connaissances': ['Éducation', 'Médiation', 'Coopérations', 'Culture et patrimoine'],
      'Création de richesses': ['Emploi', 'Innovation', 'Développement économique', 'Attractivité du territoire'],
    };
    for (const axis of AXES) {
      const names = THEMES.filter((t) => t.axisId === axis.id).map((t) => t.name);
      assert.deepEqual(names, expected[axis.name], axis.name);
    }
  });

  test('at least 100 services, at least 4 per theme', () => {
    assert.ok(SERVICES.length >= 100, `${SERVICES.length} services`);
    for (const theme of THEMES) {
      const count = SERVICES.filter((s) => s.themeId === theme.id).length;
      assert.ok(count >= 4, `${theme.name} : ${count} services`);
    }
  });

  test('ids are unique slugs and every service belongs to an existing theme', () => {
    const all = [...AXES.map((a) => a.id), ...THEMES.map((t) => t.id), ...SERVICES.map((s) => s.id)];
    assertUnique(
      AXES.map((a) => a.id),
      'axe',
    );
    assertUnique(
      THEMES.map((t) => t.id),
      'enjeu',
    );
    assertUnique(
      SERVICES.map((s) => s.id),
      'service',
    );
    for (const id of all) assert.match(id, SLUG);
    const axisIds = new Set<string>(AXES.map((a) => a.id));
    for (const t of THEMES) assert.ok(axisIds.has(t.axisId), `${t.id} → axe inconnu ${t.axisId}`);
    const themeIds = new Set<string>(THEMES.map((t) => t.id));
    for (const s of SERVICES) assert.ok(themeIds.has(s.themeId), `${s.id} → enjeu inconnu ${s.themeId}`);
  });

  test('names and one-sentence descriptions', () => {
    for (const s of SERVICES) {
      assert.ok(s.name.trim().length > 0, `${s.id} : nom vide`);
      assert.equal(s.name, s.name.trim(), `${s.id} : espaces autour du nom`);
      assert.ok(s.description.trim().length > 0, `${s.id} : description vide`);
      assert.ok(s.description.endsWith('.'), `${s.id} : la description finit par un point`);
      assert.ok(s.description.length < 200, `${s.id} : description de ${s.description.length} caractères`);
    }
    assertUnique(
      SERVICES.map((s) => s.name.toLowerCase()),
      'nom de service',
    );
  });

  test('responsible-digital services are flagged', () => {
    const nr = SERVICES.filter((s) => s.responsibleDigital);
    assert.ok(nr.length >= 10, `${nr.length} services numérique responsable`);
    for (const id of ['achats-materiel-reconditionne', 'collecte-deee', 'ecoconception-services-numeriques', 'suivi-energetique-batiments']) {
      assert.ok(
        nr.some((s) => s.id === id),
        id,
      );
    }
  });
});
