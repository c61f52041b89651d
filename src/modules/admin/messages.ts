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
    outboxSummary: (pending: number) => `${pending} en attente d’envoi. Leurs liens personnels restent masqués.`,
  },
  users: {
    title: 'Utilisateurs',
    invited: (email: string) => `Invitation envoyée à ${email}.`,
    invitedToTerritory: (email: string) =>
      `${email} a déjà un compte\u00a0: une invitation à rejoindre le territoire lui est envoyée. Elle en devient membre en l’acceptant.`,
    roleChanged: (name: string, role: string) => `${name} a maintenant le rôle «\u00a0${role}\u00a0».`,
    disabledNotice: (name: string) => `Le compte de ${name} est désactivé\u00a0: ses sessions sont fermées et il ne peut plus se connecter.`,
    enabledNotice: (name: string) => `Le compte de ${name} est réactivé.`,
    resent: (email: string) => `Une nouvelle invitation est envoyée à ${email}\u00a0; les liens précédents ne fonctionnent plus.`,
    accountsIntro:
      'Pour gérer les membres d’un territoire, suivez son lien dans la colonne «\u00a0Territoires\u00a0». Pour inviter un compte existant dans un autre territoire, utilisez le formulaire ci-dessus avec son adresse.',
    actionsColumn: 'Actions',
    manage: 'Gérer',
    actionsTarget: (name: string) => `le compte de ${name}`,
    roleOf: (name: string) => `Rôle de ${name}`,
    changeRole: 'Changer le rôle',
    resend: 'Renvoyer l’invitation',
    disable: 'Désactiver',
    disableHint: 'Ferme ses sessions et bloque la connexion, sans rien effacer.',
    enable: 'Réactiver',
    you: '(vous)',
    deleted: 'Supprimé',
    disabled: 'Désactivé',
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
    territoryCode: 'Territoire (facultatif)',
    territoryCodeHint: 'Son nom, par exemple Trélazé, ou son code INSEE ou SIREN\u00a0; des suggestions s’affichent pendant la saisie.',
    territoryRole: 'Rôle dans le territoire',
    submit: 'Envoyer l’invitation',
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
      '), les courriels ne partent pas\u00a0: leur texte complet, liens compris, est écrit seulement dans le journal du serveur, pour l’exploitant.',
    ],
    empty: 'Aucun courriel pour l’instant.',
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
      pending: 'En attente d’envoi',
      sent: 'Envoyé',
      logged: 'Écrit dans le journal (pas de SMTP)',
      failed: 'Échec',
    } as Record<string, string>,
  },
} as const;
