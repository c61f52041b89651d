/** French texts of the accounts module: errors and emails. */
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
} as const;
