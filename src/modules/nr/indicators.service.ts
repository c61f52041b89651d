import { and, asc, eq, inArray, sql } from 'drizzle-orm';
import { writeCsv } from '../../platform/csv.ts';
import { isUniqueViolation, type Db } from '../../platform/db/database.ts';
import { InvalidInputError, NotFoundError } from '../../platform/errors.ts';
import { toParisLocal } from '../../platform/paris-time.ts';
import { foldText } from '../../platform/text.ts';
import { requirePermission } from '../accounts/guard.ts';
import { personIdOf, type Caller } from '../accounts/permissions.rules.ts';
import { getTerritory } from '../territories/search-territories.service.ts';
import { parseIndicatorsCsv, type CsvIndicator } from './indicators-csv.ts';
import { indicatorMessages } from './indicators.messages.ts';
import { byDate, parseMeasureDate, readCustomIndicator, readValueForm, trendOf, type Trend } from './indicators.rules.ts';
import { NR_INDICATORS, standardIndicator, type IndicatorDirection } from './nr-indicators.data.ts';
import type { NrThemeId } from './nr-themes.rules.ts';
import { nrCustomIndicators, nrIndicatorValues } from './schema.ts';
import { publicPartChanged } from './events.ts';

const m = indicatorMessages;

/** The largest CSV file of values taken, in bytes. */
export const MAX_INDICATORS_CSV_BYTES = 1024 * 1024;
/** Rows written per statement during an import. */
const BATCH = 500;

/** A standard or custom indicator as pages show it; `key` is what values name it by (the standard id or the custom uuid). */
export type IndicatorInfo = {
  key: string;
  name: string;
  unit: string;
  description: string;
  /** The diagnostic's theme and the better way: a standard indicator's; null for a custom one. */
  theme: NrThemeId | null;
  better: IndicatorDirection | null;
  standard: boolean;
};
export type IndicatorValue = { measuredOn: string; value: number; source: 'manual' | 'csv'; note: string };
export type IndicatorSummary = IndicatorInfo & {
  values: { measuredOn: string; value: number }[];
  latest: { measuredOn: string; value: number } | null;
  trend: Trend | null;
};

/** Today on the French clock, `YYYY-MM-DD`: no measure is dated after it. */
export const parisToday = (now = new Date()) => toParisLocal(now).slice(0, 10);

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

const standardInfo = (id: string): IndicatorInfo | undefined => {
  const s = standardIndicator(id);
  return s && { key: s.id, name: s.name, unit: s.unit, description: s.description, theme: s.theme, better: s.better, standard: true };
};
const customInfo = (c: { id: string; name: string; unit: string }): IndicatorInfo => ({
  key: c.id,
  name: c.name,
  unit: c.unit,
  description: '',
  theme: null,
  better: null,
  standard: false,
});

/** The trend of an indicator's values; whether it goes the better way only for a standard one (a custom one has no known better way). */
function trendFor(values: readonly { measuredOn: string; value: number }[], better: IndicatorDirection | null): Trend | null {
  const trend = trendOf(values, better ?? 'up');
  return trend && better === null ? { ...trend, good: null } : trend;
}

/** The territory, or not found; then the caller held to the action on it. */
async function territoryFor(db: Db, caller: Caller | null, code: string, action: 'nr.view' | 'nr.edit') {
  const territory = await getTerritory(db, code);
  if (!territory) throw new NotFoundError();
  requirePermission(caller, action, { territoryCode: territory.code });
  /** `by`: who acts, for the rows written (null for the system). */
  return { code: territory.code, name: territory.name, by: personIdOf(caller) };
}

async function listCustomIndicators(db: Db, territoryCode: string) {
  return db
    .select({ id: nrCustomIndicators.id, name: nrCustomIndicators.name, unit: nrCustomIndicators.unit })
    .from(nrCustomIndicators)
    .where(eq(nrCustomIndicators.territoryCode, territoryCode))
    .orderBy(asc(nrCustomIndicators.createdAt), asc(nrCustomIndicators.name));
}

/** The indicator a URL or a form names in this territory: a standard id, or the uuid of one of its own; else not found. */
async function indicatorOf(db: Db, territoryCode: string, ref: string): Promise<IndicatorInfo> {
  const standard = standardInfo(ref);
  if (standard) return standard;
  if (UUID.test(ref)) {
    const [custom] = await db
      .select({ id: nrCustomIndicators.id, name: nrCustomIndicators.name, unit: nrCustomIndicators.unit })
      .from(nrCustomIndicators)
      .where(and(eq(nrCustomIndicators.territoryCode, territoryCode), eq(nrCustomIndicators.id, ref.toLowerCase())));
    if (custom) return customInfo(custom);
  }
  throw new NotFoundError(m.indicator.notFound);
}

/** The catalogue of standard indicators (no territory's data): the public API's answer. */
export function listStandardIndicators() {
  return NR_INDICATORS.map(({ id, name, unit, theme, better }) => ({ id, name, unit, theme, better }));
}

/** Every indicator of the territory, standard ones first, each with its values, latest value and trend. */
export async function listTerritoryIndicators(db: Db, caller: Caller | null, territoryCode: string) {
  const { by: _, ...territory } = await territoryFor(db, caller, territoryCode, 'nr.view');
  const [custom, values] = await Promise.all([
    listCustomIndicators(db, territory.code),
    db
      .select({ indicator: nrIndicatorValues.indicator, measuredOn: nrIndicatorValues.measuredOn, value: nrIndicatorValues.value })
      .from(nrIndicatorValues)
      .where(eq(nrIndicatorValues.territoryCode, territory.code))
      .orderBy(asc(nrIndicatorValues.indicator), asc(nrIndicatorValues.measuredOn)),
  ]);
  const valuesOf = new Map<string, { measuredOn: string; value: number }[]>();
  for (const v of values) {
    const list = valuesOf.get(v.indicator) ?? [];
    list.push({ measuredOn: v.measuredOn, value: Number(v.value) });
    valuesOf.set(v.indicator, list);
  }
  const infos = [...NR_INDICATORS.map((s) => standardInfo(s.id)).filter((i): i is IndicatorInfo => i !== undefined), ...custom.map(customInfo)];
  const indicators: IndicatorSummary[] = infos.map((info) => {
    const own = byDate(valuesOf.get(info.key) ?? []);
    return { ...info, values: own, latest: own.at(-1) ?? null, trend: trendFor(own, info.better) };
  });
  return { territory, indicators };
}
export type TerritoryIndicators = Awaited<ReturnType<typeof listTerritoryIndicators>>;

/** One indicator of the territory with its values, oldest first; not found for an unknown or another territory's indicator. */
export async function getTerritoryIndicator(db: Db, caller: Caller | null, territoryCode: string, ref: string) {
  const { by: _, ...territory } = await territoryFor(db, caller, territoryCode, 'nr.view');
  const indicator = await indicatorOf(db, territory.code, ref);
  const rows = await db
    .select({ measuredOn: nrIndicatorValues.measuredOn, value: nrIndicatorValues.value, source: nrIndicatorValues.source, note: nrIndicatorValues.note })
    .from(nrIndicatorValues)
    .where(and(eq(nrIndicatorValues.territoryCode, territory.code), eq(nrIndicatorValues.indicator, indicator.key)))
    .orderBy(asc(nrIndicatorValues.measuredOn));
  const values: IndicatorValue[] = rows.map((r) => ({ ...r, value: Number(r.value) }));
  return { territory, indicator, values, trend: trendFor(values, indicator.better) };
}
export type TerritoryIndicator = Awaited<ReturnType<typeof getTerritoryIndicator>>;

/**
 * Adds an indicator of the territory's own, its name unique there (and not a standard one's):
 * refused on `name` or `unit`, nothing written.
 */
export async function createCustomIndicator(db: Db, caller: Caller | null, territoryCode: string, input: { name?: string; unit?: string }) {
  const territory = await territoryFor(db, caller, territoryCode, 'nr.edit');
  const existing = await listCustomIndicators(db, territory.code);
  const read = readCustomIndicator(
    input,
    existing.map((c) => c.name),
  );
  if (!read.ok) throw new InvalidInputError(read.errors);
  try {
    return await db.transaction(async (tx) => {
      const [created] = await tx
        .insert(nrCustomIndicators)
        .values({ territoryCode: territory.code, name: read.value.name, unit: read.value.unit, createdBy: territory.by })
        .returning({ id: nrCustomIndicators.id, name: nrCustomIndicators.name, unit: nrCustomIndicators.unit });
      if (!created) throw new Error('insert returned no row');
      await publicPartChanged(tx, territory.code, 'indicators');
      return created;
    });
  } catch (error) {
    // Someone else created the same name meanwhile.
    if (isUniqueViolation(error)) throw new InvalidInputError({ name: m.customInput.nameTaken(read.value.name) });
    throw error;
  }
}

/**
 * Records a value typed in (date, number with a decimal comma, note): a value already at that date
 * is replaced, which the answer says. Refused on `date`, `value` or `note`, nothing written.
 */
export async function saveIndicatorValue(
  db: Db,
  caller: Caller | null,
  territoryCode: string,
  ref: string,
  form: { date?: string; value?: string; note?: string },
): Promise<{ measuredOn: string; replaced: boolean }> {
  const territory = await territoryFor(db, caller, territoryCode, 'nr.edit');
  const indicator = await indicatorOf(db, territory.code, ref);
  const read = readValueForm(form, indicator, parisToday());
  if (!read.ok) throw new InvalidInputError(read.errors);
  const { measuredOn, value, note } = read.value;
  const enteredBy = territory.by;
  return db.transaction(async (tx) => {
    const before = await tx
      .select({ measuredOn: nrIndicatorValues.measuredOn })
      .from(nrIndicatorValues)
      .where(
        and(eq(nrIndicatorValues.territoryCode, territory.code), eq(nrIndicatorValues.indicator, indicator.key), eq(nrIndicatorValues.measuredOn, measuredOn)),
      )
      .for('update');
    await tx
      .insert(nrIndicatorValues)
      .values({ territoryCode: territory.code, indicator: indicator.key, measuredOn, value, source: 'manual', note, enteredBy })
      .onConflictDoUpdate({
        target: [nrIndicatorValues.territoryCode, nrIndicatorValues.indicator, nrIndicatorValues.measuredOn],
        set: { value, source: 'manual', note, enteredBy, enteredAt: new Date() },
      });
    await publicPartChanged(tx, territory.code, 'indicators');
    return { measuredOn, replaced: before.length > 0 };
  });
}

/** Deletes the value of a date: refused on `date` when it is no date, not found when there is none. */
export async function deleteIndicatorValue(db: Db, caller: Caller | null, territoryCode: string, ref: string, date: string | undefined): Promise<string> {
  const territory = await territoryFor(db, caller, territoryCode, 'nr.edit');
  const indicator = await indicatorOf(db, territory.code, ref);
  // Any past date: the value may have been typed long ago; a date after today names no value.
  const parsed = parseMeasureDate(date, '9999-12-31');
  if (!parsed.ok) throw new InvalidInputError({ date: parsed.error });
  return db.transaction(async (tx) => {
    const deleted = await tx
      .delete(nrIndicatorValues)
      .where(
        and(
          eq(nrIndicatorValues.territoryCode, territory.code),
          eq(nrIndicatorValues.indicator, indicator.key),
          eq(nrIndicatorValues.measuredOn, parsed.value),
        ),
      )
      .returning({ measuredOn: nrIndicatorValues.measuredOn });
    if (deleted.length === 0) throw new NotFoundError(m.indicator.valueNotFound);
    await publicPartChanged(tx, territory.code, 'indicators');
    return parsed.value;
  });
}

export type ImportSummary = { rows: number; indicators: number; added: number; replaced: number };

/** The key of a row's error in the InvalidInputError of a refused import: `lignes.<line>.<column>`. */
export const rowErrorKey = (line: number, field: string) => `lignes.${line}.${field}`;

/**
 * Imports a CSV file of values, all or nothing, in one transaction: the whole file is checked first
 * and, if any row is wrong, nothing is written and the InvalidInputError lists every faulty row
 * (`lignes.<line>.<column>`) — or the file's own fault on `file`. Values at a date already
 * recorded are replaced. Answers what was imported.
 */
export async function importIndicatorValues(db: Db, caller: Caller | null, territoryCode: string, data: Uint8Array | string): Promise<ImportSummary> {
  const territory = await territoryFor(db, caller, territoryCode, 'nr.edit');
  if ((typeof data === 'string' ? Buffer.byteLength(data) : data.byteLength) > MAX_INDICATORS_CSV_BYTES) {
    throw new InvalidInputError({ file: m.upload.tooLarge(MAX_INDICATORS_CSV_BYTES / 1024 / 1024) });
  }
  const enteredBy = territory.by;
  return db.transaction(async (tx) => {
    const custom = await listCustomIndicators(tx, territory.code);
    const byName = new Map(custom.map((c) => [foldText(c.name), c]));
    const resolve = (ref: string): CsvIndicator | undefined => {
      const standard = standardIndicator(ref.trim().toLowerCase());
      if (standard) return { key: standard.id, name: standard.name, unit: standard.unit, standard: true };
      const own = byName.get(foldText(ref)) ?? custom.find((c) => c.id === ref.trim().toLowerCase());
      return own && { key: own.id, name: own.name, unit: own.unit, standard: false };
    };
    const { rows, errors } = parseIndicatorsCsv(data, { resolve, today: parisToday() });
    if (errors.length > 0) {
      throw new InvalidInputError(
        Object.fromEntries(errors.map((e) => [rowErrorKey(e.line, e.field), e.message])),
        m.upload.refused(new Set(errors.map((e) => e.line)).size),
      );
    }
    const keys = [...new Set(rows.map((r) => r.indicator.key))];
    const existing = await tx
      .select({ indicator: nrIndicatorValues.indicator, measuredOn: nrIndicatorValues.measuredOn })
      .from(nrIndicatorValues)
      .where(and(eq(nrIndicatorValues.territoryCode, territory.code), inArray(nrIndicatorValues.indicator, keys)))
      .for('update');
    const present = new Set(existing.map((e) => `${e.indicator}\n${e.measuredOn}`));
    const replaced = rows.filter((r) => present.has(`${r.indicator.key}\n${r.measuredOn}`)).length;
    for (let start = 0; start < rows.length; start += BATCH) {
      await tx
        .insert(nrIndicatorValues)
        .values(
          rows.slice(start, start + BATCH).map((r) => ({
            territoryCode: territory.code,
            indicator: r.indicator.key,
            measuredOn: r.measuredOn,
            value: r.value,
            source: 'csv' as const,
            note: r.note,
            enteredBy,
          })),
        )
        .onConflictDoUpdate({
          target: [nrIndicatorValues.territoryCode, nrIndicatorValues.indicator, nrIndicatorValues.measuredOn],
          set: { value: sql`excluded.value`, source: 'csv', note: sql`excluded.note`, enteredBy, enteredAt: new Date() },
        });
    }
    await publicPartChanged(tx, territory.code, 'indicators');
    return { rows: rows.length, indicators: keys.length, added: rows.length - replaced, replaced };
  });
}

/** The example file's rows: Le Trait's story, with the standard ids and a decimal comma. */
const EXAMPLE_CSV_ROWS: readonly (readonly [string, string, number, string])[] = [
  ['deee-recycles', '2025-03-22', 1.2, 'Matériel obsolète trié puis remis à la filière de recyclage'],
  ['smartphones-collectes', '2025-06-30', 120, 'Trois boîtes de collecte remplies'],
  ['volume-messagerie', '2025-03-15', 410, 'Avant le nettoyage des boîtes'],
  ['volume-messagerie', '2025-03-29', 380, 'Après la suppression de 30 Go de courriels'],
];

/**
 * The example CSV file of the import (semicolons, decimal commas, as a French spreadsheet writes
 * them); its first column names standard ids. For the territory's members.
 */
export async function indicatorsCsvModel(db: Db, caller: Caller | null, territoryCode: string): Promise<string> {
  await territoryFor(db, caller, territoryCode, 'nr.view');
  const c = m.csv.columns;
  return writeCsv([c.indicator, c.date, c.value, c.note], EXAMPLE_CSV_ROWS, { delimiter: ';', decimalComma: true });
}
