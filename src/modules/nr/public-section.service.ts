/**
 * The public part of a territory's responsible-digital work, for its public page: only what the
 * territory chose in nrPublicity. A public read (no caller): the services below are called as the
 * system, and only the public facts leave this file (never the diagnostic's answers, the actions'
 * descriptions or owners, nor the values' notes).
 */
import type { Db } from '../../platform/db/database.ts';
import { systemCaller } from '../accounts/permissions.rules.ts';
import { getTerritory } from '../territories/search-territories.service.ts';
import { latestCharterSignature } from './charter.service.ts';
import { diagnosticScores, type Letter } from './diagnostic.rules.ts';
import { listTerritoryIndicators } from './indicators.service.ts';
import { NR_MODEL } from './nr-model.data.ts';
import type { ActionStatus, NrThemeId } from './nr-themes.rules.ts';
import { publicityOf } from './publicity.service.ts';
import { getRoadmap } from './roadmap.service.ts';
import { latestCompletedDiagnostic } from './diagnostic.service.ts';

const PUBLIC_READ = systemCaller('public section of a territory page');

export type PublicMaturity = { letter: Letter; index: number; completedAt: Date } | null;
export type PublicIndicator = {
  key: string;
  name: string;
  unit: string;
  values: { measuredOn: string; value: number }[];
  latest: { measuredOn: string; value: number } | null;
};
export type PublicAction = { title: string; themeId: NrThemeId; status: ActionStatus; dueOn: string | null };

export type PublicResponsibleDigital = {
  territory: { code: string; name: string };
  /** Each part is present only when the territory made it public; `null` inside: public, but nothing yet. */
  maturity?: PublicMaturity;
  charter?: { signedOn: string; signatory: string; role: string } | null;
  indicators?: PublicIndicator[];
  roadmap?: PublicAction[];
};

/** The letter and index of the latest completed diagnostic (never its answers), or null. */
export async function publicMaturity(db: Db, territoryCode: string): Promise<PublicMaturity> {
  const latest = await latestCompletedDiagnostic(db, territoryCode);
  if (!latest) return null;
  const scores = diagnosticScores(
    NR_MODEL,
    [...latest.answers].map(([questionId, level]) => ({ questionId, level })),
  );
  return scores.letter && scores.overall !== null ? { letter: scores.letter, index: scores.overall, completedAt: latest.completedAt } : null;
}

/** What the territory chose to make public, or null when nothing is (or the territory is unknown). */
export async function publicResponsibleDigital(db: Db, territoryCode: string): Promise<PublicResponsibleDigital | null> {
  const territory = await getTerritory(db, territoryCode);
  if (!territory) return null;
  const choices = await publicityOf(db, territory.code);
  if (!choices.maturity && !choices.charter && !choices.indicators && !choices.roadmap) return null;
  const out: PublicResponsibleDigital = { territory: { code: territory.code, name: territory.name } };
  const [maturity, charter, indicators, roadmap] = await Promise.all([
    choices.maturity ? publicMaturity(db, territory.code) : undefined,
    choices.charter ? latestCharterSignature(db, territory.code) : undefined,
    choices.indicators ? listTerritoryIndicators(db, PUBLIC_READ, territory.code) : undefined,
    choices.roadmap ? getRoadmap(db, PUBLIC_READ, territory.code) : undefined,
  ]);
  if (choices.maturity) out.maturity = maturity ?? null;
  if (choices.charter) out.charter = charter ? { signedOn: charter.signedOn, signatory: charter.signatory, role: charter.role } : null;
  if (indicators)
    out.indicators = indicators.indicators
      .filter((i) => i.values.length > 0)
      .map((i) => ({ key: i.key, name: i.name, unit: i.unit, values: i.values, latest: i.latest }));
  if (roadmap) out.roadmap = roadmap.actions.map((a) => ({ title: a.title, themeId: a.themeId, status: a.status, dueOn: a.dueOn }));
  return out;
}
