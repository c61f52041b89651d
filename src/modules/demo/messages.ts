import { countOf, formatNumber } from '../../platform/views/format.ts';
import type { DemoSheetsOutcome } from './seed-demo-initiatives.service.ts';

/** What `seed-demo` did, said truthfully whether it filled the database or found it already filled. */
export type SeedDemoSummaryInput = {
  results: { inserted: number; updated: number; unchanged: number; editions: readonly number[] };
  initiatives: DemoSheetsOutcome;
};

const NBSP = '\u00a0';

export const demoMessages = {
  command: {
    description:
      'Remplit la base avec des données de démonstration : dix éditions du palmarès, des fiches d’initiatives avec leurs partenaires, contacts, liens, indicateurs et photos (idempotent).',
    usage: 'arobase seed-demo',
  },
  summary({ results, initiatives }: SeedDemoSummaryInput): string {
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
    return `${palmares}\n${sheets.length ? `Fiches${NBSP}: ${sheets.join(' ; ')}.` : ''}`.trimEnd();
  },
};
