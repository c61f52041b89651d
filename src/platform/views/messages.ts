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
    breadcrumb: 'Fil d’Ariane',
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
    // What a French public site owes, on every page.
    footerLegalNav: 'Informations légales',
    footerLegalLinks: [
      { href: '/a-propos', label: 'À propos' },
      { href: '/contact', label: 'Contact' },
      { href: '/mentions-legales', label: 'Mentions légales' },
      { href: '/donnees-personnelles', label: 'Données personnelles' },
    ],
    accessibility: (level: string) => `Accessibilité : ${level}`,
    accessibilityLink: 'Accessibilité',
    organisedBy: (organiser: string) => `Le label est organisé par ${organiser}.`,
  },
  form: {
    errorSummaryTitle: (count: number) => (count === 1 ? 'Une erreur empêche de continuer' : `${count} erreurs empêchent de continuer`),
    /** A field’s error named with its label, in the error summary and in error messages. */
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
      408: 'Délai dépassé',
      409: 'Conflit de modification',
      // A file too large, too many files or fields: the message says which.
      413: 'Envoi refusé',
      414: 'Adresse trop longue',
      415: 'Format non pris en charge',
      429: 'Trop de tentatives',
      431: 'Adresse trop longue',
      500: 'Erreur du serveur',
      503: 'Service indisponible',
    } as Record<number, string>,
    fallbackTitle: 'Erreur',
    nextSteps: (homeLink: ComponentChildren, searchLink: ComponentChildren): ComponentChildren => [homeLink, ' ou ', searchLink, '.'],
    home: 'Revenir à l’accueil',
    searchTerritory: 'chercher un territoire',
  },
  errors: {
    pageNotFound: 'Page introuvable.',
    routeNotFound: 'Cette page n’existe pas ou a été déplacée.',
    resourceNotFound: 'Ressource introuvable.',
    forbidden: 'Vous n’avez pas les droits pour cette action.',
    invalidData: 'Données invalides.',
    unexpected: 'Une erreur inattendue est survenue. Réessayez dans un instant.',
    invalidValue: 'valeur invalide',
    invalidParameter: (name: string, message: string) => `Paramètre « ${name} » invalide : ${message}`,
    invalidParameters: 'Paramètres invalides.',
    csrf: 'Ce formulaire a expiré ou ne vient pas de ce site. Rechargez la page et réessayez.',
    tooManyRequests: 'Trop de tentatives. Patientez une minute avant de réessayer.',
    payloadTooLarge: 'Le contenu envoyé est trop volumineux.',
    badRequest: 'La demande est incorrecte.',
    // What Node or Fastify refuse before a route: their own answers are English.
    headersTooLarge:
      'L’adresse demandée (ou un en-tête de la demande) est trop longue\u00a0: 16\u00a0Ko au plus. Raccourcissez-la, par exemple en retirant des filtres.',
    requestTimeout: 'La demande a mis trop de temps à arriver\u00a0: réessayez.',
    malformedRequest: 'La demande HTTP est mal formée\u00a0: elle n’a pas pu être lue.',
    badUrl:
      'L’adresse est mal encodée\u00a0: un «\u00a0%\u00a0» doit être suivi de deux chiffres hexadécimaux qui forment un caractère valide (%C3%A9 pour «\u00a0é\u00a0», par exemple). Vérifiez le lien.',
    paramTooLong: 'Un élément de l’adresse est trop long\u00a0: vérifiez le lien.',
    unsupportedMediaType: (type: string) =>
      `Type de contenu non pris en charge («\u00a0${type}\u00a0»)\u00a0: envoyez du JSON (application/json) ou un formulaire (application/x-www-form-urlencoded ou multipart/form-data).`,
    invalidJson: 'Le corps de la demande n’est pas du JSON valide (vérifiez les guillemets, les virgules et les accolades).',
    bodyNotObject: 'Le corps de la demande doit être un objet JSON, entre accolades ({\u00a0…\u00a0}), ou un formulaire.',
    tooManyFiles: 'Un seul fichier à la fois\u00a0: ce formulaire n’en accepte qu’un.',
    tooManyFields: (max: number) => `Le formulaire envoyé a trop de champs (${max} au plus)\u00a0: renvoyez-le depuis sa page.`,
    unstorableText: 'contient un caractère invalide (caractère nul ou caractère Unicode incomplet)\u00a0: retapez ce texte',
    malformedMultipart: 'Le formulaire envoyé est illisible (corps multipart mal formé)\u00a0: renvoyez-le depuis sa page.',
    dateOutOfRange: (first: number, last: number) => `date hors des limites\u00a0: l’année doit être comprise entre ${first} et ${last}`,
  },
} as const;
