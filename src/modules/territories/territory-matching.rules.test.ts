import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { officialMatchIndex } from './official-match-index.ts';
import { matchRow, normaliseDepartment, normaliseKind, type MatchQuery, type MatchResult } from './territory-matching.rules.ts';
import { boundedOsaDistance, nameStems, normaliseName, parseEpciName, shareStem, typoTolerance } from './territory-names.rules.ts';

// The real official data, loaded once for the file (about half a second).
const { candidates, index } = officialMatchIndex();
const departments = candidates.filter((c) => c.kind === 'departement').map((c) => ({ code: c.code, name: c.name }));

type Expected = string | 'ambiguous' | 'notFound';
type PressRow = [name: string, department: string, expected: Expected, kind?: string];

function describeResult(r: MatchResult): string {
  if (r.status === 'matched') return `${r.code} (${r.name}) — ${r.reason}`;
  if (r.status === 'ambiguous') return `ambiguous [${r.candidates.map((c) => c.code).join(', ')}] — ${r.reason}`;
  return `notFound — ${r.reason}`;
}

function checkList(list: PressRow[]): void {
  for (const [name, department, expected, kind] of list) {
    const r = matchRow(index, { name, department, kind });
    const got = r.status === 'matched' ? r.code : r.status;
    assert.equal(got, expected, `${name} (${department || 'sans département'}${kind ? `, ${kind}` : ''}) → ${describeResult(r)}`);
    assert.ok(r.reason.length > 0);
  }
}

const match = (query: MatchQuery) => matchRow(index, query);
const codesOf = (r: MatchResult) => (r.status === 'ambiguous' ? r.candidates.map((c) => c.code).sort() : []);

describe('palmarès lists as the press typed them', () => {
  test('a regional daily, 2005 (codes of département, accents and case as they come)', () => {
    checkList([
      ['Trelaze', '49', '49353'],
      ['TRÉLAZÉ', '49', '49353'],
      ['Trélazé', '49', '49353'],
      ['Trélazè', '49', '49353'],
      ['Trelazé', '49', '49353'],
      ['Trelaz', '49', '49353'],
      ['Angers', '49', '49007'],
      ['Le Trait', '76', '76709'],
      ['Trait (Le)', '76', '76709'],
      ['Trait, Le', '76', '76709'],
      ['Saint Etienne du Rouvray', '76', '76575'],
      ['St-Etienne-du-Rouvray', '76', '76575'],
      ['Trilport', '77', '77475'],
      ['Bellegarde-sur-Valserine', '01', '01033'],
      ['Bellegarde sur Valserine', '1', '01033'],
      ["Communauté d'agglomération du Grand Angoulême", '16', '200071827'],
      ['Issy-les-Moulinaux', '92', '92040'],
    ]);
  });

  test('a magazine, 2012 (départements by name, intercommunalities in words)', () => {
    checkList([
      ['St-Étienne', 'Loire', '42218'],
      ["L'Isle d'Abeau", 'Isère', '38193'],
      ["Isle-d'Abeau (L')", 'isere', '38193'],
      ['Issy les Moulineaux', 'Hauts-de-Seine', '92040'],
      ['Boulogne Billancourt', 'hauts de seine', '92012'],
      ['Boulogne-Billancour', '92', '92012'],
      ['Aix les Bains', 'Savoie', '73008'],
      ['CC Coeur de Sologne', 'Loir-et-Cher', '200000800'],
      ['Communauté de communes Cœur de Sologne', '41', '200000800'],
      ['CA Grand Angoulême', 'Charente', '200071827'],
      ['Grand Angoulême', '16', '200071827', 'intercommunalité'],
      ['Angers Loire Métropole', 'Maine et Loire', '244900015'],
      ['Œuilly', '02', '02565'],
      ['Oeuilly', '51', '51410'],
      ['Ste Maxime', 'Var', '83115'],
      ['Annecy le Vieux', '74', '74010'],
      ['Cherbourg-Octeville', 'Manche', '50129'],
      ['Ajaccio', '2a', '2A004'],
      ['Ajaccio', 'Corse du Sud', '2A004'],
    ]);
  });

  test('a national weekly without départements, with a type column', () => {
    checkList([
      ['Angers', '', '49007'],
      ['Boulogne Billancourt', '', '92012'],
      ['Trilport', '', '77475'],
      ['CC Coeur de Sologne', '', '200000800'],
      ['Grand Angoulême', '', '200071827', 'EPCI'],
      ['Bretagne', '', 'reg-53', 'Région'],
      ['Maine et Loire', '', '49', 'département'],
      ['Saint-Pierre', '', 'ambiguous'],
      ['Oeuilly', '', 'ambiguous'],
      ['Bretagne', '', 'ambiguous'],
      ['Bellegarde-sur-Valserine', '', 'ambiguous'],
      ['Trelaz', '', 'notFound'],
    ]);
  });

  test('traps: the row is reported, never matched to the wrong territory', () => {
    checkList([
      // Exists in Maine-et-Loire only: no search outside the given département.
      ['Trélazé', '44', 'notFound'],
      // One letter from Bourdeaux (26), but Bordeaux exists as written in Gironde.
      ['Bordeaux', '26', 'ambiguous'],
      ['Valence', '33', 'ambiguous'],
      // Saint-Jean-d'Arves and Saint-Jean-d'Arvey are both in Savoie, one letter apart.
      ["Saint-Jean-d'Arve", '73', 'ambiguous'],
      ["St Jean d'Arvez", '73', 'ambiguous'],
      // Elbeuf and Belbeuf (76).
      ['Elbeu', '76', 'ambiguous'],
      // A commune and an intercommunality of the same name: the type decides.
      ['Arras', '62', 'ambiguous'],
      ['Arras', '62', '62041', 'ville'],
      ['Arras', '62', '200033579', 'intercommunalité'],
      ["Communauté urbaine d'Arras", '62', '200033579'],
      ['Lyon', '69', 'ambiguous'],
      ['Métropole de Lyon', '69', '200046977'],
      ['Paris', '75', 'ambiguous'],
      // Became a CU: "CA" no longer names it.
      ['CA Angers Loire Métropole', '49', 'ambiguous'],
      // An intercommunality is filed under one département only: the Loiret's "Portes de Sologne" is offered, not taken.
      ['CC Coeur de Sologne', '45', 'ambiguous'],
      ['CC Coeur de Sologne', '41', 'notFound', 'ville'],
      ['Château-Chinon', '58', 'ambiguous'],
      // Under five letters a typo is never corrected.
      ['Nacy', '54', 'notFound'],
      ['Ajaccio', '20', 'notFound'],
      ['Trélazé', '49', 'notFound', 'hameau'],
      ['', '49', 'notFound'],
    ]);
  });

  test('ambiguous rows list their candidates', () => {
    assert.deepEqual(codesOf(match({ name: "Saint-Jean-d'Arve", department: '73' })), ['73242', '73243']);
    assert.deepEqual(codesOf(match({ name: 'Arras', department: '62' })), ['200033579', '62041']);
    assert.deepEqual(codesOf(match({ name: 'Bordeaux', department: '26' })), ['26056', '33063']);
    assert.deepEqual(codesOf(match({ name: 'Oeuilly' })), ['02565', '51410']);
    const saintPierre = match({ name: 'Saint-Pierre' });
    assert.equal(saintPierre.status, 'ambiguous');
    if (saintPierre.status !== 'ambiguous') return;
    assert.ok(saintPierre.candidates.length >= 5 && saintPierre.candidates.length <= 10);
    assert.ok(saintPierre.candidates.some((c) => c.code === '97416' && c.name === 'Saint-Pierre (974)'));
    const former = match({ name: 'Bellegarde-sur-Valserine' });
    assert.deepEqual(codesOf(former), ['01033']);
  });

  test('reasons are short French sentences for the report', () => {
    const reason = (query: MatchQuery) => match(query).reason;
    assert.equal(reason({ name: 'Trélazé', department: '49' }), 'nom identique');
    assert.equal(reason({ name: 'TRELAZE', department: '49' }), 'même nom aux accents, tirets ou majuscules près');
    assert.equal(reason({ name: 'St-Étienne', department: '42' }), '« St » lu « Saint »');
    assert.equal(reason({ name: 'Trait (Le)', department: '76' }), '« Trait (Le) » lu « Le Trait »');
    assert.equal(reason({ name: 'Trelaz', department: '49' }), 'faute de frappe corrigée : « Trelaz » → « Trélazé »');
    assert.equal(
      reason({ name: "Communauté d'agglomération du Grand Angoulême", department: '16' }),
      "intercommunalité : « Communauté d'agglomération » lu « CA »",
    );
    assert.equal(reason({ name: 'Bellegarde-sur-Valserine', department: '01' }), 'ancienne commune « Bellegarde-sur-Valserine », aujourd’hui Valserhône');
    assert.equal(reason({ name: 'Trélazé', department: '44' }), 'aucun territoire de ce nom dans le département 44 ; ce nom existe ailleurs : Trélazé (49)');
    assert.equal(reason({ name: 'Arras', department: '62' }), 'une commune et une intercommunalité portent ce nom dans le département 62 : précisez le type');
  });
});

describe('every commune finds itself', () => {
  const shout = (name: string) => name.normalize('NFD').replace(/\p{M}/gu, '').toUpperCase().replace(/-/g, ' ');

  for (const department of ['49', '76', '62', '2A', '971']) {
    test(`communes of ${department}, unaccented, upper case, hyphens as spaces`, () => {
      const communes = candidates.filter((c) => c.kind === 'commune' && c.departmentCode === department);
      assert.ok(communes.length > 10);
      for (const c of communes) {
        const asCommune = match({ name: shout(c.name), department, kind: 'commune' });
        assert.equal(asCommune.status === 'matched' && asCommune.code, c.code, `${c.name} → ${describeResult(asCommune)}`);
        // Without a type, only an intercommunality named after the commune may stand beside it.
        const untyped = match({ name: shout(c.name), department });
        if (untyped.status === 'matched') assert.equal(untyped.code, c.code, c.name);
        else {
          assert.equal(untyped.status, 'ambiguous', `${c.name} → ${describeResult(untyped)}`);
          const others = codesOf(untyped).filter((code) => code !== c.code);
          assert.ok(codesOf(untyped).includes(c.code) && others.every((code) => /^\d{9}$/.test(code)), c.name);
        }
      }
    });
  }

  test('a letter dropped from a commune of 49 or 76 never lands on another commune by typo correction', () => {
    let corrected = 0;
    for (const c of candidates.filter((x) => x.kind === 'commune' && (x.departmentCode === '49' || x.departmentCode === '76'))) {
      for (let i = 1; i < c.name.length; i++) {
        const typo = c.name.slice(0, i) + c.name.slice(i + 1);
        const r = match({ name: typo, department: c.departmentCode });
        if (r.status !== 'matched' || r.code === c.code) {
          if (r.status === 'matched') corrected++;
          continue;
        }
        // Only an exact name (e.g. Belbeuf without its B is Elbeuf) may point elsewhere.
        assert.ok(!r.reason.startsWith('faute de frappe'), `${typo} (from ${c.name}) → ${describeResult(r)}`);
      }
    }
    assert.ok(corrected > 1_000, `${corrected} typos corrected`);
  });
});

describe('9,000 rows in one import', () => {
  test('every row gets a status and a reason', () => {
    const communes = candidates.filter((c) => c.kind === 'commune');
    const counts = { matched: 0, ambiguous: 0, notFound: 0 };
    for (let i = 0; i < 9_000; i++) {
      const c = communes[(i * 7_919) % communes.length]!;
      const name = i % 3 === 0 ? c.name.toUpperCase() : i % 3 === 1 ? `${c.name.slice(0, -1)}x` : c.name;
      const r = match({ name, department: c.departmentCode });
      counts[r.status]++;
      if (r.status === 'matched' && i % 3 !== 1) assert.equal(r.code, c.code, c.name);
    }
    assert.equal(counts.matched + counts.ambiguous + counts.notFound, 9_000);
    assert.ok(counts.matched > 6_000, JSON.stringify(counts));
  });
});

describe('normalisation', () => {
  test('names: accents, case, punctuation, œ, St/Ste, trailing article', () => {
    assert.equal(normaliseName("L'Isle-d'Abeau"), 'l isle d abeau');
    assert.equal(normaliseName('ŒUILLY'), 'oeuilly');
    assert.equal(normaliseName('St.-Étienne'), 'saint etienne');
    assert.equal(normaliseName('Ste Maxime'), 'sainte maxime');
    assert.equal(normaliseName('Trait (Le)'), 'le trait');
    assert.equal(normaliseName('Trait, Le'), 'le trait');
    assert.equal(normaliseName('Estimaville'), 'estimaville');
  });

  test('départements by code or by name', () => {
    const cases: [string, string | null][] = [
      ['49', '49'],
      ['1', '01'],
      ['01', '01'],
      ['2A', '2A'],
      ['2b', '2B'],
      ['971', '971'],
      ['Maine-et-Loire', '49'],
      ['maine et loire', '49'],
      ['Corse du Sud', '2A'],
      ["Côtes d'Armor", '22'],
      ['Maine-et-Loire (49)', '49'],
      ['49 - Maine-et-Loire', '49'],
      ['Maine-et-Loire (44)', null],
      ['20', null],
      ['99', null],
      ['Bretagne', null],
      ['', null],
    ];
    for (const [value, code] of cases) assert.equal(normaliseDepartment(value, departments), code, value);
  });

  test('types of territory', () => {
    assert.deepEqual(normaliseKind('Ville'), ['commune']);
    assert.deepEqual(normaliseKind('VILLAGE'), ['commune']);
    assert.deepEqual(normaliseKind('Intercommunalité'), ['epci']);
    assert.deepEqual(normaliseKind('intercommunalites'), ['epci']);
    assert.deepEqual(normaliseKind('Communauté'), ['epci']);
    assert.deepEqual(normaliseKind('territoire'), ['epci', 'departement', 'region']);
    assert.deepEqual(normaliseKind('Département'), ['departement']);
    assert.deepEqual(normaliseKind('region'), ['region']);
    assert.equal(normaliseKind('hameau'), null);
  });

  test('intercommunality prefixes and linking words', () => {
    const parsed = (name: string) => parseEpciName(normaliseName(name));
    assert.deepEqual(parsed("Communauté d'agglomération du Grand Angoulême"), {
      prefix: { form: 'CA', label: "Communauté d'agglomération", abbreviated: false },
      core: 'grand angouleme',
      loose: 'grand angouleme',
    });
    assert.equal(parsed('CA du Grand Angoulême').loose, 'grand angouleme');
    assert.equal(parsed("CA Agglomération d'Agen").core, 'agen');
    assert.equal(parsed('CA Laval Agglomération').loose, 'laval');
    assert.equal(parsed('Nantes Métropole').prefix, null);
    assert.equal(parsed('Nantes Métropole').loose, 'nantes');
    assert.equal(parsed('Métropole de Nantes').prefix?.form, 'METRO');
    assert.equal(parsed('C.C. du Pays de Fayence').prefix?.form, 'CC');
    assert.equal(parsed('Cuébris').prefix, null);
  });

  test('Damerau distance (optimal string alignment), bounded', () => {
    assert.equal(boundedOsaDistance('trelaze', 'trelaze', 2), 0);
    assert.equal(boundedOsaDistance('trelaz', 'trelaze', 2), 1);
    assert.equal(boundedOsaDistance('trelaez', 'trelaze', 2), 1, 'a transposition costs one');
    assert.equal(boundedOsaDistance('angers', 'nantes', 2), 3, 'beyond the bound: bound + 1');
    assert.equal(boundedOsaDistance('', 'ab', 2), 2);
    assert.equal(typoTolerance('nacy'), 0);
    assert.equal(typoTolerance('trelaze'), 1);
    assert.equal(typoTolerance('issy les moulineaux'), 2);
  });
});

describe('no sure match: the plausible territories of the département are offered, never a bare "not found"', () => {
  const offered = (name: string, department: string, kind?: string) => {
    const r = match({ name, department, kind });
    assert.equal(r.status, 'ambiguous', `${name} (${department}) → ${describeResult(r)}`);
    return r.status === 'ambiguous' ? r : assert.fail();
  };

  test('"Communauté d\'agglomération du Choletais" is the official "CA Cholet Agglomération" of Maine-et-Loire', () => {
    for (const name of ["Communauté d'agglomération du Choletais", 'CA du Choletais', 'Agglomération du Choletais']) {
      const r = offered(name, '49');
      assert.deepEqual(r.candidates, [{ code: '200071678', name: 'CA Cholet Agglomération', department: 'Maine-et-Loire', population: 104711 }]);
      assert.match(r.reason, /aucun territoire de ce nom dans le département 49, mais des noms voisins\u00a0: à vérifier/);
    }
    // Written as a département name, the same row finds the same candidate.
    assert.equal(offered('CA du Choletais', 'Maine-et-Loire').candidates[0]?.code, '200071678');
  });

  test('demonyms and other forms: Saumurois, Rennaise, nantaise', () => {
    assert.deepEqual(codesOf(match({ name: 'Communauté de communes du Saumurois', department: '49' })), ['200071876']);
    assert.deepEqual(codesOf(match({ name: 'Agglomération rennaise', department: '35' })), ['243500139']);
    assert.deepEqual(codesOf(match({ name: 'Communauté urbaine nantaise', department: '44' })), ['244400404']);
  });

  test('only territories of the kinds the row allows, of the given département, at most five, the likeliest first', () => {
    const commune = offered('Cholet-Ville', '49', 'ville');
    assert.deepEqual(
      commune.candidates.map((c) => c.code),
      ['49099', '49299'],
      'a town: Cholet, then Saint-Léger-sous-Cholet (more populated first), no intercommunality',
    );
    const any = offered('Cholet-Ville', '49');
    assert.equal(any.candidates[0]?.code, '200071678');
    assert.ok(any.candidates.every((c) => c.department === 'Maine-et-Loire'));
    const many = offered('Communauté de communes de la Loire', '49');
    assert.ok(many.candidates.length <= 5);
  });

  test('a name sharing no distinctive word stays not found; generic words share nothing', () => {
    for (const [name, department] of [
      ['Trélazé', '44'],
      ['Nacy', '54'],
      ['CC du Pays de Nullepart', '49'],
      ['Communauté de communes Val et Coeur', '49'],
    ] as const) {
      assert.equal(match({ name, department }).status, 'notFound', name);
    }
  });

  test('every candidate shows its département name and population', () => {
    const arras = match({ name: 'Arras', department: '62' });
    assert.equal(arras.status, 'ambiguous');
    assert.deepEqual(arras.status === 'ambiguous' ? arras.candidates.find((c) => c.code === '62041') : null, {
      code: '62041',
      name: 'Arras',
      department: 'Pas-de-Calais',
      population: candidates.find((c) => c.code === '62041')?.population,
    });
    const saintPierre = match({ name: 'Saint-Pierre', department: '' });
    assert.ok(saintPierre.status === 'ambiguous' && saintPierre.candidates.every((c) => c.department && c.population !== null));
  });

  test('word stems', () => {
    assert.deepEqual(nameStems('pays du choletais'), ['choletais']);
    assert.deepEqual(nameStems('saint leger sous cholet'), ['leger', 'cholet']);
    assert.ok(shareStem('cholet', 'choletais'));
    assert.ok(shareStem('nantes', 'nantais'));
    assert.ok(shareStem('laval', 'lavallois'));
    assert.ok(!shareStem('montagne', 'montaigu'), 'four common letters of two long words are a coincidence');
    assert.ok(!shareStem('lorient', 'lorraine'));
    assert.ok(!shareStem('bellegarde', 'belleville'));
  });
});
