import { formatNumber } from '../../platform/views/format.ts';
import { ACTOR_NAME_MAX, ACTOR_NAME_MIN, type ActorKind } from './actor.rules.ts';

const dateFormat = new Intl.DateTimeFormat('fr-FR', { dateStyle: 'long', timeZone: 'Europe/Paris' });
/** "12 mars 2026". */
export const formatDate = (date: Date) => dateFormat.format(date);

/** French texts of the actors module: the directory, the actor page, input checks and API messages. */
export const actorMessages = {
  menu: 'Acteurs',
  kinds: {
    company: 'Entreprise',
    association: 'Association',
    public_body: 'Organisme public',
  } satisfies Record<ActorKind, string>,
  /** Statuses of initiatives, as the initiatives catalogue names them. */
  /** Plural labels, for the directory’s filter. */
  kindsPlural: {
    company: 'Entreprises',
    association: 'Associations',
    public_body: 'Organismes publics',
  } satisfies Record<ActorKind, string>,
  fieldLabels: { name: 'Nom', kind: 'Type', website: 'Site web', siren: 'SIREN' },
  breadcrumb: 'Acteurs',
  /** The directory `/acteurs`. */
  directory: {
    title: 'Annuaire des acteurs',
    searchTitle: (q: string) => `Acteurs correspondant à « ${q} »`,
    description:
      'Les entreprises, associations et organismes publics qui travaillent avec les territoires : leurs initiatives numériques publiques et les territoires où ils interviennent.',
    lead: 'Les entreprises, associations et organismes publics qui travaillent avec les territoires, et les initiatives publiques auxquelles ils participent.',
    fieldLabels: { q: 'Nom', kind: 'Type', page: 'Page' },
    searchLabel: 'Chercher un acteur',
    queryLabel: 'Nom de l’acteur',
    queryHint: 'Par exemple : Ecologic, Emmaüs Connect. Les accents, les majuscules et les petites fautes de frappe sont tolérés.',
    searchButton: 'Rechercher',
    kindLabel: 'Type',
    allKinds: 'Tous',
    filterButton: 'Filtrer',
    resultCount: (n: number) => (n === 0 ? 'Aucun acteur trouvé' : `${formatNumber(n)} acteur${n > 1 ? 's' : ''}`),
    /** Non-breaking spaces keep each number with its word when the line wraps. */
    itemCounts: (initiatives: number, territories: number) =>
      `${formatNumber(initiatives)}\u00a0initiative${initiatives > 1 ? 's' : ''} publique${initiatives > 1 ? 's' : ''} dans ${formatNumber(territories)}\u00a0territoire${territories > 1 ? 's' : ''}`,
    noResultHelp: (filtered: boolean) =>
      `Vérifiez l’orthographe${filtered ? ' ou retirez le filtre de type' : ''}. Seuls les acteurs d’au moins une initiative publique figurent dans l’annuaire.`,
    allActors: 'Voir tous les acteurs',
    noActorYet:
      'Aucun acteur ne figure encore dans l’annuaire : il se remplit à mesure que les territoires publient leurs initiatives et y nomment leurs partenaires.',
    pastLastPage: (pages: number) => `Cette page est vide : les résultats tiennent sur ${formatNumber(pages)} page${pages > 1 ? 's' : ''}.`,
    firstPage: 'Revenir à la première page',
    /** On the home page, under « Autres territoires ». */
    homeLink: 'Trouver un partenaire parmi les acteurs',
  },
  query: {
    kindInvalid: 'doit valoir company (entreprise), association ou public_body (organisme public)',
    pageNotNumber: 'doit être un nombre',
    pageNotInteger: 'doit être un nombre entier',
    pageTooSmall: 'doit être supérieur ou égal à 1',
    pageTooLarge: (max: number) => `doit être inférieur ou égal à ${formatNumber(max)}`,
    withInitiativesInvalid: 'doit valoir true (acteurs d’au moins une initiative publique) ou false (tous les acteurs)',
  },
  input: {
    nameRequired: 'le nom est obligatoire',
    nameTooShort: `doit contenir au moins ${ACTOR_NAME_MIN} caractères`,
    nameTooLong: `doit contenir au plus ${ACTOR_NAME_MAX} caractères`,
    nameWithoutLetter: 'doit contenir au moins une lettre ou un chiffre',
    kindInvalid: 'doit valoir company (entreprise), association ou public_body (organisme public)',
    websiteInvalid: 'doit être une adresse web en http:// ou https://, par exemple https://www.exemple.fr',
    sirenFormat: 'doit comporter 9 chiffres, par exemple 552 100 554',
    sirenChecksum: 'n’est pas un numéro SIREN valide : vérifiez les chiffres',
    notText: 'doit être un texte',
  },
  page: {
    description: (kindLabel: string, name: string) => `${kindLabel} ${name} : les initiatives numériques des territoires auxquelles il participe.`,
    identity: 'Identité',
    kind: 'Type',
    website: 'Site web',
    siren: 'SIREN',
    initiativesTitle: 'Initiatives publiques',
    initiativeCount: (initiatives: number, territories: number) =>
      `${formatNumber(initiatives)}\u00a0initiative${initiatives > 1 ? 's' : ''} publique${initiatives > 1 ? 's' : ''} dans ${formatNumber(territories)}\u00a0territoire${territories > 1 ? 's' : ''}`,
    territoryInitiatives: (n: number) => `${formatNumber(n)} initiative${n > 1 ? 's' : ''}`,
    themes: 'Enjeux',
    publishedOn: (date: string) => `publiée le ${date}`,
    noInitiative: 'Aucune initiative publique ne mentionne encore cet acteur.',
    noInitiativeHelp:
      'Vous travaillez avec lui dans votre territoire ? Ajoutez-le comme partenaire de vos fiches d’initiative depuis votre espace : il apparaîtra ici dès leur publication.',
    findTerritory: 'Chercher un territoire',
    /** The two views of the initiatives, two links (they work without JavaScript). */
    viewsLabel: 'Afficher les initiatives',
    byTerritory: 'Par territoire',
    byTheme: 'Par enjeu',
    themeCount: (n: number) => `${formatNumber(n)} enjeu${n > 1 ? 'x' : ''} du référentiel couvert${n > 1 ? 's' : ''}`,
    themeInitiatives: (n: number) => `${formatNumber(n)} initiative${n > 1 ? 's' : ''}`,
    withoutTheme: 'Sans enjeu renseigné',
    themeHint: 'Une initiative qui couvre plusieurs enjeux figure sous chacun.',
    directoryLink: 'Tous les acteurs',
  },
  notFound: 'Aucun acteur ne correspond à ce lien. Il a peut-être été fusionné avec un autre ou le lien est incomplet.',
  api: {
    searchSummary: 'Chercher des acteurs (entreprises, associations, organismes publics), avec leurs initiatives publiques',
    searchDescription:
      'Chaque acteur avec initiativeCount (fiches publiques qui le nomment) et territoryCount (leurs territoires distincts), par pertinence avec q, sinon les plus actifs d’abord. withInitiatives=true (par défaut) : seuls les acteurs d’au moins une fiche publique. Pour qui rédige des fiches (contributeur, référent, administration), la valeur par défaut est withInitiatives=false : tous les acteurs, pour retrouver l’existant en saisissant une fiche ; withInitiatives=false est refusé aux autres.',
    detailsSummary: 'Fiche d’un acteur',
    createSummary: 'Ajouter un acteur, ou retrouver celui qui porte déjà ce nom',
    notFound: (id: string) => `Aucun acteur ne porte l’identifiant « ${id} ».`,
    badId: 'doit être un identifiant (UUID), par exemple 3f2b8c1e-0a4d-4c6e-9b7a-2d5e8f1a6c3b',
    queryTooLong: 'au plus 200 caractères',
    limitInvalid: 'doit être un nombre entier entre 1 et 50',
    everyActorRefused: 'La liste de tous les acteurs (withInitiatives=false) est réservée aux personnes qui rédigent des fiches d’initiative.',
  },
} as const;
