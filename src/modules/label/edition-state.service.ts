import { and, desc, eq, inArray, isNotNull, sql } from 'drizzle-orm';
import type { Db } from '../../platform/db/database.ts';
import { ConflictError, InvalidInputError, NotFoundError } from '../../platform/errors.ts';
import { emit } from '../../platform/events.ts';
import { formatDateTime } from '../../platform/views/format.ts';
import { requirePermission } from '../accounts/guard.ts';
import { personIdOf, type Caller } from '../accounts/permissions.rules.ts';
import { displayNamesOf } from '../accounts/users.service.ts';
import { handEditionEvents, reopenBlocked, STATE_CHANGE_REASON_MAX } from './edition-admin.rules.ts';
import { dueCalendarEvent } from './edition-calendar.rules.ts';
import { nextEditionState, type EditionEvent, type EditionState } from './edition-lifecycle.rules.ts';
import { lockEditionWithClock } from './editions.service.ts';
import './events.ts';
import { editionAdminMessages } from './messages.ts';
import { editions, editionStateChanges } from './schema.ts';

const m = editionAdminMessages;

/** One move of an edition's state. */
export type EditionStateMove = { year: number; from: EditionState; to: EditionState };

/**
 * Moves the edition from `from` to `to` if it is still at `from` (a conditional UPDATE: two processes
 * never move it twice), logs the change and emits 'edition.stateChanged', all in the caller's
 * transaction. False when the edition had already moved.
 */
export async function moveEdition(tx: Db, move: EditionStateMove, reason: string, by: string | null): Promise<boolean> {
  const moved = await tx
    .update(editions)
    .set({ state: move.to, updatedAt: sql`now()` })
    .where(and(eq(editions.year, move.year), eq(editions.state, move.from)))
    .returning({ year: editions.year });
  if (moved.length === 0) return false;
  await tx.insert(editionStateChanges).values({ year: move.year, fromState: move.from, toState: move.to, reason, changedBy: by });
  await emit(tx, 'edition.stateChanged', { year: move.year, from: move.from, to: move.to, reason, by });
  return true;
}

/**
 * An administrator moves an edition by hand, with a reason (required, kept in the history): one of
 * the events its state allows but the publication (handEditionEvents). Reopening a closed edition
 * needs its closing date still to come on the database's clock, else the calendar would close it at
 * once: ConflictError saying to change the closing date first.
 */
export async function changeEditionState(db: Db, caller: Caller | null, year: number, input: { event: string; reason: string }): Promise<EditionStateMove> {
  requirePermission(caller, 'editions.manage');
  const reason = input.reason.trim();
  if (reason === '') throw new InvalidInputError({ reason: m.stateChange.reasonRequired });
  if (reason.length > STATE_CHANGE_REASON_MAX) throw new InvalidInputError({ reason: m.stateChange.reasonTooLong(STATE_CHANGE_REASON_MAX) });
  return db.transaction(async (tx) => {
    const locked = await lockEditionWithClock(tx, year);
    if (!locked) throw new NotFoundError(m.edition.notFound(String(year)));
    const { edition, now } = locked;
    const event = handEditionEvents(edition.state).find((e) => e === input.event) as EditionEvent | undefined;
    if (!event) throw new ConflictError(m.stateChange.eventInvalid, 'event');
    if (event === 'reopen' && reopenBlocked(edition.closesAt, now)) {
      throw new ConflictError(
        edition.closesAt ? m.stateChange.reopenNeedsLaterClosing(formatDateTime(edition.closesAt)) : m.stateChange.reopenNoCalendar,
        'closesAt',
      );
    }
    // A scheduled publication holds the decisions: it is cancelled first (its results go with it).
    if (event === 'reviseDeliberation' && edition.publishedAt) throw new ConflictError(m.stateChange.reviseScheduled, 'event');
    const to = nextEditionState(edition.state, event);
    if (!to) throw new ConflictError(m.stateChange.eventInvalid, 'event');
    const move = { year, from: edition.state, to };
    await moveEdition(tx, move, reason, personIdOf(caller));
    return move;
  });
}

/** One line of an edition's history: `fromState` null for its creation, `by` null for the calendar. */
export type EditionStateChange = {
  fromState: EditionState | null;
  toState: EditionState;
  reason: string | null;
  by: { id: string; name: string } | null;
  changedAt: Date;
};

/** An edition's changes of state, the most recent first, with who made them. For its administrators. */
export async function listEditionStateChanges(db: Db, caller: Caller | null, year: number): Promise<EditionStateChange[]> {
  requirePermission(caller, 'editions.manage');
  const rows = await db
    .select()
    .from(editionStateChanges)
    .where(eq(editionStateChanges.year, year))
    .orderBy(desc(editionStateChanges.changedAt), desc(editionStateChanges.id));
  const names = await displayNamesOf(
    db,
    rows.flatMap((r) => (r.changedBy ? [r.changedBy] : [])),
  );
  return rows.map((r) => ({
    fromState: r.fromState,
    toState: r.toState,
    reason: r.reason,
    by: r.changedBy ? { id: r.changedBy, name: names.get(r.changedBy) ?? m.history.calendar } : null,
    changedAt: r.changedAt,
  }));
}

/**
 * The one scheduler's work (label's `edition-calendar` job, every minute, in every process): opens
 * the drafts whose opening has come and closes the open editions whose closing has come, on the
 * database's clock (dueCalendarEvent). Each move is its own transaction and a conditional UPDATE,
 * so two processes running at once move an edition once. Returns the moves this run made.
 */
export async function applyEditionCalendar(db: Db): Promise<EditionStateMove[]> {
  const candidates = await db
    .select({
      year: editions.year,
      state: editions.state,
      opensAt: editions.opensAt,
      closesAt: editions.closesAt,
      now: sql<Date>`now()`.mapWith((v: string | Date) => new Date(v)),
    })
    .from(editions)
    .where(and(inArray(editions.state, ['draft', 'open']), isNotNull(editions.opensAt), isNotNull(editions.closesAt)));
  const done: EditionStateMove[] = [];
  for (const c of candidates) {
    if (!c.opensAt || !c.closesAt) continue;
    const event = dueCalendarEvent(c.state, { opensAt: c.opensAt, closesAt: c.closesAt }, c.now);
    const to = event && nextEditionState(c.state, event);
    if (!to) continue;
    const move = { year: c.year, from: c.state, to };
    if (await db.transaction((tx) => moveEdition(tx, move, m.calendarReason, null))) done.push(move);
  }
  return done;
}
