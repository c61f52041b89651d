/**
 * French texts of the single sign-on (French typography: a no-break space before « : » and inside
 * « », a narrow one before « ; ! ? »). `provider` is the configured name (OIDC_PROVIDER_NAME).
 */
export const ssoMessages = {
  errorTitle: 'Connexion impossible',
  backToLogin: 'Revenir à la page de connexion',
  notConfigured: 'La connexion par un fournisseur d’identité n’est pas proposée sur ce site.',
  stateMissing:
    'Cette connexion a expiré ou a commencé dans un autre navigateur. Revenez à la page de connexion et recommencez\u00a0: vous avez dix minutes pour la terminer.',
  stateMismatch: 'La réponse reçue ne correspond pas à la connexion commencée dans ce navigateur. Revenez à la page de connexion et recommencez.',
  providerRefused: (provider: string) => `${provider} n’a pas confirmé votre identité\u00a0: la connexion a été annulée ou refusée. Vous pouvez recommencer.`,
  responseInvalid: (provider: string) =>
    `La réponse de ${provider} n’a pas pu être vérifiée. Recommencez dans quelques instants\u202f; si cela se reproduit, écrivez à l’équipe du label.`,
  providerUnavailable: (provider: string) =>
    `${provider} ne répond pas pour l’instant. Réessayez dans quelques minutes, ou connectez-vous avec votre mot de passe.`,
  emailMissing: (provider: string) =>
    `${provider} n’a pas transmis d’adresse e-mail valide pour votre compte\u00a0: sans elle, aucun compte ne peut être ouvert. Écrivez à l’équipe du label.`,
  reservedRole: (provider: string) =>
    `Les comptes des membres du jury et de l’équipe du label n’utilisent pas ${provider}\u00a0: connectez-vous avec votre adresse e-mail et votre mot de passe.`,
  accountDisabled: 'Ce compte est désactivé. Pour le retrouver, écrivez à l’équipe du label.',
  emailUnverified: (provider: string) =>
    `Un compte existe déjà avec cette adresse, mais ${provider} ne la donne pas pour vérifiée\u00a0: connectez-vous avec votre adresse e-mail et votre mot de passe.`,
} as const;
