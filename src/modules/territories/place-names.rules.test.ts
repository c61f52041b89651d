import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { createRequire } from 'node:module';
import { DEPARTMENT_LOCATIVES, placeLocative } from './place-names.rules.ts';
import { OVERSEAS_COLLECTIVITY_CODES } from './territory.rules.ts';

const departement = (code: string, name: string) => placeLocative({ kind: 'departement', code, name });
const region = (code: string, name: string) => placeLocative({ kind: 'region', code, name });

describe('placeLocative (issue 12, finding 22)', () => {
  test('départements with their article', () => {
    assert.equal(departement('49', 'Maine-et-Loire'), 'dans le Maine-et-Loire');
    assert.equal(departement('01', 'Ain'), 'dans l’Ain');
    assert.equal(departement('13', 'Bouches-du-Rhône'), 'dans les Bouches-du-Rhône');
    assert.equal(departement('2A', 'Corse-du-Sud'), 'en Corse-du-Sud');
    assert.equal(departement('76', 'Seine-Maritime'), 'en Seine-Maritime');
    assert.equal(departement('35', 'Ille-et-Vilaine'), 'en Ille-et-Vilaine');
    assert.equal(departement('59', 'Nord'), 'dans le Nord');
    assert.equal(departement('75', 'Paris'), 'à Paris');
    assert.equal(departement('974', 'La Réunion'), 'à La Réunion');
    assert.equal(departement('971', 'Guadeloupe'), 'en Guadeloupe');
  });
  test('régions', () => {
    assert.equal(region('53', 'Bretagne'), 'en Bretagne');
    assert.equal(region('32', 'Hauts-de-France'), 'dans les Hauts-de-France');
    assert.equal(region('52', 'Pays de la Loire'), 'dans les Pays de la Loire');
    assert.equal(region('44', 'Grand Est'), 'dans le Grand Est');
    assert.equal(region('04', 'La Réunion'), 'à La Réunion');
    assert.equal(region('11', 'Île-de-France'), 'en Île-de-France');
  });
  test('every département of the official list has its article', () => {
    const require = createRequire(import.meta.url);
    const all = require('@etalab/decoupage-administratif/data/departements.json') as { code: string; nom: string }[];
    const collectivities: readonly string[] = OVERSEAS_COLLECTIVITY_CODES;
    const departements = all.filter((d) => !collectivities.includes(d.code));
    assert.equal(departements.length, 101);
    // None falls back to the default: each is listed, and the list holds nothing else.
    assert.deepEqual(Object.keys(DEPARTMENT_LOCATIVES).sort(), departements.map((d) => d.code).sort());
  });
});
