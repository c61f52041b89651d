import { nrThemeName as nameOf } from './nr-themes.rules.ts';

/** The diagnostic's questions of the themes « gouvernance », « sensibilisation », « achats » and « parc » (nr-model.data.ts assembles and checks the model). */
export const ORGANISATION_THEMES = [
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
        text: 'Quelle part des achats informatiques est issue du réemploi ou reconditionnée (la loi AGEC en demande 20\u202f% de la dépense annuelle) ?',
        levels: [
          'Aucun achat reconditionné, ou la part n’est pas connue.',
          'Quelques achats reconditionnés, moins de 20\u202f% de la dépense.',
          'Au moins 20\u202f% de la dépense annuelle, part calculée chaque année.',
          'Nettement plus de 20\u202f%, avec un objectif de hausse suivi et publié.',
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
];
