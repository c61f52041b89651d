import type { Db } from '../../platform/db/database.ts';
import { InvalidInputError } from '../../platform/errors.ts';
import type { Person, SystemCaller } from '../accounts/permissions.rules.ts';
import { createUser } from '../accounts/users.service.ts';
import { addPhoto } from '../initiatives/photos.service.ts';
import { createInitiative } from '../initiatives/save-initiative.service.ts';
import { DEMO_ACTORS } from './demo-actors.data.ts';
import { DEMO_SHEETS, type DemoSheet } from './demo-initiatives.data.ts';
import { drawDemoPhoto } from './demo-photos.ts';

/** The demo writer of a territory's sheets: an account without password, so nobody can log in as it. */
export const demoAuthorEmail = (territoryCode: string) => `demo.${territoryCode}@example.org`;

/** What a run did: sheets published now, and those a previous run had published (their territory was left alone). */
export type DemoSheetsOutcome = { created: number; photos: number; seededBefore: number };

/**
 * Publishes the demo sheets of each territory once, as its contributor would: the partners found or
 * created with the sheet (the actors directory lists them), then the photos uploaded. A territory
 * whose demo author already exists was seeded before and is left alone, so the command can run again
 * safely.
 */
export async function seedDemoInitiatives(db: Db, caller: SystemCaller): Promise<DemoSheetsOutcome> {
  const outcome: DemoSheetsOutcome = { created: 0, photos: 0, seededBefore: 0 };
  for (const territoryCode of new Set(DEMO_SHEETS.map((s) => s.territoryCode))) {
    const sheets = DEMO_SHEETS.filter((s) => s.territoryCode === territoryCode);
    let author: { id: string };
    try {
      author = await createUser(db, caller, {
        email: demoAuthorEmail(territoryCode),
        role: 'member',
        displayName: 'Démonstration',
        territoryCode,
        territoryRole: 'contributor',
      });
    } catch (error) {
      if (error instanceof InvalidInputError && 'email' in error.fields) {
        outcome.seededBefore += sheets.length;
        continue;
      }
      throw error;
    }
    // The sheets are written by the demo author, a contributor of its territory: a person, as any writer.
    const person: Person = { id: author.id, role: 'member', memberships: [{ territoryCode, role: 'contributor' }] };
    for (const sheet of sheets) {
      const saved = await createInitiative(
        db,
        person,
        sheetInput(sheet),
        (sheet.actors ?? []).map((key) => DEMO_ACTORS[key]),
      );
      outcome.created += 1;
      for (const photo of sheet.photos ?? []) {
        await addPhoto(db, person, saved.id, await drawDemoPhoto(photo.drawing), photo.alt);
        outcome.photos += 1;
      }
    }
  }
  return outcome;
}

/** The sheet as the API would receive it: public at once. */
function sheetInput({ actors: _actors, photos: _photos, ...content }: DemoSheet) {
  return { ...content, visibility: 'public' as const };
}
