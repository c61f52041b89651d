/** French texts of the publication under embargo: the staff's page, the API, the laureates' e-mail. */
import { countOf } from '../../platform/views/format.ts';

export const publicationMessages = {
  input: {
    at: 'La date et l’heure de publication : par exemple 2027-03-10T18:30 (heure de Paris) ou un instant ISO 8601 avec son décalage.',
  },
  errors: {
    editionNotFound: (year: number) => `L’édition ${year} n’existe pas.`,
    noDossier: 'Aucun dossier déposé dans cette édition : il n’y a rien à publier.',
    missingDecisions: (n: number) =>
      `${countOf(n, 'dossier n’a', 'dossiers n’ont')} pas encore de décision du jury : la publication attend toutes les décisions.`,
    atInThePast: 'L’heure de publication doit être à venir.',
  },
  page: {
    title: (year: number) => `Publication des résultats ${year}`,
    breadcrumb: 'Publication',
    lead: 'Les résultats restent sous embargo jusqu’à l’heure programmée : personne d’autre que les administrateurs ne les voit. À cette heure, ils apparaissent partout à la fois : palmarès, pages des territoires, carte, statistiques, badges, données ouvertes, API ; les référents des lauréats reçoivent un courriel avec leur attestation.',
    ready: (n: number) => `${countOf(n, 'décision est prête', 'décisions sont prêtes')} à publier.`,
    missing: 'Dossiers encore sans décision',
    territory: 'Territoire',
    toDeliberation: 'Aller à la délibération',
    scheduledAt: (when: string) => `Publication programmée le ${when} (heure de Paris).`,
    published: (when: string) => `Résultats publiés le ${when}.`,
    atLabel: 'Date et heure de publication (heure de Paris)',
    atHint: 'En général l’heure de la cérémonie. Format : 2027-03-10T18:30.',
    schedule: 'Programmer la publication',
    reschedule: 'Changer l’heure de publication',
    cancel: 'Annuler la publication programmée',
    cancelHint: 'Les résultats sont retirés ; les décisions peuvent de nouveau changer.',
    scheduledNotice: 'La publication est programmée.',
    cancelledNotice: 'La publication programmée est annulée.',
    pressKit: 'Dossier de presse par région (sous embargo)',
    notYet: 'La publication se programme une fois l’édition en cours d’évaluation et les décisions enregistrées.',
  },
  api: {
    scheduleSummary: 'Programme la publication des résultats d’une édition, sous embargo jusqu’à l’instant donné (administrateurs)',
    cancelSummary: 'Annule la publication programmée d’une édition, avant son instant (administrateurs)',
    at: 'L’instant de publication, ISO 8601 avec son décalage (par exemple 2027-03-10T18:30:00+01:00).',
  },
  email: {
    subject: (year: number, territory: string) => `Label ${year} : les résultats de ${territory} sont publiés`,
    body: (p: { territory: string; year: number; level: string; distinctions: string; certificate: string; sign: string; page: string }) =>
      [
        'Bonjour,',
        '',
        `Les résultats de l’édition ${p.year} du label sont publiés. ${p.territory} obtient ${p.level}${p.distinctions}.`,
        '',
        `Votre attestation (PDF) : ${p.certificate}`,
        `Le panneau pour les entrées de ville : ${p.sign}`,
        `La page publique du territoire : ${p.page}`,
        '',
        'Félicitations à toute l’équipe.',
      ].join('\n'),
    distinctions: (names: string[]) => (names.length ? `, avec ${names.map((n) => `« ${n} »`).join(', ')}` : ''),
  },
};
