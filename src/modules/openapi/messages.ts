import type { ComponentChildren } from 'preact';
import { formatNumber } from '../../platform/views/format.ts';

/**
 * French texts of the API documentation: the OpenAPI document’s description and the descriptions
 * it adds to routes, and the /api/docs page. Sentences that wrap markup (a link, a code sample) take
 * it as an argument, so the words around it stay together here.
 */
const openapiLocations: Record<string, string> = { query: 'dans la requête', path: 'dans le chemin', header: 'en-tête', cookie: 'cookie' };

export const openapiMessages = {
  document: {
    title: 'API arobase',
    /** CommonMark, as OpenAPI allows. */
    description: [
      'L’API publique d’arobase donne accès, en JSON, aux territoires, au référentiel du label, aux acteurs et aux initiatives numériques des territoires. Toutes ses adresses commencent par `/api/v1/`.',
      '',
      '- **Listes** : une liste répond `{ "items": [...], "total": N }`, où `total` compte tous les résultats et `items` la page demandée (paramètres `page` ou `limit` selon l’opération).',
      '- **Erreurs** : une erreur répond un code HTTP 4xx et `{ "error", "message", "field" }` ; `message` est en français et `field` nomme le paramètre ou le champ fautif.',
      '- **Authentification** : la lecture des données publiques est libre. Les écritures (POST, PATCH, DELETE) demandent un jeton d’API personnel `arb_…`, créé depuis la page /compte et envoyé dans l’en-tête `Authorization: Bearer arb_…`.',
      '- **Versions** : `PATCH` exige la version lue (champ `version` ou en-tête `If-Match`) et répond 409 si la ressource a changé entre-temps.',
    ].join('\n'),
    bearerDescription: 'Jeton d’API personnel (`arb_…`), créé depuis la page /compte : en-tête `Authorization: Bearer arb_…`.',
    errorFields: {
      error: 'Code de l’erreur, par exemple bad_request ou not_found',
      message: 'Explication en français, à montrer telle quelle',
      field: 'Le paramètre ou le champ fautif, quand il y en a un',
      fields: 'Chaque champ fautif avec son message, quand il y en a plusieurs',
    },
    /** The description of a response code when the route’s schema gives none. */
    responses: {
      200: 'Réussite',
      201: 'Créé',
      204: 'Réussite, sans contenu',
      400: 'Paramètre ou champ invalide, nommé dans field',
      401: 'Authentification requise : jeton absent, invalide ou révoqué',
      403: 'Droits insuffisants',
      404: 'Introuvable',
      409: 'Conflit : la ressource a changé depuis la version lue',
      413: 'Fichier trop volumineux',
      415: 'Type de fichier non accepté',
      429: 'Trop de requêtes : réessayez plus tard',
      503: 'Service indisponible',
    } as Record<string, string>,
    otherResponse: (code: string) => `Réponse ${code}`,
  },
  page: {
    title: 'Documentation de l’API',
    description: 'L’API publique d’arobase : territoires, référentiel, acteurs et initiatives en JSON, avec son document OpenAPI.',
    breadcrumb: 'API',
    lead: (version: string) => `Version ${version}. Les données publiques d’arobase en JSON, pour vos outils, tableaux de bord et sites.`,
    toc: 'Sommaire',
    introTitle: 'Présentation',
    intro: (prefix: ComponentChildren, baseUrl: ComponentChildren): ComponentChildren => [
      'L’API publique donne accès, en JSON, aux territoires, au référentiel du label, aux acteurs et aux initiatives numériques des territoires. Toutes ses adresses commencent par ',
      prefix,
      ', sur ',
      baseUrl,
      '.',
    ],
    documentText: (link: ComponentChildren): ComponentChildren => [
      'Le document OpenAPI 3 de l’API, à donner à vos outils (générateurs de clients, tests) : ',
      link,
      '. Cette page en est tirée : elle décrit toujours les mêmes opérations.',
    ],
    authTitle: 'Authentification',
    authPublic: 'La lecture des données publiques est libre, sans compte ni jeton.',
    authToken: (account: ComponentChildren, header: ComponentChildren): ComponentChildren => [
      'Les écritures (POST, PATCH, DELETE) et les données d’un compte demandent un jeton d’API personnel, qui commence par « arb_ ». Créez-le depuis ',
      account,
      ', puis envoyez-le dans chaque requête : ',
      header,
      '.',
    ],
    authAccount: 'votre compte',
    authRights:
      'Le jeton agit avec les droits de son titulaire : un contributeur n’écrit que dans ses territoires. Révoquez-le depuis la même page s’il a pu être divulgué.',
    listsTitle: 'Listes et pagination',
    lists: (shape: ComponentChildren): ComponentChildren => [
      'Une liste répond ',
      shape,
      ' : « total » compte tous les résultats, « items » contient la page demandée.',
    ],
    pagination: (page: ComponentChildren, limit: ComponentChildren): ComponentChildren => [
      'Selon l’opération, le paramètre ',
      page,
      ' (à partir de 1) choisit la page, ou ',
      limit,
      ' le nombre de résultats : voyez les paramètres de chaque opération.',
    ],
    errorsTitle: 'Erreurs',
    errors: (shape: ComponentChildren): ComponentChildren => [
      'Une erreur répond un code HTTP 4xx et ',
      shape,
      ' : « message » est une phrase en français, à montrer telle quelle, et « field » nomme le paramètre ou le champ fautif.',
    ],
    concurrency: (ifMatch: ComponentChildren): ComponentChildren => [
      'Une modification (PATCH) exige la version lue, dans le champ « version » du corps ou dans l’en-tête ',
      ifMatch,
      ' : si la ressource a changé entre-temps, la réponse est 409 et rien n’est écrasé.',
    ],
    operationsTitle: 'Opérations',
    tagTitle: (tag: string) => tag.charAt(0).toLocaleUpperCase('fr-FR') + tag.slice(1),
    operationCount: (n: number) => (n === 1 ? '1 opération' : `${n} opérations`),
    authRequired: 'Jeton requis',
    authRequiredText: 'Authentification requise : jeton d’API (en-tête Authorization: Bearer) ou session.',
    parameters: 'Paramètres',
    parametersCaption: (operation: string) => `Paramètres de ${operation}`,
    body: 'Corps de la requête',
    bodyCaption: (operation: string) => `Champs du corps de ${operation}`,
    bodyType: (types: string) => `Type de contenu : ${types}.`,
    freeBody: 'Un objet JSON ; le schéma de l’opération ne détaille pas ses champs.',
    responses: 'Réponses',
    responsesCaption: (operation: string) => `Réponses de ${operation}`,
    columns: {
      name: 'Paramètre',
      field: 'Champ',
      type: 'Type',
      description: 'Description',
      code: 'Code',
    },
    /** Under a parameter’s name: where it goes and whether it must be given. */
    fieldMeta: (location: string | undefined, required: boolean) =>
      [location ? (openapiLocations[location] ?? location) : null, required ? 'obligatoire' : 'facultatif'].filter(Boolean).join(' · '),
    none: '—',
    noOperation: 'Aucune opération publiée pour le moment.',
    untagged: 'Autres',
  },
  /** Readable types of JSON Schema values. */
  types: {
    string: 'texte',
    integer: 'entier',
    number: 'nombre',
    boolean: 'booléen',
    object: 'objet',
    array: 'liste',
    null: 'null',
    any: 'toute valeur',
    listOf: (item: string) => `liste de ${item}`,
    oneOf: (values: string[]) => `une valeur parmi : ${values.join(', ')}`,
    or: ' ou ',
    nullable: (type: string) => `${type} ou null`,
    formats: {
      uuid: 'identifiant UUID',
      date: 'date AAAA-MM-JJ',
      'date-time': 'date et heure ISO 8601',
      email: 'adresse électronique',
      uri: 'adresse web',
      url: 'adresse web',
    } as Record<string, string>,
    lengthBetween: (min: number, max: number) => `${formatNumber(min)} à ${formatNumber(max)} caractères`,
    maxLength: (max: number) => `${formatNumber(max)} caractères au plus`,
    minLength: (min: number) => `${formatNumber(min)} caractères au moins`,
    between: (min: number, max: number) => `de ${formatNumber(min)} à ${formatNumber(max)}`,
    maximum: (max: number) => `${formatNumber(max)} au plus`,
    minimum: (min: number) => `${formatNumber(min)} au moins`,
    defaultValue: (value: string) => `par défaut : ${value}`,
  },
};
