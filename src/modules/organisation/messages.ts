import type { AccessibilityLevel, SettingField } from './organisation-settings.rules.ts';

const levels: Record<AccessibilityLevel, string> = {
  non_conforme: 'non conforme',
  partiellement_conforme: 'partiellement conforme',
  totalement_conforme: 'totalement conforme',
};

/** French texts of the organisation’s settings (who runs the label and the site) and their admin screen. */
export const organisationMessages = {
  accessibilityLevels: levels,
  errors: {
    required: 'à remplir',
    tooLong: (max: number) => `${max} caractères au plus`,
    email: 'adresse e-mail invalide (exemple\u00a0: contact@exemple.fr)',
    phone: 'numéro de téléphone invalide (chiffres, espaces, points, «\u00a0+\u00a0» et parenthèses\u00a0; exemple\u00a0: 01 23 45 67 89)',
    date: 'date invalide (format attendu\u00a0: AAAA-MM-JJ, par exemple 2026-11-30)',
    rate: 'un pourcentage entre 0 et 100',
    accessibilityLevel: 'choisissez «\u00a0non conforme\u00a0», «\u00a0partiellement conforme\u00a0» ou «\u00a0totalement conforme\u00a0»',
    auditNeeded:
      'un site ne se déclare partiellement ou totalement conforme qu’après un audit\u00a0: indiquez sa date, ou choisissez «\u00a0non conforme\u00a0»',
    rateMismatch: (expected: AccessibilityLevel) =>
      `ce taux correspond au niveau «\u00a0${levels[expected]}\u00a0» (100\u00a0%\u00a0: totalement, 50\u00a0% au moins\u00a0: partiellement)`,
    rateWithoutAudit: 'un taux de conformité vient d’un audit\u00a0: indiquez sa date',
  },
  admin: {
    cardTitle: 'Organisation',
    cardSummary: 'Nom du label, organisateur, coordonnées, hébergeur, délégué à la protection des données et niveau d’accessibilité.',
    title: 'Organisation et mentions du site',
    lead: 'Ces informations paraissent sur les pages À propos, Contact, Mentions légales, Accessibilité et Données personnelles, dans le pied de chaque page et dans le titre accessible des badges.',
    defaults:
      'Ces valeurs sont celles d’une installation neuve\u00a0: remplacez-les par les coordonnées réelles de l’organisateur avant d’ouvrir le site au public.',
    saved: 'Les informations de l’organisation sont enregistrées.',
    lastChange: (when: string) => `Dernière modification\u00a0: ${when}.`,
    sections: { label: 'Le label et son organisateur', legal: 'Mentions légales', accessibility: 'Déclaration d’accessibilité' },
    save: 'Enregistrer',
    fields: {
      labelName: 'Nom du label',
      organiserName: 'Nom de l’organisateur',
      postalAddress: 'Adresse postale',
      contactEmail: 'Adresse e-mail de contact',
      phone: 'Téléphone',
      publicationDirector: 'Directeur ou directrice de la publication',
      hostName: 'Hébergeur',
      hostAddress: 'Adresse de l’hébergeur',
      dpoContact: 'Contact pour les données personnelles (délégué à la protection des données)',
      accessibilityLevel: 'Niveau de conformité (RGAA)',
      complianceRate: 'Taux de critères RGAA respectés (%)',
      auditDate: 'Date du dernier audit d’accessibilité',
      auditBy: 'Audit réalisé par',
      statementDate: 'Date de la déclaration d’accessibilité',
    } satisfies Record<SettingField, string>,
    hints: {
      labelName: 'Tel qu’il s’écrit dans les phrases et le titre des badges, par exemple «\u00a0Label arobase\u00a0».',
      phone: 'Facultatif.',
      dpoContact: 'Une adresse e-mail ou postale.',
      complianceRate: 'Facultatif\u00a0: laissez vide sans audit.',
      auditDate: 'Format AAAA-MM-JJ. Facultatif pour un site «\u00a0non conforme\u00a0» : les deux autres niveaux viennent d’un audit.',
      auditBy: 'Facultatif\u00a0: la personne ou l’organisme qui a fait l’audit.',
      statementDate: 'Format AAAA-MM-JJ.',
    } as Partial<Record<SettingField, string>>,
  },
} as const;
