import type { Db } from '../../platform/db/database.ts';
import { InvalidInputError } from '../../platform/errors.ts';
import type { Person, SystemCaller } from '../accounts/permissions.rules.ts';
import { createUser } from '../accounts/users.service.ts';
import { createInitiative } from '../initiatives/save-initiative.service.ts';
import { DEMO_SHEETS } from './demo-initiatives.data.ts';

/** The demo writer of a territory's sheets: an account without password, so nobody can log in as it. */
export const demoAuthorEmail = (territoryCode: string) => `demo.${territoryCode}@example.org`;

/**
 * Publishes the demo sheets of each territory once: a territory whose demo author already exists
 * was seeded before and is left alone, so the command can run again safely.
 */
export async function seedDemoInitiatives(db: Db, caller: SystemCaller): Promise<number> {
  let created = 0;
  for (const territoryCode of new Set(DEMO_SHEETS.map((s) => s.territoryCode))) {
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
      if (error instanceof InvalidInputError && 'email' in error.fields) continue;
      throw error;
    }
    // The sheets are written by the demo author, a contributor of its territory: a person, as any writer.
    const person: Person = { id: author.id, role: 'member', memberships: [{ territoryCode, role: 'contributor' }] };
    for (const sheet of DEMO_SHEETS.filter((s) => s.territoryCode === territoryCode)) {
      await createInitiative(db, person, { ...sheet, visibility: 'public' });
      created += 1;
    }
  }
  return created;
}
