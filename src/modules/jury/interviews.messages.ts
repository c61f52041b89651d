/** French texts of the laureates' interviews: the edition's list, the territory page's section, the refusals. */
import { countOf } from '../../platform/views/format.ts';

export const interviewsMessages = {
  page: {
    title: (year: number) => `Les entretiens des lauréats ${year}`,
    description: (year: number) => `Les territoires labellisés en ${year} racontent leur action numérique en trois questions, avec l’avis du jury.`,
    breadcrumb: 'Palmarès',
    breadcrumbSelf: 'Entretiens',
    lead: (year: number, n: number) =>
      n === 0
        ? `Aucun lauréat de l’édition ${year} n’a encore d’entretien publié.`
        : `${countOf(n, 'lauréat publie son entretien', 'lauréats publient leur entretien')}, avec l’avis du jury.`,
    noneHelp: 'Un entretien paraît quand le territoire a accepté de le publier avec ses résultats.',
    palmaresLink: (year: number) => `Voir le palmarès ${year}`,
    listTitle: 'Les lauréats et leurs entretiens',
  },
  interview: {
    level: 'Niveau obtenu :',
    juryComment: 'L’avis du jury',
    photo: 'Photo de l’entretien',
    territoryLink: (name: string) => `La page de ${name}`,
  },
  territory: {
    title: (n: number) => (n > 1 ? 'Entretiens' : 'Entretien'),
    edition: (year: number) => `Label ${year}`,
    allLink: (year: number) => `Tous les entretiens des lauréats ${year}`,
  },
  errors: {
    notFound: (year: string) => `Aucun entretien publié pour « ${year} » : les entretiens paraissent avec le palmarès de leur édition.`,
    photoNotFound: 'Aucune photo publiée pour cet entretien.',
  },
} as const;
