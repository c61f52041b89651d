import type { ComponentChildren } from 'preact';

/** French texts of the administration pages. */
export const adminMessages = {
  menu: 'Administration',
  breadcrumb: 'Administration',
  home: {
    title: 'Administration',
    users: 'Utilisateurs',
    usersSummary: (count: number) => `${count} compte${count > 1 ? 's' : ''}. Inviter un élu, un agent, un juré ou un administrateur.`,
    outbox: 'Courriels envoyés',
    outboxSummary: (pending: number) => `${pending} en attente d'envoi. Leurs liens personnels restent masqués.`,
  },
  users: {
    title: 'Utilisateurs',
    invited: (email: string) => `Invitation envoyée à ${email}.`,
    inviteTitle: 'Inviter une personne',
    inviteIntro: 'La personne reçoit un courriel avec un lien, valable 7 jours, pour choisir son mot de passe.',
    fieldLabels: {
      email: 'Adresse e-mail',
      displayName: 'Nom',
      role: 'Rôle',
      territoryCode: 'Territoire',
      territoryRole: 'Rôle dans le territoire',
    },
    email: 'Adresse e-mail',
    displayName: 'Prénom et nom',
    role: 'Rôle',
    territoryCode: 'Code du territoire (facultatif)',
    territoryCodeHint: "Code INSEE d'une commune ou SIREN d'une intercommunalité, par exemple 49353 pour Trélazé.",
    territoryRole: 'Rôle dans le territoire',
    submit: "Envoyer l'invitation",
    accountsTitle: 'Comptes',
    accountsCaption: 'Tous les comptes',
    addressColumn: 'Adresse',
    roleColumn: 'Rôle',
    territoriesColumn: 'Territoires',
    stateColumn: 'État',
    invitationPending: 'Invitation en attente',
    lastLogin: (date: string) => `Connecté le ${date}`,
    active: 'Actif',
  },
  outbox: {
    title: 'Courriels',
    intro: (setting: ComponentChildren): ComponentChildren => [
      'Les 100 derniers courriels de la plateforme. Les liens personnels (invitation, nouveau mot de passe) y sont toujours masqués\u00a0: ils donnent accès à un compte. Sans serveur SMTP configuré (',
      setting,
      "), les courriels ne partent pas\u00a0: leur texte complet, liens compris, est écrit seulement dans le journal du serveur, pour l'exploitant.",
    ],
    empty: "Aucun courriel pour l'instant.",
    meta: (recipient: string, date: string, status: string) => `À ${recipient} · ${date} · ${status}`,
    lastError: (error: string) => ` · dernière erreur : ${error}`,
    failedCount: (n: number) =>
      n === 1
        ? '1 courriel a été abandonné après plusieurs essais. Réessayez-le une fois le serveur de courriel rétabli.'
        : `${n} courriels ont été abandonnés après plusieurs essais. Réessayez-les une fois le serveur de courriel rétabli.`,
    retry: 'Réessayer l’envoi',
    retried: 'Le courriel repart dans la file d’envoi.',
    secretLost:
      'Ce courriel contenait un lien personnel, effacé quand l’envoi a été abandonné\u00a0: envoyez plutôt une nouvelle invitation ou un nouveau lien de mot de passe à cette personne.',
    notFound: 'Ce courriel n’est pas (ou plus) abandonné\u00a0: il n’y a rien à réessayer.',
    statuses: {
      pending: "En attente d'envoi",
      sent: 'Envoyé',
      logged: 'Écrit dans le journal (pas de SMTP)',
      failed: 'Échec',
    } as Record<string, string>,
  },
} as const;
