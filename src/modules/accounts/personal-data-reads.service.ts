import type { Db } from '../../platform/db/database.ts';
import { emit } from '../../platform/events.ts';
import type { PersonalDataScreen } from './events.ts';
import './events.ts';
import type { Person } from './permissions.rules.ts';

/**
 * Records that an administrator opened a screen of other people's personal data (the audit log
 * keeps who and when). Called once the screen's own permission is checked; a reading, so its own
 * small transaction.
 */
export async function notePersonalDataRead(db: Db, person: Person, what: PersonalDataScreen, ip: string | null): Promise<void> {
  await db.transaction((tx) => emit(tx, 'account.personalData.read', { byUserId: person.id, what, ip }));
}
