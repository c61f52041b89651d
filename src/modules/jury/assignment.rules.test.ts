import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { assignReviewers, jurorRegions, loadsOf, type AssignmentDossier, type AssignmentInput, type AssignmentJuror } from './assignment.rules.ts';
import { hasConflict, type ConflictTerritory } from './conflicts.rules.ts';

const commune = (code: string, department: string, region: string, epci: string | null = null): ConflictTerritory => ({
  code,
  kind: 'commune',
  departmentCode: department,
  regionCode: region,
  epciCode: epci,
});
const dossier = (id: string, territory: ConflictTerritory): AssignmentDossier => ({ id, territory });
const free = (id: string, regions: string[] = []): AssignmentJuror => ({ id, facts: { memberships: [], declared: [] }, regions });

/** A small generator with a seed, so the large case is the same on every run. */
function seeded(seed: number) {
  let state = seed >>> 0;
  return () => {
    state = (state * 1664525 + 1013904223) >>> 0;
    return state / 2 ** 32;
  };
}

function checkPlan(input: AssignmentInput, plan: ReturnType<typeof assignReviewers>) {
  const byDossier = new Map<string, string[]>();
  for (const a of plan.assignments) byDossier.set(a.dossierId, [...(byDossier.get(a.dossierId) ?? []), a.jurorId]);
  const jurors = new Map(input.jurors.map((j) => [j.id, j]));
  for (const d of input.dossiers) {
    const reviewers = byDossier.get(d.id) ?? [];
    assert.equal(new Set(reviewers).size, reviewers.length, `a juror twice on ${d.id}`);
    for (const r of reviewers) assert.equal(hasConflict(jurors.get(r)!.facts, d.territory), false, `conflicted ${r} on ${d.id}`);
  }
  return byDossier;
}

describe('assignment of dossiers to jurors', () => {
  test('every dossier gets its reviewers and the loads are within one', () => {
    const input: AssignmentInput = {
      dossiers: Array.from({ length: 7 }, (_, i) => dossier(`d${i}`, commune(`1000${i}`, '10', '44'))),
      jurors: ['a', 'b', 'c'].map((id) => free(id)),
      existing: [],
      reviewersPerDossier: 2,
    };
    const plan = assignReviewers(input);
    const byDossier = checkPlan(input, plan);
    for (const d of input.dossiers) assert.equal(byDossier.get(d.id)?.length, 2);
    const loads = [...loadsOf(plan, ['a', 'b', 'c']).values()];
    assert.equal(
      loads.reduce((s, n) => s + n, 0),
      14,
    );
    assert.ok(Math.max(...loads) - Math.min(...loads) <= 1, `loads ${loads}`);
    assert.deepEqual(plan.shortfalls, []);
  });

  test('a conflicted juror is never planned, and a dossier without enough others is reported', () => {
    const trelaze = commune('49353', '49', '52', '244900015');
    const memberOfTrelaze: AssignmentJuror = { id: 'a', facts: { memberships: [trelaze], declared: [] }, regions: ['52'] };
    const declared49: AssignmentJuror = {
      id: 'b',
      facts: { memberships: [], declared: [{ kind: 'department', departmentCode: '49', source: 'juror' }] },
      regions: [],
    };
    const input: AssignmentInput = {
      dossiers: [dossier('d1', trelaze)],
      jurors: [memberOfTrelaze, declared49, free('c')],
      existing: [],
      reviewersPerDossier: 2,
    };
    const plan = assignReviewers(input);
    assert.deepEqual(plan.assignments, [{ dossierId: 'd1', jurorId: 'c', kept: false }]);
    assert.deepEqual(plan.shortfalls, [{ dossierId: 'd1', missing: 1 }]);
  });

  test('started reviews are kept on a new run, and count in the loads', () => {
    const dossiers = Array.from({ length: 4 }, (_, i) => dossier(`d${i}`, commune(`2000${i}`, '20', '94')));
    const input: AssignmentInput = {
      dossiers,
      jurors: ['a', 'b', 'c', 'd'].map((id) => free(id)),
      existing: [
        { dossierId: 'd0', jurorId: 'a', started: true },
        { dossierId: 'd1', jurorId: 'a', started: true },
        { dossierId: 'd2', jurorId: 'b', started: false },
      ],
      reviewersPerDossier: 2,
    };
    const plan = assignReviewers(input);
    checkPlan(input, plan);
    assert.deepEqual(
      plan.assignments.filter((a) => a.kept),
      [
        { dossierId: 'd0', jurorId: 'a', kept: true },
        { dossierId: 'd1', jurorId: 'a', kept: true },
      ],
    );
    assert.deepEqual([...loadsOf(plan, ['a', 'b', 'c', 'd']).values()], [2, 2, 2, 2]);
  });

  test('a started review by a juror now in conflict is still kept (the staff decide), but no new one is planned for them', () => {
    const t = commune('30001', '30', '76');
    const conflicted: AssignmentJuror = { id: 'a', facts: { memberships: [t], declared: [] }, regions: ['76'] };
    const plan = assignReviewers({
      dossiers: [dossier('d', t)],
      jurors: [conflicted, free('b'), free('c')],
      existing: [{ dossierId: 'd', jurorId: 'a', started: true }],
      reviewersPerDossier: 2,
    });
    assert.deepEqual(plan.assignments, [
      { dossierId: 'd', jurorId: 'a', kept: true },
      { dossierId: 'd', jurorId: 'b', kept: false },
    ]);
  });

  test('reviewers from another région are preferred when the loads allow it', () => {
    const input: AssignmentInput = {
      dossiers: [dossier('d1', commune('49001', '49', '52')), dossier('d2', commune('76001', '76', '28'))],
      jurors: [free('from52', ['52']), free('from28', ['28'])],
      existing: [],
      reviewersPerDossier: 1,
    };
    assert.deepEqual(assignReviewers(input).assignments, [
      { dossierId: 'd1', jurorId: 'from28', kept: false },
      { dossierId: 'd2', jurorId: 'from52', kept: false },
    ]);
  });

  test('the same input gives the same plan, whatever the order it comes in', () => {
    const dossiers = Array.from({ length: 12 }, (_, i) => dossier(`d${String(i).padStart(2, '0')}`, commune(`3${i}`, '30', '76')));
    const jurors = ['a', 'b', 'c', 'd', 'e'].map((id) => free(id));
    const one = assignReviewers({ dossiers, jurors, existing: [], reviewersPerDossier: 2 });
    const two = assignReviewers({ dossiers: [...dossiers].reverse(), jurors: [...jurors].reverse(), existing: [], reviewersPerDossier: 2 });
    assert.deepEqual(one, two);
  });

  test('the régions of a juror come from their territories and declared ones', () => {
    const facts = {
      memberships: [commune('49353', '49', '52')],
      declared: [
        { kind: 'territory' as const, territory: commune('76709', '76', '28'), source: 'juror' as const },
        { kind: 'department' as const, departmentCode: '13', source: 'juror' as const },
      ],
    };
    assert.deepEqual(jurorRegions(facts), ['28', '52']);
  });

  test('300 dossiers and 20 jurors with conflicts: two reviewers each, none conflicted, loads within one', () => {
    const random = seeded(2027);
    const regions = ['11', '24', '27', '28', '32', '44', '52', '53', '75', '76', '84', '93'];
    const places = Array.from({ length: 300 }, (_, i) => {
      const region = regions[Math.floor(random() * regions.length)]!;
      const department = `${region}${Math.floor(random() * 4)}`;
      return commune(`${department}${String(i).padStart(3, '0')}`, department, region, `epci-${department}-${Math.floor(random() * 5)}`);
    });
    const jurors: AssignmentJuror[] = Array.from({ length: 20 }, (_, i) => {
      const member = i % 3 === 0 ? [places[Math.floor(random() * places.length)]!] : [];
      const declared =
        i % 4 === 0
          ? [{ kind: 'department' as const, departmentCode: places[Math.floor(random() * places.length)]!.departmentCode!, source: 'juror' as const }]
          : [];
      const facts = { memberships: member, declared };
      return { id: `j${String(i).padStart(2, '0')}`, facts, regions: jurorRegions(facts) };
    });
    const input: AssignmentInput = {
      dossiers: places.map((p, i) => dossier(`d${String(i).padStart(3, '0')}`, p)),
      jurors,
      existing: [],
      reviewersPerDossier: 2,
    };
    const plan = assignReviewers(input);
    const byDossier = checkPlan(input, plan);
    for (const d of input.dossiers) assert.ok((byDossier.get(d.id)?.length ?? 0) >= 2, `${d.id} has ${byDossier.get(d.id)?.length}`);
    const loads = [
      ...loadsOf(
        plan,
        jurors.map((j) => j.id),
      ).values(),
    ];
    assert.ok(Math.max(...loads) - Math.min(...loads) <= 1, `loads ${loads.join(' ')}`);
    assert.deepEqual(plan.shortfalls, []);
  });
});
