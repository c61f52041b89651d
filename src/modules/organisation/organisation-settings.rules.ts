/**
 * Who runs the label and the site, as the legal pages, the footer and the badge say it: one zod
 * schema, its defaults for a fresh install, and the RGAA rules of the accessibility statement.
 * Pure, no I/O.
 */
import { z } from 'zod';
import { organisationMessages } from './messages.ts';

const m = organisationMessages.errors;

/** The three compliance levels an RGAA statement may declare, from the worst. */
export const ACCESSIBILITY_LEVELS = ['non_conforme', 'partiellement_conforme', 'totalement_conforme'] as const;
export type AccessibilityLevel = (typeof ACCESSIBILITY_LEVELS)[number];

/** Every setting, in the order of the admin's form. */
export const SETTING_FIELDS = [
  'labelName',
  'organiserName',
  'postalAddress',
  'contactEmail',
  'phone',
  'publicationDirector',
  'hostName',
  'hostAddress',
  'dpoContact',
  'accessibilityLevel',
  'complianceRate',
  'auditDate',
  'auditBy',
  'statementDate',
] as const;
export type SettingField = (typeof SETTING_FIELDS)[number];

/** The longest text each field takes: the schema enforces it, the form's maxlength shows it. */
export const SETTING_MAX_LENGTHS = {
  labelName: 80,
  organiserName: 120,
  postalAddress: 300,
  contactEmail: 200,
  phone: 30,
  publicationDirector: 120,
  hostName: 120,
  hostAddress: 300,
  dpoContact: 300,
  auditBy: 200,
} as const satisfies Partial<Record<SettingField, number>>;
const L = SETTING_MAX_LENGTHS;

const text = (max: number) =>
  z
    .string({ message: m.required })
    .trim()
    .min(1, { message: m.required })
    .max(max, { message: m.tooLong(max) });
const optionalText = (max: number) =>
  z
    .string()
    .trim()
    .max(max, { message: m.tooLong(max) })
    .transform((v) => v || null)
    .nullable();
const isoDate = z
  .string()
  .trim()
  .regex(/^\d{4}-\d{2}-\d{2}$/, { message: m.date })
  .refine((v) => !Number.isNaN(Date.parse(`${v}T00:00:00Z`)) && new Date(`${v}T00:00:00Z`).toISOString().startsWith(v), { message: m.date });
const optionalDate = z
  .union([z.literal(''), isoDate])
  .transform((v) => v || null)
  .nullable();

/** The settings as stored and as the admin's form sends them (texts; an empty optional field is null). */
export const organisationSettingsSchema = z
  .object({
    labelName: text(L.labelName),
    organiserName: text(L.organiserName),
    postalAddress: text(L.postalAddress),
    contactEmail: z
      .string({ message: m.required })
      .trim()
      .min(1, { message: m.required })
      .max(L.contactEmail, { message: m.tooLong(L.contactEmail) })
      .email({ message: m.email }),
    phone: optionalText(L.phone).refine((v) => v === null || /^[+0-9 .()-]{6,30}$/.test(v), { message: m.phone }),
    publicationDirector: text(L.publicationDirector),
    hostName: text(L.hostName),
    hostAddress: text(L.hostAddress),
    /** Who answers about personal data: a delegate's e-mail or postal address. */
    dpoContact: text(L.dpoContact),
    accessibilityLevel: z.enum(ACCESSIBILITY_LEVELS, { message: m.accessibilityLevel }),
    /** Share of the RGAA criteria met at the last audit, in percent; null when none was run. */
    complianceRate: z
      .union([z.literal(''), z.coerce.number({ message: m.rate })])
      .transform((v) => (v === '' ? null : v))
      .nullable()
      .refine((v) => v === null || (Number.isFinite(v) && v >= 0 && v <= 100), { message: m.rate }),
    auditDate: optionalDate,
    auditBy: optionalText(L.auditBy),
    statementDate: isoDate,
  })
  .superRefine((s, context) => {
    // RGAA: a site declares itself partially or totally compliant only from an audit; without one it is « non conforme ». The rate says the level.
    if (s.accessibilityLevel !== 'non_conforme' && s.auditDate === null) {
      context.addIssue({ code: 'custom', path: ['auditDate'], message: m.auditNeeded });
    }
    if (s.complianceRate !== null) {
      const expected = levelOfRate(s.complianceRate);
      if (expected !== s.accessibilityLevel) context.addIssue({ code: 'custom', path: ['complianceRate'], message: m.rateMismatch(expected) });
      if (s.auditDate === null) context.addIssue({ code: 'custom', path: ['auditDate'], message: m.rateWithoutAudit });
    }
  });

export type OrganisationSettings = z.output<typeof organisationSettingsSchema>;

/** The level a compliance rate gives (RGAA: 100 % totally, 50 % at least partially, less: not). */
export function levelOfRate(rate: number): AccessibilityLevel {
  if (rate >= 100) return 'totalement_conforme';
  if (rate >= 50) return 'partiellement_conforme';
  return 'non_conforme';
}

/**
 * A fresh install's settings: complete pages from the first start, each line to be checked and
 * replaced by the label's staff at /admin/organisation.
 */
export const DEFAULT_ORGANISATION_SETTINGS: OrganisationSettings = {
  labelName: 'Label arobase',
  organiserName: 'Association arobase',
  postalAddress: '1 place de la Mairie, 75001 Paris',
  contactEmail: 'contact@arobase.example',
  phone: null,
  publicationDirector: 'La présidence de l’association arobase',
  hostName: 'L’hébergeur de l’association arobase',
  hostAddress: '1 place de la Mairie, 75001 Paris',
  dpoContact: 'dpo@arobase.example',
  // No audit has been run on a fresh install: RGAA asks it to say « non conforme » until one is.
  accessibilityLevel: 'non_conforme',
  complianceRate: null,
  auditDate: null,
  auditBy: null,
  statementDate: '2026-11-30',
};

/** What a stored row gives: each valid field, and the default for a missing or no longer valid one. */
export function readStoredSettings(stored: unknown): OrganisationSettings {
  const values: Record<string, unknown> = { ...DEFAULT_ORGANISATION_SETTINGS };
  const raw = typeof stored === 'object' && stored !== null ? (stored as Record<string, unknown>) : {};
  const shape = organisationSettingsSchema.shape;
  for (const field of SETTING_FIELDS) {
    if (!Object.hasOwn(raw, field)) continue;
    const parsed = shape[field].safeParse(raw[field] === null ? '' : raw[field]);
    if (parsed.success) values[field] = parsed.data;
  }
  const whole = organisationSettingsSchema.safeParse(toForm(values as OrganisationSettings));
  if (whole.success) return whole.data;
  // Fields valid alone may break a rule together: only the accessibility statement has such rules
  // (a level stored before « partiellement conforme » required an audit). Keep the rest.
  const withoutStatement = { ...values, ...pick(DEFAULT_ORGANISATION_SETTINGS, STATEMENT_FIELDS) };
  const kept = organisationSettingsSchema.safeParse(toForm(withoutStatement as OrganisationSettings));
  return kept.success ? kept.data : DEFAULT_ORGANISATION_SETTINGS;
}

/** The fields the RGAA rules tie together. */
const STATEMENT_FIELDS = ['accessibilityLevel', 'complianceRate', 'auditDate', 'auditBy'] as const satisfies readonly SettingField[];
const pick = <T extends object, K extends keyof T>(object: T, keys: readonly K[]): Pick<T, K> =>
  Object.fromEntries(keys.map((k) => [k, object[k]])) as Pick<T, K>;

/** The settings as the form's texts (null is an empty field). */
export function toForm(settings: OrganisationSettings): Record<SettingField, string> {
  return Object.fromEntries(SETTING_FIELDS.map((f) => [f, settings[f] === null ? '' : String(settings[f])])) as Record<SettingField, string>;
}

/** A form's texts checked: the settings, or the French message of each wrong field. */
export function parseSettingsForm(
  form: Partial<Record<string, string | undefined>>,
): { ok: true; settings: OrganisationSettings } | { ok: false; errors: Partial<Record<SettingField, string>> } {
  const input = Object.fromEntries(SETTING_FIELDS.map((f) => [f, form[f] ?? '']));
  const parsed = organisationSettingsSchema.safeParse(input);
  if (parsed.success) return { ok: true, settings: parsed.data };
  const errors: Partial<Record<SettingField, string>> = {};
  for (const issue of parsed.error.issues) {
    const field = issue.path[0] as SettingField;
    errors[field] ??= issue.message;
  }
  return { ok: false, errors };
}

/** What changed between two versions (the audit log records the names, not the values). */
export function changedFields(before: OrganisationSettings, after: OrganisationSettings): SettingField[] {
  return SETTING_FIELDS.filter((f) => before[f] !== after[f]);
}
