import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import {
  changedFields,
  DEFAULT_ORGANISATION_SETTINGS,
  levelOfRate,
  parseSettingsForm,
  readStoredSettings,
  SETTING_FIELDS,
  toForm,
} from './organisation-settings.rules.ts';

const form = (changes: Record<string, string> = {}) => ({ ...toForm(DEFAULT_ORGANISATION_SETTINGS), ...changes });

describe('organisation settings (rules)', () => {
  test('the defaults of a fresh install are valid settings, and survive the form round trip', () => {
    const parsed = parseSettingsForm(toForm(DEFAULT_ORGANISATION_SETTINGS));
    assert.ok(parsed.ok);
    assert.deepEqual(parsed.settings, DEFAULT_ORGANISATION_SETTINGS);
    assert.equal(DEFAULT_ORGANISATION_SETTINGS.accessibilityLevel, 'non_conforme', 'no audit on a fresh install: RGAA asks « non conforme »');
  });

  test('texts are trimmed, an empty optional field is null, a rate is a number', () => {
    const parsed = parseSettingsForm(
      form({
        labelName: '  Label Villes Numériques  ',
        phone: '',
        accessibilityLevel: 'partiellement_conforme',
        complianceRate: '72.5',
        auditDate: '2026-06-01',
      }),
    );
    assert.ok(parsed.ok);
    assert.equal(parsed.settings.labelName, 'Label Villes Numériques');
    assert.equal(parsed.settings.phone, null);
    assert.equal(parsed.settings.complianceRate, 72.5);
  });

  test('each wrong field gets its own French message; a missing field counts as empty', () => {
    const parsed = parseSettingsForm({
      ...form({ contactEmail: 'contact@', phone: 'appelez-moi', statementDate: '2026-02-30', accessibilityLevel: 'conforme' }),
      labelName: undefined,
    });
    assert.ok(!parsed.ok);
    assert.deepEqual(Object.keys(parsed.errors).sort(), ['accessibilityLevel', 'contactEmail', 'labelName', 'phone', 'statementDate']);
    assert.match(parsed.errors.contactEmail!, /adresse e-mail invalide/);
    assert.match(parsed.errors.statementDate!, /date invalide/, 'the 30th of February does not exist');
    assert.equal(parsed.errors.labelName, 'à remplir');
    const long = parseSettingsForm(form({ organiserName: 'x'.repeat(121) }));
    assert.ok(!long.ok);
    assert.equal(long.errors.organiserName, '120 caractères au plus');
  });

  test('RGAA: partially or totally compliant needs an audit, and a rate must say the declared level', () => {
    for (const level of ['totalement_conforme', 'partiellement_conforme']) {
      const noAudit = parseSettingsForm(form({ accessibilityLevel: level }));
      assert.ok(!noAudit.ok, level);
      assert.match(noAudit.errors.auditDate!, /qu’après un audit/);
    }
    assert.ok(parseSettingsForm(form({ accessibilityLevel: 'non_conforme' })).ok, 'without an audit, « non conforme » is the one level allowed');
    assert.ok(parseSettingsForm(form({ accessibilityLevel: 'totalement_conforme', auditDate: '2026-05-04', complianceRate: '100' })).ok);
    const mismatch = parseSettingsForm(form({ accessibilityLevel: 'partiellement_conforme', auditDate: '2026-05-04', complianceRate: '30' }));
    assert.ok(!mismatch.ok);
    assert.match(mismatch.errors.complianceRate!, /non conforme/);
    const rateAlone = parseSettingsForm(form({ complianceRate: '75' }));
    assert.ok(!rateAlone.ok);
    assert.match(rateAlone.errors.auditDate!, /vient d’un audit/);
    assert.ok(!parseSettingsForm(form({ complianceRate: '101', auditDate: '2026-05-04' })).ok);
    assert.ok(!parseSettingsForm(form({ complianceRate: 'beaucoup', auditDate: '2026-05-04' })).ok);
  });

  test('levels from a rate: 100 % totally, 50 % and more partially, below not', () => {
    assert.equal(levelOfRate(100), 'totalement_conforme');
    assert.equal(levelOfRate(99.9), 'partiellement_conforme');
    assert.equal(levelOfRate(50), 'partiellement_conforme');
    assert.equal(levelOfRate(49.9), 'non_conforme');
    assert.equal(levelOfRate(0), 'non_conforme');
  });

  test('a stored row reads back; a missing or no longer valid field reads as its default', () => {
    assert.deepEqual(readStoredSettings(undefined), DEFAULT_ORGANISATION_SETTINGS);
    const stored = { ...form({ labelName: 'Label Villes Numériques', contactEmail: 'ancienne valeur invalide' }) } as Record<string, string>;
    delete stored.hostName;
    const read = readStoredSettings(stored);
    assert.equal(read.labelName, 'Label Villes Numériques');
    assert.equal(read.contactEmail, DEFAULT_ORGANISATION_SETTINGS.contactEmail);
    assert.equal(read.hostName, DEFAULT_ORGANISATION_SETTINGS.hostName);
  });

  test('changedFields names what differs, in the form’s order', () => {
    const after = { ...DEFAULT_ORGANISATION_SETTINGS, phone: '01 02 03 04 05', labelName: 'Autre' };
    assert.deepEqual(changedFields(DEFAULT_ORGANISATION_SETTINGS, after), ['labelName', 'phone']);
    assert.deepEqual(changedFields(after, after), []);
    assert.equal(SETTING_FIELDS.length, Object.keys(DEFAULT_ORGANISATION_SETTINGS).length);
  });
  test('stored settings that break a rule together keep every other field: a level saved before it needed an audit', () => {
    const stored = { ...DEFAULT_ORGANISATION_SETTINGS, labelName: 'Label Villes Internet', accessibilityLevel: 'partiellement_conforme', auditDate: null };
    const read = readStoredSettings(stored);
    assert.equal(read.labelName, 'Label Villes Internet');
    assert.equal(read.accessibilityLevel, 'non_conforme');
  });
});
