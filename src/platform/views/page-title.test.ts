import assert from 'node:assert/strict';
import { test } from 'node:test';
import { titleWithFilters } from './page-title.ts';

test('a filtered page’s title: the chosen filters first, empty ones left out', () => {
  assert.equal(titleWithFilters('Palmarès 2023', []), 'Palmarès 2023');
  assert.equal(titleWithFilters('Palmarès 2023', ['', null, undefined]), 'Palmarès 2023');
  assert.equal(titleWithFilters('Palmarès 2023', ['Pays de la Loire', undefined, '@ verte']), 'Pays de la Loire, @ verte · Palmarès 2023');
});
