import type { ComponentChildren } from 'preact';
import type { PlatformRole, TerritoryRole } from './roles.rules.ts';

/** French texts of the accounts module: errors, emails, role labels and the account pages. */
export const accountMessages = {
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
} as const;
