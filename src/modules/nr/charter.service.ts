/**
 * The responsible-digital charter of a territory: its signatures as recorded (date, signatory, role),
 * the latest one holding. 'nr.view' reads, 'nr.charter.sign' (referents) records.
 */
import { desc, eq } from 'drizzle-orm';
import type { Db } from '../../platform/db/database.ts';
import { InvalidInputError } from '../../platform/errors.ts';
import { personIdOf, type Caller } from '../accounts/permissions.rules.ts';
import { roadmapMessages as m } from './roadmap.messages.ts';
import { checkSignature, type SignatureInput } from './roadmap.rules.ts';
import { parisToday, territoryFor, type RoadmapTerritory } from './roadmap.service.ts';
import { nrCharterSignatures } from './schema.ts';
import { publicPartChanged } from './events.ts';

export type CharterSignature = SignatureInput & { id: string; recordedAt: Date };
export type CharterPage = { territory: RoadmapTerritory; signatures: CharterSignature[]; latest: CharterSignature | null; today: string };

const columns = {
  id: nrCharterSignatures.id,
  signedOn: nrCharterSignatures.signedOn,
  signatory: nrCharterSignatures.signatory,
  role: nrCharterSignatures.role,
  recordedAt: nrCharterSignatures.recordedAt,
};

/** The latest signature of a territory's charter, or null: for the territory's other pages (no permission: the caller checks it). */
export async function latestCharterSignature(db: Db, territoryCode: string): Promise<CharterSignature | null> {
  const [row] = await db
    .select(columns)
    .from(nrCharterSignatures)
    .where(eq(nrCharterSignatures.territoryCode, territoryCode))
    .orderBy(desc(nrCharterSignatures.signedOn), desc(nrCharterSignatures.recordedAt))
    .limit(1);
  return row ?? null;
}

export async function getCharter(db: Db, caller: Caller | null, code: string, now = new Date()): Promise<CharterPage> {
  const territory = await territoryFor(db, caller, code, 'nr.view');
  const signatures = await db
    .select(columns)
    .from(nrCharterSignatures)
    .where(eq(nrCharterSignatures.territoryCode, territory.code))
    .orderBy(desc(nrCharterSignatures.signedOn), desc(nrCharterSignatures.recordedAt));
  return { territory, signatures, latest: signatures[0] ?? null, today: parisToday(now) };
}

/** A signature recorded: a real date not after today (Paris), a signatory and a role. */
export async function signCharter(
  db: Db,
  caller: Caller | null,
  code: string,
  raw: Partial<Record<keyof SignatureInput, string | null>>,
  now = new Date(),
): Promise<CharterSignature> {
  const territory = await territoryFor(db, caller, code, 'nr.charter.sign');
  const checked = checkSignature(raw, parisToday(now), m.signature);
  if (!checked.ok) throw new InvalidInputError(checked.errors);
  // The event in the write's transaction: the public page's cache is emptied when it commits, not before.
  return db.transaction(async (tx) => {
    const [row] = await tx
      .insert(nrCharterSignatures)
      .values({ territoryCode: territory.code, ...checked.value, recordedBy: caller ? personIdOf(caller) : null })
      .returning(columns);
    if (!row) throw new Error('the signature was not recorded');
    await publicPartChanged(tx, territory.code, 'charter');
    return row;
  });
}
