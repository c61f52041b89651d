import type { ComponentChildren } from 'preact';

/**
 * French texts of the platform: page frame, shared form components, pagination and error pages.
 * Sentences that wrap markup (a link, a code sample) take it as an argument, so the words around it
 * stay together here.
 */
export const platformMessages = {
  siteName: 'arobase',
  layout: {
    documentTitle: (title: string) => `${title} · arobase`,
    skipLink: 'Aller au contenu',
    brandLabel: 'arobase, accueil',
    tagline: 'Label et observatoire du numérique local',
    mainNav: 'Menu principal',
    breadcrumb: "Fil d'Ariane",
    home: 'Accueil',
    // Breadcrumb roots shared by several modules' pages.
    admin: 'Administration',
    workspace: 'Mon espace',
    footer: 'arobase — plateforme du label national des politiques numériques locales et observatoire des initiatives numériques des territoires.',
    footerData: 'Données administratives : Etalab, découpage administratif (Licence Ouverte 2.0).',
    footerNav: 'Liens utiles',
    footerLinks: [
      { href: '/palmares', label: 'Palmarès' },
      { href: '/statistiques', label: 'Statistiques' },
      { href: '/open-data', label: 'Données ouvertes' },
      { href: '/api/docs', label: 'API' },
      { href: '/referentiel', label: 'Référentiel' },
    ],
  },
  form: {
    errorSummaryTitle: (count: number) => (count === 1 ? 'Une erreur empêche de continuer' : `${count} erreurs empêchent de continuer`),
    /** A field's error named with its label, in the error summary and in error messages. */
    fieldError: (label: string, message: string) => `${label} : ${message}`,
    required: '(obligatoire)',
  },
  pagination: {
    label: 'Pagination',
    status: (current: number, pages: number) => `Page ${current} sur ${pages}`,
    previous: 'Page précédente',
    next: 'Page suivante',
    page: (page: number) => `Page ${page}`,
  },
  errorPage: {
    titles: {
      400: 'Demande incorrecte',
      403: 'Accès refusé',
      404: 'Page introuvable',
      409: 'Conflit de modification',
      413: 'Fichier trop volumineux',
      429: 'Trop de tentatives',
      500: 'Erreur du serveur',
      503: 'Service indisponible',
    } as Record<number, string>,
    fallbackTitle: 'Erreur',
    nextSteps: (homeLink: ComponentChildren, searchLink: ComponentChildren): ComponentChildren => [homeLink, ' ou ', searchLink, '.'],
    home: "Revenir à l'accueil",
    searchTerritory: 'chercher un territoire',
  },
  errors: {
    pageNotFound: 'Page introuvable.',
    routeNotFound: "Cette page n'existe pas ou a été déplacée.",
    resourceNotFound: 'Ressource introuvable.',
    forbidden: "Vous n'avez pas les droits pour cette action.",
    invalidData: 'Données invalides.',
    unexpected: 'Une erreur inattendue est survenue. Réessayez dans un instant.',
    invalidValue: 'valeur invalide',
    invalidParameter: (name: string, message: string) => `Paramètre « ${name} » invalide : ${message}`,
    invalidParameters: 'Paramètres invalides.',
    csrf: 'Ce formulaire a expiré ou ne vient pas de ce site. Rechargez la page et réessayez.',
    tooManyRequests: 'Trop de tentatives. Patientez une minute avant de réessayer.',
    payloadTooLarge: 'Le contenu envoyé est trop volumineux.',
    badRequest: 'La demande est incorrecte.',
  },
} as const;
