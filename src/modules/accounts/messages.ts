import type { ComponentChildren } from 'preact';
import type { PlatformRole, TerritoryRole } from './roles.rules.ts';

/** French texts of the accounts module: errors, emails, role labels and the account pages. */
export const accountMessages = {
  menu: { workspace: 'Mon espace', account: 'Mon compte', signOut: 'Se déconnecter', signIn: 'Se connecter' },
  emailInvalid: 'doit être une adresse e-mail valide, par exemple prenom.nom@mairie.fr',
  emailTaken: 'un compte existe déjà avec cette adresse',
  roleInvalid: 'doit valoir admin, juror ou member',
  territoryRoleInvalid: 'doit valoir referent, contributor ou reader',
  territoryUnknown: (code: string) => `aucun territoire ne porte le code « ${code} »`,
  territoryRoleWithoutTerritory: 'précisez aussi le territoire',
  passwordTooShort: (min: number) => `doit contenir au moins ${min} caractères`,
  passwordTooLong: 'doit contenir au plus 200 caractères',
  passwordsDiffer: 'les deux mots de passe ne sont pas identiques',
  loginFailed: 'Adresse e-mail ou mot de passe incorrect.',
  loginThrottled: (minutes: number) =>
    `Trop de tentatives de connexion pour ce compte. Réessayez dans ${minutes} minute${minutes > 1 ? 's' : ''}, ou réinitialisez votre mot de passe.`,
  tokenInvalid: "Ce lien n'est plus valable : il a déjà servi ou a expiré. Demandez un nouveau lien.",
  invitationSubject: 'Votre invitation sur arobase',
  invitationBody: (link: string, context: string) =>
    `Bonjour,\n\nVous êtes invité(e) sur arobase${context}.\n\nPour choisir votre mot de passe et activer votre compte, ouvrez ce lien (valable 7 jours) :\n${link}\n\nSi vous n'attendiez pas cette invitation, ignorez ce message.\n\n— arobase`,
  resetSubject: 'Réinitialisation de votre mot de passe arobase',
  resetBody: (link: string) =>
    `Bonjour,\n\nUne réinitialisation du mot de passe de votre compte arobase a été demandée.\n\nPour choisir un nouveau mot de passe, ouvrez ce lien (valable 1 heure) :\n${link}\n\nSi vous n'êtes pas à l'origine de cette demande, ignorez ce message : votre mot de passe reste inchangé.\n\n— arobase`,
  tokenNameMissing: 'indiquez un nom',
  tokenNameTooLong: 'au plus 80 caractères',
  displayNameTooLong: 'au plus 120 caractères',
  tokenIdInvalid: 'identifiant de jeton invalide',
  tokenNotFound: 'Jeton introuvable.',
  signInRequired: 'Connectez-vous pour accéder à cette page.',
  emailMissing: 'Indiquez votre adresse e-mail.',
  passwordMissing: 'Indiquez votre mot de passe.',
  roles: {
    platform: {
      admin: 'Administrateur',
      juror: 'Juré',
      member: 'Membre de territoire',
    } satisfies Record<PlatformRole, string>,
    territory: {
      referent: 'Référent',
      contributor: 'Contributeur',
      reader: 'Lecteur',
    } satisfies Record<TerritoryRole, string>,
  },
  fields: {
    email: 'Adresse e-mail',
    password: 'Mot de passe',
    confirmation: 'Confirmation',
    displayName: 'Prénom et nom',
    newPasswordConfirmation: 'Confirmer le mot de passe',
  },
  login: {
    title: 'Se connecter',
    submit: 'Se connecter',
    forgotPassword: 'Mot de passe oublié ?',
    noAccount:
      "Pas encore de compte ? Les comptes sont créés sur invitation : demandez au référent de votre territoire ou à l'équipe du label.",
    passwordSaved: 'Votre mot de passe est enregistré. Vous pouvez vous connecter.',
  },
  forgotPassword: {
    title: 'Mot de passe oublié',
    sent: 'Si un compte existe avec cette adresse, un courriel vient de lui être envoyé avec un lien pour choisir un nouveau mot de passe. Le lien est valable une heure.',
    intro: "Indiquez l'adresse de votre compte : nous vous enverrons un lien pour choisir un nouveau mot de passe.",
    submit: 'Recevoir le lien',
    backToLogin: 'Retour à la connexion',
  },
  setPassword: {
    titles: {
      invitation: 'Activer votre compte',
      first_admin: 'Créer le premier compte administrateur',
      password_reset: 'Choisir un nouveau mot de passe',
    },
    account: (email: ComponentChildren): ComponentChildren => ['Compte : ', email],
    firstAdminIntro:
      "Ce lien à usage unique a été affiché au premier démarrage de la plateforme. Le compte créé aura tous les droits d'administration.",
    passwordHint: (min: number) =>
      `Au moins ${min} caractères. Une phrase de plusieurs mots est facile à retenir et difficile à deviner.`,
    submit: 'Enregistrer le mot de passe',
  },
  invalidLink: {
    title: 'Lien expiré',
    heading: "Ce lien n'est plus valable",
    newLink: 'Recevoir un nouveau lien',
    used: 'Il a déjà servi ou a expiré.',
    firstAdminReplaced:
      "Un administrateur existe déjà, ou ce lien a été remplacé par un plus récent (il en est affiché un nouveau à chaque démarrage tant qu'aucun administrateur n'existe).",
    firstAdminGone: 'Un administrateur existe déjà ou ce lien a expiré.',
  },
  account: {
    title: 'Mon compte',
    passwordSaved: 'Votre mot de passe est enregistré. Vous êtes connecté(e).',
    tokenRevoked: 'Le jeton est révoqué.',
    profile: 'Profil',
    email: 'Adresse e-mail',
    name: 'Nom',
    role: 'Rôle',
    lastLogin: 'Dernière connexion',
    territories: 'Mes territoires',
    noTerritory: "Vous n'êtes membre d'aucun territoire.",
    tokens: "Jetons d'accès à l'API",
    tokensIntro: (header: ComponentChildren): ComponentChildren => [
      "Un jeton permet à un logiciel d'utiliser l'API en votre nom, avec l'en-tête ",
      header,
      '. Gardez-le secret.',
    ],
    tokenHeader: 'Authorization: Bearer <jeton>',
    newToken: (label: ComponentChildren): ComponentChildren => [label, ' — copiez-le maintenant, il ne sera plus affiché :'],
    newTokenLabel: 'Votre nouveau jeton',
    tokensCaption: 'Vos jetons actifs',
    tokenName: 'Nom',
    tokenCreated: 'Créé le',
    tokenLastUsed: 'Dernier usage',
    tokenAction: 'Action',
    tokenNeverUsed: 'Jamais',
    revoke: 'Révoquer',
    revokeTarget: (name: string) => `le jeton ${name}`,
    noToken: 'Aucun jeton actif.',
    tokenNameLabel: 'Nom du jeton',
    tokenNameHint: 'Par exemple : « Site de la mairie »',
    createToken: 'Créer un jeton',
  },
  api: {
    meSummary: 'Le compte authentifié',
  },
  /** A territory's referent manages its members: the members page, its errors and its emails. */
  members: {
    breadcrumb: 'Membres',
    title: (territory: string) => `Membres de ${territory}`,
    roleInvalid: 'choisissez Référent, Contributeur ou Lecteur',
    memberIdInvalid: 'identifiant de membre invalide',
    alreadyMember: (territory: string) => `cette personne est déjà membre de ${territory}`,
    notMember: (territory: string) => `Cette personne n'est pas membre de ${territory}.`,
    lastReferentDemoted: (territory: string) =>
      `${territory} doit garder au moins un référent : nommez d'abord un autre référent, puis changez ce rôle`,
    lastReferentRemoved: (territory: string) =>
      `${territory} doit garder au moins un référent : nommez d'abord un autre référent, puis retirez cette personne`,
    roleDescriptions: {
      referent: 'gère les membres et les fiches du territoire, et dépose la candidature',
      contributor: 'rédige et publie les fiches du territoire',
      reader: 'consulte les fiches, y compris les brouillons, sans les modifier',
    } satisfies Record<TerritoryRole, string>,
    notices: {
      invited: (email: string) => `Invitation envoyée à ${email}.`,
      added: (email: string) => `${email} fait maintenant partie des membres ; un courriel l'en informe.`,
      roleChanged: (name: string, role: string) => `${name} est maintenant ${role.toLowerCase()}.`,
      removed: (territory: string) => `La personne ne fait plus partie des membres de ${territory}.`,
      done: 'Modification enregistrée.',
    },
    listTitle: 'Membres',
    caption: (territory: string) => `Membres de ${territory}`,
    memberColumn: 'Membre',
    stateColumn: 'État',
    roleColumn: 'Rôle',
    actionColumn: 'Action',
    pending: 'Invitation en attente',
    active: 'Actif',
    you: '(vous)',
    roleOf: (name: string) => `Rôle de ${name}`,
    change: 'Modifier',
    changeTarget: (name: string) => `le rôle de ${name}`,
    remove: 'Retirer',
    empty: "Ce territoire n'a encore aucun membre.",
    inviteTitle: 'Inviter une personne',
    inviteIntro: (territory: string) =>
      `Une personne sans compte reçoit un courriel avec un lien, valable 7 jours, pour choisir son mot de passe. Une personne qui a déjà un compte rejoint aussitôt ${territory} et en est informée par courriel.`,
    rolesTitle: 'Les rôles',
    /** Between a role and what it allows, in the list of roles. */
    roleSeparator: ' : ',
    email: 'Adresse e-mail',
    displayName: 'Prénom et nom (facultatif)',
    displayNameHint: "Utilisé seulement si la personne n'a pas encore de compte.",
    role: 'Rôle',
    fieldLabels: { email: 'Adresse e-mail', displayName: 'Nom', role: 'Rôle', userId: 'Membre' },
    submit: "Envoyer l'invitation",
    confirmRemove: {
      title: (name: string) => `Retirer ${name}`,
      question: (name: string, territory: string) => `Retirer ${name} des membres de ${territory} ?`,
      consequence:
        "La personne garde son compte mais n'a plus accès à l'espace du territoire ni à ses brouillons. Vous pourrez l'inviter de nouveau.",
      self: "Vous vous retirez vous-même : vous n'aurez plus accès à cet espace.",
      submit: (name: string) => `Retirer ${name}`,
      cancel: 'Annuler',
    },
    emails: {
      invitationSubject: (territory: string) => `Invitation à rejoindre ${territory} sur arobase`,
      invitationBody: (p: { inviter: string; territory: string; role: string; roleDescription: string; link: string }) =>
        `Bonjour,\n\n${p.inviter} vous invite à rejoindre l'espace de ${p.territory} sur arobase, la plateforme du label des politiques numériques locales, avec le rôle ${p.role.toLowerCase()} (${p.roleDescription}).\n\nPour choisir votre mot de passe et activer votre compte, ouvrez ce lien (valable 7 jours) :\n${p.link}\n\nSi vous n'attendiez pas cette invitation, ignorez ce message.\n\n— arobase`,
      addedSubject: (territory: string) => `Vous avez rejoint ${territory} sur arobase`,
      addedBody: (p: { inviter: string; territory: string; role: string; roleDescription: string; link: string }) =>
        `Bonjour,\n\n${p.inviter} vous a ajouté(e) aux membres de ${p.territory} sur arobase, avec le rôle ${p.role.toLowerCase()} (${p.roleDescription}).\n\nConnectez-vous avec votre compte habituel pour y accéder :\n${p.link}\n\n— arobase`,
    },
  },
} as const;
