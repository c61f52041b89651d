/** What the start and the `first-admin-link` command say about the first administrator's setup link. */
export const firstAdminMessages = {
  /**
   * Printed as plain text on the standard output, whatever the log format: an installer reading a
   * service manager's or a container's output finds it without decoding a JSON log line.
   */
  banner: (link: string) =>
    [
      '',
      'Aucun administrateur pour l’instant. Créez le premier compte administrateur avec ce lien à usage unique\u00a0:',
      '',
      `    ${link}`,
      '',
      'Un nouveau lien remplace celui-ci à chaque démarrage, ou avec\u00a0: npx arobase first-admin-link',
      '',
    ].join('\n') + '\n',
  /** The log's line: the link itself (a secret) stays out of the log, which is often kept and shipped elsewhere. */
  logged:
    'Aucun administrateur pour l’instant\u00a0: le lien d’installation à usage unique est affiché en clair sur la sortie standard (npx arobase first-admin-link en donne un nouveau).',
  command: {
    description: 'Affiche un nouveau lien à usage unique pour créer le premier compte administrateur (tant qu’aucun administrateur n’a de mot de passe).',
    usage: 'arobase first-admin-link',
    intro: 'Lien à usage unique pour créer le premier compte administrateur (il remplace les précédents)\u00a0:',
    alreadyAdmin:
      'Un administrateur existe déjà\u00a0: aucun lien d’installation n’est créé. Connectez-vous avec ce compte, ou demandez à un administrateur de créer le vôtre (npx arobase user-create --role admin envoie un lien pour choisir le mot de passe).',
  },
};
