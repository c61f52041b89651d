/**
 * Pure rules of the territory picker: what a person typed in a territory field (a name, a code, a
 * suggestion "Cholet (49099)", a name and its département "Cholet (49)"), and whether the names
 * found for it make one sure territory, several to choose from, or none.
 */
import { normaliseName } from './territory-names.rules.ts';

export type PickerText = { kind: 'empty' } | { kind: 'code'; code: string } | { kind: 'name'; name: string; department: string | null };

// Public codes: INSEE of a commune (2A004 included), SIREN of an EPCI, a région's `reg-NN`,
// a département's INSEE code (49, 2A, 974).
const TERRITORY_CODE = /^(?:\d[\dAB]\d{3}|\d{9}|reg-\d{2})$/i;
const DEPARTMENT_CODE = /^(?:\d{2,3}|2[AB])$/i;
// "Cholet (49099)" (a suggestion), "Cholet (49)" (a name and its département).
const WITH_PARENTHESIS = /^(.+?)\s*\(\s*([\w-]{2,9})\s*\)$/;

const upper = (code: string) => (code.toLowerCase().startsWith('reg-') ? code.toLowerCase() : code.toUpperCase());

/** Reads a territory field's text: empty, a code, or a name (with a département when written). */
export function readPickerText(text: string): PickerText {
  const value = text.trim().replace(/\s+/g, ' ');
  if (!value) return { kind: 'empty' };
  if (TERRITORY_CODE.test(value) || DEPARTMENT_CODE.test(value)) return { kind: 'code', code: upper(value) };
  const parts = WITH_PARENTHESIS.exec(value);
  const name = parts?.[1] ?? '';
  const inside = parts?.[2] ?? '';
  if (parts && TERRITORY_CODE.test(inside)) return { kind: 'code', code: upper(inside) };
  if (parts && DEPARTMENT_CODE.test(inside)) return { kind: 'name', name, department: inside.toUpperCase() };
  return { kind: 'name', name: value, department: null };
}

export type PickDecision<T> = { status: 'picked'; item: T } | { status: 'choose'; items: T[] } | { status: 'none' };

/** How many territories a choice offers at most (a radio list stays readable). */
export const MAX_CHOICES = 8;

/**
 * The decision for a name among the territories a search found for it (the likeliest first): one
 * bearing exactly that name (accents, case, hyphens, "St" aside) is sure; several bearing it, or
 * only neighbours (a typo, a longer name), are offered as a choice; nothing found is none.
 */
export function decidePick<T extends { name: string }>(name: string, found: readonly T[]): PickDecision<T> {
  const key = normaliseName(name);
  const same = found.filter((t) => normaliseName(t.name) === key);
  const [only] = same;
  if (only && same.length === 1) return { status: 'picked', item: only };
  const offered = same.length ? same : found;
  return offered.length ? { status: 'choose', items: offered.slice(0, MAX_CHOICES) } : { status: 'none' };
}
