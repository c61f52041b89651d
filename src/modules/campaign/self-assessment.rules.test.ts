import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import {
  actionLeads,
  coveredServiceIds,
  DEFAULT_SELF_ASSESSMENT_PARAMETERS,
  explainParameters,
  MIN_PEERS,
  notConcernedRefusal,
  parametersFromInput,
  parseWeight,
  peerPosition,
  roundScore,
  selfAssessment,
  selfAssessmentParametersSchema,
  serviceShareAmongPeers,
  weakestThemes,
  type AssessedInitiative,
  type ReferentialTree,
} from './self-assessment.rules.ts';

// Two axes; axis a has a theme of 3 services and one of 1; axis b one theme of 2 services.
const tree: ReferentialTree = {
  axes: [
    {
      id: 'a',
      name: 'Démocratie et services publics',
      themes: [
        {
          id: 'a1',
          name: 'Services publics',
          services: [
            { id: 's1', name: 'Paiement en ligne' },
            { id: 's2', name: 'Rendez-vous en ligne' },
            { id: 's3', name: 'Signalements' },
          ],
        },
        { id: 'a2', name: 'Démocratie locale', services: [{ id: 's4', name: 'Conseils retransmis' }] },
      ],
    },
    {
      id: 'b',
      name: 'Partage des connaissances',
      themes: [
        {
          id: 'b1',
          name: 'Éducation',
          services: [
            { id: 's5', name: 'Robots à l’école' },
            { id: 's6', name: 'Tablettes' },
          ],
        },
      ],
    },
  ],
};
const init = (id: string, status: AssessedInitiative['status'], ...serviceIds: string[]): AssessedInitiative => ({ id, status, serviceIds });
const theme = (result: ReturnType<typeof selfAssessment>, id: string) => result.axes.flatMap((a) => a.themes).find((t) => t.id === id)!;
const axis = (result: ReturnType<typeof selfAssessment>, id: string) => result.axes.find((a) => a.id === id)!;

describe('self-assessment scoring', () => {
  test('default weights: done 1, in progress 0.6, planned 0.2, abandoned 0, valid parameters', () => {
    assert.deepEqual(DEFAULT_SELF_ASSESSMENT_PARAMETERS.statusWeights, { done: 1, in_progress: 0.6, planned: 0.2, abandoned: 0 });
    assert.ok(selfAssessmentParametersSchema.safeParse(DEFAULT_SELF_ASSESSMENT_PARAMETERS).success);
    assert.ok(!selfAssessmentParametersSchema.safeParse({ statusWeights: { done: 1.5, in_progress: 0.6, planned: 0.2, abandoned: 0 } }).success);
    assert.ok(!selfAssessmentParametersSchema.safeParse({ statusWeights: { done: 1, in_progress: 0.6, planned: 0.2 } }).success);
  });

  test('zero initiatives: 0 everywhere, not null', () => {
    const result = selfAssessment(tree, [], []);
    assert.equal(result.overall, 0);
    assert.equal(result.coverage, 0);
    for (const a of result.axes) {
      assert.deepEqual([a.score, a.coverage], [0, 0]);
      for (const t of a.themes) assert.deepEqual([t.score, t.coverage], [0, 0]);
    }
  });

  test('a service is worth the highest weight among the initiatives covering it', () => {
    const result = selfAssessment(tree, [init('i1', 'planned', 's1'), init('i2', 'done', 's1'), init('i3', 'in_progress', 's1')], []);
    const s1 = theme(result, 'a1').services[0]!;
    assert.deepEqual([s1.value, s1.bestStatus, s1.covered, s1.initiativeIds], [1, 'done', true, ['i1', 'i2', 'i3']]);
    const s2 = theme(result, 'a1').services[1]!;
    assert.deepEqual([s2.value, s2.bestStatus, s2.covered, s2.initiativeIds], [0, null, false, []]);
  });

  test('theme score = 100 × sum of values / concerned services, rounded once to one decimal', () => {
    const result = selfAssessment(tree, [init('i1', 'done', 's1'), init('i2', 'in_progress', 's2'), init('i3', 'planned', 's5')], []);
    // a1: (1 + 0.6 + 0) / 3 = 53.33…
    assert.equal(theme(result, 'a1').score, 53.3);
    assert.equal(theme(result, 'a1').coverage, 66.7);
    assert.equal(theme(result, 'a2').score, 0);
    // b1: 0.2 / 2 = 10
    assert.equal(theme(result, 'b1').score, 10);
    assert.equal(theme(result, 'b1').coverage, 50);
  });

  test('axis and overall are over all their concerned services, not the mean of theme scores', () => {
    const result = selfAssessment(tree, [init('i1', 'done', 's4')], []);
    // Axis a: themes 0 and 100 (mean 50) but 1 service of 4 → 25.
    assert.equal(theme(result, 'a2').score, 100);
    assert.equal(axis(result, 'a').score, 25);
    // Overall: 1 of 6 services.
    assert.equal(result.overall, roundScore(100 / 6));
    assert.equal(result.overall, 16.7);
    assert.equal(result.coverage, 16.7);
    assert.deepEqual([result.concernedServices, result.coveredServices], [6, 1]);
  });

  test('an abandoned initiative is worth 0 and covers nothing; planned covers with a small weight', () => {
    const abandoned = selfAssessment(tree, [init('i1', 'abandoned', 's1', 's2', 's3')], []);
    assert.deepEqual([theme(abandoned, 'a1').score, theme(abandoned, 'a1').coverage], [0, 0]);
    assert.deepEqual(theme(abandoned, 'a1').services[0]?.bestStatus, 'abandoned');
    const planned = selfAssessment(tree, [init('i1', 'planned', 's1', 's2', 's3')], []);
    assert.deepEqual([theme(planned, 'a1').score, theme(planned, 'a1').coverage], [20, 100]);
  });

  test('a « non concerné » service leaves the denominators; a theme with none concerned is null', () => {
    const result = selfAssessment(tree, [init('i1', 'done', 's1')], [{ serviceId: 's2', reason: 'Pas de service de rendez-vous en mairie' }]);
    const a1 = theme(result, 'a1');
    assert.equal(a1.score, 50);
    assert.equal(a1.concernedServices, 2);
    assert.equal(a1.services[1]?.concerned, false);
    assert.equal(a1.services[1]?.notConcernedReason, 'Pas de service de rendez-vous en mairie');
    assert.equal(result.overall, 20);
    const none = selfAssessment(tree, [], [{ serviceId: 's4', reason: 'Pas de conseil à retransmettre' }]);
    assert.deepEqual([theme(none, 'a2').score, theme(none, 'a2').coverage], [null, null]);
    assert.equal(axis(none, 'a').score, 0);
    assert.equal(none.overall, 0);
  });

  test('everything not concerned: null, and a not-concerned service does not score even if an abandoned sheet names it', () => {
    const all = ['s1', 's2', 's3', 's4', 's5', 's6'].map((serviceId) => ({ serviceId, reason: 'Sans objet' }));
    const result = selfAssessment(tree, [init('i1', 'abandoned', 's1')], all);
    assert.deepEqual([result.overall, result.coverage, axis(result, 'a').score], [null, null, null]);
    assert.deepEqual(result.ignoredDeclarations, []);
  });

  test('a declaration without a reason, for an unknown service, or for a covered service is ignored and reported', () => {
    const result = selfAssessment(
      tree,
      [init('i1', 'in_progress', 's3')],
      [
        { serviceId: 's1', reason: '  ' },
        { serviceId: 's2', reason: null },
        { serviceId: 'zz', reason: 'x' },
        { serviceId: 's3', reason: 'Pas chez nous' },
      ],
    );
    assert.deepEqual(
      result.ignoredDeclarations.map((d) => [d.serviceId, d.problem]),
      [
        ['s1', 'reason_required'],
        ['s2', 'reason_required'],
        ['zz', 'unknown_service'],
        ['s3', 'covered'],
      ],
    );
    assert.equal(theme(result, 'a1').concernedServices, 3);
    assert.equal(theme(result, 'a1').score, 20);
    assert.equal(notConcernedRefusal({ serviceId: 's1', reason: '' }, new Set(['s1'])), 'Indiquez pourquoi ce service ne concerne pas votre territoire.');
    assert.match(notConcernedRefusal({ serviceId: 'zz', reason: 'x' }, new Set(['s1'])) ?? '', /Service inconnu/);
    assert.equal(notConcernedRefusal({ serviceId: 's1', reason: 'Pas de piscine' }, new Set(['s1'])), null);
  });

  test('services unknown to the referential and repeated ids in a sheet change nothing', () => {
    const result = selfAssessment(tree, [init('i1', 'done', 'retired', 's1', 's1')], []);
    assert.equal(result.coveredServices, 1);
    assert.deepEqual(theme(result, 'a1').services[0]?.initiativeIds, ['i1']);
  });

  test('edition parameters change the weights', () => {
    const result = selfAssessment(tree, [init('i1', 'in_progress', 's4')], [], { statusWeights: { done: 1, in_progress: 0.5, planned: 0, abandoned: 0 } });
    assert.equal(theme(result, 'a2').score, 50);
    const plannedZero = selfAssessment(tree, [init('i1', 'planned', 's4')], [], { statusWeights: { done: 1, in_progress: 0.5, planned: 0, abandoned: 0 } });
    assert.equal(theme(plannedZero, 'a2').coverage, 0);
  });

  test('rounding is one decimal, half up', () => {
    assert.equal(roundScore(53.333), 53.3);
    assert.equal(roundScore(66.666), 66.7);
    assert.equal(roundScore(0.05), 0.1);
  });
});

describe('peers, weak themes and leads', () => {
  test('peerPosition: share strictly below, rounded down, none under MIN_PEERS', () => {
    assert.equal(MIN_PEERS, 5);
    assert.equal(peerPosition(50, [10, 20, 30, 40]), null);
    assert.deepEqual(peerPosition(50, [10, 20, 30, 50, 60]), { peerCount: 5, belowPercent: 60 });
    assert.deepEqual(peerPosition(50, [10, 20, 30, 40, 60, 70]), { peerCount: 6, belowPercent: 66 });
    assert.deepEqual(peerPosition(0, [0, 0, 0, 0, 0]), { peerCount: 5, belowPercent: 0 });
    assert.equal(peerPosition(null, [1, 2, 3, 4, 5]), null);
    assert.equal(peerPosition(50, [1, 2, 3, 4, null]), null);
  });

  test('serviceShareAmongPeers: per service, the share of peers covering it', () => {
    assert.equal(serviceShareAmongPeers(tree, [['s1'], ['s1'], [], []]), null);
    const shares = serviceShareAmongPeers(tree, [['s1', 's1'], ['s1', 's2'], ['s2'], [], [], ['s9']]);
    assert.equal(shares?.peerCount, 6);
    assert.deepEqual(shares?.percentByService, { s1: 33, s2: 33, s3: 0, s4: 0, s5: 0, s6: 0 });
  });

  test('coveredServiceIds lists the services covered with a positive weight', () => {
    const result = selfAssessment(tree, [init('i1', 'done', 's1'), init('i2', 'abandoned', 's2'), init('i3', 'planned', 's6')], []);
    assert.deepEqual(coveredServiceIds(result), ['s1', 's6']);
  });

  test('weakestThemes: lowest score first, then lowest coverage, then the referential order; full themes and not concerned ones left out', () => {
    const result = selfAssessment(tree, [init('i1', 'done', 's4'), init('i2', 'planned', 's5', 's6'), init('i3', 'in_progress', 's1')], []);
    // a1: 20, a2: 100, b1: 20 (coverage 100 vs 33.3 for a1).
    assert.deepEqual(
      weakestThemes(result, 5).map((t) => [t.id, t.score, t.axisId]),
      [
        ['a1', 20, 'a'],
        ['b1', 20, 'b'],
      ],
    );
    assert.deepEqual(
      weakestThemes(result, 1).map((t) => t.id),
      ['a1'],
    );
    assert.deepEqual(weakestThemes(result, 0), []);
    const noneConcerned = selfAssessment(tree, [], [{ serviceId: 's4', reason: 'Sans objet' }]);
    assert.deepEqual(
      weakestThemes(noneConcerned, 5).map((t) => t.id),
      ['a1', 'b1'],
    );
  });

  test('actionLeads: the uncovered concerned services of the weakest themes that have some', () => {
    const result = selfAssessment(
      tree,
      [init('i1', 'planned', 's5', 's6'), init('i2', 'done', 's1')],
      [{ serviceId: 's3', reason: 'Pas de voirie communale' }],
    );
    // b1 scores 20 but every service is covered (planned): no lead there. a2: 0, s4 uncovered. a1: 50, s2 uncovered.
    assert.deepEqual(actionLeads(result, 3), [
      { axisId: 'a', themeId: 'a2', themeName: 'Démocratie locale', score: 0, services: [{ id: 's4', name: 'Conseils retransmis' }] },
      { axisId: 'a', themeId: 'a1', themeName: 'Services publics', score: 50, services: [{ id: 's2', name: 'Rendez-vous en ligne' }] },
    ]);
  });

  test('with no initiative, leads are the first themes with all their services: something to do first', () => {
    const leads = actionLeads(selfAssessment(tree, [], []), 2);
    assert.deepEqual(
      leads.map((l) => [l.themeId, l.services.length]),
      [
        ['a1', 3],
        ['a2', 1],
      ],
    );
  });

  test('explainParameters gives the weights in use and the rules in French', () => {
    const explained = explainParameters();
    assert.deepEqual(explained.statusWeights, [
      { status: 'done', weight: 1 },
      { status: 'in_progress', weight: 0.6 },
      { status: 'planned', weight: 0.2 },
      { status: 'abandoned', weight: 0 },
    ]);
    assert.equal(explained.minPeers, MIN_PEERS);
    assert.equal(explained.scoreDecimals, 1);
    assert.ok(explained.steps.some((s) => /non concerné/.test(s)));
    assert.ok(explained.steps.some((s) => /5 territoires comparables/.test(s)));
    assert.equal(explainParameters({ statusWeights: { done: 1, in_progress: 0.5, planned: 0.1, abandoned: 0 } }).statusWeights[1]?.weight, 0.5);
  });

  test('parseWeight reads « 0,6 » and « 0.6 », passes numbers, refuses what is not a number', () => {
    assert.equal(parseWeight('0,6'), 0.6);
    assert.equal(parseWeight(' 0.25 '), 0.25);
    assert.equal(parseWeight('1'), 1);
    assert.equal(parseWeight(',5'), 0.5);
    assert.equal(parseWeight(0.2), 0.2);
    for (const bad of ['abc', '', '  ', '0,6,1', '1e0', '0x1', undefined, null, Number.NaN, Infinity, ['0.5']])
      assert.equal(parseWeight(bad), null, String(bad));
  });

  test('parametersFromInput: weights between 0 and 1, decimal comma accepted, done ≥ in progress ≥ planned ≥ abandoned', () => {
    assert.deepEqual(parametersFromInput({ done: '1', in_progress: '0,7', planned: '0.3', abandoned: 0 }), {
      ok: true,
      parameters: { statusWeights: { done: 1, in_progress: 0.7, planned: 0.3, abandoned: 0 } },
    });
    // Three decimals, as the pages show them; more would be saved again rounded without anyone seeing it.
    assert.equal(parametersFromInput({ done: '1', in_progress: '0,625', planned: '0,125', abandoned: '0' }).ok, true);
    const precise = parametersFromInput({ done: '1', in_progress: '0,6251', planned: '0,2', abandoned: '0' });
    assert.deepEqual(precise.ok ? {} : precise.errors, { in_progress: 'Indiquez 3 décimales au plus, par exemple « 0,125 ».' });
    // Equal weights are allowed: the order is not strict.
    assert.equal(parametersFromInput({ done: '0,5', in_progress: '0,5', planned: '0,5', abandoned: '0,5' }).ok, true);

    const range = parametersFromInput({ done: '1,5', in_progress: 'abc', planned: '-0,1', abandoned: '' });
    assert.equal(range.ok, false);
    assert.deepEqual(range.ok ? {} : range.errors, {
      done: 'La pondération est comprise entre 0 et 1 ; « 1,5 » n’est pas possible.',
      in_progress: 'Indiquez un nombre entre 0 et 1, par exemple « 0,6 ».',
      planned: 'La pondération est comprise entre 0 et 1 ; « -0,1 » n’est pas possible.',
      abandoned: 'Indiquez un nombre entre 0 et 1, par exemple « 0,6 ».',
    });
  });

  test('parametersFromInput names the status that exceeds a more advanced one, and that one', () => {
    // Planned above done (in progress fine): the planned field, compared with done.
    const planned = parametersFromInput({ done: '0,5', in_progress: '0,4', planned: '0,8', abandoned: '0' });
    assert.deepEqual(planned.ok ? {} : planned.errors, {
      planned: 'Elle ne peut dépasser celle d’une initiative réalisée (0,8 > 0,5) : une action plus avancée compte au moins autant.',
    });
    const abandoned = parametersFromInput({ done: '1', in_progress: '0,6', planned: '0,2', abandoned: '0,3' });
    assert.deepEqual(Object.keys(abandoned.ok ? {} : abandoned.errors), ['abandoned']);
    assert.match(abandoned.ok ? '' : (abandoned.errors.abandoned ?? ''), /initiative en projet \(0,3 > 0,2\)/);
    const inProgress = parametersFromInput({ done: '0,6', in_progress: '0,9', planned: '0,2', abandoned: '0' });
    assert.deepEqual(Object.keys(inProgress.ok ? {} : inProgress.errors), ['in_progress']);
    // A weight out of range is not compared: one message per field.
    const both = parametersFromInput({ done: '2', in_progress: '0,9', planned: '0,2', abandoned: '0' });
    assert.deepEqual(Object.keys(both.ok ? {} : both.errors), ['done']);
  });
});
