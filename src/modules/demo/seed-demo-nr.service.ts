/**
 * The demo's responsible digital, after Le Trait's story (seed 001): Le Trait (76709) has completed
 * its self-diagnostic (the élu and a referent involved, the Digital Clean Up Day done, mailboxes
 * cleaned, workstations off at night…), follows its indicators (1,2 t of e-waste recycled, three
 * smartphone collection boxes filled (its own indicator), the mailboxes' volume after 30 Go deleted), adopted its four quick wins,
 * plans to write its roadmap, signed the charter on 26 June and shows all four on its public page; Trélazé (49353) has completed its
 * diagnostic and counts the refurbished computers it redistributed. Everything goes through the nr
 * services with the system caller; running it again changes nothing.
 */
import type { Db } from '../../platform/db/database.ts';
import { toParisLocal } from '../../platform/paris-time.ts';
import type { SystemCaller } from '../accounts/permissions.rules.ts';
import { latestCharterSignature, signCharter } from '../nr/charter.service.ts';
import { completeDiagnostic, diagnosticView, saveAnswers, startDiagnostic, type AnswerInput } from '../nr/diagnostic.service.ts';
import { createCustomIndicator, listTerritoryIndicators, saveIndicatorValue } from '../nr/indicators.service.ts';
import { publicityOf, savePublicity } from '../nr/publicity.service.ts';
import { adoptQuickWin, createAction, getRoadmap } from '../nr/roadmap.service.ts';

export const LE_TRAIT = '76709';
export const TRELAZE = '49353';

/** The levels (0–3) each territory gave, question by question, and a few notes. */
const LE_TRAIT_LEVELS: Readonly<Record<string, number>> = {
  'gouvernance.elu': 2,
  'gouvernance.referent': 2,
  'gouvernance.strategie': 1,
  'gouvernance.budget': 0,
  'gouvernance.transversalite': 1,
  'sensibilisation.cleanup-day': 2,
  'sensibilisation.formation-agents': 1,
  'sensibilisation.entretiens': 1,
  'sensibilisation.elus': 1,
  'sensibilisation.habitants': 0,
  'achats.reconditionne': 0,
  'achats.criteres': 0,
  'achats.duree-vie': 1,
  'achats.besoin': 1,
  'achats.groupement': 0,
  'parc.inventaire': 2,
  'parc.allongement': 1,
  'parc.reemploi': 1,
  'parc.recyclage': 3,
  'parc.collecte-smartphones': 2,
  'reseaux-donnees.messagerie': 2,
  'reseaux-donnees.stockage': 1,
  'reseaux-donnees.pieces-jointes': 1,
  'reseaux-donnees.extinction': 0,
  'reseaux-donnees.hebergement': 0,
  'usages.extinction-postes': 1,
  'usages.impression': 1,
  'usages.polices': 0,
  'usages.visioconference': 1,
  'usages.equipements-personnels': 0,
  'ecoconception.rgesn': 0,
  'ecoconception.rgaa': 1,
  'ecoconception.poids-pages': 0,
  'ecoconception.cahier-charges': 0,
  'ecoconception.sobriete-fonctionnelle': 0,
  'ecoconception.alternative': 1,
};
const LE_TRAIT_NOTES: Readonly<Record<string, string>> = {
  'gouvernance.elu': 'L’élu à la transition écologique et la direction ont participé à l’autodiagnostic.',
  'gouvernance.referent': 'Le responsable de l’attractivité et de la transition écologique porte la démarche avec le technicien informatique.',
  'gouvernance.strategie': 'La démarche s’inscrit dans le programme Territoire engagé transition écologique ; la feuille de route reste à écrire.',
  'sensibilisation.cleanup-day': 'Première participation au Digital Clean Up Day cette année.',
  'parc.inventaire': 'Nettoyage et tri du matériel acheté et inutilisé fin 2024.',
  'parc.recyclage': '1,2 tonne de matériel obsolète envoyée au recyclage.',
  'parc.collecte-smartphones': 'Quatre boîtes de collecte dans les services publics avec un éco-organisme, trois déjà remplies.',
  'reseaux-donnees.messagerie': 'Campagne de nettoyage des boîtes aux lettres : 30 Go supprimés, le volume suivi depuis.',
  'usages.extinction-postes': 'Consigne d’extinction des postes le soir, à faire tenir à tous les services.',
};
const TRELAZE_LEVELS: Readonly<Record<string, number>> = {
  ...Object.fromEntries(Object.keys(LE_TRAIT_LEVELS).map((id) => [id, 1])),
  'gouvernance.elu': 2,
  'gouvernance.referent': 2,
  'gouvernance.strategie': 2,
  'achats.reconditionne': 3,
  'achats.duree-vie': 2,
  'parc.inventaire': 2,
  'parc.allongement': 2,
  'parc.reemploi': 3,
  'parc.recyclage': 2,
  'sensibilisation.habitants': 2,
};
const TRELAZE_NOTES: Readonly<Record<string, string>> = {
  'parc.reemploi': '150 ordinateurs reconditionnés redistribués aux associations et aux habitants.',
};

/** Le Trait's four quick wins, as the catalogue names them. */
export const LE_TRAIT_QUICK_WINS = [
  'postes-eteints-la-nuit',
  'bonnes-pratiques-entretiens-annuels',
  'police-econome-par-defaut',
  'impression-noir-blanc-recto-verso',
];
export const LE_TRAIT_ROADMAP_ACTION = 'Écrire la feuille de route numérique responsable';
export const BOXES_INDICATOR = { name: 'Boîtes de collecte remplies', unit: 'boîtes' };
export const LE_TRAIT_SIGNATORY = { signatory: 'Gérard Lemonnier', role: 'Élu à la transition écologique' };

export type DemoNrOutcome = { diagnostics: number; values: number; quickWins: number; actions: number; charters: number; published: number };

/** The 26 June of this year when it is past (Paris), else of last year: never a future date. */
export function charterDate(now = new Date()): string {
  const today = toParisLocal(now).slice(0, 10);
  const year = Number(today.slice(0, 4));
  return `${year}-06-26` <= today ? `${year}-06-26` : `${year - 1}-06-26`;
}

/** A completed diagnostic with these answers, unless the territory already has one. */
async function completedDiagnostic(
  db: Db,
  caller: SystemCaller,
  code: string,
  levels: Readonly<Record<string, number>>,
  notes: Readonly<Record<string, string>>,
) {
  const view = await diagnosticView(db, caller, code);
  if (view.latest) return 0;
  const diagnostic = await startDiagnostic(db, caller, code);
  const stored = new Map((view.open?.diagnostic.id === diagnostic.id ? view.open.answers : []).map((a) => [a.questionId, a.version]));
  const inputs: AnswerInput[] = Object.entries(levels).map(([questionId, level]) => ({
    questionId,
    level,
    note: notes[questionId] ?? '',
    version: stored.get(questionId),
  }));
  await saveAnswers(db, caller, code, diagnostic.id, inputs);
  await completeDiagnostic(db, caller, code, diagnostic.id);
  return 1;
}

/** The indicator's values, each date written once (a value already there at that date is left as it is). */
async function indicatorValues(db: Db, caller: SystemCaller, code: string, ref: string, values: readonly [string, string][]) {
  const known = (await listTerritoryIndicators(db, caller, code)).indicators.find((i) => i.key === ref);
  const dates = new Set(known?.values.map((v) => v.measuredOn) ?? []);
  let added = 0;
  for (const [date, value] of values) {
    if (dates.has(date)) continue;
    await saveIndicatorValue(db, caller, code, ref, { date, value });
    added += 1;
  }
  return added;
}

/** Le Trait's and Trélazé's responsible digital, once (see the file's comment). */
export async function seedDemoNr(db: Db, caller: SystemCaller, now = new Date()): Promise<DemoNrOutcome> {
  const outcome: DemoNrOutcome = { diagnostics: 0, values: 0, quickWins: 0, actions: 0, charters: 0, published: 0 };
  const signedOn = charterDate(now);
  const year = Number(signedOn.slice(0, 4));

  // Le Trait.
  outcome.diagnostics += await completedDiagnostic(db, caller, LE_TRAIT, LE_TRAIT_LEVELS, LE_TRAIT_NOTES);
  outcome.values += await indicatorValues(db, caller, LE_TRAIT, 'deee-recycles', [[`${year - 1}-12-15`, '1,2']]);
  // The mailboxes' volume before the clean-up (Digital Clean Up Day, March), then month after month.
  outcome.values += await indicatorValues(db, caller, LE_TRAIT, 'volume-messagerie', [
    [`${year}-02-01`, '182'],
    [`${year}-04-01`, '152'],
    [`${year}-05-01`, '154'],
    [`${year}-06-01`, '155'],
  ]);
  const boxes =
    (await listTerritoryIndicators(db, caller, LE_TRAIT)).indicators.find((i) => !i.standard && i.name === BOXES_INDICATOR.name)?.key ??
    (await createCustomIndicator(db, caller, LE_TRAIT, BOXES_INDICATOR)).id;
  outcome.values += await indicatorValues(db, caller, LE_TRAIT, boxes, [[`${year}-06-01`, '3']]);

  const { actions } = await getRoadmap(db, caller, LE_TRAIT, now);
  for (const quickWinId of LE_TRAIT_QUICK_WINS) {
    if (actions.some((a) => a.quickWinId === quickWinId)) continue;
    await adoptQuickWin(db, caller, LE_TRAIT, quickWinId);
    outcome.quickWins += 1;
  }
  if (!actions.some((a) => a.title === LE_TRAIT_ROADMAP_ACTION)) {
    await createAction(db, caller, LE_TRAIT, {
      title: LE_TRAIT_ROADMAP_ACTION,
      description: 'Après la signature de la charte : les actions des thèmes les plus faibles, leurs responsables et leurs échéances.',
      themeId: 'gouvernance',
      owner: 'Responsable de la transition écologique',
      dueOn: `${year + 1}-06-30`,
      status: 'planned',
    });
    outcome.actions += 1;
  }
  if (!(await latestCharterSignature(db, LE_TRAIT))) {
    await signCharter(db, caller, LE_TRAIT, { signedOn, ...LE_TRAIT_SIGNATORY }, now);
    outcome.charters += 1;
  }
  // Its letter, charter, indicators and roadmap on its public page, unless a choice was made already.
  const choices = await publicityOf(db, LE_TRAIT);
  if (!Object.values(choices).some(Boolean)) {
    await savePublicity(db, caller, LE_TRAIT, { maturity: 'on', charter: 'on', indicators: 'on', roadmap: 'on' }, now);
    outcome.published += 1;
  }

  // Trélazé.
  outcome.diagnostics += await completedDiagnostic(db, caller, TRELAZE, TRELAZE_LEVELS, TRELAZE_NOTES);
  outcome.values += await indicatorValues(db, caller, TRELAZE, 'appareils-reconditionnes', [[`${year}-03-31`, '150']]);
  return outcome;
}
