import { z } from 'zod';
import { MATURITY_LEVELS, NR_THEME_IDS, NR_THEMES, type NrThemeId } from './nr-themes.rules.ts';

/**
 * The responsible-digital diagnostic's questions (issue 15), written for a French commune or
 * intercommunality: per theme, 4 to 6 questions, each with what its four maturity levels (0 nothing
 * done, 1 started, 2 organised, 3 done, measured and improved) mean concretely. A question's id is
 * stable: answers are stored under it, so a question is reworded, never renumbered. A new wording
 * that changes the meaning is a new question in a new model version.
 */

const levelsSchema = z.tuple([z.string().min(1), z.string().min(1), z.string().min(1), z.string().min(1)]);

export const nrQuestionSchema = z.object({
  id: z.string().regex(/^[a-z-]+\.[a-z0-9-]+$/),
  text: z.string().min(1),
  /** What levels 0, 1, 2 and 3 mean for this question. */
  levels: levelsSchema,
});

export const nrModelSchema = z.object({
  version: z.string().min(1),
  themes: z
    .array(
      z.object({
        id: z.enum(NR_THEME_IDS as unknown as [NrThemeId, ...NrThemeId[]]),
        name: z.string().min(1),
        questions: z.array(nrQuestionSchema).min(1),
      }),
    )
    .length(NR_THEMES.length),
});

export type NrQuestion = z.output<typeof nrQuestionSchema>;
export type NrModel = z.output<typeof nrModelSchema>;
export type NrModelTheme = NrModel['themes'][number];

const nameOf = (id: NrThemeId) => NR_THEMES.find((t) => t.id === id)?.name ?? id;

export const NR_MODEL = nrModelSchema.parse({
  version: '2026-1',
  themes: [
    {
      id: 'gouvernance',
      name: nameOf('gouvernance'),
      questions: [
        {
          id: 'gouvernance.elu',
          text: 'Un élu porte-t-il le numérique responsable au sein de l’exécutif ?',
          levels: [
            'Aucun élu n’a ce sujet dans sa délégation.',
            'Un élu s’y intéresse, sans que ce soit écrit dans sa délégation.',
            'La délégation d’un élu mentionne le numérique responsable ; il en rend compte en bureau ou en conseil.',
            'L’élu délégué présente chaque année le bilan de la démarche au conseil et arbitre ses priorités.',
          ],
        },
        {
          id: 'gouvernance.referent',
          text: 'Un agent référent numérique responsable est-il nommé ?',
          levels: [
            'Personne n’est chargé du sujet.',
            'Un agent s’en occupe de sa propre initiative, sans temps dédié.',
            'Un référent est nommé, avec un temps identifié dans sa fiche de poste.',
            'Le référent anime un réseau de relais dans les services et a un temps suffisant, évalué chaque année.',
          ],
        },
        {
          id: 'gouvernance.strategie',
          text: 'La collectivité a-t-elle une stratégie numérique responsable écrite ?',
          levels: [
            'Aucune stratégie ni feuille de route.',
            'Des intentions sont exprimées, sans document adopté.',
            'Une feuille de route avec objectifs et actions est validée par la direction générale.',
            'La stratégie (objectifs, mesures, indicateurs) est adoptée en conseil et revue chaque année.',
          ],
        },
        {
          id: 'gouvernance.budget',
          text: 'Le numérique responsable a-t-il une ligne budgétaire ?',
          levels: [
            'Aucun budget n’y est consacré.',
            'Des dépenses ponctuelles, prises sur d’autres lignes.',
            'Une ligne budgétaire identifiée est votée chaque année.',
            'Le budget est suivi, ses effets mesurés et il est ajusté au vu des résultats.',
          ],
        },
        {
          id: 'gouvernance.transversalite',
          text: 'La démarche associe-t-elle les directions et d’autres démarches de transition (plan climat, Territoire engagé) ?',
          levels: [
            'Le sujet reste cantonné au service informatique, quand il existe.',
            'Quelques directions sont informées.',
            'Un comité réunit informatique, achats, ressources humaines et transition écologique.',
            'La démarche est intégrée au plan climat ou au programme de transition, avec des objectifs partagés.',
          ],
        },
      ],
    },
    {
      id: 'sensibilisation',
      name: nameOf('sensibilisation'),
      questions: [
        {
          id: 'sensibilisation.cleanup-day',
          text: 'La collectivité participe-t-elle à des temps forts comme le Digital Clean Up Day ?',
          levels: [
            'Jamais.',
            'Une participation ponctuelle, à l’initiative de quelques agents.',
            'Une participation organisée, annoncée à tous les agents, avec un bilan (volumes supprimés, matériel collecté).',
            'Chaque année, ouverte aux habitants et aux partenaires, avec des résultats suivis d’une année sur l’autre.',
          ],
        },
        {
          id: 'sensibilisation.formation-agents',
          text: 'Les agents sont-ils formés aux gestes du numérique responsable ?',
          levels: [
            'Aucune formation ni information.',
            'Une information ponctuelle (courriel, affiche, article interne).',
            'Une formation ou un atelier proposé à tous, suivi par une part mesurée des agents.',
            'La formation fait partie de l’accueil des nouveaux agents et du plan de formation ; la part d’agents formés est suivie.',
          ],
        },
        {
          id: 'sensibilisation.entretiens',
          text: 'Les bonnes pratiques numériques figurent-elles dans les entretiens annuels ?',
          levels: [
            'Non.',
            'Certains encadrants en parlent de leur propre chef.',
            'Un item sur les bonnes pratiques figure dans la fiche d’évaluation individuelle.',
            'L’item est rempli pour tous les agents et ses enseignements nourrissent le plan d’action.',
          ],
        },
        {
          id: 'sensibilisation.elus',
          text: 'Les élus sont-ils sensibilisés à l’impact environnemental du numérique ?',
          levels: [
            'Jamais abordé avec les élus.',
            'Une présentation ponctuelle.',
            'Une séance de sensibilisation a eu lieu pour l’ensemble du conseil.',
            'Les élus sont sensibilisés à chaque mandat et s’appuient sur des repères chiffrés pour décider.',
          ],
        },
        {
          id: 'sensibilisation.habitants',
          text: 'La collectivité sensibilise-t-elle les habitants (médiathèques, écoles, conseillers numériques) ?',
          levels: [
            'Aucune action envers les habitants.',
            'Des informations dans le magazine ou sur le site.',
            'Des ateliers réguliers (réparation, sobriété, tri des équipements) avec les acteurs locaux.',
            'Un programme annuel avec des partenaires, dont la fréquentation et les effets sont suivis.',
          ],
        },
      ],
    },
    {
      id: 'achats',
      name: nameOf('achats'),
      questions: [
        {
          id: 'achats.reconditionne',
          text: 'Quelle part des achats informatiques est issue du réemploi ou reconditionnée (la loi AGEC en demande 20 % de la dépense annuelle) ?',
          levels: [
            'Aucun achat reconditionné, ou la part n’est pas connue.',
            'Quelques achats reconditionnés, moins de 20 % de la dépense.',
            'Au moins 20 % de la dépense annuelle, part calculée chaque année.',
            'Nettement plus de 20 %, avec un objectif de hausse suivi et publié.',
          ],
        },
        {
          id: 'achats.criteres',
          text: 'Les marchés de matériel et de services numériques comportent-ils des critères environnementaux ?',
          levels: [
            'Aucun critère environnemental.',
            'Des critères génériques, peu pondérés.',
            'Des critères précis (réparabilité, durée de garantie, consommation, labels) dans chaque marché numérique.',
            'Des critères pondérés de façon significative, dont le respect est vérifié pendant l’exécution.',
          ],
        },
        {
          id: 'achats.duree-vie',
          text: 'Les achats visent-ils une longue durée d’usage (garantie, pièces détachées, réparabilité) ?',
          levels: [
            'Le prix d’achat est le seul critère.',
            'La durée de garantie est parfois regardée.',
            'Garantie étendue, disponibilité des pièces et indice de réparabilité sont demandés.',
            'Le coût global sur la durée de vie guide les choix ; la durée réelle d’usage est mesurée.',
          ],
        },
        {
          id: 'achats.besoin',
          text: 'Le besoin est-il questionné avant chaque achat (mutualisation, matériel existant, juste dimensionnement) ?',
          levels: [
            'On achète à la demande.',
            'Certaines demandes sont discutées.',
            'Toute demande passe par une validation qui vérifie le besoin et le matériel disponible.',
            'Des règles écrites (dotation type, mutualisation des imprimantes, pas de double équipement) s’appliquent et sont revues.',
          ],
        },
        {
          id: 'achats.groupement',
          text: 'La collectivité s’appuie-t-elle sur des groupements ou centrales d’achat responsables ?',
          levels: [
            'Non.',
            'Occasionnellement, sans regarder leurs engagements environnementaux.',
            'Les groupements choisis proposent du reconditionné et des critères environnementaux.',
            'La collectivité contribue à définir les critères du groupement et partage ses retours.',
          ],
        },
      ],
    },
    {
      id: 'parc',
      name: nameOf('parc'),
      questions: [
        {
          id: 'parc.inventaire',
          text: 'Le parc d’équipements (postes, écrans, téléphones, imprimantes, tablettes) est-il inventorié ?',
          levels: [
            'Pas d’inventaire.',
            'Un inventaire partiel ou ancien.',
            'Un inventaire complet et à jour, avec l’âge de chaque équipement.',
            'L’inventaire alimente des indicateurs (âge moyen, taux d’équipement) suivis chaque année.',
          ],
        },
        {
          id: 'parc.allongement',
          text: 'La durée de vie des équipements est-elle allongée (réparation, mise à niveau, système plus léger) ?',
          levels: [
            'Les équipements sont remplacés dès les premiers signes de lenteur.',
            'Quelques réparations au cas par cas.',
            'Réparation et mise à niveau passent avant tout remplacement ; une durée minimale d’usage est fixée.',
            'La durée moyenne d’usage est mesurée et dépasse l’objectif fixé.',
          ],
        },
        {
          id: 'parc.reemploi',
          text: 'Les équipements dont la collectivité n’a plus l’usage sont-ils donnés ou remis en circulation ?',
          levels: [
            'Ils sont stockés ou jetés.',
            'Quelques dons ponctuels.',
            'Une filière organisée (associations, écoles, reconditionneur) reçoit le matériel, données effacées.',
            'Le nombre d’équipements redistribués est suivi et publié chaque année.',
          ],
        },
        {
          id: 'parc.recyclage',
          text: 'Les équipements hors d’usage partent-ils vers une filière de recyclage agréée ?',
          levels: [
            'Pas de filière identifiée.',
            'Des enlèvements ponctuels, sans bordereau.',
            'Une filière agréée de traitement des déchets électroniques, avec bordereaux de suivi.',
            'Les tonnages sont suivis chaque année et le stock de matériel inutilisé est vidé régulièrement.',
          ],
        },
        {
          id: 'parc.collecte-smartphones',
          text: 'La collectivité collecte-t-elle les téléphones usagés (agents et habitants) ?',
          levels: [
            'Aucune collecte.',
            'Une collecte ponctuelle.',
            'Des boîtes de collecte dans les bâtiments publics, avec un éco-organisme partenaire.',
            'La collecte est permanente, le nombre de téléphones collectés est suivi et communiqué.',
          ],
        },
      ],
    },
    {
      id: 'reseaux-donnees',
      name: nameOf('reseaux-donnees'),
      questions: [
        {
          id: 'reseaux-donnees.messagerie',
          text: 'Les boîtes aux lettres électroniques sont-elles nettoyées et leur volume suivi ?',
          levels: [
            'Aucune action sur la messagerie.',
            'Des conseils de nettoyage ont été diffusés.',
            'Une campagne de nettoyage a eu lieu et le volume total de la messagerie est suivi.',
            'Des quotas et un archivage sont en place ; le volume est suivi au fil des mois et reste maîtrisé.',
          ],
        },
        {
          id: 'reseaux-donnees.stockage',
          text: 'Le stockage des données (serveurs, partages, sauvegardes) est-il maîtrisé ?',
          levels: [
            'Les données s’accumulent sans règle.',
            'Des nettoyages occasionnels.',
            'Des règles de conservation et des durées d’archivage sont définies par type de document.',
            'Les règles sont appliquées, les doublons supprimés et le volume stocké suit un objectif.',
          ],
        },
        {
          id: 'reseaux-donnees.pieces-jointes',
          text: 'Les agents partagent-ils des liens plutôt que des pièces jointes lourdes ?',
          levels: [
            'Les pièces jointes lourdes circulent largement.',
            'Certains services utilisent des liens de partage.',
            'Un espace de partage commun est proposé et son usage recommandé à tous.',
            'Le partage par lien est la règle ; la taille des pièces jointes est limitée.',
          ],
        },
        {
          id: 'reseaux-donnees.extinction',
          text: 'Les équipements de réseau et d’impression sont-ils éteints ou mis en veille hors des heures d’ouverture ?',
          levels: [
            'Tout reste allumé en permanence.',
            'Quelques équipements sont éteints manuellement.',
            'Une extinction ou une veille programmée couvre imprimantes et équipements non indispensables.',
            'La programmation couvre tous les bâtiments et la consommation électrique évitée est estimée.',
          ],
        },
        {
          id: 'reseaux-donnees.hebergement',
          text: 'L’hébergement des services et des données tient-il compte de son impact (mutualisation, centre de données efficace) ?',
          levels: [
            'Le sujet n’est pas pris en compte.',
            'Des serveurs locaux anciens, sans réflexion sur leur efficacité.',
            'Hébergement mutualisé ou centre de données choisi notamment pour son efficacité énergétique.',
            'L’impact de l’hébergement est mesuré et les services inutilisés sont régulièrement retirés.',
          ],
        },
      ],
    },
    {
      id: 'usages',
      name: nameOf('usages'),
      questions: [
        {
          id: 'usages.extinction-postes',
          text: 'Les postes de travail sont-ils éteints le soir et le week-end ?',
          levels: [
            'Les postes restent allumés.',
            'Une consigne existe, peu suivie.',
            'Une consigne d’extinction est diffusée et rappelée ; la mise en veille est paramétrée.',
            'Une extinction automatique est programmée et la part de postes éteints la nuit est mesurée.',
          ],
        },
        {
          id: 'usages.impression',
          text: 'L’impression est-elle paramétrée par défaut en noir et blanc et en recto verso ?',
          levels: [
            'Aucun paramétrage : couleur et recto simple par défaut.',
            'Paramétrage sur une partie des postes ou des copieurs.',
            'Noir et blanc et recto verso par défaut sur tous les postes et copieurs.',
            'Le nombre de pages imprimées est suivi par service et baisse d’une année sur l’autre.',
          ],
        },
        {
          id: 'usages.polices',
          text: 'Des polices de caractères économes en encre sont-elles utilisées par défaut ?',
          levels: [
            'Non.',
            'Recommandées, sans paramétrage.',
            'Paramétrées par défaut dans les modèles de documents et les postes.',
            'Intégrées à la charte graphique et aux modèles de tous les services.',
          ],
        },
        {
          id: 'usages.visioconference',
          text: 'Les réunions à distance sont-elles pratiquées de façon sobre (visioconférence raisonnée, caméra coupée quand elle n’est pas utile) ?',
          levels: [
            'Aucune règle.',
            'Des conseils diffusés occasionnellement.',
            'Une règle d’usage est partagée (audio par défaut, résolution réduite, durée limitée).',
            'La règle est suivie, et l’arbitrage entre déplacement et visioconférence tient compte des deux impacts.',
          ],
        },
        {
          id: 'usages.equipements-personnels',
          text: 'Le nombre d’équipements par agent est-il limité (un seul écran si suffisant, pas de double téléphone) ?',
          levels: [
            'Les équipements s’ajoutent sans règle.',
            'Des demandes sont parfois refusées.',
            'Une dotation type par métier est définie.',
            'La dotation est appliquée, revue chaque année et le taux d’équipement par agent baisse ou se stabilise.',
          ],
        },
      ],
    },
    {
      id: 'ecoconception',
      name: nameOf('ecoconception'),
      questions: [
        {
          id: 'ecoconception.rgesn',
          text: 'Les services numériques de la collectivité (site, démarches en ligne) sont-ils évalués selon le RGESN (78 critères en 9 familles) ?',
          levels: [
            'Le référentiel n’est pas connu.',
            'Le référentiel est connu ; quelques critères sont appliqués.',
            'Une évaluation du site principal selon le RGESN a été faite, avec un plan d’amélioration.',
            'Chaque service est évalué à sa création et à chaque refonte ; la déclaration d’écoconception est publiée.',
          ],
        },
        {
          id: 'ecoconception.rgaa',
          text: 'L’accessibilité des services numériques (RGAA) est-elle évaluée et déclarée ?',
          levels: [
            'Aucune évaluation, pas de déclaration d’accessibilité.',
            'Une déclaration existe, sans audit récent.',
            'Un audit RGAA récent, une déclaration à jour et un schéma pluriannuel publié.',
            'Les non-conformités sont corrigées selon le plan annuel et le taux de conformité progresse.',
          ],
        },
        {
          id: 'ecoconception.poids-pages',
          text: 'Le poids des pages et des documents publiés est-il maîtrisé ?',
          levels: [
            'Le poids des pages n’est jamais regardé.',
            'Des images sont parfois compressées.',
            'Un poids cible par page est fixé ; images et vidéos sont optimisées avant publication.',
            'Le poids des pages principales est mesuré régulièrement et respecte la cible.',
          ],
        },
        {
          id: 'ecoconception.cahier-charges',
          text: 'Les exigences d’écoconception et d’accessibilité figurent-elles dans les cahiers des charges des prestataires ?',
          levels: [
            'Non.',
            'Une mention générale.',
            'Des exigences précises (critères RGESN et RGAA, poids cible) figurent dans chaque cahier des charges.',
            'Les exigences sont vérifiées à la recette et conditionnent la réception du service.',
          ],
        },
        {
          id: 'ecoconception.sobriete-fonctionnelle',
          text: 'Les fonctions et contenus inutiles sont-ils retirés (pages peu consultées, services en double) ?',
          levels: [
            'Les contenus s’accumulent.',
            'Des nettoyages lors des refontes.',
            'Une revue annuelle des contenus et des fonctions, à partir des statistiques d’usage.',
            'Chaque nouvelle fonction est justifiée par un besoin mesuré ; les contenus obsolètes sont retirés en continu.',
          ],
        },
        {
          id: 'ecoconception.alternative',
          text: 'Une alternative non numérique reste-t-elle offerte aux habitants pour les démarches en ligne ?',
          levels: [
            'Certaines démarches ne sont possibles qu’en ligne.',
            'Un accueil au guichet existe, sans accompagnement au numérique.',
            'Chaque démarche a une alternative (guichet, téléphone) et un accompagnement est proposé.',
            'L’accompagnement est organisé avec les acteurs locaux et les difficultés signalées améliorent les démarches.',
          ],
        },
      ],
    },
  ],
});

/** Every question of the model, with its theme. */
export const NR_QUESTIONS: readonly (NrQuestion & { themeId: NrThemeId })[] = NR_MODEL.themes.flatMap((theme) =>
  theme.questions.map((q) => ({ ...q, themeId: theme.id })),
);

export const nrQuestionById = new Map(NR_QUESTIONS.map((q) => [q.id, q]));

/** The levels a question is answered on, 0 to 3. */
export const NR_LEVELS = MATURITY_LEVELS;
