import type { Questionnaire } from '../../platform/questionnaire/questionnaire.schema.ts';
import type { TerritoryCategory } from '../territories/territory.rules.ts';
import {
  CYBERSECURITY,
  INTERCOMMUNALITY,
  MEDIATION,
  ONLINE_PROCEDURES,
  OPEN_DATA,
  RESPONSIBLE_DIGITAL,
  many,
  one,
  yesNo,
} from './default-questionnaire-parts.data.ts';

/**
 * The default questionnaires of the label, one per category, copied into each new edition where the
 * administrator may edit them; and the interview's three standard questions. The village's stays
 * under ten minutes (at most 12 questions); default-questionnaires.rules.test.ts checks them.
 */

const village: Questionnaire = {
  questions: [
    one(
      'pilotage',
      'Qui porte le numérique à la mairie ?',
      [
        ['maire', 'Le maire'],
        ['elu-delegue', 'Un adjoint ou un conseiller délégué au numérique'],
        ['agent', 'La secrétaire de mairie ou un autre agent'],
        ['intercommunalite', 'L’intercommunalité ou un syndicat informatique'],
        ['personne', 'Personne en particulier'],
      ],
      'La personne qui suit les projets numériques au quotidien, même si ce n’est pas son titre.',
    ),
    {
      id: 'budget',
      kind: 'number',
      label: 'Combien la commune a-t-elle consacré au numérique l’an dernier ?',
      help: 'Fonctionnement et investissement : matériel, logiciels, site, abonnements, formations. Une estimation suffit.',
      required: false,
      min: 0,
      unit: '€',
    },
    yesNo('site', 'La commune a-t-elle un site internet ?'),
    one(
      'site-accessibilite',
      'Le site publie-t-il sa déclaration d’accessibilité ?',
      [
        ['oui', 'Oui'],
        ['non', 'Non'],
        ['ne-sait-pas', 'Je ne sais pas'],
      ],
      'Elle est obligatoire : une mention « Accessibilité : totalement, partiellement ou non conforme » en bas de la page d’accueil.',
      { showWhen: { questionId: 'site', anyOf: ['yes'] } },
    ),
    many(
      'demarches',
      'Quelles démarches les habitants peuvent-ils faire en ligne auprès de la commune ?',
      ONLINE_PROCEDURES,
      'Cochez tout ce qui existe, même si le service est fourni par l’intercommunalité.',
    ),
    many('accompagnement', 'Comment les habitants peu à l’aise avec le numérique sont-ils aidés ?', MEDIATION),
    yesNo(
      'ecole',
      'La commune a-t-elle équipé l’école en numérique depuis deux ans ?',
      'Vidéoprojecteurs interactifs, tablettes, ordinateurs, robots pour apprendre à programmer…',
    ),
    one('intercommunalite', 'Travaillez-vous avec votre intercommunalité sur le numérique ?', INTERCOMMUNALITY),
    yesNo(
      'cybersecurite',
      'Les élus et les agents ont-ils été sensibilisés à la sécurité informatique depuis deux ans ?',
      'Par exemple une information sur les courriels frauduleux (hameçonnage) ou les mots de passe.',
    ),
    many('numerique-responsable', 'Que faites-vous pour réduire l’impact du numérique sur l’environnement ?', RESPONSIBLE_DIGITAL),
    {
      id: 'priorite',
      kind: 'short_text',
      label: 'En une phrase, votre priorité numérique pour l’année qui vient ?',
      required: true,
      maxLength: 200,
    },
    {
      id: 'message-jury',
      kind: 'long_text',
      label: 'Qu’aimeriez-vous que le jury sache de votre commune ?',
      help: 'Facultatif : le contexte, les moyens dont vous disposez, ce qui vous a surpris ou ce qui reste difficile.',
      required: false,
      maxLength: 2000,
    },
  ],
};

const ville: Questionnaire = {
  questions: [
    one(
      'pilotage-elu',
      'Quel élu porte la politique numérique ?',
      [
        ['adjoint', 'Un adjoint au maire délégué au numérique'],
        ['conseiller', 'Un conseiller municipal délégué'],
        ['maire', 'Le maire directement'],
        ['aucun', 'Aucun élu désigné'],
      ],
      'Une délégation au numérique, même partagée avec d’autres sujets, compte.',
    ),
    one('pilotage-service', 'Quel service le met en œuvre ?', [
      ['direction', 'Une direction ou un service du numérique propre à la ville'],
      ['mutualise', 'Un service commun avec l’intercommunalité'],
      ['syndicat', 'Un syndicat ou un opérateur public informatique'],
      ['agent', 'Un ou deux agents, sans service dédié'],
    ]),
    {
      id: 'effectif',
      kind: 'number',
      label: 'Combien de personnes travaillent au numérique de la ville, en équivalent temps plein ?',
      help: 'Informatique, site et réseaux sociaux, médiation numérique. Une décimale possible : 2,5.',
      required: false,
      min: 0,
      max: 5000,
      unit: 'ETP',
    },
    {
      id: 'budget',
      kind: 'number',
      label: 'Quel budget la ville a-t-elle consacré au numérique l’an dernier ?',
      help: 'Fonctionnement et investissement. Une estimation suffit.',
      required: false,
      min: 0,
      unit: '€',
    },
    yesNo('strategie', 'La ville a-t-elle adopté une stratégie ou un schéma directeur du numérique ?'),
    {
      id: 'strategie-annee',
      kind: 'number',
      label: 'En quelle année a-t-elle été adoptée ou révisée pour la dernière fois ?',
      required: false,
      min: 1995,
      max: 2100,
      showWhen: { questionId: 'strategie', anyOf: ['yes'] },
    },
    many('demarches', 'Quelles démarches les habitants peuvent-ils faire en ligne ?', ONLINE_PROCEDURES),
    one(
      'accessibilite',
      'Que dit la déclaration d’accessibilité du site de la ville ?',
      [
        ['totale', 'Totalement conforme'],
        ['partielle', 'Partiellement conforme'],
        ['non-conforme', 'Non conforme'],
        ['absente', 'Il n’y a pas de déclaration'],
      ],
      'La mention « Accessibilité : … » figure en bas de la page d’accueil.',
    ),
    many('mediation', 'Comment accompagnez-vous les habitants éloignés du numérique ?', MEDIATION),
    many(
      'ecoles',
      'Qu’a fait la ville pour le numérique dans les écoles ?',
      [
        ['equipement', 'Équipement des classes (vidéoprojecteurs interactifs, tablettes, ordinateurs)'],
        ['programmation', 'Initiation à la programmation (robots, ateliers)'],
        ['ent', 'Espace numérique de travail pour les familles'],
        ['usages', 'Prévention sur les écrans et les réseaux sociaux avec les parents'],
        ['aucun', 'Rien pour l’instant'],
      ],
      'Écoles maternelles et élémentaires, accueil périscolaire.',
    ),
    many('participation', 'Comment les habitants participent-ils à la vie locale grâce au numérique ?', [
      ['conseils', 'Conseils municipaux retransmis en direct ou en vidéo'],
      ['consultations', 'Consultations ou budget participatif en ligne'],
      ['signalements', 'Application ou formulaire de signalement'],
      ['associations', 'Portail des associations'],
      ['aucune', 'Rien de cela pour l’instant'],
    ]),
    one('donnees-ouvertes', 'La ville publie-t-elle des données ouvertes ?', OPEN_DATA, 'Sur data.gouv.fr ou un portail régional ou local.'),
    {
      id: 'donnees-exemples',
      kind: 'short_text',
      label: 'Citez un ou deux jeux de données publiés.',
      help: 'Par exemple : délibérations, budget, subventions aux associations, équipements publics.',
      required: false,
      showWhen: { questionId: 'donnees-ouvertes', anyOf: ['regulier', 'quelques'] },
    },
    many('cybersecurite', 'Où en est la ville en sécurité informatique ?', CYBERSECURITY),
    yesNo(
      'strategie-responsable',
      'La ville a-t-elle adopté une stratégie numérique responsable ?',
      'Obligatoire au-delà de 50 000 habitants (loi du 15 novembre 2021 visant à réduire l’empreinte environnementale du numérique).',
    ),
    many('numerique-responsable', 'Quelles mesures de numérique responsable sont en place ?', RESPONSIBLE_DIGITAL),
    one('intercommunalite', 'Travaillez-vous avec votre intercommunalité sur le numérique ?', INTERCOMMUNALITY),
    {
      id: 'cooperation',
      kind: 'long_text',
      label: 'Avec qui la ville coopère-t-elle pour le numérique, et sur quoi ?',
      help: 'Intercommunalité, communes voisines, département, associations, entreprises, écoles et universités.',
      required: false,
      maxLength: 3000,
    },
  ],
};

const territoire: Questionnaire = {
  questions: [
    yesNo(
      'competence',
      'Le numérique figure-t-il dans les statuts ou le projet de territoire de l’intercommunalité ?',
      'Une compétence, une mission ou un axe du projet de territoire.',
    ),
    one('pilotage-elu', 'Quel élu porte la politique numérique ?', [
      ['vice-president', 'Un vice-président délégué au numérique'],
      ['conseiller', 'Un conseiller communautaire délégué'],
      ['president', 'Le président directement'],
      ['aucun', 'Aucun élu désigné'],
    ]),
    one('organisation', 'Comment le numérique est-il organisé ?', [
      ['service-commun', 'Un service commun avec des communes membres'],
      ['direction', 'Une direction du numérique propre à l’intercommunalité'],
      ['syndicat', 'Un syndicat ou un opérateur public informatique'],
      ['prestataires', 'Surtout des prestataires'],
    ]),
    {
      id: 'communes-adherentes',
      kind: 'number',
      label: 'Combien de communes membres adhèrent au service commun ?',
      required: false,
      min: 0,
      max: 1000,
      unit: 'communes',
      showWhen: { questionId: 'organisation', anyOf: ['service-commun'] },
    },
    {
      id: 'effectif',
      kind: 'number',
      label: 'Combien de personnes travaillent au numérique, en équivalent temps plein ?',
      help: 'Informatique, médiation numérique, aménagement numérique, communication en ligne. Une décimale possible : 2,5.',
      required: false,
      min: 0,
      max: 10000,
      unit: 'ETP',
    },
    {
      id: 'budget',
      kind: 'number',
      label: 'Quel budget l’intercommunalité a-t-elle consacré au numérique l’an dernier ?',
      help: 'Fonctionnement et investissement, hors réseau d’initiative publique. Une estimation suffit.',
      required: false,
      min: 0,
      unit: '€',
    },
    one('schema', 'Le territoire a-t-il un schéma directeur ou une stratégie numérique ?', [
      ['recent', 'Oui, adopté ou révisé depuis moins de trois ans'],
      ['ancien', 'Oui, plus ancien'],
      ['en-cours', 'En préparation'],
      ['non', 'Non'],
    ]),
    many('amenagement', 'Sur quoi l’intercommunalité agit-elle pour l’accès au numérique ?', [
      ['fibre', 'Suivi du déploiement de la fibre'],
      ['mobile', 'Couverture mobile des zones mal desservies'],
      ['wifi', 'Wifi public'],
      ['tiers-lieux', 'Tiers-lieux et espaces de travail partagés'],
      ['batiments', 'Réseau reliant les bâtiments publics'],
    ]),
    many('mediation', 'Quels dispositifs d’inclusion numérique l’intercommunalité porte-t-elle ?', [
      ['conseillers', 'Conseillers numériques'],
      ['france-services', 'France services'],
      ['itinerance', 'Médiation itinérante dans les communes (bus, permanences)'],
      ['cheques', 'Chèques d’accompagnement numérique (APTIC ou autres)'],
      ['aidants-connect', 'Aidants Connect'],
      ['materiel', 'Don d’ordinateurs reconditionnés'],
    ]),
    {
      id: 'conseillers-nombre',
      kind: 'number',
      label: 'Combien de conseillers numériques interviennent sur le territoire ?',
      required: false,
      min: 0,
      max: 500,
      unit: 'conseillers',
      showWhen: { questionId: 'mediation', anyOf: ['conseillers'] },
    },
    many('economie', 'Comment le numérique soutient-il l’économie locale ?', [
      ['commerces', 'Accompagnement des commerçants et artisans'],
      ['achat-local', 'Plateforme d’achat ou de vente en circuit court'],
      ['incubateur', 'Pépinière, incubateur ou accélérateur'],
      ['emploi', 'Formations au numérique pour les demandeurs d’emploi'],
      ['aucun', 'Rien de cela pour l’instant'],
    ]),
    one('donnees-ouvertes', 'L’intercommunalité publie-t-elle des données ouvertes ?', OPEN_DATA, 'Sur data.gouv.fr ou un portail régional ou local.'),
    many(
      'cybersecurite',
      'Où en est l’intercommunalité en sécurité informatique ?',
      CYBERSECURITY,
      'Pour elle-même et, le cas échéant, pour les communes qu’elle équipe.',
    ),
    one(
      'strategie-responsable',
      'L’intercommunalité a-t-elle une stratégie numérique responsable ?',
      [
        ['adoptee', 'Oui, adoptée'],
        ['en-cours', 'En préparation'],
        ['non', 'Non'],
      ],
      'Obligatoire au-delà de 50 000 habitants (loi du 15 novembre 2021 visant à réduire l’empreinte environnementale du numérique).',
    ),
    {
      id: 'service-le-plus-utilise',
      kind: 'short_text',
      label: 'Quel service numérique de l’intercommunalité les habitants utilisent-ils le plus ?',
      required: false,
    },
    {
      id: 'appui-communes',
      kind: 'long_text',
      label: 'Comment l’intercommunalité aide-t-elle ses communes membres dans le numérique ?',
      help: 'Achats groupés, informatique mutualisée, sites internet, formation des secrétaires de mairie, conseillers numériques partagés…',
      required: true,
      maxLength: 3000,
    },
  ],
};

/** The default questionnaire of each category. */
export const DEFAULT_QUESTIONNAIRES: Record<TerritoryCategory, Questionnaire> = { village, ville, territoire };

/** The interview's three standard questions, asked of every territory and published with its consent. */
export const INTERVIEW_QUESTIONS: Questionnaire = {
  questions: [
    {
      id: 'action-phare',
      kind: 'long_text',
      label: 'Pouvez-vous nous citer et décrire l’une des actions phares réalisées ou à venir sur votre territoire ?',
      help: 'Ce qui a été fait, pour qui, avec qui, et ce que cela a changé.',
      required: true,
      maxLength: 6000,
    },
    {
      id: 'premier-souvenir',
      kind: 'long_text',
      label: 'Quel est votre premier souvenir sur internet ?',
      required: true,
      maxLength: 2000,
    },
    {
      id: 'prochains-projets',
      kind: 'long_text',
      label: 'Quels sont vos prochains projets pour le mandat ?',
      required: true,
      maxLength: 4000,
    },
  ],
};
