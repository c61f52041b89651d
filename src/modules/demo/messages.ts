import { countOf, formatNumber } from '../../platform/views/format.ts';
import type { DemoCampaignOutcome } from './seed-demo-campaign.service.ts';
import type { DemoSheetsOutcome } from './seed-demo-initiatives.service.ts';

/** What `seed-demo` did, said truthfully whether it filled the database or found it already filled. */
export type SeedDemoSummaryInput = {
  results: { inserted: number; updated: number; unchanged: number; editions: readonly number[] };
  initiatives: DemoSheetsOutcome;
  campaign?: DemoCampaignOutcome;
};

const STAGES = { started: 'commencée', ready: 'complète, à déposer', submitted: 'déposée', reopened: 'déposée puis rouverte' } as const;
const WHO = { admin: 'Administrateur du label', referent: 'Référente de Trélazé', juror: 'Juré' } as const;

const NBSP = '\u00a0';

export const demoMessages = {
  command: {
    description:
      'Remplit la base avec des données de démonstration : dix éditions du palmarès, des fiches d’initiatives avec leurs partenaires, contacts, liens, indicateurs et photos (idempotent).',
    usage: 'arobase seed-demo',
  },
  campaign(campaign: DemoCampaignOutcome): string {
    const head = campaign.createdNow
      ? `Édition ${campaign.year} ouverte aux candidatures${NBSP}: ${campaign.dossiers.map((d) => `${d.territoryCode} (${STAGES[d.stage]})`).join(', ')}.`
      : `Édition ${campaign.year} déjà en place, laissée telle quelle.`;
    const links = campaign.links.map((l) => `  ${WHO[l.who]} (${l.email})${NBSP}: ${l.link}`);
    return [head, 'Liens de connexion à usage unique (valables 7 jours ; relancez seed-demo pour en obtenir de nouveaux)' + NBSP + ':', ...links].join('\n');
  },
  summary({ results, initiatives, campaign }: SeedDemoSummaryInput): string {
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
    return campaign ? `${text}\n${demoMessages.campaign(campaign)}` : text;
  },
};
