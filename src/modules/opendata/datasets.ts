import type { Db } from '../../platform/db/database.ts';
import { initiativeMessages } from '../initiatives/messages.ts';
import { listPublicInitiativeRecords, type PublicInitiativeRecord } from '../initiatives/public-initiatives.service.ts';
import { getCurrentReferential } from '../referential/referential.service.ts';
import { territoryMessages } from '../territories/messages.ts';
import { averageLevel, excellenceStatus } from '../label/results.rules.ts';
import {
  describeResultTerritories,
  getExcellenceParameters,
  listExcellenceGrants,
  listDistinctions,
  listPublishedEditions,
  listPublishedResults,
  type EditionResult,
} from '../label/results.service.ts';
import { defineDataset, type CellValue, type Column, type ColumnType, type Dataset, type DatasetId } from './dataset.ts';
import { datasetMessages, territoryColumnTexts, type ColumnText } from './dataset-messages.ts';
import { historyText, indicatorsText } from './export-format.rules.ts';

/** A column whose French label and description come from the messages, under the same key. */
function columnsWith<R, Texts extends Record<keyof Texts, ColumnText>>(texts: Texts) {
  return (key: keyof Texts & string, type: ColumnType, example: CellValue, value: (row: R) => CellValue): Column<R> => ({
    key,
    label: texts[key].label,
    description: texts[key].description,
    type,
    example,
    value,
  });
}

type TerritoryFacts = Omit<EditionResult, 'level' | 'distinctions'>;

/** The territory columns shared by the territories and the palmarès, in the same order. */
function territoryColumns<R>(
  col: (key: keyof typeof territoryColumnTexts, type: ColumnType, example: CellValue, value: (row: R) => CellValue) => Column<R>,
  of: (row: R) => TerritoryFacts,
): Column<R>[] {
  return [
    col('code_territoire', 'code', '49353', (r) => of(r).code),
    col('nom', 'text', 'Trélazé', (r) => of(r).name),
    col('type_territoire', 'code', 'commune', (r) => of(r).kind),
    col('type_territoire_libelle', 'text', 'Commune', (r) => territoryMessages.kinds[of(r).kind]),
    col('code_departement', 'code', '49', (r) => of(r).department?.code ?? null),
    col('nom_departement', 'text', 'Maine-et-Loire', (r) => of(r).department?.name ?? null),
    col('code_region', 'code', '52', (r) => of(r).region?.code ?? null),
    col('nom_region', 'text', 'Pays de la Loire', (r) => of(r).region?.name ?? null),
    col('categorie', 'code', 'ville', (r) => of(r).category),
    col('categorie_libelle', 'text', 'Ville', (r) => territoryMessages.categories[of(r).category]),
    col('strate', 'code', '3k-20k', (r) => of(r).stratum),
    col('strate_libelle', 'text', territoryMessages.strata['3k-20k'], (r) => {
      const stratum = of(r).stratum;
      return stratum ? territoryMessages.strata[stratum] : null;
    }),
  ];
}

type PalmaresRecord = { year: number; territory: TerritoryFacts; level: number; distinctions: { code: string; name: string }[] };

/** Published results with their territory, best first within an edition; one edition when `year` is set. */
async function palmaresRecords(db: Db, year?: number): Promise<PalmaresRecord[]> {
  const [results, catalogue] = await Promise.all([listPublishedResults(db, year === undefined ? {} : { year }), listDistinctions(db)]);
  const territories = await describeResultTerritories(
    db,
    results.map((r) => r.territoryCode),
  );
  const names = new Map(catalogue.map((d) => [d.code, d.name]));
  const records: PalmaresRecord[] = [];
  for (const r of results) {
    const territory = territories.get(r.territoryCode);
    if (!territory) continue;
    records.push({ year: r.year, territory, level: r.level, distinctions: r.distinctions.map((code) => ({ code, name: names.get(code) ?? code })) });
  }
  return records.sort(
    (a, b) =>
      b.year - a.year || b.level - a.level || a.territory.name.localeCompare(b.territory.name, 'fr') || a.territory.code.localeCompare(b.territory.code),
  );
}

type LabelledTerritoryRecord = {
  territory: TerritoryFacts;
  /** Oldest first. */
  results: { year: number; level: number; distinctions: string[] }[];
  excellenceYears: number[];
  excellenceValidNow: boolean;
};

async function labelledTerritoryRecords(db: Db): Promise<LabelledTerritoryRecord[]> {
  const [results, grants, parameters, editions] = await Promise.all([
    listPublishedResults(db),
    listExcellenceGrants(db),
    getExcellenceParameters(db),
    listPublishedEditions(db),
  ]);
  const latestYear = editions[0]?.year ?? null;
  const byTerritory = new Map<string, LabelledTerritoryRecord['results']>();
  for (const r of results) {
    const list = byTerritory.get(r.territoryCode);
    const entry = { year: r.year, level: r.level, distinctions: r.distinctions };
    if (list) list.push(entry);
    else byTerritory.set(r.territoryCode, [entry]);
  }
  const territories = await describeResultTerritories(db, [...byTerritory.keys()]);
  const records: LabelledTerritoryRecord[] = [];
  for (const [code, list] of byTerritory) {
    const territory = territories.get(code);
    if (!territory) continue;
    const history = list.sort((a, b) => a.year - b.year);
    const excellence = excellenceStatus(grants.get(code) ?? [], latestYear, parameters);
    records.push({ territory, results: history, excellenceYears: excellence.grantYears, excellenceValidNow: excellence.validNow });
  }
  return records.sort((a, b) => a.territory.code.localeCompare(b.territory.code));
}

const labelledCol = columnsWith<LabelledTerritoryRecord, (typeof datasetMessages)['territoires-labellises']['columns']>(
  datasetMessages['territoires-labellises'].columns,
);

export const labelledTerritoriesDataset = defineDataset<LabelledTerritoryRecord>({
  id: 'territoires-labellises',
  ...datasetMessages['territoires-labellises'],
  sheet: 'territoires-labellises',
  columns: [
    ...territoryColumns<LabelledTerritoryRecord>(labelledCol, (r) => r.territory),
    labelledCol('population', 'integer', 16333, (r) => r.territory.population),
    labelledCol('nombre_labels', 'integer', 7, (r) => r.results.length),
    labelledCol('premiere_annee', 'integer', 2017, (r) => r.results[0]?.year ?? null),
    labelledCol('derniere_annee', 'integer', 2023, (r) => r.results.at(-1)?.year ?? null),
    labelledCol('dernier_niveau', 'integer', 5, (r) => r.results.at(-1)?.level ?? null),
    labelledCol('meilleur_niveau', 'integer', 5, (r) => Math.max(...r.results.map((x) => x.level))),
    labelledCol('niveau_moyen', 'decimal', 4.5, (r) => averageLevel(r.results.map((x) => x.level))),
    labelledCol('annees_excellence', 'integer-list', [2022], (r) => r.excellenceYears),
    labelledCol('excellence_en_cours', 'boolean', true, (r) => r.excellenceValidNow),
    labelledCol('historique', 'text', '2017:5;2018:5;2019:5;2020:5;2021:5;2022:5;2023:5', (r) => historyText(r.results)),
  ],
  records: (db) => labelledTerritoryRecords(db),
});

const palmaresCol = columnsWith<PalmaresRecord, typeof datasetMessages.palmares.columns>(datasetMessages.palmares.columns);

export const palmaresDataset = defineDataset<PalmaresRecord>({
  id: 'palmares',
  ...datasetMessages.palmares,
  sheet: 'palmares',
  columns: [
    palmaresCol('annee', 'integer', 2023, (r) => r.year),
    ...territoryColumns<PalmaresRecord>(palmaresCol, (r) => r.territory),
    palmaresCol('niveau', 'integer', 5, (r) => r.level),
    palmaresCol('distinctions_codes', 'text-list', ['verte'], (r) => r.distinctions.map((d) => d.code)),
    palmaresCol('distinctions', 'text-list', ['@ verte'], (r) => r.distinctions.map((d) => d.name)),
  ],
  records: (db, context) => palmaresRecords(db, context.year),
});

type InitiativeExportRecord = PublicInitiativeRecord & { url: string };

/** Distinct values in their first order of appearance. */
function distinct<T>(values: T[], keyOf: (v: T) => string): T[] {
  const seen = new Map<string, T>();
  for (const v of values) if (!seen.has(keyOf(v))) seen.set(keyOf(v), v);
  return [...seen.values()];
}
const themesOf = (r: InitiativeExportRecord) =>
  distinct(
    r.services.map((s) => s.theme),
    (t) => t.id,
  );
const axesOf = (r: InitiativeExportRecord) =>
  distinct(
    r.services.map((s) => s.axis),
    (a) => a.id,
  );

const initiativeCol = columnsWith<InitiativeExportRecord, typeof datasetMessages.initiatives.columns>(datasetMessages.initiatives.columns);

export const initiativesDataset = defineDataset<InitiativeExportRecord>({
  id: 'initiatives',
  ...datasetMessages.initiatives,
  sheet: 'initiatives',
  columns: [
    initiativeCol('id', 'code', '3f6c2a4e-8d1b-4c3a-9e55-0b7d2f1a6c90', (r) => r.id),
    initiativeCol('url', 'text', 'https://arobase.example.fr/initiatives/3f6c2a4e-8d1b-4c3a-9e55-0b7d2f1a6c90', (r) => r.url),
    initiativeCol('titre', 'text', 'Dématérialisation des demandes de congés', (r) => r.title),
    initiativeCol('resume', 'text', 'Les agents demandent leurs congés en ligne.', (r) => r.summary),
    initiativeCol('description', 'text', 'Le service RH a **dématérialisé** les demandes de congés.', (r) => r.description),
    initiativeCol('code_territoire', 'code', '49353', (r) => r.territory.code),
    initiativeCol('nom_territoire', 'text', 'Trélazé', (r) => r.territory.name),
    initiativeCol('statut', 'code', 'done', (r) => r.status),
    initiativeCol('statut_libelle', 'text', 'Réalisée', (r) => initiativeMessages.statuses[r.status]),
    initiativeCol('date_debut', 'date', '2021-01-04', (r) => r.startDate),
    initiativeCol('date_fin', 'date', '2021-06-30', (r) => r.endDate),
    initiativeCol('services_codes', 'text-list', ['dematerialisation-rh'], (r) => r.services.map((s) => s.id)),
    initiativeCol('services', 'text-list', ['Dématérialisation des procédures RH des agents'], (r) => r.services.map((s) => s.name)),
    initiativeCol('enjeux_codes', 'text-list', ['services-publics'], (r) => themesOf(r).map((t) => t.id)),
    initiativeCol('enjeux', 'text-list', ['Services publics'], (r) => themesOf(r).map((t) => t.name)),
    initiativeCol('axes_codes', 'text-list', ['democratie-services-publics'], (r) => axesOf(r).map((a) => a.id)),
    initiativeCol('axes', 'text-list', ['Démocratie et services publics'], (r) => axesOf(r).map((a) => a.name)),
    initiativeCol('publics', 'text-list', ['agents'], (r) => r.audiences),
    initiativeCol('publics_libelle', 'text-list', ['Agents'], (r) => r.audiences.map((a) => initiativeMessages.audiences[a])),
    initiativeCol('numerique_responsable', 'boolean', true, (r) => r.responsibleDigital),
    initiativeCol('indicateurs', 'text', 'Demandes traitées en ligne : 1200 demandes (2022-12-31)', (r) => indicatorsText(r.indicators)),
    initiativeCol('acteurs_ids', 'text-list', ['8b1e0c7a-2f4d-4e9b-a6c3-5d9f1e2b7a40'], (r) => r.actors.map((a) => a.id)),
    initiativeCol('acteurs', 'text-list', ['Lisio'], (r) => r.actors.map((a) => a.name)),
    initiativeCol('date_publication', 'datetime', new Date('2022-01-10T09:30:00Z'), (r) => r.publishedAt),
    initiativeCol('date_mise_a_jour', 'datetime', new Date('2023-03-12T14:05:00Z'), (r) => r.updatedAt),
  ],
  async records(db, context) {
    const base = context.baseUrl.replace(/\/$/, '');
    return (await listPublicInitiativeRecords(db)).map((r) => ({ ...r, url: `${base}/initiatives/${r.id}` }));
  },
});

type ReferentialRecord = {
  version: string;
  axis: { id: string; name: string };
  theme: { id: string; name: string };
  service: { id: string; name: string; description: string; responsibleDigital: boolean };
};

const referentialCol = columnsWith<ReferentialRecord, typeof datasetMessages.referentiel.columns>(datasetMessages.referentiel.columns);

export const referentialDataset = defineDataset<ReferentialRecord>({
  id: 'referentiel',
  ...datasetMessages.referentiel,
  sheet: 'referentiel',
  columns: [
    referentialCol('version', 'code', '2027', (r) => r.version),
    referentialCol('code_axe', 'code', 'vivre-ensemble', (r) => r.axis.id),
    referentialCol('axe', 'text', 'Vivre ensemble', (r) => r.axis.name),
    referentialCol('code_enjeu', 'code', 'territoire-durable', (r) => r.theme.id),
    referentialCol('enjeu', 'text', 'Territoire durable', (r) => r.theme.name),
    referentialCol('code_service', 'code', 'collecte-smartphones', (r) => r.service.id),
    referentialCol('service', 'text', 'Boîtes de collecte de téléphones mobiles', (r) => r.service.name),
    referentialCol(
      'description',
      'text',
      'Des boîtes installées dans les lieux publics collectent les téléphones usagés des habitants pour les réemployer ou les recycler.',
      (r) => r.service.description,
    ),
    referentialCol('numerique_responsable', 'boolean', true, (r) => r.service.responsibleDigital),
  ],
  async records(db) {
    const referential = await getCurrentReferential(db);
    return referential.axes.flatMap((axis) =>
      axis.themes.flatMap((theme) =>
        theme.services.map((service) => ({
          version: referential.version,
          axis: { id: axis.id, name: axis.name },
          theme: { id: theme.id, name: theme.name },
          service: { id: service.id, name: service.name, description: service.description, responsibleDigital: service.responsibleDigital },
        })),
      ),
    );
  },
});

/** The datasets, in the order of the page and of the workbook. */
export const DATASETS: readonly Dataset[] = [labelledTerritoriesDataset, palmaresDataset, initiativesDataset, referentialDataset];

export function findDataset(id: string): Dataset | undefined {
  return DATASETS.find((d) => d.id === (id as DatasetId));
}
