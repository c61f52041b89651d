/**
 * Reminders before the closing: seven days and one day before an open edition closes (on the
 * database's clock), the referents of every territory whose dossier is still a draft receive what
 * is missing, the closing date-time and the link. One row per edition, territory and kind in
 * campaign_reminders: its key makes the reminder go once, even with two processes running the job
 * at the same time, and the e-mails are queued in the transaction that writes the row.
 */
import { and, eq, notExists, sql } from 'drizzle-orm';
import { queryRows, type Db } from '../../platform/db/database.ts';
import { formatDateTime } from '../../platform/views/format.ts';
import { listMembers } from '../accounts/members.service.ts';
import { systemCaller } from '../accounts/permissions.rules.ts';
import { listEditions, type Edition } from '../label/editions.service.ts';
import { enqueueEmail } from '../notifications/outbox.service.ts';
import { viewOf } from './applications.service.ts';
import { dossierMessages } from './dossier.messages.ts';
import { applications, campaignReminders } from './schema.ts';

const m = dossierMessages.reminders;
const DAY_MS = 86_400_000;

export type ReminderKind = '7d' | '1d';
/** The reminders and how long before the closing each is due, the nearest first. */
export const REMINDER_WINDOWS: readonly { kind: ReminderKind; beforeMs: number }[] = [
  { kind: '1d', beforeMs: DAY_MS },
  { kind: '7d', beforeMs: 7 * DAY_MS },
];

/**
 * The reminder due for an edition closing at `closesAt` when the clock says `now`: the nearest
 * window it is in (one day before: '1d', never '7d' as well), null when it is further or past.
 */
export function dueReminder(closesAt: Date, now: Date): ReminderKind | null {
  const left = closesAt.getTime() - now.getTime();
  if (left <= 0) return null;
  return REMINDER_WINDOWS.find((w) => left <= w.beforeMs)?.kind ?? null;
}

export type SentReminder = { year: number; territoryCode: string; kind: ReminderKind; emails: number };

/** Sends the reminders due now; answers those sent by this call (none twice, whoever calls). */
export async function sendClosingReminders(db: Db, options: { baseUrl: string }): Promise<SentReminder[]> {
  const [clock] = await queryRows<{ now: string | Date }>(db, sql`select now() as now`);
  if (!clock) throw new Error('select now() answered no row');
  const now = new Date(clock.now);
  const sent: SentReminder[] = [];
  for (const edition of await listEditions(db)) {
    if (edition.state !== 'open' || !edition.closesAt) continue;
    const kind = dueReminder(edition.closesAt, now);
    if (kind) sent.push(...(await remindEdition(db, edition, edition.closesAt, kind, options)));
  }
  return sent;
}

async function remindEdition(db: Db, edition: Edition, closesAt: Date, kind: ReminderKind, options: { baseUrl: string }): Promise<SentReminder[]> {
  // The drafts not reminded yet of this kind (the insert below decides, this only spares the work).
  const drafts = await db
    .select()
    .from(applications)
    .where(
      and(
        eq(applications.year, edition.year),
        eq(applications.state, 'draft'),
        notExists(
          db
            .select({ one: sql`1` })
            .from(campaignReminders)
            .where(
              and(
                eq(campaignReminders.year, applications.year),
                eq(campaignReminders.territoryCode, applications.territoryCode),
                eq(campaignReminders.kind, kind),
              ),
            ),
        ),
      ),
    );
  const sent: SentReminder[] = [];
  for (const row of drafts) {
    const view = await viewOf(db, row);
    const emails = await db.transaction(async (tx) => {
      // Only while the dossier is still a draft; already sent (by an earlier run, or by another process
      // right now, whose row this insert waits for): nothing to queue.
      const [inserted] = await queryRows<{ year: number }>(
        tx,
        sql`insert into ${campaignReminders} (year, territory_code, kind)
            select ${edition.year}, ${row.territoryCode}, ${kind}
            where exists (select 1 from ${applications} where ${applications.id} = ${row.id} and ${applications.state} = 'draft')
            on conflict do nothing
            returning year`,
      );
      if (!inserted) return null;
      const members = await listMembers(tx, systemCaller('campaign: reminders before the closing'), row.territoryCode);
      const referents = members.filter((member) => member.role === 'referent' && member.hasPassword);
      for (const referent of referents) {
        await enqueueEmail(tx, {
          to: referent.email,
          subject: m.subject(edition.year, view.territory.name, kind),
          body: m.body({
            territory: view.territory.name,
            year: edition.year,
            closesAt: formatDateTime(closesAt),
            missing: view.checklist.map((item) => item.message),
            link: `${options.baseUrl}/espace/${row.territoryCode}/candidature/${edition.year}`,
          }),
        });
      }
      return referents.length;
    });
    if (emails !== null) sent.push({ year: edition.year, territoryCode: row.territoryCode, kind, emails });
  }
  return sent;
}
