/**
 * What a territory makes public of its responsible-digital work (nrPublicity): four choices, no row
 * meaning nothing public. 'nr.view' reads the choices, 'nr.publish' (referents) changes them.
 */
import { eq } from 'drizzle-orm';
import type { Db } from '../../platform/db/database.ts';
import { InvalidInputError, NotFoundError } from '../../platform/errors.ts';
import { requirePermission } from '../accounts/guard.ts';
import { personIdOf, type Caller } from '../accounts/permissions.rules.ts';
import { getTerritory } from '../territories/search-territories.service.ts';
import { publicMessages as m } from './public.messages.ts';
import { nrPublicity } from './schema.ts';
import { readPublicityForm, type PublicityChoices, type PublicityPart } from './strategy.rules.ts';
import { publicPartChanged } from './events.ts';

export type PublicityPage = { territory: { code: string; name: string }; choices: PublicityChoices };

export const NOTHING_PUBLIC: PublicityChoices = { maturity: false, charter: false, indicators: false, roadmap: false };

/** The territory, once the caller may do `action` there; not found for an unknown code. */
export async function nrTerritoryFor(db: Db, caller: Caller | null, code: string, action: 'nr.view' | 'nr.publish') {
  const territory = await getTerritory(db, code);
  if (!territory) throw new NotFoundError(m.errors.territoryNotFound);
  requirePermission(caller, action, { territoryCode: territory.code });
  return territory;
}

/** The choices of a territory, nothing public without a row (no permission: the caller checks it). */
export async function publicityOf(db: Db, territoryCode: string): Promise<PublicityChoices> {
  const [row] = await db
    .select({ maturity: nrPublicity.maturity, charter: nrPublicity.charter, indicators: nrPublicity.indicators, roadmap: nrPublicity.roadmap })
    .from(nrPublicity)
    .where(eq(nrPublicity.territoryCode, territoryCode));
  return row ?? { ...NOTHING_PUBLIC };
}

export async function getPublicity(db: Db, caller: Caller | null, code: string): Promise<PublicityPage> {
  const territory = await nrTerritoryFor(db, caller, code, 'nr.view');
  return { territory: { code: territory.code, name: territory.name }, choices: await publicityOf(db, territory.code) };
}

/** The four choices saved at once: a box not sent is not public; a value other than a ticked box is refused, nothing written. */
export async function savePublicity(
  db: Db,
  caller: Caller | null,
  code: string,
  raw: Partial<Record<PublicityPart, string | undefined>>,
  now = new Date(),
): Promise<PublicityChoices> {
  const territory = await nrTerritoryFor(db, caller, code, 'nr.publish');
  const checked = readPublicityForm(raw, m.publicity.invalid);
  if (!checked.ok) throw new InvalidInputError(checked.errors);
  const values = { ...checked.value, updatedBy: caller ? personIdOf(caller) : null, updatedAt: now };
  await db.transaction(async (tx) => {
    await tx
      .insert(nrPublicity)
      .values({ territoryCode: territory.code, ...values })
      .onConflictDoUpdate({ target: nrPublicity.territoryCode, set: values });
    await publicPartChanged(tx, territory.code, 'publicity');
  });
  return checked.value;
}
