import type { ComponentChildren } from 'preact';
import { countOf } from '../../platform/views/format.ts';
import type { AccountDataRetention } from '../accounts/data-retention.service.ts';

/** « 2 heures », « 7 jours »: a count and its unit, never split across two lines. */
const span = (n: number, one: string, many: string) => countOf(n, one, many).replace(' ', '\u00a0');
const hours = (h: number) => (h % 24 === 0 ? span(h / 24, 'jour', 'jours') : span(h, 'heure', 'heures'));

/** French texts of the personal-data page (/donnees-personnelles). */
export const personalDataMessages = {
  title: 'Données personnelles',
  description: 'Les données personnelles que la plateforme arobase conserve, pourquoi, combien de temps, et comment les télécharger ou les effacer.',
  lead: 'arobase conserve le moins de données personnelles possible, et seulement le temps utile. Cette page dit lesquelles, pourquoi et combien de temps, et comment vous les téléchargez ou les effacez.',
  visitors: {
    title: 'Sans compte',
    text: 'Tout le site se consulte sans compte. Aucun cookie de mesure d’audience, aucun traceur ni aucun service tiers\u00a0: un seul cookie technique protège les formulaires contre les envois venus d’autres sites, et disparaît à la fermeture du navigateur.',
  },
  account: {
    title: 'Avec un compte',
    intro: 'Les comptes sont ouverts sur invitation, pour les élus et agents des territoires, les jurés et l’équipe du label.',
    caption: 'Ce que la plateforme conserve pour un compte, pourquoi et combien de temps',
    what: 'Donnée',
    why: 'Pourquoi',
    howLong: 'Combien de temps',
    rows: (r: AccountDataRetention) => [
      {
        what: 'Adresse e-mail, nom, rôle, territoires dont vous êtes membre, invitations reçues',
        why: 'Vous connecter et vous donner accès à l’espace de vos territoires',
        howLong: 'Tant que le compte existe',
      },
      {
        what: 'Mot de passe',
        why: 'Vous connecter. Seule son empreinte (argon2id) est conservée, jamais le mot de passe lui-même',
        howLong: 'Tant que le compte existe',
      },
      {
        what: 'Sessions\u00a0: date de connexion, dernière activité, navigateur utilisé',
        why: 'Rester connecté(e) d’une page à l’autre',
        howLong: `Jusqu’à la déconnexion, après ${hours(r.sessionIdleMinutes / 60)} sans activité, et ${hours(r.sessionMaxHours)} au plus`,
      },
      {
        what: 'Cookie «\u00a0appareil reconnu\u00a0» (dans votre navigateur)',
        why: 'Vous laisser entrer depuis un navigateur où vous vous êtes déjà connecté(e), même quand votre compte reçoit une attaque',
        howLong: `${span(r.knownDeviceDays, 'jour', 'jours')} après la dernière connexion\u00a0; sans effet dès que vous changez de mot de passe`,
      },
      {
        what: 'Connexions échouées\u00a0: adresse saisie, adresse IP, heure',
        why: 'Ralentir qui essaie de deviner les mots de passe',
        howLong: span(r.failedLoginMinutes, 'minute', 'minutes'),
      },
      {
        what: 'Liens à usage unique (invitation, nouveau mot de passe)',
        why: 'Choisir un mot de passe. Seule leur empreinte est conservée',
        howLong: `${hours(r.resetLinkHours)} pour un nouveau mot de passe, ${hours(r.invitationLinkHours)} pour une invitation, puis ils ne servent plus`,
      },
      {
        what: 'Courriels envoyés\u00a0: destinataire, objet, texte',
        why: 'Garder trace de ce que la plateforme vous a écrit. Les liens personnels y sont masqués dès l’envoi',
        howLong: 'Tant que le compte existe',
      },
      {
        what: 'Jetons d’accès à l’API\u00a0: nom, dates de création et d’usage',
        why: 'Permettre à un logiciel d’utiliser l’API en votre nom. Seule leur empreinte est conservée',
        howLong: 'Tant que le compte existe',
      },
    ],
  },
  work: {
    title: 'Vos contributions',
    text: 'Les fiches d’initiatives et les dossiers de candidature appartiennent aux territoires. L’historique des fiches garde qui les a modifiées et quand. Si vous supprimez votre compte, ces contributions restent en place et sont attribuées à «\u00a0ancien membre\u00a0». Le contact indiqué dans une fiche publique est publié avec elle\u00a0: ne l’y mettez qu’avec l’accord de la personne.',
  },
  logs: {
    title: 'Journaux techniques',
    text: 'Le serveur écrit dans ses journaux les erreurs qu’il rencontre. Tant qu’aucun serveur de courriel n’est configuré, il y écrit aussi le texte des courriels, liens compris, pour que l’exploitant les transmette\u00a0; ces journaux ne sont lisibles que par l’exploitant du serveur.',
  },
  controller: {
    title: 'Qui est responsable de vos données',
    text: (organiser: string, label: string) =>
      `Le responsable du traitement est ${organiser}, qui organise ${label} et exploite cette plateforme. Les données ne sont ni vendues ni cédées ; elles servent seulement au label et à l’observatoire.`,
    ask: 'Pour toute question ou demande sur vos données personnelles, écrivez au délégué à la protection des données :',
    address: 'Adresse de l’organisateur :',
  },
  rights: {
    title: 'Vos droits',
    intro: 'Vous accédez à vos données, les faites corriger ou les effacez à tout moment\u00a0:',
    download: (link: ComponentChildren): ComponentChildren => [link, ', depuis «\u00a0Mon compte\u00a0»\u00a0;'],
    downloadLink: 'téléchargez toutes vos données (fichier JSON)',
    delete: (link: ComponentChildren): ComponentChildren => [link, ', avec votre mot de passe\u00a0;'],
    deleteLink: 'supprimez votre compte',
    rectify: 'pour corriger votre nom ou une donnée, adressez-vous au référent de votre territoire ou à l’équipe du label.',
    complaint: (link: ComponentChildren): ComponentChildren => [
      'Si vous estimez que vos droits ne sont pas respectés, vous pouvez adresser une réclamation à la ',
      link,
      '.',
    ],
    cnil: 'Commission nationale de l’informatique et des libertés (CNIL)',
  },
} as const;
