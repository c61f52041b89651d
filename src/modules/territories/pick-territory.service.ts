/**
 * The territory picker's server side: a territory field's text (a name or a code) resolved to one
 * territory, or to the few a person must choose from, or to none. The same answer whether the
 * browser ran the suggestions or not: without JavaScript, this is the whole picker.
 */
import type { Db } from '../../platform/db/database.ts';
import { getTerritoriesByCodes, getTerritory, searchTerritories } from './search-territories.service.ts';
import { decidePick, MAX_CHOICES, readPickerText } from './territory-picker.rules.ts';
import { takesPart, type TerritoryKind } from './territory.rules.ts';

/** A territory as the picker shows it: what tells it from its namesakes. */
export type TerritoryOption = { code: string; name: string; kind: TerritoryKind; department: string | null; population: number | null };

export type PickedTerritory =
  { status: 'empty' } | { status: 'picked'; territory: TerritoryOption } | { status: 'choose'; options: TerritoryOption[] } | { status: 'none' };

/**
 * A territory field as posted: its text; and, when a choice was offered, the radio ticked and the
 * text it was offered for (a text typed anew since is read anew, whatever radio is still ticked).
 */
export type PickerInput = { text?: string; choice?: string; offeredFor?: string };

type Found = { code: string; name: string; kind: TerritoryKind; department: string | null; population: number | null };

async function withDepartmentNames(db: Db, found: Found[]): Promise<TerritoryOption[]> {
  const codes = [...new Set(found.map((t) => t.department).filter((c): c is string => c !== null))];
  const departments = await getTerritoriesByCodes(db, codes);
  const names = new Map(departments.filter((d) => d.kind === 'departement').map((d) => [d.code, d.name]));
  return found.map((t) => ({
    code: t.code,
    name: t.name,
    kind: t.kind,
    department: t.kind === 'departement' ? t.name : t.department ? (names.get(t.department) ?? t.department) : null,
    population: t.population,
  }));
}

async function byCode(db: Db, code: string): Promise<TerritoryOption | null> {
  const row = await getTerritory(db, code);
  // By its code too, only a territory that can take part in the label (as the name search offers).
  if (!row || !takesPart(row)) return null;
  const [option] = await withDepartmentNames(db, [
    { code: row.code, name: row.name, kind: row.kind, department: row.departmentCode, population: row.population },
  ]);
  return option ?? null;
}

/** Resolves a territory field: one sure territory is taken, several plausible ones are offered, else none. */
export async function pickTerritory(db: Db, input: PickerInput): Promise<PickedTerritory> {
  const text = (input.text ?? '').trim();
  const choice = (input.choice ?? '').trim();
  if (choice && (input.offeredFor ?? '').trim() === text) {
    const chosen = await byCode(db, choice);
    if (chosen) return { status: 'picked', territory: chosen };
  }
  const read = readPickerText(text);
  if (read.kind === 'empty') return { status: 'empty' };
  if (read.kind === 'code') {
    const territory = await byCode(db, read.code);
    if (territory) return { status: 'picked', territory };
    // Five digits that are no INSEE code may be a postcode: its communes are offered.
    if (!/^\d{5}$/.test(read.code)) return { status: 'none' };
  }
  const q = (read.kind === 'code' ? read.code : read.name).slice(0, 200);
  const department = read.kind === 'name' ? (read.department ?? undefined) : undefined;
  const { items } = await searchTerritories(db, { q, department, page: 1 });
  const decision = read.kind === 'code' ? (items.length ? { status: 'choose' as const, items } : { status: 'none' as const }) : decidePick(read.name, items);
  if (decision.status === 'none') return { status: 'none' };
  const options = await withDepartmentNames(db, decision.status === 'picked' ? [decision.item] : decision.items);
  const [first] = options;
  if (decision.status === 'picked' && first) return { status: 'picked', territory: first };
  return { status: 'choose', options: options.slice(0, MAX_CHOICES) };
}
