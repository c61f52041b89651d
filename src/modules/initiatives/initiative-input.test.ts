import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { InvalidInputError } from '../../platform/errors.ts';
import { checkSheetInput, createInitiativeInput, parseFrenchNumber, parseSheetInput, patchInitiativeInput, referencesOf } from './initiative-input.ts';
import { contentFromState, formStateFromBody } from './initiative-form-state.ts';

const valid = { territoryCode: '49353', title: 'Congés en ligne', status: 'done', serviceIds: ['dematerialisation-rh'] };

function errorsOf(input: unknown): Record<string, string> {
  try {
    parseSheetInput(createInitiativeInput, input);
  } catch (error) {
    if (error instanceof InvalidInputError) return error.fields;
    throw error;
  }
  return {};
}

describe('sheet input', () => {
  test('a minimal sheet is valid, with defaults', () => {
    const data = parseSheetInput(createInitiativeInput, valid);
    assert.equal(data.visibility, 'draft');
    assert.deepEqual(data.actorIds, []);
    assert.equal(data.startDate, null);
  });

  test('every wrong field is reported at once, the date order included', () => {
    const errors = errorsOf({ ...valid, title: ' ', serviceIds: [], startDate: '2024-05-01', endDate: '2024-04-01' });
    assert.deepEqual(Object.keys(errors).sort(), ['endDate', 'serviceIds', 'title']);
    assert.match(errors.endDate!, /postérieure/);
  });

  test('only web links are accepted', () => {
    for (const url of ['javascript:alert(1)', 'JaVaScRiPt:alert(1)', 'data:text/html,x', 'ftp://example.org', 'https://localhost', 'pas une adresse']) {
      assert.ok(errorsOf({ ...valid, links: [{ label: 'x', url }] })['links.0.url'], url);
    }
    assert.deepEqual(errorsOf({ ...valid, links: [{ label: 'x', url: 'https://www.trelaze.fr/conges' }] }), {});
  });

  test('an address typed without its scheme is taken with https:// added', () => {
    const links = (url: string) => parseSheetInput(createInitiativeInput, { ...valid, links: [{ label: 'x', url }] }).links[0]?.url;
    assert.equal(links('www.exemple.fr'), 'https://www.exemple.fr');
    assert.equal(links(' trelaze.fr/conges '), 'https://trelaze.fr/conges');
    assert.equal(links('http://www.exemple.fr/page?a=1'), 'http://www.exemple.fr/page?a=1', 'a typed scheme is kept');
    assert.ok(
      errorsOf({ ...valid, links: [{ label: 'x', url: `www.exemple.fr/${'a'.repeat(1200)}` }] })['links.0.url'] === undefined,
      'long addresses stay accepted',
    );
  });

  test('the same service chosen twice counts once', () => {
    assert.deepEqual(parseSheetInput(createInitiativeInput, { ...valid, serviceIds: ['a', 'a', 'b'] }).serviceIds, ['a', 'b']);
  });

  test('what a wrong sheet names is still read, field by field, to be checked with it', () => {
    const actorId = '0b7c6a52-5d7e-4a8e-9f61-2f2b7a1d9c00';
    assert.deepEqual(referencesOf({ ...valid, title: '', serviceIds: ['a', 'a'], actorIds: [actorId] }), {
      territoryCode: '49353',
      serviceIds: ['a'],
      actorIds: [actorId],
    });
    assert.deepEqual(referencesOf({ territoryCode: ' ', serviceIds: 'a', actorIds: ['pas-un-identifiant'] }), {
      territoryCode: undefined,
      serviceIds: [],
      actorIds: [],
    });
  });

  test('a patch reads only what it names, with the content schema’s checks', () => {
    const checked = checkSheetInput(patchInitiativeInput, { title: '  Congés  ', version: 2 });
    assert.equal(checked.data?.title, 'Congés');
    assert.equal(checked.data?.version, 2);
    assert.ok(checkSheetInput(patchInitiativeInput, { titre: 'x' }).errors, 'a field the content does not have is refused');
  });
});

describe('French numbers', () => {
  for (const [raw, value] of [
    ['1 200', 1200],
    ['1,2', 1.2],
    ['1\u202f234,5', 1234.5],
    ['-3', -3],
    ['150', 150],
  ] as const) {
    test(`${JSON.stringify(raw)} → ${value}`, () => assert.equal(parseFrenchNumber(raw), value));
  }
  test('text stays text, for the schema to refuse', () => assert.equal(parseFrenchNumber('beaucoup'), 'beaucoup'));
});

describe('form fields', () => {
  test('repeated rows are aligned and empty rows dropped', () => {
    const state = formStateFromBody({
      title: 'x',
      indicatorLabel: ['Tonnes', '', 'Ordinateurs'],
      indicatorValue: ['1,2', '', '150'],
      indicatorUnit: ['t', '', ''],
      indicatorDate: ['', '', '2024-01-01'],
      newActorName: ['Ecologic', ''],
      newActorKind: ['company', 'association'],
      serviceIds: 'dematerialisation-rh',
      responsibleDigital: 'on',
    });
    assert.equal(state.indicators.length, 2);
    assert.deepEqual(state.newActors, [{ name: 'Ecologic', kind: 'company', website: '' }]);
    const content = contentFromState(state);
    assert.deepEqual(content.indicators, [
      { label: 'Tonnes', value: 1.2, unit: 't', date: null },
      { label: 'Ordinateurs', value: 150, unit: '', date: '2024-01-01' },
    ]);
    assert.deepEqual(content.serviceIds, ['dematerialisation-rh']);
    assert.equal(content.responsibleDigital, true);
  });
});
