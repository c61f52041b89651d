import { eq } from 'drizzle-orm';
import type { Db } from '../../platform/db/database.ts';
import { emit } from '../../platform/events.ts';
import { InvalidInputError } from '../../platform/errors.ts';
import { requirePermission } from '../accounts/guard.ts';
import type { Person } from '../accounts/permissions.rules.ts';
import './events.ts';
import { platformMessages } from '../../platform/views/messages.ts';
import { organisationMessages } from './messages.ts';
import { changedFields, parseSettingsForm, readStoredSettings, toForm, type OrganisationSettings, type SettingField } from './organisation-settings.rules.ts';
import { organisationSettings } from './schema.ts';

export type StoredOrganisationSettings = {
  settings: OrganisationSettings;
  /** Null on a fresh install: nobody saved them yet, the defaults are shown. */
  updatedAt: Date | null;
};

/**
 * Every page's footer reads them: kept a few seconds per database, so a busy site does not ask for
 * them on each page. A save in this process is seen at once; another process sees it within TTL_MS.
 */
const m = organisationMessages.admin;
const TTL_MS = 10_000;
const cache = new WeakMap<Db, { at: number; value: StoredOrganisationSettings }>();

/** The organisation's settings, or the defaults of a fresh install. Public: they are shown on every page. */
export async function readOrganisationSettings(db: Db): Promise<StoredOrganisationSettings> {
  const cached = cache.get(db);
  if (cached && Date.now() - cached.at < TTL_MS) return cached.value;
  const [row] = await db.select().from(organisationSettings).where(eq(organisationSettings.id, 1));
  const value = { settings: readStoredSettings(row?.settings), updatedAt: row?.updatedAt ?? null };
  cache.set(db, { at: Date.now(), value });
  return value;
}

/**
 * The admin saves the settings from the form's texts: all checked first (InvalidInputError naming
 * each wrong field, nothing written), then written in one transaction with the audit's event.
 */
export async function updateOrganisationSettings(
  db: Db,
  person: Person | null,
  form: Partial<Record<string, string | undefined>>,
): Promise<OrganisationSettings> {
  requirePermission(person, 'organisation.manage');
  const parsed = parseSettingsForm(form);
  if (!parsed.ok) {
    const [first] = Object.entries(parsed.errors) as [SettingField, string][];
    throw new InvalidInputError(parsed.errors as Record<string, string>, first ? platformMessages.form.fieldError(m.fields[first[0]], first[1]) : undefined);
  }
  const { settings } = parsed;
  const before = (await readOrganisationSettingsFresh(db)).settings;
  const stored = toForm(settings);
  await db.transaction(async (tx) => {
    await tx
      .insert(organisationSettings)
      .values({ id: 1, settings: stored, updatedBy: person.id })
      .onConflictDoUpdate({ target: organisationSettings.id, set: { settings: stored, updatedBy: person.id, updatedAt: new Date() } });
    await emit(tx, 'organisation.settings.changed', { fields: changedFields(before, settings), by: person.id });
  });
  cache.delete(db);
  return settings;
}

async function readOrganisationSettingsFresh(db: Db): Promise<StoredOrganisationSettings> {
  cache.delete(db);
  return readOrganisationSettings(db);
}
