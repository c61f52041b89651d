import type { ComponentChildren } from 'preact';

type Part = ComponentChildren;

/** French texts of /contact and /mentions-legales. */
export const legalPagesMessages = {
  contact: {
    title: 'Contact',
    description: (organiser: string) => `Écrire à ${organiser}, l’organisateur du label\u00a0: adresse, e-mail et téléphone.`,
    lead: (label: string, organiser: string) =>
      `${label} est organisé par ${organiser}. Pour toute question sur le label, la plateforme ou votre compte, écrivez-nous.`,
    organiser: 'L’organisateur',
    email: 'E-mail',
    phone: 'Téléphone',
    address: 'Adresse postale',
    topicsTitle: 'Selon votre demande',
    personalData: (link: Part): Part[] => ['Vos données personnelles\u00a0: ', link, '.'],
    personalDataPage: 'la page Données personnelles dit qui contacter',
    accessibility: (link: Part): Part[] => ['Un contenu que vous ne parvenez pas à utiliser\u00a0: ', link, '.'],
    accessibilityPage: 'la déclaration d’accessibilité dit comment obtenir une alternative',
    account:
      'Votre compte\u00a0: le référent de votre territoire gère les membres de son espace\u00a0; l’organisateur ouvre les comptes des nouveaux territoires.',
  },
  legal: {
    title: 'Mentions légales',
    description: (organiser: string) => `Éditeur, directeur de la publication et hébergeur de la plateforme du label, organisée par ${organiser}.`,
    publisherTitle: 'Éditeur du site',
    directorTitle: 'Directeur ou directrice de la publication',
    hostTitle: 'Hébergeur',
    contactLink: 'Toutes les façons de nous contacter',
    reuseTitle: 'Réutilisation des contenus',
    reuse: (link: Part): Part[] => [
      'Le palmarès, les initiatives publiées et le référentiel sont des données ouvertes, réutilisables sous Licence Ouverte / Etalab 2.0 en citant leur source\u00a0: voir ',
      link,
      '. Les photos des fiches restent la propriété de leurs auteurs.',
    ],
    openDataLink: 'la page Données ouvertes',
    sourcesTitle: 'Sources',
    sources:
      'Données administratives des territoires\u00a0: Etalab, découpage administratif (Licence Ouverte 2.0). Les fiches d’initiatives sont rédigées par les territoires eux-mêmes.',
    privacyTitle: 'Données personnelles et accessibilité',
    privacy: (personalData: Part, accessibility: Part): Part[] => ['Voir ', personalData, ' et ', accessibility, '.'],
    personalDataLink: 'la page Données personnelles',
    accessibilityLink: 'la déclaration d’accessibilité',
  },
} as const;
