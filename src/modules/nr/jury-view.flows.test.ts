import assert from 'node:assert/strict';
import { before, describe, test } from 'node:test';
import { initiativesFixture, LE_TRAIT, TRELAZE } from '../../../test/support/initiatives-fixture.ts';
import { drivers } from '../../../test/support/test-database.ts';
import { systemCaller } from '../accounts/permissions.rules.ts';
import { signCharter } from './charter.service.ts';
import { startDiagnostic } from './diagnostic.service.ts';
import { completedDiagnostic } from '../../../test/support/nr-fixture.ts';
import { saveIndicatorValue } from './indicators.service.ts';
import { responsibleDigitalForJury, responsibleDigitalMaturity } from './jury-view.service.ts';
import { adoptQuickWin, createAction } from './roadmap.service.ts';

const system = systemCaller('jury-view test');

for (const driver of drivers) {
  describe(`the responsible digital the jury and the self-assessment read (${driver})`, () => {
    const f = initiativesFixture(driver);

    before(async () => {
      const db = f.db();
      // Every question at 2, the governance's at 3: an index of 67 except governance's 100.
      await completedDiagnostic(db, TRELAZE, (q) => (q.themeId === 'gouvernance' ? 3 : 2));
      await signCharter(db, system, TRELAZE, { signedOn: '2026-06-26', signatory: 'Camille Martin', role: 'Maire' });
      await saveIndicatorValue(db, system, TRELAZE, 'appareils-reconditionnes', { date: '2026-03-31', value: '150' });
      await saveIndicatorValue(db, system, TRELAZE, 'appareils-reconditionnes', { date: '2026-05-31', value: '180' });
      await adoptQuickWin(db, system, TRELAZE, 'postes-eteints-la-nuit');
      await createAction(db, system, TRELAZE, { title: 'Une action en cours', themeId: 'usages', status: 'in_progress' });
      // Le Trait has only a diagnostic in progress: nothing to show.
      await startDiagnostic(db, system, LE_TRAIT);
    });

    test('a completed diagnostic: letter, theme indexes, charter, latest values, actions by status', async () => {
      const nr = await responsibleDigitalForJury(f.db(), TRELAZE);
      assert.ok(nr);
      assert.equal(nr.themes.find((t) => t.themeId === 'gouvernance')?.index, 100);
      assert.equal(nr.themes.find((t) => t.themeId === 'usages')?.index, 67);
      assert.equal(nr.letter, 'B');
      assert.deepEqual(nr.charter && { signedOn: nr.charter.signedOn, signatory: nr.charter.signatory, role: nr.charter.role }, {
        signedOn: '2026-06-26',
        signatory: 'Camille Martin',
        role: 'Maire',
      });
      assert.deepEqual(
        nr.indicators.map((i) => [i.key, i.value, i.measuredOn]),
        [['appareils-reconditionnes', 180, '2026-05-31']],
        'only indicators with a value, at their latest',
      );
      assert.deepEqual(nr.actions, { planned: 1, in_progress: 1, done: 0, abandoned: 0 });
    });

    test('no completed diagnostic (one in progress, or none at all): null', async () => {
      assert.equal(await responsibleDigitalForJury(f.db(), LE_TRAIT), null);
      assert.equal(await responsibleDigitalMaturity(f.db(), LE_TRAIT), null);
      assert.equal(await responsibleDigitalForJury(f.db(), '75056'), null);
      assert.equal((await responsibleDigitalMaturity(f.db(), TRELAZE))?.letter, 'B');
    });
  });
}
