import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { decidePick, MAX_CHOICES, readPickerText } from './territory-picker.rules.ts';

describe('what a territory field holds', () => {
  test('codes, typed or picked from a suggestion', () => {
    assert.deepEqual(readPickerText('49099'), { kind: 'code', code: '49099' });
    assert.deepEqual(readPickerText(' 2a004 '), { kind: 'code', code: '2A004' });
    assert.deepEqual(readPickerText('200071678'), { kind: 'code', code: '200071678' });
    assert.deepEqual(readPickerText('REG-52'), { kind: 'code', code: 'reg-52' });
    assert.deepEqual(readPickerText('49'), { kind: 'code', code: '49' });
    assert.deepEqual(readPickerText('2b'), { kind: 'code', code: '2B' });
    assert.deepEqual(readPickerText('Cholet (49099)'), { kind: 'code', code: '49099' });
    assert.deepEqual(readPickerText('CA Cholet Agglomération (200071678)'), { kind: 'code', code: '200071678' });
  });

  test('names, alone or with their département', () => {
    assert.deepEqual(readPickerText('  Saint-Pierre  '), { kind: 'name', name: 'Saint-Pierre', department: null });
    assert.deepEqual(readPickerText('Saint-Pierre (974)'), { kind: 'name', name: 'Saint-Pierre', department: '974' });
    assert.deepEqual(readPickerText('Cholet (49)'), { kind: 'name', name: 'Cholet', department: '49' });
    assert.deepEqual(readPickerText('Château-Chinon (Ville)'), { kind: 'name', name: 'Château-Chinon (Ville)', department: null });
    assert.deepEqual(readPickerText('Trait (Le)'), { kind: 'name', name: 'Trait (Le)', department: null });
    assert.deepEqual(readPickerText('   '), { kind: 'empty' });
  });
});

describe('one sure territory, a choice, or none', () => {
  const t = (name: string, code: string) => ({ name, code });

  test('one territory bearing the name, whatever its accents, case and hyphens: sure', () => {
    const found = [t('Trélazé', '49353'), t('Trélazé-Village', '99999')];
    assert.deepEqual(decidePick('trelaze', found), { status: 'picked', item: found[0] });
    assert.deepEqual(decidePick('St Etienne du Rouvray', [t('Saint-Étienne-du-Rouvray', '76575')]).status, 'picked');
  });

  test('several bearing it: a choice among them only', () => {
    const found = [t('Saint-Pierre', '97416'), t('Saint-Pierre', '97502'), t('Saint-Pierre-des-Corps', '37233')];
    assert.deepEqual(decidePick('Saint-Pierre', found), { status: 'choose', items: found.slice(0, 2) });
  });

  test('only neighbours (a typo, a longer name): offered, never taken', () => {
    const found = [t('Trélazé', '49353')];
    assert.deepEqual(decidePick('Trelazer', found), { status: 'choose', items: found });
    const many = Array.from({ length: 20 }, (_, i) => t(`Saint-Martin-${i}`, String(i)));
    const decision = decidePick('Saint-Mart', many);
    assert.equal(decision.status === 'choose' && decision.items.length, MAX_CHOICES);
  });

  test('nothing found: none', () => {
    assert.deepEqual(decidePick('Nulle-Part', []), { status: 'none' });
  });
});
