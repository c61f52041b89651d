/**
 * The rules of the indicators' values, pure: how a typed or imported value and date are read
 * (decimal comma, French dates), which values an indicator accepts, a custom indicator's name and
 * unit, and the trend between the last two values. No I/O.
 */
import type { FieldErrors } from '../../platform/errors.ts';
import { foldText } from '../../platform/text.ts';
import { indicatorMessages } from './indicators.messages.ts';
import { NR_INDICATORS, type IndicatorDirection } from './nr-indicators.data.ts';
import { NAME_MAX, NOTE_MAX } from './nr-themes.rules.ts';

const m = indicatorMessages;

/** The column is numeric(14, 3): three decimals, eleven digits before the comma. */
export const VALUE_DECIMALS = 3;
export const VALUE_MAX = 99_999_999_999.999;
/** No measure is dated before this year (a typing error: 0225 for 2025). */
export const FIRST_MEASURE_YEAR = 1990;
export const UNIT_MAX = 40;

export type Parsed<T> = { ok: true; value: T } | { ok: false; error: string };
const fail = <T>(error: string): Parsed<T> => ({ ok: false, error });

const SPACES = /[ \u00a0\u202f]/g;

/**
 * A number as a person types it in French or a spreadsheet writes it: « 1,2 », « 1.2 »,
 * « 1 200 », « 1 200,5 » (spaces, no-break or narrow, between thousands), « -3 ». Refused: two
 * decimal marks, letters, more than three decimals, beyond the column's range.
 */
export function parseIndicatorValue(text: string | undefined): Parsed<number> {
  const raw = (text ?? '').trim();
  if (raw === '') return fail(m.value.required);
  const grouped = /^[+-]?\d{1,3}(?:[ \u00a0\u202f]\d{3})+(?:[.,]\d+)?$/.test(raw);
  if (!grouped && !/^[+-]?\d+(?:[.,]\d+)?$/.test(raw) && !/^[+-]?[.,]\d+$/.test(raw)) return fail(m.value.notNumber(raw));
  const normalised = raw.replace(SPACES, '').replace(',', '.');
  const decimals = normalised.split('.')[1]?.length ?? 0;
  if (decimals > VALUE_DECIMALS) return fail(m.value.tooManyDecimals(VALUE_DECIMALS));
  const value = Number(normalised);
  if (!Number.isFinite(value)) return fail(m.value.notNumber(raw));
  if (Math.abs(value) > VALUE_MAX) return fail(m.value.tooLarge);
  // « -0 » is 0.
  return { ok: true, value: value === 0 ? 0 : value };
}

const pad = (n: number) => String(n).padStart(2, '0');

/**
 * A measure's date as `YYYY-MM-DD`: typed so (a date field sends it), or in French « 14/03/2025 »
 * (also « 14-03-2025 », « 14.03.2025 », a one-digit day or month). A real calendar day, not after
 * `today` (`YYYY-MM-DD`, the French clock's) nor before FIRST_MEASURE_YEAR.
 */
export function parseMeasureDate(text: string | undefined, today: string): Parsed<string> {
  const raw = (text ?? '').trim();
  if (raw === '') return fail(m.value.required);
  const iso = /^(\d{4})-(\d{1,2})-(\d{1,2})$/.exec(raw);
  const french = /^(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})$/.exec(raw);
  const parts = iso ? [iso[1], iso[2], iso[3]] : french ? [french[3], french[2], french[1]] : null;
  if (!parts) return fail(m.value.notDate(raw));
  const [year, month, day] = parts.map(Number) as [number, number, number];
  const date = new Date(Date.UTC(year, month - 1, day));
  if (date.getUTCFullYear() !== year || date.getUTCMonth() !== month - 1 || date.getUTCDate() !== day) return fail(m.value.notDate(raw));
  const value = `${String(year).padStart(4, '0')}-${pad(month)}-${pad(day)}`;
  if (year < FIRST_MEASURE_YEAR) return fail(m.value.tooOld(FIRST_MEASURE_YEAR));
  if (value > today) return fail(m.value.future);
  return { ok: true, value };
}

/** Whether a unit is a share (« % des postes »): its values go from 0 to 100. */
export const isPercentUnit = (unit: string) => unit.trim().startsWith('%');

/**
 * What an indicator refuses of a number read: a share beyond 0–100; a standard indicator's negative
 * value (they all count or weigh something). A custom indicator may go below zero (a balance).
 */
export function valueRefusal(value: number, indicator: { unit: string; standard: boolean }): string | null {
  if (isPercentUnit(indicator.unit) && (value < 0 || value > 100)) return m.value.percent;
  if (indicator.standard && value < 0) return m.value.negative;
  return null;
}

export const noteRefusal = (note: string): string | null => (note.length > NOTE_MAX ? m.value.noteTooLong(NOTE_MAX) : null);

/** A value as typed in a form: its date, its number, its note, each refused with its field's message. */
export function readValueForm(
  form: { date?: string; value?: string; note?: string },
  indicator: { unit: string; standard: boolean },
  today: string,
): { ok: true; value: { measuredOn: string; value: number; note: string } } | { ok: false; errors: FieldErrors } {
  const errors: FieldErrors = {};
  const date = parseMeasureDate(form.date, today);
  if (!date.ok) errors.date = date.error;
  const value = parseIndicatorValue(form.value);
  if (!value.ok) errors.value = value.error;
  else {
    const refusal = valueRefusal(value.value, indicator);
    if (refusal) errors.value = refusal;
  }
  const note = (form.note ?? '').trim();
  const noteError = noteRefusal(note);
  if (noteError) errors.note = noteError;
  if (Object.keys(errors).length > 0 || !date.ok || !value.ok) return { ok: false, errors };
  return { ok: true, value: { measuredOn: date.value, value: value.value, note } };
}

/** Two names are the same indicator when they read the same once case, accents and punctuation are set aside. */
export const sameIndicatorName = (a: string, b: string) => foldText(a) === foldText(b);

/**
 * A custom indicator's name and unit, trimmed (inner spaces collapsed), or the French message of
 * each field at fault: a name is needed, unique in the territory (as `sameIndicatorName` reads it)
 * and not a standard indicator's name or id; a unit is needed.
 */
export function readCustomIndicator(
  input: { name?: string; unit?: string },
  existingNames: readonly string[],
): { ok: true; value: { name: string; unit: string } } | { ok: false; errors: FieldErrors } {
  const errors: FieldErrors = {};
  const name = (input.name ?? '').trim().replace(/\s+/g, ' ');
  const unit = (input.unit ?? '').trim().replace(/\s+/g, ' ');
  if (name === '') errors.name = m.customInput.nameRequired;
  else if (name.length > NAME_MAX) errors.name = m.customInput.nameTooLong(NAME_MAX);
  else if (NR_INDICATORS.some((s) => sameIndicatorName(s.name, name) || s.id === name.toLowerCase())) errors.name = m.customInput.nameStandard(name);
  else {
    const taken = existingNames.find((existing) => sameIndicatorName(existing, name));
    if (taken !== undefined) errors.name = m.customInput.nameTaken(taken);
  }
  if (unit === '') errors.unit = m.customInput.unitRequired;
  else if (unit.length > UNIT_MAX) errors.unit = m.customInput.unitTooLong(UNIT_MAX);
  if (Object.keys(errors).length > 0) return { ok: false, errors };
  return { ok: true, value: { name, unit } };
}

export type DatedValue = { measuredOn: string; value: number };

export type Trend = {
  direction: 'up' | 'down' | 'flat';
  /** The last value minus the one before. */
  delta: number;
  /** The date of the value before the last. */
  since: string;
  /** Whether it goes the better way; null when flat. */
  good: boolean | null;
};

/** The change between the last two values (by date), or null with fewer than two. */
export function trendOf(values: readonly DatedValue[], better: IndicatorDirection): Trend | null {
  const sorted = [...values].sort((a, b) => a.measuredOn.localeCompare(b.measuredOn));
  const last = sorted.at(-1);
  const before = sorted.at(-2);
  if (!last || !before) return null;
  // Rounded to the column's decimals: 1,3 − 1,2 is 0,1, not 0,10000000000000009.
  const delta = Math.round((last.value - before.value) * 10 ** VALUE_DECIMALS) / 10 ** VALUE_DECIMALS;
  const direction = delta > 0 ? 'up' : delta < 0 ? 'down' : 'flat';
  return { direction, delta, since: before.measuredOn, good: direction === 'flat' ? null : (direction === 'up') === (better === 'up') };
}

/** The values oldest first, the latest last: the chart's and the table's order. */
export const byDate = <T extends DatedValue>(values: readonly T[]): T[] => [...values].sort((a, b) => a.measuredOn.localeCompare(b.measuredOn));
