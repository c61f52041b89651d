import type { ComponentChildren } from 'preact';
import { ofName } from '../../platform/text.ts';
import { countOf } from '../../platform/views/format.ts';
import type { PlatformRole, TerritoryRole } from './roles.rules.ts';

/** « 3 minutes » with a non-breaking space: a number never ends a line apart from its unit. */
const span = (n: number, one: string, many: string) => countOf(n, one, many).replace(' ', '\u00a0');

/** French texts of the accounts module: errors, emails, role labels and the account pages. */
export const accountMessages = {
  menu: { workspace: 'Mon espace', account: 'Mon compte', signOut: 'Se déconnecter', signIn: 'Se connecter' },
  signedOut: 'Vous êtes déconnecté(e). À bientôt\u00a0!',
  emailInvalid: 'doit être une adresse e-mail valide, par exemple prenom.nom@mairie.fr',
  emailTaken: 'un compte existe déjà avec cette adresse',
  roleInvalid: 'doit valoir admin, juror ou member',
  territoryRoleInvalid: 'doit valoir referent, contributor ou reader',
  territoryUnknown: (code: string) => `aucun territoire ne porte le code « ${code} »`,
  territoryRoleWithoutTerritory: 'précisez aussi le territoire',
  passwordTooShort: (min: number) => `doit contenir au moins ${min} caractères`,
  passwordTooLong: 'doit contenir au plus 200 caractères',
  passwordsDiffer: 'les deux mots de passe ne sont pas identiques',
  passwordTooWeak: (reason: string | null) =>
    `trop facile à deviner\u00a0: ${reason ?? 'il est trop court pour ce qu’il contient'}\u202f; une phrase de plusieurs mots peu courants est bien plus sûre`,
  /** What makes a password guessable, as the strength estimator (zxcvbn) names it, to follow « trop facile à deviner : ». */
  passwordWarnings: {
    straightRow: 'les touches qui se suivent sur le clavier se devinent vite',
    keyPattern: 'les motifs de clavier se devinent vite',
    simpleRepeat: 'les caractères répétés, comme «\u00a0aaa\u00a0», se devinent vite',
    extendedRepeat: 'les suites répétées, comme «\u00a0abcabcabc\u00a0», se devinent vite',
    sequences: 'les suites de caractères, comme «\u00a0abc\u00a0» ou «\u00a01234\u00a0», se devinent vite',
    recentYears: 'les années récentes se devinent vite',
    dates: 'les dates se devinent vite',
    topTen: 'ce mot de passe est parmi les plus utilisés au monde',
    topHundred: 'ce mot de passe est très utilisé',
    common: 'ce mot de passe est couramment utilisé',
    similarToCommon: 'ce mot de passe ressemble à un mot de passe couramment utilisé',
    wordByItself: 'un mot seul se devine vite',
    namesByThemselves: 'un nom ou un prénom seul se devine vite',
    commonNames: 'les noms et prénoms courants se devinent vite',
    userInputs: 'il reprend votre adresse ou votre nom',
    pwned: 'ce mot de passe a été publié après une fuite de données',
  },
  loginFailed: 'Adresse e-mail ou mot de passe incorrect.',
  /** How someone who deleted their account is named beside their past work. */
  formerMember: 'ancien membre',
  loginThrottledClient: (minutes: number) =>
    `Trop de tentatives de connexion depuis cet appareil\u00a0: réessayez dans ${span(minutes, 'minute', 'minutes')}, ou choisissez un nouveau mot de passe avec le lien «\u00a0Mot de passe oublié\u202f?\u00a0».`,
  loginThrottledAccount: (minutes: number) =>
    `Ce compte reçoit trop de tentatives de connexion, depuis plusieurs appareils. Pour le protéger, il n’accepte pour l’instant que les navigateurs où vous vous êtes déjà connecté(e). Réessayez dans ${span(minutes, 'minute', 'minutes')}, ou choisissez un nouveau mot de passe\u00a0: le lien reçu par courriel débloque aussi le compte.`,
  tokenInvalid: 'Ce lien n’est plus valable : il a déjà servi ou a expiré. Demandez un nouveau lien.',
  invitationSubject: 'Votre invitation sur arobase',
  resetSubject: 'Réinitialisation de votre mot de passe arobase',
  resetBody: (link: string) =>
    `Bonjour,\n\nUne réinitialisation du mot de passe de votre compte arobase a été demandée.\n\nPour choisir un nouveau mot de passe, ouvrez ce lien (valable 1 heure) :\n${link}\n\nSi vous n’êtes pas à l’origine de cette demande, ignorez ce message : votre mot de passe reste inchangé.\n\n— arobase`,
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
    noAccount: 'Pas encore de compte ? Les comptes sont créés sur invitation : demandez au référent de votre territoire ou à l’équipe du label.',
    passwordSaved: 'Votre mot de passe est enregistré. Vous pouvez vous connecter.',
    withProvider: (provider: string) => `Se connecter avec ${provider}`,
    providerHint:
      'Pour les agents publics\u00a0: votre compte s’ouvre à votre première connexion. Les membres du jury et l’équipe du label se connectent avec leur adresse e-mail et leur mot de passe.',
    withPassword: 'Avec une adresse e-mail et un mot de passe',
  },
  forgotPassword: {
    title: 'Mot de passe oublié',
    sent: 'Si un compte existe avec cette adresse, un courriel vient de lui être envoyé avec un lien pour choisir un nouveau mot de passe. Le lien est valable une heure.',
    intro: 'Indiquez l’adresse de votre compte : nous vous enverrons un lien pour choisir un nouveau mot de passe.',
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
    firstAdminIntro: 'Ce lien à usage unique a été affiché au premier démarrage de la plateforme. Le compte créé aura tous les droits d’administration.',
    passwordHint: (min: number) =>
      `Au moins ${min}\u00a0caractères, et ni un mot de passe courant, ni une suite comme «\u00a0123456\u00a0», ni votre adresse ou votre nom. Une phrase de plusieurs mots est facile à retenir et difficile à deviner.`,
    submit: 'Enregistrer le mot de passe',
  },
  invalidLink: {
    title: 'Lien expiré',
    heading: 'Ce lien n’est plus valable',
    newLink: 'Recevoir un nouveau lien',
    used: 'Il a déjà servi ou a expiré.',
    firstAdminReplaced:
      'Un administrateur existe déjà, ou ce lien a été remplacé par un plus récent (il en est affiché un nouveau à chaque démarrage tant qu’aucun administrateur n’existe).',
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
    noTerritory: 'Vous n’êtes membre d’aucun territoire.',
    spaceOf: (territory: string) => `Espace de ${territory}`,
    tokens: 'Jetons d’accès à l’API',
    tokensIntro: (header: ComponentChildren): ComponentChildren => [
      'Un jeton permet à un logiciel d’utiliser l’API en votre nom, avec l’en-tête ',
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
  /** The person’s own data: the download, the deletion of the account. */
  personalData: {
    systemHasNoData: 'Cette action concerne le compte d’une personne.',
    exportAbout:
      'Les données personnelles de votre compte arobase, telles que la plateforme les conserve. Les fiches d’initiatives et leurs révisions appartiennent aux territoires : elles restent consultables sur la plateforme.',
    fileName: 'arobase-mes-donnees.json',
    sectionTitle: 'Mes données',
    sectionIntro: (policy: ComponentChildren): ComponentChildren => [
      'Téléchargez tout ce que la plateforme conserve sur votre compte, ou supprimez-le. ',
      policy,
      ' explique ce qui est gardé et combien de temps.',
    ],
    policyLink: 'La page «\u00a0Données personnelles\u00a0»',
    download: 'Télécharger mes données (JSON)',
    deleteLink: 'Supprimer mon compte',
    passwordMissing: 'indiquez votre mot de passe pour confirmer',
    passwordWrong: 'ce n’est pas le mot de passe de votre compte',
    emailMissing: 'indiquez l’adresse e-mail de votre compte pour confirmer',
    emailWrong: 'ce n’est pas l’adresse e-mail de votre compte',
    lastAdmin: 'Vous êtes le dernier administrateur de la plateforme\u00a0: invitez d’abord un autre administrateur, puis supprimez votre compte.',
    deleted: 'Votre compte est supprimé. Ses données personnelles sont effacées.',
    confirm: {
      title: 'Supprimer mon compte',
      intro:
        'La suppression est définitive. Votre adresse, votre nom, votre mot de passe, vos sessions, vos jetons d’accès, vos invitations et les courriels qui vous ont été envoyés sont effacés, et vous ne faites plus partie d’aucun territoire.',
      work: 'Les fiches et les modifications que vous avez faites restent en place, pour le territoire\u00a0: elles sont attribuées à «\u00a0ancien membre\u00a0».',
      download: (link: ComponentChildren): ComponentChildren => ['Vous pouvez d’abord ', link, '.'],
      downloadLink: 'télécharger vos données',
      lastReferent: (territory: string) =>
        `Vous êtes le seul référent ${ofName(territory)}\u00a0: après votre départ, personne ne pourra plus y gérer les membres ni déposer la candidature. Nommez d’abord un autre référent si vous le pouvez.`,
      password: 'Votre mot de passe, pour confirmer',
      email: 'L’adresse e-mail de votre compte, pour confirmer',
      submit: 'Supprimer définitivement mon compte',
      cancel: 'Annuler et revenir à mon compte',
    },
  },
  /** Invitations into a territory, as the invited person answers them on their account page. */
  invitations: {
    notFound: 'Cette invitation n’existe pas ou a déjà reçu une réponse.',
    title: 'Invitations',
    intro: 'Un référent vous invite à rejoindre l’espace de son territoire. Vous n’en devenez membre que si vous acceptez.',
    item: (territory: string, role: string) => `${territory}, avec le rôle ${role.toLowerCase()}`,
    from: (inviter: string) => ` (invitation ${ofName(inviter)})`,
    accept: 'Accepter',
    decline: 'Refuser',
    target: (territory: string) => ` l’invitation ${ofName(territory)}`,
    accepted: (territory: string) => `Vous êtes maintenant membre ${ofName(territory)}.`,
    declined: 'Vous avez refusé l’invitation.',
  },
  /** What a person changes on their own account, from « Mon compte ». */
  ownAccount: {
    accountGone: 'Ce compte n’est plus actif.',
    currentPasswordMissing: 'indiquez votre mot de passe actuel',
    currentPasswordWrong: 'ce n’est pas votre mot de passe actuel',
    sameEmail: 'c’est déjà l’adresse de votre compte',
    emailTakenSince: 'Cette adresse est désormais utilisée par un autre compte\u00a0: votre adresse n’a pas changé.',
    nameTitle: 'Mon nom',
    nameIntro: 'Il apparaît à côté de vos fiches et de vos modifications. Sans nom, votre adresse est affichée.',
    nameSubmit: 'Enregistrer mon nom',
    emailTitle: 'Mon adresse e-mail',
    emailIntro: (current: string) =>
      `Votre adresse actuelle est ${current}. Nous envoyons un lien à la nouvelle adresse\u00a0: elle ne remplace l’actuelle qu’une fois ce lien ouvert (il est valable 24\u00a0heures).`,
    newEmail: 'Nouvelle adresse e-mail',
    emailSubmit: 'Recevoir le lien de confirmation',
    passwordTitle: 'Mon mot de passe',
    passwordIntro: 'Vos autres sessions sont fermées quand vous changez de mot de passe.',
    currentPassword: 'Mot de passe actuel',
    newPassword: 'Nouveau mot de passe',
    passwordSubmit: 'Changer mon mot de passe',
    advancedTitle: 'Paramètres avancés',
    advancedSummary: 'Jetons d’accès à l’API, pour les logiciels de votre collectivité',
    fieldLabels: {
      displayName: 'Prénom et nom',
      email: 'Nouvelle adresse e-mail',
      currentPassword: 'Mot de passe actuel',
      password: 'Nouveau mot de passe',
      confirmation: 'Confirmer le mot de passe',
    },
    notices: {
      name: 'Votre nom est enregistré.',
      emailSent: 'Un lien de confirmation est envoyé à la nouvelle adresse. Votre adresse changera quand vous l’ouvrirez.',
      emailChanged: 'Votre adresse e-mail est changée\u00a0: utilisez la nouvelle pour vous connecter.',
      password: 'Votre mot de passe est changé. Vos autres sessions sont fermées.',
    },
    confirmPage: {
      title: 'Confirmer votre nouvelle adresse',
      intro: (email: string) => `L’adresse de votre compte arobase deviendra ${email}. Vous vous connecterez ensuite avec cette adresse.`,
      submit: 'Confirmer cette adresse',
    },
    emails: {
      confirmSubject: 'Confirmez votre nouvelle adresse sur arobase',
      confirmBody: (previous: string, link: string) =>
        `Bonjour,\n\nVous avez demandé que votre compte arobase (${previous}) utilise désormais cette adresse.\n\nPour confirmer, ouvrez ce lien (valable 24\u00a0heures)\u00a0:\n${link}\n\nSi vous n’êtes pas à l’origine de cette demande, ignorez ce message\u00a0: rien ne change.\n\n— arobase`,
      noticeSubject: 'Changement d’adresse demandé sur arobase',
      noticeBody: (next: string) =>
        `Bonjour,\n\nUn changement d’adresse de votre compte arobase vers ${next} a été demandé. Votre adresse ne change que si le lien envoyé à la nouvelle adresse est ouvert.\n\nSi vous n’êtes pas à l’origine de cette demande, changez votre mot de passe depuis «\u00a0Mon compte\u00a0».\n\n— arobase`,
    },
  },
  /** The administrator’s actions on accounts (/admin/utilisateurs), their errors and the invitation e-mail. */
  userAdmin: {
    userNotFound: 'Ce compte n’existe pas ou a été supprimé.',
    notYourself: 'vous ne pouvez pas faire cela sur votre propre compte\u00a0: demandez-le à un autre administrateur',
    lastAdmin: 'c’est le dernier administrateur actif\u00a0: nommez d’abord un autre administrateur',
    roleInvalid: 'choisissez Administrateur, Juré ou Membre de territoire',
    alreadyActive: 'ce compte a déjà choisi son mot de passe\u00a0: il n’a plus d’invitation à recevoir',
    disabledNoInvitation: 'ce compte est désactivé\u00a0: réactivez-le d’abord',
    emailTakenNoTerritory: 'un compte existe déjà avec cette adresse\u00a0: choisissez un territoire pour l’y inviter',
    theLabelTeam: 'L’équipe du label',
    platformRoleDescriptions: {
      admin: 'vous préparez les éditions du label, le référentiel, le jury et la publication des résultats',
      juror: 'vous évaluez les dossiers de candidature qui vous sont confiés',
      member: 'vous participez à l’espace d’un territoire',
    } satisfies Record<PlatformRole, string>,
    invitationBody: (p: {
      inviter: string;
      role: string;
      roleDescription: string;
      territory?: { name: string; role: string; roleDescription: string };
      link: string;
    }) =>
      [
        'Bonjour,',
        '',
        `${p.inviter} vous invite sur arobase, la plateforme du label des politiques numériques locales, avec le rôle «\u00a0${p.role}\u00a0»\u00a0: ${p.roleDescription}.`,
        ...(p.territory
          ? ['', `Vous rejoindrez l’espace de ${p.territory.name} avec le rôle «\u00a0${p.territory.role}\u00a0» (${p.territory.roleDescription}).`]
          : []),
        '',
        'Pour choisir votre mot de passe et activer votre compte, ouvrez ce lien (valable 7\u00a0jours)\u00a0:',
        p.link,
        '',
        'Si vous n’attendiez pas cette invitation, ignorez ce message.',
        '',
        '— arobase',
      ].join('\n'),
  },
  /** A territory’s referent manages its members: the members page, its errors and its emails. */
  members: {
    breadcrumb: 'Membres',
    title: (territory: string) => `Membres de ${territory}`,
    roleInvalid: 'choisissez Référent, Contributeur ou Lecteur',
    memberIdInvalid: 'identifiant de membre invalide',
    invitationIdInvalid: 'identifiant d’invitation invalide',
    alreadyMember: (territory: string) => `cette personne est déjà membre de ${territory}`,
    notMember: (territory: string) => `Cette personne n’est pas membre de ${territory}.`,
    lastReferentDemoted: (territory: string) => `${territory} doit garder au moins un référent : nommez d’abord un autre référent, puis changez ce rôle`,
    lastReferentRemoved: (territory: string) => `${territory} doit garder au moins un référent : nommez d’abord un autre référent, puis retirez cette personne`,
    roleDescriptions: {
      referent: 'gère les membres et les fiches du territoire, et dépose la candidature',
      contributor: 'rédige et publie les fiches du territoire',
      reader: 'consulte les fiches, y compris les brouillons, sans les modifier',
    } satisfies Record<TerritoryRole, string>,
    notices: {
      invited: (email: string) => `Invitation envoyée à ${email}.`,
      invitationCancelled: 'L’invitation est annulée.',
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
    empty: 'Ce territoire n’a encore aucun membre.',
    inviteTitle: 'Inviter une personne',
    inviteIntro: (territory: string) =>
      `La personne reçoit un courriel\u00a0: un lien, valable 7\u00a0jours, pour choisir son mot de passe si elle n’a pas encore de compte, ou une invitation à accepter depuis son compte sinon. Elle ne rejoint ${territory} qu’une fois l’invitation acceptée.`,
    invitationsTitle: 'Invitations en attente',
    invitationsCaption: (territory: string) => `Invitations à rejoindre ${territory} en attente de réponse`,
    invitedColumn: 'Personne invitée',
    invitedOn: 'Invitée le',
    cancelInvitation: 'Annuler l’invitation',
    cancelTarget: (name: string) => ` ${ofName(name)}`,
    rolesTitle: 'Les rôles',
    /** Between a role and what it allows, in the list of roles. */
    roleSeparator: ' : ',
    email: 'Adresse e-mail',
    displayName: 'Prénom et nom (facultatif)',
    displayNameHint: 'Utilisé seulement si la personne n’a pas encore de compte.',
    role: 'Rôle',
    fieldLabels: { email: 'Adresse e-mail', displayName: 'Nom', role: 'Rôle', userId: 'Membre' },
    submit: 'Envoyer l’invitation',
    confirmRemove: {
      title: (name: string) => `Retirer ${name}`,
      question: (name: string, territory: string) => `Retirer ${name} des membres de ${territory} ?`,
      consequence: 'La personne garde son compte mais n’a plus accès à l’espace du territoire ni à ses brouillons. Vous pourrez l’inviter de nouveau.',
      self: 'Vous vous retirez vous-même : vous n’aurez plus accès à cet espace.',
      submit: (name: string) => `Retirer ${name}`,
      cancel: 'Annuler',
    },
    emails: {
      invitationSubject: (territory: string) => `Invitation à rejoindre ${territory} sur arobase`,
      invitationBody: (p: { inviter: string; territory: string; role: string; roleDescription: string; link: string }) =>
        `Bonjour,\n\n${p.inviter} vous invite à rejoindre l’espace de ${p.territory} sur arobase, la plateforme du label des politiques numériques locales, avec le rôle ${p.role.toLowerCase()} (${p.roleDescription}).\n\nPour choisir votre mot de passe et activer votre compte, ouvrez ce lien (valable 7 jours) :\n${p.link}\n\nSi vous n’attendiez pas cette invitation, ignorez ce message.\n\n— arobase`,
      invitedBody: (p: { inviter: string; territory: string; role: string; roleDescription: string; link: string }) =>
        `Bonjour,\n\n${p.inviter} vous invite à rejoindre l’espace de ${p.territory} sur arobase, avec le rôle ${p.role.toLowerCase()} (${p.roleDescription}).\n\nVous n’en devenez membre que si vous acceptez. Connectez-vous avec votre compte habituel, puis acceptez ou refusez l’invitation depuis «\u00a0Mon compte\u00a0»\u00a0:\n${p.link}\n\nSi vous n’attendiez pas cette invitation, refusez-la ou ignorez ce message.\n\n— arobase`,
    },
  },
} as const;
