import type { ComponentChildren } from 'preact';
import { countOf, formatNumber } from '../../platform/views/format.ts';
import type { DraftIssue } from './referential.rules.ts';

const services = (n: number) => countOf(n, 'service', 'services');

/** French texts of the referential module: public pages, administration, errors and API. */
export const referentialMessages = {
  menu: 'Référentiel',
  /** Label of the link in the site header and on the home page. */
  homeLink: 'Consulter le référentiel des services numériques',
  breadcrumb: 'Référentiel',
  services,
  responsibleDigitalBadge: 'Numérique responsable',
  states: {
    draft: 'Brouillon',
    published: 'Publiée',
  },
  public: {
    title: 'Référentiel des services numériques',
    titleOfVersion: (version: string) => `Référentiel des services numériques, version ${version}`,
    description: (version: string) => `Les services numériques rendus à la population, classés en 4 axes et 16 enjeux : le référentiel ${version} du label.`,
    intro:
      'Le référentiel classe les services numériques que les territoires rendent à leur population en 4 axes et 16 enjeux. Chaque initiative documentée sur arobase couvre au moins un de ces services ; le référentiel est mis à jour pour chaque édition du label.',
    facts: {
      version: 'Version',
      publishedAt: 'Publiée le',
      editions: 'Éditions',
      services: 'Services',
      responsibleDigital: 'Dont numérique responsable',
    },
    currentVersion: (version: string) => `Version ${version}, en vigueur`,
    pastVersion: (version: string, current: string) => `Version ${version}, remplacée depuis par la version ${current}.`,
    currentLink: 'Voir la version en vigueur',
    versionsTitle: 'Versions',
    versionsIntro:
      'Chaque version sert aux éditions du label à partir de celle dont elle porte le nom, jusqu’à la version suivante\u00a0; les versions passées restent consultables. Les palmarès des éditions passées, importés, ne disent pas sur quel référentiel elles ont été jugées.',
    servedEditions: (from: number, to: number | null) =>
      to === null
        ? `Sert aux candidatures des éditions ${from} et suivantes`
        : to === from
          ? `A servi à l’édition ${from}`
          : `A servi aux éditions ${from} à ${to}`,
    versionItem: (version: string, date: string) => `Version ${version}, publiée le ${date}`,
    inForce: ' (en vigueur)',
    contentsTitle: 'Sommaire',
    contentsLabel: 'Sommaire du référentiel',
    responsibleDigitalHelp:
      'La mention « Numérique responsable » signale les services qui réduisent l’empreinte environnementale du numérique : réemploi, sobriété, écoconception, collecte.',
    apiHint: (link: ComponentChildren): ComponentChildren => ['Le référentiel est aussi disponible en JSON, pour vos outils : ', link, '.'],
    versionCrumb: (version: string) => `Version ${version}`,
    axisCount: (themes: number, count: number) => `${countOf(themes, 'enjeu', 'enjeux')}, ${services(count)}`,
    notFound: (version: string) =>
      `Aucune version publiée du référentiel ne s’appelle « ${version} ». Consultez la liste des versions sur la page du référentiel.`,
  },
  admin: {
    title: 'Référentiel',
    home: {
      title: 'Référentiel',
      summary: 'Préparer la version de la prochaine édition : renommer, ajouter, déplacer ou retirer des services, puis la publier.',
    },
    versionsTitle: 'Versions',
    versionsCaption: 'Toutes les versions du référentiel, de la plus récente à la plus ancienne',
    versionColumn: 'Version',
    stateColumn: 'État',
    basedOnColumn: 'Copiée de',
    publishedAtColumn: 'Publiée le',
    servicesColumn: 'Services',
    inForce: 'Publiée, en vigueur',
    none: '—',
    prepareTitle: 'Préparer la version suivante',
    prepareIntro: (current: string) =>
      `La nouvelle version part d’une copie de la version en vigueur (${current}). Vous la modifiez à loisir, puis la publiez : elle devient alors la version en vigueur, et les versions passées ne changent plus.`,
    draftInProgress: (draft: string) => `Un brouillon est en préparation : version ${draft}. Publiez-le ou supprimez-le avant d’en préparer un autre.`,
    openDraft: (draft: string) => `Modifier le brouillon ${draft}`,
    versionLabel: 'Nom de la nouvelle version',
    versionHint: 'En général, l’année de l’édition du label, par exemple 2028. Lettres, chiffres et tirets.',
    prepareSubmit: 'Préparer cette version',
    // Version page
    draftTitle: (version: string) => `Référentiel ${version} (brouillon)`,
    publishedTitle: (version: string) => `Référentiel ${version}`,
    publishedNotice: 'Cette version est publiée : elle ne change plus. Les territoires qui l’ont utilisée la retrouvent telle quelle.',
    publicLink: 'Voir sa page publique',
    backToList: 'Toutes les versions',
    draftIntro: (basedOn: string | null) =>
      basedOn
        ? `Ce brouillon est une copie de la version ${basedOn}. Il n’est visible que des administrateurs jusqu’à sa publication.`
        : 'Ce brouillon n’est visible que des administrateurs jusqu’à sa publication.',
    changesTitle: 'Changements par rapport à la version de départ',
    changes: {
      added: 'Services ajoutés',
      retired: 'Services retirés',
      edited: 'Services modifiés',
      moved: 'Services déplacés',
    },
    turnoverWarning: (percent: number) =>
      `Les ajouts et retraits représentent ${percent} % des services de la version de départ : le référentiel ne change d’habitude pas de plus d’un cinquième par an.`,
    retiredList: 'Retirés :',
    publishTitle: 'Publier ou supprimer',
    publishIntro: (min: number) =>
      `À la publication, chaque enjeu doit garder au moins ${min} services, et chaque service un nom et une description. La version publiée devient la version en vigueur et ne pourra plus être modifiée.`,
    publishSubmit: (version: string) => `Publier la version ${version}`,
    reviewPublication: (version: string) => `Vérifier puis publier la version ${version}`,
    restoreTitle: 'Rétablir un service retiré',
    restoreIntro:
      'Un service retiré de ce brouillon ou d’une version passée peut revenir avec son identifiant\u00a0: les fiches qui le citent gardent leur lien. Il reprend son nom et sa description de la dernière version publiée qui l’avait.',
    restoreSummary: (n: number) => `Services retirés que vous pouvez rétablir (${formatNumber(n)})`,
    restoreNone: 'Aucun service retiré à rétablir.',
    restoreIn: 'Rétablir dans l’enjeu',
    restoreSubmit: 'Rétablir',
    restoredFrom: (theme: string) => `Dernier enjeu\u00a0: ${theme}`,
    summary: {
      crumb: 'Publication',
      title: (version: string) => `Publier la version ${version}\u202f?`,
      intro: (version: string, basedOn: string) =>
        `Voici ce que la version ${version} change par rapport à la version ${basedOn}, en vigueur aujourd’hui. Relisez-le avant de publier\u00a0: une version publiée ne peut plus être modifiée ni dépubliée.`,
      nothing: 'Ce brouillon ne change rien par rapport à la version de départ.',
      added: (n: number) => `Services ajoutés (${formatNumber(n)})`,
      renamed: (n: number) => `Services renommés (${formatNumber(n)})`,
      described: (n: number) => `Descriptions modifiées (${formatNumber(n)})`,
      moved: (n: number) => `Services déplacés (${formatNumber(n)})`,
      retired: (n: number) => `Services retirés (${formatNumber(n)})`,
      renamedItem: (from: string, to: string) => `«\u00a0${from}\u00a0» devient «\u00a0${to}\u00a0»`,
      movedItem: (name: string, from: string, to: string) => `${name}\u00a0: de «\u00a0${from}\u00a0» vers «\u00a0${to}\u00a0»`,
      inTheme: (name: string, theme: string) => `${name} (${theme})`,
      sheets: (n: number) => (n === 0 ? 'aucune fiche' : countOf(n, 'fiche', 'fiches')),
      sheetsTitle: 'Fiches d’initiatives concernées',
      sheetsTotal: (n: number) =>
        n === 0
          ? 'Aucune fiche d’initiative ne cite un service retiré, renommé ou déplacé.'
          : `${countOf(n, 'fiche d’initiative cite', 'fiches d’initiatives citent')} un service retiré, renommé ou déplacé.`,
      sheetsExplain:
        'Les fiches gardent leurs services\u00a0: un service retiré reste affiché sur les fiches qui le citent, sous son dernier nom, et pourra être rétabli dans un prochain brouillon avec le même identifiant.',
      confirm: (version: string) => `Je confirme la publication de la version ${version}, qui ne pourra plus être modifiée`,
      submit: (version: string) => `Publier la version ${version}`,
      back: 'Revenir au brouillon sans publier',
      blocked: 'Corrigez d’abord le brouillon\u00a0:',
    },
    deleteSubmit: 'Supprimer le brouillon',
    deleteHint: 'Supprimer le brouillon efface toutes ses modifications ; la version en vigueur ne change pas.',
    addTitle: 'Ajouter un service',
    addIntro: 'Le nouveau service reçoit un identifiant stable tiré de son nom, qui ne sera jamais réutilisé.',
    addSubmit: 'Ajouter le service',
    servicesTitle: 'Services par enjeu',
    servicesIntro: 'Ouvrez un enjeu pour en modifier les services : les renommer, les déplacer vers un autre enjeu ou les retirer de cette version.',
    themeSummary: (name: string, count: number) => `${name} (${services(count)})`,
    serviceId: (id: string) => `Identifiant : ${id}`,
    editSummary: 'Modifier, déplacer ou retirer',
    marks: {
      added: 'Nouveau',
      edited: 'Modifié',
      moved: 'Déplacé',
    },
    retiredNone: 'Aucun service retiré pour l’instant.',
    issueTarget: (what: string, message: string) => `${what} : ${message}`,
    fields: {
      name: 'Nom du service',
      description: 'Description',
      descriptionHint: 'Une phrase : ce que le service apporte à la population.',
      responsibleDigital: 'Service de numérique responsable (réemploi, sobriété, écoconception, collecte…)',
      themeId: 'Enjeu',
      moveTo: 'Déplacer vers l’enjeu',
      version: 'Nom de la nouvelle version',
    },
    renameSubmit: 'Enregistrer',
    moveSubmit: 'Déplacer',
    retireSubmit: 'Retirer de cette version',
    /** Completes a repeated button label for screen readers: « Enregistrer », then the service. */
    forService: (name: string) => ` : ${name}`,
    chooseTheme: 'Choisir un enjeu',
    publishIssuesTitle: 'Cette version ne peut pas encore être publiée',
    notices: {
      created: (version: string) => `Le brouillon ${version} est prêt : c’est une copie de la version en vigueur.`,
      renamed: (name: string) => `Service « ${name} » enregistré.`,
      added: (name: string, id: string) => `Service « ${name} » ajouté, avec l’identifiant ${id}.`,
      moved: (name: string, theme: string) => `Service « ${name} » déplacé vers l’enjeu « ${theme} ».`,
      retired: (name: string) => `Service « ${name} » retiré de ce brouillon.`,
      restored: (name: string, theme: string) => `Service «\u00a0${name}\u00a0» rétabli dans l’enjeu «\u00a0${theme}\u00a0», avec son identifiant.`,
      published: (version: string) => `La version ${version} est publiée : c’est désormais la version en vigueur.`,
      deleted: (version: string) => `Le brouillon ${version} est supprimé.`,
    },
  },
  errors: {
    versionMissing: 'indiquez le nom de la version, par exemple 2028',
    serviceNotRetired: (id: string) => `le service «\u00a0${id}\u00a0» est déjà dans ce brouillon`,
    serviceNeverPublished: (id: string) => `Aucune version publiée du référentiel n’a de service «\u00a0${id}\u00a0».`,
    confirmationMissing: 'cochez la case pour confirmer la publication',
    versionInvalid: 'lettres, chiffres et tirets seulement, 20 caractères au plus, par exemple 2028',
    versionTaken: (version: string) => `une version « ${version} » existe déjà`,
    draftExists: (draft: string) => `le brouillon ${draft} est déjà en préparation : publiez-le ou supprimez-le d’abord`,
    versionPublished: (version: string) => `la version ${version} est publiée : une version publiée ne change plus`,
    versionNotFound: (version: string) => `Aucune version du référentiel ne s’appelle « ${version} ».`,
    serviceNotFound: (id: string, version: string) => `Le service « ${id} » n’est pas dans la version ${version} du référentiel.`,
    nameMissing: 'indiquez le nom du service',
    nameTooLong: (max: number) => `au plus ${max} caractères`,
    nameTaken: (name: string) => `un autre service de cette version s’appelle déjà « ${name} »`,
    descriptionMissing: 'indiquez une description d’une phrase',
    descriptionTooLong: (max: number) => `au plus ${max} caractères`,
    themeMissing: 'choisissez un enjeu',
    themeUnknown: (id: string) => `aucun enjeu « ${id} » dans cette version`,
    noPublishedVersion: 'Aucune version du référentiel n’est publiée.',
    issues: {
      themeTooSmall: (count: number, min: number) => `au moins ${min} services sont nécessaires, l’enjeu en compte ${formatNumber(count)}`,
      nameMissing: 'le service n’a pas de nom',
      descriptionMissing: 'le service n’a pas de description',
      duplicateId: 'cet identifiant apparaît deux fois',
      duplicateName: (other: string) => `même nom que le service ${other}`,
    },
  },
  api: {
    currentSummary: 'Référentiel en vigueur : axes, enjeux et services',
    versionSummary: 'Une version publiée du référentiel',
    notFound: (version: string) => `Aucune version publiée du référentiel ne s’appelle « ${version} ».`,
  },
} as const;

/** The French sentence of a problem that prevents publishing a draft. */
export function describeIssue(issue: DraftIssue): string {
  const e = referentialMessages.errors.issues;
  switch (issue.kind) {
    case 'themeTooSmall':
      return e.themeTooSmall(issue.count, issue.min);
    case 'nameMissing':
      return e.nameMissing;
    case 'descriptionMissing':
      return e.descriptionMissing;
    case 'duplicateId':
      return e.duplicateId;
    case 'duplicateName':
      return e.duplicateName(issue.sameAs);
  }
}
