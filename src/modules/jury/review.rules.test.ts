import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { mayReadOtherReviews, missingForSubmission, nextDossier, reviewInput, reviewProgress, reviewRefusals } from './review.rules.ts';

const THEMES = [
  { id: 'services-publics', name: 'Services publics' },
  { id: 'mediation', name: 'Médiation' },
];

describe('a juror’s review', () => {
  test('scores go from 0 to 3, a level from 1 to 5, and the fields are named when wrong', () => {
    assert.equal(reviewInput.safeParse({ themeScores: { mediation: 3 }, proposedLevel: 5 }).success, true);
    for (const [input, field] of [
      [{ themeScores: { mediation: 4 } }, 'themeScores.mediation'],
      [{ themeScores: { mediation: 1.5 } }, 'themeScores.mediation'],
      [{ proposedLevel: 0 }, 'proposedLevel'],
      [{ proposedLevel: 6 }, 'proposedLevel'],
      [{ publicComment: 'x'.repeat(601) }, 'publicComment'],
      [{ comment: 'x'.repeat(5001) }, 'comment'],
      [{ submit: 'oui' }, 'submit'],
    ] as const) {
      const parsed = reviewInput.safeParse(input);
      assert.equal(parsed.success, false, JSON.stringify(input));
      assert.equal(parsed.error?.issues[0]?.path.join('.'), field);
    }
  });

  test('a theme outside the dossier’s referential and a distinction the edition does not offer are refused; excellence never', () => {
    const dossier = { themeIds: THEMES.map((t) => t.id), offeredDistinctions: ['verte', 'mediation', 'excellence'] };
    assert.deepEqual(reviewRefusals({ themeScores: { mediation: 2 }, distinctions: ['verte'] }, dossier), {});
    assert.deepEqual(Object.keys(reviewRefusals({ themeScores: { inconnu: 2 }, distinctions: [] }, dossier)), ['themeScores.inconnu']);
    assert.match(reviewRefusals({ themeScores: {}, distinctions: ['excellence'] }, dossier).distinctions ?? '', /suit sa règle/);
    assert.match(reviewRefusals({ themeScores: {}, distinctions: ['democratie'] }, dossier).distinctions ?? '', /ne décerne pas/);
  });

  test('a submission needs every theme scored and a level, each missing one named', () => {
    assert.deepEqual(
      missingForSubmission({ themeScores: { mediation: 0 }, proposedLevel: null }, THEMES).map((x) => x.field),
      ['themeScores.services-publics', 'proposedLevel'],
    );
    assert.deepEqual(missingForSubmission({ themeScores: { mediation: 0, 'services-publics': 3 }, proposedLevel: 2 }, THEMES), []);
  });

  test('progress counts the themes and the level, and reaches 1 only once handed in', () => {
    assert.equal(reviewProgress(null, 2), 0);
    const half = reviewProgress({ state: 'draft', themeScores: { mediation: 1 }, proposedLevel: null }, 2);
    assert.ok(half > 0.3 && half < 0.34, String(half));
    assert.ok(reviewProgress({ state: 'draft', themeScores: { mediation: 1, 'services-publics': 2 }, proposedLevel: 3 }, 2) < 1);
    assert.equal(reviewProgress({ state: 'submitted', themeScores: {}, proposedLevel: 3 }, 2), 1);
  });

  test('blind first: the others’ reviews only once one’s own is handed in', () => {
    assert.equal(mayReadOtherReviews(null), false);
    assert.equal(mayReadOtherReviews({ state: 'draft' }), false);
    assert.equal(mayReadOtherReviews({ state: 'submitted' }), true);
  });

  test('« Suivant » is the least advanced dossier not handed in, by name when equal', () => {
    const d = (applicationId: string, territoryName: string, progress: number) => ({ applicationId, territoryName, progress });
    assert.equal(nextDossier([d('a', 'Trélazé', 0.5), d('b', 'Angers', 0), d('c', 'Brest', 0), d('d', 'Albi', 1)])?.applicationId, 'b');
    assert.equal(nextDossier([d('d', 'Albi', 1)]), null);
  });
});
