import type { ComponentChildren } from 'preact';
import { formatNumber } from '../../platform/views/format.ts';

type Part = ComponentChildren;

/** French texts of /accessibilite: the RGAA accessibility statement, in the order the RGAA sets. */
export const accessibilityMessages = {
  title: 'Déclaration d’accessibilité',
  description: (level: string) => `Accessibilité du site\u00a0: ${level}. État de conformité au RGAA, contenus non accessibles, contact et voies de recours.`,
  commitment: (organiser: string) =>
    `${organiser} s’engage à rendre ce site accessible conformément à l’article 47 de la loi n°\u00a02005-102 du 11\u00a0février 2005.`,
  scope: (url: Part): Part[] => ['Cette déclaration d’accessibilité s’applique au site ', url, '.'],
  status: {
    title: 'État de conformité',
    text: (level: string) => `Ce site est ${level} avec le référentiel général d’amélioration de l’accessibilité (RGAA), version\u00a04.1.2.`,
    reason: {
      non_conforme: 'Moins de la moitié des critères du RGAA sont respectés.',
      notAudited: 'Aucun audit en cours de validité ne permet encore de mesurer le respect des critères.',
      partiellement_conforme: 'Les non-conformités connues sont listées plus bas.',
      totalement_conforme: 'Tous les critères du RGAA sont respectés.',
    },
  },
  results: {
    title: 'Résultats des tests',
    audited: (date: string, by: string | null, rate: number | null) =>
      `L’audit de conformité réalisé le ${date}${by ? ` par ${by}` : ''}${rate === null ? '.' : ` révèle que ${formatNumber(rate)}\u00a0% des critères du RGAA version 4.1.2 sont respectés.`}`,
    notAudited: 'Aucun audit de conformité complet n’a encore été réalisé. En attendant, chaque évolution du site est vérifiée\u00a0:',
    checks: [
      'par des tests automatiques (axe-core) sur chaque page publique et chaque écran des espaces, qui ne relèvent aucune erreur\u00a0;',
      'par des parcours au clavier seul, sans JavaScript, et à 320\u00a0pixels de large\u00a0;',
      'par des règles de conception\u00a0: titres hiérarchisés, champs étiquetés, messages d’erreur nommant le champ, contrastes conformes, graphiques et carte accompagnés de leurs données en tableau.',
    ],
  },
  nonAccessible: {
    title: 'Contenus non accessibles',
    nonCompliantTitle: 'Non-conformités',
    nonCompliant: {
      non_conforme: 'Faute d’audit complet, la liste des non-conformités ne peut pas encore être établie. Signalez-nous tout obstacle (voir plus bas).',
      partiellement_conforme:
        'Les contenus rédigés par les territoires (textes des fiches, textes alternatifs des photos) ne sont pas tous vérifiés\u00a0: leur qualité dépend de leurs auteurs. Les vérifications manuelles de la compatibilité avec les lecteurs d’écran restent à compléter.',
      totalement_conforme: 'Aucune non-conformité connue.',
    },
    derogationsTitle: 'Dérogations pour charge disproportionnée',
    derogations: 'Aucune.',
    exemptTitle: 'Contenus non soumis à l’obligation d’accessibilité',
    exempt: 'Les documents joints par les territoires avant le 23\u00a0septembre 2018 et les contenus de sites tiers vers lesquels renvoient les fiches.',
  },
  established: {
    title: 'Établissement de cette déclaration',
    text: (date: string) => `Cette déclaration a été établie le ${date}.`,
    technologiesTitle: 'Technologies utilisées pour la réalisation du site',
    technologies: ['HTML5', 'CSS', 'SVG', 'JavaScript (facultatif\u00a0: tout le site fonctionne sans)'],
    environmentTitle: 'Environnement de test',
    environment:
      'Les vérifications ont été faites avec le navigateur Chromium, l’outil axe-core, le clavier seul, JavaScript désactivé, et un agrandissement du texte à 200\u00a0%.',
    toolsTitle: 'Outils pour évaluer l’accessibilité',
    tools: ['axe-core', 'les outils de développement de Chromium'],
  },
  feedback: {
    title: 'Retour d’information et contact',
    text: (organiser: string) =>
      `Si vous n’arrivez pas à accéder à un contenu ou à un service, contactez ${organiser} pour être orienté(e) vers une alternative accessible ou obtenir le contenu sous une autre forme\u00a0:`,
    email: 'E-mail\u00a0: ',
    phone: 'Téléphone\u00a0: ',
    address: 'Adresse postale\u00a0: ',
  },
  appeal: {
    title: 'Voies de recours',
    intro:
      'Cette procédure est à utiliser dans le cas suivant\u00a0: vous avez signalé au responsable du site un défaut d’accessibilité qui vous empêche d’accéder à un contenu ou à un service, et vous n’avez pas obtenu de réponse satisfaisante.',
    options: 'Vous pouvez\u00a0:',
    form: 'écrire un message au Défenseur des droits',
    delegate: 'contacter le délégué du Défenseur des droits dans votre région',
    post: 'envoyer un courrier par la poste (gratuit, ne pas mettre de timbre)\u00a0: Défenseur des droits, Libre réponse 71120, 75342 Paris CEDEX 07.',
  },
} as const;
