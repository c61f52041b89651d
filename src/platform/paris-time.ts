/**
 * The French clock (Europe/Paris) and instants: what a `datetime-local` field shows and sends,
 * « 2027-03-01T09:00 », read on the Paris clock whatever the server's time zone. The one place that
 * converts between the two.
 */

const ZONE = 'Europe/Paris';
const LOCAL = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})$/;
const HOUR_MS = 60 * 60 * 1000;

const partsFormat = new Intl.DateTimeFormat('en-GB', {
  timeZone: ZONE,
  hourCycle: 'h23',
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
  hour: '2-digit',
  minute: '2-digit',
});

type WallClock = { year: number; month: number; day: number; hour: number; minute: number };

function parisWallClock(instant: Date): WallClock {
  const parts = Object.fromEntries(partsFormat.formatToParts(instant).map((p) => [p.type, p.value]));
  return { year: Number(parts.year), month: Number(parts.month), day: Number(parts.day), hour: Number(parts.hour), minute: Number(parts.minute) };
}

const asUtc = (c: WallClock) => Date.UTC(c.year, c.month - 1, c.day, c.hour, c.minute);
/** How far the Paris clock is ahead of UTC at this instant (ms): one hour in winter, two in summer. */
const parisOffset = (t: number) => asUtc(parisWallClock(new Date(t))) - Math.floor(t / 60_000) * 60_000;

const pad = (n: number, width = 2) => String(n).padStart(width, '0');

/** « 2027-03-01T09:00 »: the instant on the Paris clock, as a `datetime-local` field takes it. */
export function toParisLocal(instant: Date): string {
  const c = parisWallClock(instant);
  return `${pad(c.year, 4)}-${pad(c.month)}-${pad(c.day)}T${pad(c.hour)}:${pad(c.minute)}`;
}

/**
 * The instant a Paris clock time « YYYY-MM-DDTHH:mm » names, or null when the text is not one (a
 * 30 February, 24:00, any other form). In autumn the hour from 2:00 to 3:00 happens twice: the first
 * is taken. In spring the hour from 2:00 to 3:00 does not exist: 2:30 is read as 3:30 summer time,
 * as a clock put forward would show it.
 */
export function fromParisLocal(text: string): Date | null {
  const match = LOCAL.exec(text.trim());
  if (!match) return null;
  const [year, month, day, hour, minute] = match.slice(1).map(Number) as [number, number, number, number, number];
  const wall = Date.UTC(year, month - 1, day, hour, minute);
  const check = new Date(wall);
  if (check.getUTCFullYear() !== year || check.getUTCMonth() !== month - 1 || check.getUTCDate() !== day || hour > 23 || minute > 59) return null;
  // The offsets in force around that day: the same twice but on the days the clock changes.
  const offsets = [...new Set([parisOffset(wall - 12 * HOUR_MS), parisOffset(wall + 12 * HOUR_MS)])];
  const exact = offsets.map((o) => wall - o).filter((t) => asUtc(parisWallClock(new Date(t))) === wall);
  if (exact.length > 0) return new Date(Math.min(...exact));
  // In the spring gap: read with the winter offset, which lands an hour later on the summer clock.
  const [winter = 0] = offsets;
  return new Date(wall - winter);
}

/** The same Paris clock time some years later (29 February becomes 28 February). */
export function shiftParisYears(instant: Date, years: number): Date {
  const c = parisWallClock(instant);
  const year = c.year + years;
  const lastDay = new Date(Date.UTC(year, c.month, 0)).getUTCDate();
  return parisInstant(`${pad(year, 4)}-${pad(c.month)}-${pad(Math.min(c.day, lastDay))}T${pad(c.hour)}:${pad(c.minute)}`);
}

/** fromParisLocal for a text the code itself writes: a RangeError if it is not a Paris clock time. */
export function parisInstant(text: string): Date {
  const instant = fromParisLocal(text);
  if (!instant) throw new RangeError(`not a Paris clock time: ${text}`);
  return instant;
}
