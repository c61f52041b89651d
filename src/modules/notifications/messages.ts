/** French texts of the notifications module: what replaces a secret in the stored copy, and the log line of an email. */
export const notificationMessages = {
  /** Stands where a one-time link was, in every copy of an email the platform keeps. */
  maskedSecret: '[lien personnel masqué]',
  logged: (to: string, subject: string, body: string) =>
    `Courriel (aucun serveur SMTP configuré\u00a0: ses liens personnels ne sont écrits qu’ici)\nÀ\u00a0: ${to}\nObjet\u00a0: ${subject}\n\n${body}`,
} as const;
