import { countOf } from '../../platform/views/format.ts';

/** French texts the territory page adds to the territories module’s: laureates of an area, labelled members. */
export const territoryPageMessages = {
  laureates: {
    title: (year: number, n: number) => (n === 0 ? `Lauréats du label en ${year}` : `${countOf(n, 'lauréat', 'lauréats')} du label en ${year}`),
    none: (year: number) => `Aucun territoire de ce périmètre n’a été labellisé en ${year}.`,
    caption: (name: string, year: number) => `Territoires de ${name} labellisés en ${year}, du plus haut niveau au plus bas`,
    territory: 'Territoire',
    level: 'Niveau',
    distinctions: 'Distinctions',
    noDistinction: 'Aucune',
    titleWithoutEdition: 'Lauréats du label',
    palmaresLink: (year: number) => `Voir ces lauréats dans le palmarès ${year}, avec la carte`,
    noEdition: 'Aucun palmarès n’est encore publié.',
  },
  members: {
    labelColumn: 'Label',
    labelled: (level: number, year: number) => `${level}\u00a0@ en ${year}`,
    notLabelled: 'Non labellisée',
    summary: (labelled: number, total: number) =>
      labelled === 0
        ? 'Aucune commune membre n’a encore obtenu le label.'
        : `${countOf(labelled, 'commune membre a', 'communes membres ont')} obtenu le label (dernier niveau obtenu indiqué).`,
  },
} as const;
