/**
 * What the label's other screens show of a territory's responsible digital: the jury's « @ verte »
 * reviewer (the latest completed diagnostic, the charter, the indicators' latest values, the roadmap
 * by status) and the self-assessment (the letter and the link). System reads: the caller (jury,
 * campaign) has already checked who may see them. Every query is scoped by the territory's code.
 */
import { count, eq } from 'drizzle-orm';
import type { Db } from '../../platform/db/database.ts';
import { systemCaller } from '../accounts/permissions.rules.ts';
import { latestCharterSignature, type CharterSignature } from './charter.service.ts';
import type { Letter, ThemeIndex } from './diagnostic.rules.ts';
import { listTerritoryIndicators } from './indicators.service.ts';
import { ACTION_STATUSES, type ActionStatus } from './nr-themes.rules.ts';
import { latestCompletedDiagnostic } from './diagnostic.service.ts';
import { nrActions } from './schema.ts';

export const nrPath = (code: string) => `/espace/${code}/numerique-responsable`;

export type ResponsibleDigitalMaturity = { completedAt: Date; overall: number | null; letter: Letter | null; themes: ThemeIndex[] };

export type ResponsibleDigitalForJury = ResponsibleDigitalMaturity & {
  charter: CharterSignature | null;
  /** The indicators holding at least one value, each with its latest. */
  indicators: { key: string; name: string; unit: string; value: number; measuredOn: string }[];
  /** The roadmap's actions, how many in each status (every status listed, zero included). */
  actions: Record<ActionStatus, number>;
};

/** The letter and indexes of the territory's latest completed diagnostic, or null when it has none. */
export async function responsibleDigitalMaturity(db: Db, territoryCode: string): Promise<ResponsibleDigitalMaturity | null> {
  const latest = await latestCompletedDiagnostic(db, territoryCode);
  if (!latest) return null;
  return { completedAt: latest.completedAt, overall: latest.scores.overall, letter: latest.scores.letter, themes: latest.scores.themes };
}

/**
 * The territory's responsible digital as the « @ verte » reviewer reads it beside the dossier; null
 * while the territory has no completed diagnostic (the page then says so).
 */
export async function responsibleDigitalForJury(db: Db, territoryCode: string): Promise<ResponsibleDigitalForJury | null> {
  const maturity = await responsibleDigitalMaturity(db, territoryCode);
  if (!maturity) return null;
  const [charter, { indicators }, byStatus] = await Promise.all([
    latestCharterSignature(db, territoryCode),
    listTerritoryIndicators(db, systemCaller('jury: the green reviewer reads the territory’s indicators'), territoryCode),
    db.select({ status: nrActions.status, n: count() }).from(nrActions).where(eq(nrActions.territoryCode, territoryCode)).groupBy(nrActions.status),
  ]);
  const actions = Object.fromEntries(ACTION_STATUSES.map((s) => [s, 0])) as Record<ActionStatus, number>;
  for (const row of byStatus) if ((ACTION_STATUSES as readonly string[]).includes(row.status)) actions[row.status as ActionStatus] = Number(row.n);
  return {
    ...maturity,
    charter,
    indicators: indicators.flatMap((i) =>
      i.latest ? [{ key: i.key, name: i.name, unit: i.unit, value: i.latest.value, measuredOn: i.latest.measuredOn }] : [],
    ),
    actions,
  };
}
