import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { indicatorMessages as m, withUnit } from './indicators.messages.ts';
import {
  byDate,
  isPercentUnit,
  parseIndicatorValue,
  parseMeasureDate,
  readCustomIndicator,
  readValueForm,
  sameIndicatorName,
  trendOf,
  valueRefusal,
  VALUE_MAX,
} from './indicators.rules.ts';
import { NR_INDICATORS, nrIndicatorShape, standardIndicator } from './nr-indicators.data.ts';
import { NR_THEME_IDS } from './nr-themes.rules.ts';

const TODAY = '2025-07-01';
const value = (text: string) => {
  const parsed = parseIndicatorValue(text);
  return parsed.ok ? parsed.value : `refusé : ${parsed.error}`;
};
const date = (text: string) => {
  const parsed = parseMeasureDate(text, TODAY);
  return parsed.ok ? parsed.value : `refusé : ${parsed.error}`;
};

describe('the standard indicators', () => {
  test('at least the issue’s ten, each valid by the shape, ids unique', () => {
    assert.ok(NR_INDICATORS.length >= 10);
    for (const indicator of NR_INDICATORS) assert.doesNotThrow(() => nrIndicatorShape.parse(indicator), indicator.id);
    assert.equal(new Set(NR_INDICATORS.map((i) => i.id)).size, NR_INDICATORS.length, 'ids are unique');
    assert.equal(new Set(NR_INDICATORS.map((i) => i.name)).size, NR_INDICATORS.length, 'names are unique');
  });
  test('the issue’s units, in French, each indicator in one of the seven themes', () => {
    const units = NR_INDICATORS.map((i) => i.unit);
    for (const unit of ['t', 'appareils', 'Go', 'smartphones', '% des achats informatiques', 'ans', 'pages', '% des postes', '% des agents', 'kWh'])
      assert.ok(units.includes(unit), unit);
    for (const indicator of NR_INDICATORS) assert.ok(NR_THEME_IDS.includes(indicator.theme), indicator.id);
  });
  test('which way is better: recycling up, printing and mailboxes down', () => {
    assert.equal(standardIndicator('deee-recycles')?.better, 'up');
    assert.equal(standardIndicator('pages-imprimees')?.better, 'down');
    assert.equal(standardIndicator('volume-messagerie')?.better, 'down');
    assert.equal(standardIndicator('inconnu'), undefined);
  });
  test('the shape refuses a bad id, an unknown theme, another direction', () => {
    const good = NR_INDICATORS[0]!;
    assert.throws(() => nrIndicatorShape.parse({ ...good, id: 'Avec Espaces' }));
    assert.throws(() => nrIndicatorShape.parse({ ...good, theme: 'cuisine' }));
    assert.throws(() => nrIndicatorShape.parse({ ...good, better: 'sideways' }));
    assert.throws(() => nrIndicatorShape.parse({ ...good, extra: 1 }));
  });
});

describe('parseIndicatorValue', () => {
  test('a decimal comma or point, thousands parted by spaces of any kind, a sign', () => {
    assert.equal(value('1,2'), 1.2);
    assert.equal(value('1.2'), 1.2);
    assert.equal(value(' 30 '), 30);
    assert.equal(value('1 200'), 1200);
    assert.equal(value('1\u00a0200,5'), 1200.5);
    assert.equal(value('1\u202f200\u202f000'), 1_200_000);
    assert.equal(value('-3'), -3);
    assert.equal(value('+4,25'), 4.25);
    assert.equal(value(',5'), 0.5);
    assert.equal(value('-0'), 0);
    assert.equal(value('0,125'), 0.125);
  });
  test('refused: nothing, words, two marks, a unit, misplaced groups, too many decimals, too large', () => {
    assert.equal(value(''), `refusé : ${m.value.required}`);
    assert.equal(value('   '), `refusé : ${m.value.required}`);
    assert.equal(value('douze'), `refusé : ${m.value.notNumber('douze')}`);
    assert.equal(value('1,2,3'), `refusé : ${m.value.notNumber('1,2,3')}`);
    assert.equal(value('1.200,5'), `refusé : ${m.value.notNumber('1.200,5')}`);
    assert.equal(value('1,2 t'), `refusé : ${m.value.notNumber('1,2 t')}`);
    assert.equal(value('12 00'), `refusé : ${m.value.notNumber('12 00')}`);
    assert.equal(value('1e5'), `refusé : ${m.value.notNumber('1e5')}`);
    assert.equal(value('Infinity'), `refusé : ${m.value.notNumber('Infinity')}`);
    assert.equal(value('0x10'), `refusé : ${m.value.notNumber('0x10')}`);
    assert.equal(value('1,2345'), `refusé : ${m.value.tooManyDecimals(3)}`);
    assert.equal(value('100000000000'), `refusé : ${m.value.tooLarge}`);
    assert.equal(value(String(VALUE_MAX).replace('.', ',')), VALUE_MAX);
  });
});

describe('parseMeasureDate', () => {
  test('YYYY-MM-DD as a date field sends it, or French DD/MM/YYYY', () => {
    assert.equal(date('2025-03-14'), '2025-03-14');
    assert.equal(date('14/03/2025'), '2025-03-14');
    assert.equal(date('4/3/2025'), '2025-03-04');
    assert.equal(date('14.03.2025'), '2025-03-14');
    assert.equal(date('2025-3-4'), '2025-03-04');
    assert.equal(date(TODAY), TODAY, 'today is allowed');
    assert.equal(date('2024-02-29'), '2024-02-29', 'a leap day');
  });
  test('refused: no day of the calendar, another form, the future, before 1990', () => {
    for (const text of ['2025-02-30', '31/04/2025', '2023-02-29', '2025-13-01', '14 mars 2025', '20250314', 'hier', '2025-03-14T10:00'])
      assert.equal(date(text), `refusé : ${m.value.notDate(text)}`, text);
    assert.equal(date(''), `refusé : ${m.value.required}`);
    assert.equal(date('2025-07-02'), `refusé : ${m.value.future}`);
    assert.equal(date('0225-03-14'), `refusé : ${m.value.tooOld(1990)}`);
  });
});

describe('valueRefusal', () => {
  test('a share goes from 0 to 100; a standard indicator is never negative; a custom one may be', () => {
    assert.ok(isPercentUnit('% des postes'));
    assert.ok(!isPercentUnit('Go'));
    assert.equal(valueRefusal(100, { unit: '% des postes', standard: true }), null);
    assert.equal(valueRefusal(100.5, { unit: '% des postes', standard: true }), m.value.percent);
    assert.equal(valueRefusal(-1, { unit: '%', standard: false }), m.value.percent);
    assert.equal(valueRefusal(-1, { unit: 't', standard: true }), m.value.negative);
    assert.equal(valueRefusal(-1, { unit: 'boîtes', standard: false }), null);
    assert.equal(valueRefusal(0, { unit: 't', standard: true }), null);
  });
});

describe('readValueForm', () => {
  const tonnes = { unit: 't', standard: true };
  test('Le Trait’s 1,2 t, its note trimmed', () => {
    assert.deepEqual(readValueForm({ date: '22/03/2025', value: '1,2', note: '  Recyclage  ' }, tonnes, TODAY), {
      ok: true,
      value: { measuredOn: '2025-03-22', value: 1.2, note: 'Recyclage' },
    });
  });
  test('every field at fault at once, with its own message', () => {
    assert.deepEqual(readValueForm({ date: '2025-02-30', value: '-1', note: 'x'.repeat(2001) }, tonnes, TODAY), {
      ok: false,
      errors: { date: m.value.notDate('2025-02-30'), value: m.value.negative, note: m.value.noteTooLong(2000) },
    });
    assert.deepEqual(readValueForm({}, tonnes, TODAY), { ok: false, errors: { date: m.value.required, value: m.value.required } });
  });
});

describe('readCustomIndicator', () => {
  test('name and unit trimmed, inner spaces collapsed', () => {
    assert.deepEqual(readCustomIndicator({ name: '  Boîtes de collecte   remplies ', unit: ' boîtes ' }, []), {
      ok: true,
      value: { name: 'Boîtes de collecte remplies', unit: 'boîtes' },
    });
  });
  test('a name taken in the territory, read without case nor accents, is refused on `name`', () => {
    const read = readCustomIndicator({ name: 'BOITES de collecte remplies', unit: 'boîtes' }, ['Boîtes de collecte remplies']);
    assert.deepEqual(read, { ok: false, errors: { name: m.customInput.nameTaken('Boîtes de collecte remplies') } });
    assert.ok(sameIndicatorName('Âge du parc', 'age du parc'));
    assert.ok(!sameIndicatorName('Âge du parc', 'Âge des serveurs'));
  });
  test('a standard indicator’s name or id is refused; missing or too long fields too', () => {
    assert.deepEqual(readCustomIndicator({ name: 'Pages imprimées', unit: 'pages' }, []), {
      ok: false,
      errors: { name: m.customInput.nameStandard('Pages imprimées') },
    });
    assert.deepEqual(readCustomIndicator({ name: 'deee-recycles', unit: 't' }, []), {
      ok: false,
      errors: { name: m.customInput.nameStandard('deee-recycles') },
    });
    assert.deepEqual(readCustomIndicator({ name: ' ', unit: '' }, []), {
      ok: false,
      errors: { name: m.customInput.nameRequired, unit: m.customInput.unitRequired },
    });
    assert.deepEqual(readCustomIndicator({ name: 'x'.repeat(121), unit: 'u'.repeat(41) }, []), {
      ok: false,
      errors: { name: m.customInput.nameTooLong(120), unit: m.customInput.unitTooLong(40) },
    });
  });
});

describe('trendOf', () => {
  const mailbox = [
    { measuredOn: '2025-04-30', value: 385 },
    { measuredOn: '2025-03-15', value: 410 },
    { measuredOn: '2025-03-29', value: 380 },
  ];
  test('the last two values by date: up, down or flat, and whether that is the better way', () => {
    assert.deepEqual(trendOf(mailbox, 'down'), { direction: 'up', delta: 5, since: '2025-03-29', good: false });
    assert.deepEqual(trendOf(mailbox.slice(1), 'down'), { direction: 'down', delta: -30, since: '2025-03-15', good: true });
    assert.deepEqual(
      trendOf(
        [
          { measuredOn: '2025-01-01', value: 3 },
          { measuredOn: '2025-02-01', value: 3 },
        ],
        'up',
      ),
      { direction: 'flat', delta: 0, since: '2025-01-01', good: null },
    );
  });
  test('no trend from fewer than two values; decimals rounded to the column’s', () => {
    assert.equal(trendOf([], 'up'), null);
    assert.equal(trendOf([{ measuredOn: '2025-01-01', value: 1 }], 'up'), null);
    const t = trendOf(
      [
        { measuredOn: '2025-01-01', value: 1.2 },
        { measuredOn: '2025-02-01', value: 1.3 },
      ],
      'up',
    );
    assert.equal(t?.delta, 0.1);
    assert.equal(t?.good, true);
  });
  test('byDate: oldest first', () => {
    assert.deepEqual(
      byDate(mailbox).map((v) => v.measuredOn),
      ['2025-03-15', '2025-03-29', '2025-04-30'],
    );
  });
});

describe('withUnit', () => {
  test('a number and its unit never parted; a narrow space before %', () => {
    assert.equal(withUnit(1.2, 't'), '1,2\u00a0t');
    assert.equal(withUnit(45, '% des postes'), '45\u202f% des postes');
    assert.equal(withUnit(1200, 'Go'), '1\u202f200\u00a0Go');
  });
});
