import { countOf, formatNumber } from '../../platform/views/format.ts';
import type { DemoCampaignOutcome } from './seed-demo-campaign.service.ts';
import type { DemoSheetsOutcome } from './seed-demo-initiatives.service.ts';
import type { DemoJuryOutcome } from './seed-demo-jury.service.ts';
import type { DemoNrOutcome } from './seed-demo-nr.service.ts';
import { DEMO_PEOPLE } from './demo-campaign.data.ts';

/** What `seed-demo` did, said truthfully whether it filled the database or found it already filled. */
export type SeedDemoSummaryInput = {
  results: { inserted: number; updated: number; unchanged: number; editions: readonly number[] };
  initiatives: DemoSheetsOutcome;
  campaign?: DemoCampaignOutcome;
  jury?: DemoJuryOutcome;
  nr?: DemoNrOutcome & { pages: { public: string; workspace: string } };
};

const STAGES = { started: 'commencée', ready: 'complète, à déposer', submitted: 'déposée', reopened: 'déposée puis rouverte' } as const;
const WHO = { admin: 'Administrateur du label', referent: 'Référente de Trélazé', juror: 'Juré' } as const;

const NBSP = '\u00a0';
const NNBSP = '\u202f';

/** « Le Trait », « Le Trait et Trilport », « A, B et C ». */
const listOf = (names: readonly string[]) => (names.length < 2 ? (names[0] ?? '') : `${names.slice(0, -1).join(', ')} et ${names.at(-1)}`);

export const demoMessages = {
  command: {
    description:
      'Remplit la base avec des données de démonstration : dix éditions du palmarès, des fiches d’initiatives avec leurs partenaires, contacts, liens, indicateurs et photos, l’édition suivante ouverte avec quatre dossiers (idempotent). Avec --jury, cette édition passe ensuite à l’examen du jury\u00a0: dossiers déposés, jurés, évaluations et une décision.',
    usage: 'arobase seed-demo [--jury]',
  },
  campaign(campaign: DemoCampaignOutcome): string {
    const head = campaign.createdNow
      ? `Édition ${campaign.year} ouverte aux candidatures${NBSP}: ${campaign.dossiers.map((d) => `${d.territoryCode} (${STAGES[d.stage]})`).join(', ')}.`
      : `Édition ${campaign.year} déjà en place, laissée telle quelle.`;
    const links = campaign.links.map((l) => `  ${WHO[l.who]} (${l.email})${NBSP}: ${l.link}`);
    return [head, 'Liens de connexion à usage unique (valables 7 jours ; relancez seed-demo pour en obtenir de nouveaux)' + NBSP + ':', ...links].join('\n');
  },
  jury(jury: DemoJuryOutcome): string {
    if (jury.state !== 'under_review') {
      return `Jury de démonstration${NBSP}: l’édition ${jury.year} n’est pas en cours d’examen, laissée telle quelle.`;
    }
    const head = jury.changedNow
      ? `Édition ${jury.year} passée à l’examen du jury${NBSP}:`
      : `Jury de démonstration de l’édition ${jury.year} déjà en place, rien n’a changé${NBSP}:`;
    const draft = jury.reviews.draft ? ` et ${countOf(jury.reviews.draft, 'en cours', 'en cours')}` : '';
    const diverging = jury.diverging.length
      ? `${countOf(jury.diverging.length, 'dossier', 'dossiers')} aux évaluations divergentes (${listOf(jury.diverging)}), signalé${jury.diverging.length > 1 ? 's' : ''} en tête de l’ordre du jour`
      : 'aucune évaluation divergente';
    const decided = jury.decided.length
      ? `${countOf(jury.decided.length, 'décision enregistrée', 'décisions enregistrées')} (${listOf(jury.decided)}), ${countOf(jury.toDecide, 'dossier', 'dossiers')} à décider`
      : `${countOf(jury.toDecide, 'dossier', 'dossiers')} à décider`;
    return [
      head,
      `  ${countOf(jury.dossiers, 'dossier déposé', 'dossiers déposés')}, ${countOf(jury.jurors, 'juré', 'jurés')}, ${countOf(jury.assignments, 'évaluation attribuée', 'évaluations attribuées')}${NNBSP};`,
      `  ${countOf(jury.reviews.submitted, 'évaluation remise', 'évaluations remises')}${draft}${NNBSP}; ${diverging}${NNBSP};`,
      `  ${decided}.`,
      `À ouvrir${NBSP}:`,
      `  ${jury.pages.jury} en tant que juré (${DEMO_PEOPLE.juror.email})${NBSP}: une évaluation remise, une en cours${NNBSP};`,
      `  ${jury.pages.deliberation} en tant qu’administrateur (${DEMO_PEOPLE.admin.email})${NBSP}: l’ordre du jour de la délibération.`,
    ].join('\n');
  },
  nr(nr: NonNullable<SeedDemoSummaryInput['nr']>): string {
    const added = nr.diagnostics + nr.values + nr.quickWins + nr.actions + nr.charters + nr.published;
    return [
      added
        ? `Numérique responsable${NBSP}: Le Trait a complété son autodiagnostic, suit ses indicateurs (1,2${NNBSP}t de matériel recyclé, trois boîtes de collecte remplies, le volume des messageries), a adopté quatre gestes rapides, signé la charte un 26${NBSP}juin et publié sa démarche${NNBSP}; Trélazé compte ses 150${NBSP}ordinateurs reconditionnés.`
        : `Numérique responsable de Le Trait et de Trélazé déjà en place, rien n’a changé.`,
      `  ${nr.pages.public}${NBSP}: la section publique du Trait${NNBSP};`,
      `  ${nr.pages.workspace} en tant que référente de Trélazé (${DEMO_PEOPLE.referent.email})${NBSP}: son diagnostic et ses indicateurs.`,
    ].join('\n');
  },
  summary({ results, initiatives, campaign, jury, nr }: SeedDemoSummaryInput): string {
    const editions = `éditions ${results.editions[0]} à ${results.editions.at(-1)}`;
    const palmares =
      results.inserted + results.updated === 0
        ? `Palmarès de démonstration déjà en place${NBSP}: ${countOf(results.unchanged, 'résultat', 'résultats')} (${editions}), rien n’a changé.`
        : `Palmarès de démonstration${NBSP}: ${formatNumber(results.inserted)} résultats ajoutés, ${formatNumber(results.updated)} modifiés, ${formatNumber(results.unchanged)} déjà présents (${editions}).`;
    const sheets: string[] = [];
    if (initiatives.created > 0) {
      sheets.push(
        `${countOf(initiatives.created, 'fiche d’initiative publiée', 'fiches d’initiatives publiées')} (${countOf(initiatives.photos, 'photo', 'photos')})`,
      );
    }
    if (initiatives.seededBefore > 0) {
      sheets.push(
        `${countOf(initiatives.seededBefore, 'fiche de démonstration était déjà là', 'fiches de démonstration étaient déjà là')} (publiées par un précédent seed-demo, laissées telles quelles)`,
      );
    }
    const text = `${palmares}\n${sheets.length ? `Fiches${NBSP}: ${sheets.join(' ; ')}.` : ''}`.trimEnd();
    const withCampaign = campaign ? `${text}\n${demoMessages.campaign(campaign)}` : text;
    const withNr = nr ? `${withCampaign}\n${demoMessages.nr(nr)}` : withCampaign;
    return jury ? `${withNr}\n${demoMessages.jury(jury)}` : withNr;
  },
};
