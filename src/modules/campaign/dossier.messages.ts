import { countOf, formatNumber } from '../../platform/views/format.ts';

/** French texts of the dossier's PDF, of the reminders before closing and of the admin's list of dossiers. */
export const dossierMessages = {
  pdf: {
    fileName: (year: number, code: string) => `candidature-${year}-${code}.pdf`,
    documentTitle: (year: number, name: string) => `Candidature ${year} de ${name}`,
    subject: (year: number) => `Dossier de candidature au label, édition ${year}`,
    heading: (year: number) => `Label — édition ${year}`,
    title: (name: string) => `Dossier de candidature de ${name}`,
    territory: (name: string, code: string) => `Territoire : ${name} (code ${code})`,
    category: (category: string) => `Catégorie : ${category}`,
    population: (n: number) => `Population : ${formatNumber(n)} habitants`,
    edition: (year: number, referential: string) => `Édition ${year}, référentiel ${referential}`,
    submittedAt: (at: string) => `Déposé le ${at}`,
    frozen: 'Ce document reproduit le dossier tel qu’il a été déposé : les modifications ultérieures des fiches ne le changent pas.',
    footer: (name: string, year: number, page: number, pages: number) => `Candidature ${year} de ${name} — page ${page} sur ${pages}`,
    selfAssessment: {
      title: 'L’auto-évaluation au dépôt',
      overall: (score: string) => `Score global : ${score} sur 100`,
      coverage: (share: string, covered: number, concerned: number) =>
        `Part du référentiel couverte : ${share} % (${countOf(covered, 'service', 'services')} sur ${formatNumber(concerned)})`,
      none: 'non calculé',
      axis: (name: string, score: string, share: string) => `${name} : ${score} sur 100 — ${share} % des services couverts`,
    },
    sheets: {
      title: (n: number) => `Les fiches présentées (${formatNumber(n)})`,
      none: 'Aucune fiche.',
      status: (status: string) => `État : ${status}`,
      dates: {
        from: (d: string) => `depuis le ${d}`,
        fromTo: (a: string, b: string) => `du ${a} au ${b}`,
        until: (d: string) => `terminée le ${d}`,
        none: 'sans date',
      },
      eligibility: 'Pour l’édition : ',
      description: 'Description',
      indicators: 'Indicateurs',
      indicator: (label: string, value: string, unit: string, date: string | null) =>
        `${label} : ${value}${unit ? ` ${unit}` : ''}${date ? ` (au ${date})` : ''}`,
      links: 'Liens',
      draft: 'Fiche non publiée (présentée au jury seulement)',
    },
    questionnaire: { title: 'Le questionnaire', unanswered: 'sans réponse' },
    interview: {
      title: 'L’entretien',
      consent: (yes: boolean) =>
        yes
          ? 'Le territoire accepte que l’entretien soit publié avec ses résultats.'
          : 'Le territoire ne souhaite pas que l’entretien soit publié : seul le jury le lit.',
      photo: (alt: string) => `Photo de l’entretien${alt ? ` : ${alt}` : ''}`,
    },
    contacts: { title: 'Les contacts', none: 'non renseigné' },
    yes: 'Oui',
    no: 'Non',
    notFound: 'Le dossier n’a pas encore été déposé : sa version PDF sera disponible après le dépôt.',
  },
  reminders: {
    subject: (year: number, territory: string, kind: '7d' | '1d') =>
      kind === '1d' ? `Candidature ${year} de ${territory} : clôture demain` : `Candidature ${year} de ${territory} : clôture dans une semaine`,
    body: (d: { territory: string; year: number; closesAt: string; missing: string[]; link: string }) =>
      [
        'Bonjour,',
        '',
        `La candidature de ${d.territory} au label ${d.year} n’est pas encore déposée. Les candidatures ferment le ${d.closesAt}.`,
        '',
        ...(d.missing.length
          ? [
              d.missing.length === 1 ? 'Il manque encore 1 élément au dossier :' : `Il manque encore ${d.missing.length} éléments au dossier :`,
              ...d.missing.map((item) => `- ${item}`),
            ]
          : ['Le dossier est complet : il ne reste qu’à le déposer. Seul un référent du territoire peut le faire.']),
        '',
        `Le dossier : ${d.link}`,
        '',
        'L’équipe du label',
      ].join('\n'),
    log: (n: number) => `Rappels de clôture : ${countOf(n, 'territoire prévenu', 'territoires prévenus')}.`,
  },
  admin: {
    title: (year: number) => `Candidatures ${year}`,
    lead: (n: number) => (n === 0 ? 'Aucun territoire n’a encore commencé de dossier.' : `${countOf(n, 'dossier', 'dossiers')} pour cette édition.`),
    caption: (year: number) => `Les dossiers de l’édition ${year}`,
    columns: { territory: 'Territoire', state: 'État', sheets: 'Fiches', saved: 'Dernier enregistrement', submitted: 'Déposé le', action: 'Rouvrir' },
    reason: 'Raison de la réouverture',
    reasonHint: 'Elle est montrée au territoire et envoyée à ses référents.',
    reopen: 'Rouvrir le dossier',
    reopenFor: (territory: string) => `Rouvrir le dossier de ${territory}`,
    reopened: (territory: string) => `Le dossier de ${territory} est rouvert : ses référents en ont été prévenus.`,
    notSubmitted: '—',
    editionLink: (year: number) => `Édition ${year}`,
  },
};
