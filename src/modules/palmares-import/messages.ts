import { countOf, formatNumber } from '../../platform/views/format.ts';

const q = (s: string) => `« ${s} »`;
const rows = (n: number) => countOf(n, 'ligne', 'lignes');

/** French texts of the palmarès history import: report, command line, administration pages. */
export const importMessages = {
  check: {
    noSuchRow: (key: string, last: number) => `il n’y a pas de ligne ${q(key)} dans le fichier (lignes 1 à ${last})`,
    unknownCode: (code: string) => `aucun territoire n’a le code ${q(code)} (code INSEE d’une commune, SIREN d’une intercommunalité)`,
    decisionOnInvalidRow: (row: number) => `la ligne ${row} est invalide : corrigez le fichier ou ignorez-la`,
    chosenCandidate: 'choisi parmi les candidats',
    chosenCode: (code: string) => `choisi par son code ${code}`,
    duplicate: (name: string, year: number, first: number, row: number) =>
      `nom : ${name} figure déjà dans l’édition ${year} à la ligne ${first} (lignes ${first} et ${row})`,
    unknownDepartment: (value: string) => `département : ${q(value)} inconnu (un code comme 49 ou 2A, ou un nom comme Maine-et-Loire)`,
    deliberated: (name: string, year: number) => `niveau : le résultat de ${name} en ${year} vient de la délibération du jury ; un import ne le remplace pas`,
    editionNotPublished: (year: number) => `année : l’édition ${year} est en cours, pas encore publiée ; son palmarès viendra de la délibération du jury`,
    unknownDistinctions: (labels: string[], known: string[]) =>
      `distinctions : ${labels.map(q).join(', ')} ${labels.length > 1 ? 'inconnues' : 'inconnue'} (connues : ${known.join(', ')})`,
    excellenceIgnored: (label: string) =>
      `distinctions : ${q(label)} non repris, cette distinction est accordée par la règle des labels consécutifs à 5 @, pas par le fichier`,
    decisionError: (row: number, message: string) => (row > 0 ? `ligne ${row} : ${message}` : message),
    unresolved: (total: number, ambiguous: number, notFound: number, invalid: number) =>
      `${rows(total)} ${total > 1 ? 'ne sont pas résolues' : 'n’est pas résolue'} ` +
      `(${[ambiguous ? countOf(ambiguous, 'ambiguë', 'ambiguës') : '', notFound ? countOf(notFound, 'introuvable', 'introuvables') : '', invalid ? countOf(invalid, 'invalide', 'invalides') : ''].filter(Boolean).join(', ')}) : ` +
      'choisissez un territoire ou « ignorer » pour chacune, ou importez en laissant de côté les lignes non résolues',
  },
  store: {
    tooLarge: (megabytes: number) => `le fichier dépasse ${megabytes} Mo : découpez-le par édition`,
    notCsv: 'le fichier doit être un CSV (texte en UTF-8) : dans le tableur, « Enregistrer sous » puis « CSV UTF-8 »',
    fileRequired: 'choisissez le fichier CSV du palmarès',
    defaultFileName: 'palmares.csv',
    notFound: 'Cet import n’existe pas.',
    alreadyApplied: 'Cet import a déjà été appliqué : ses choix ne peuvent plus changer.',
    nothingToImport: 'aucune ligne n’est reconnue\u00a0: choisissez les territoires des lignes à trancher avant d’importer',
    excellence: {
      empty: 'indiquez un nombre',
      outOfRange: (min: number, max: number) => `un nombre entier de ${min} à ${max}`,
    },
  },
  cli: {
    description: 'Vérifie un palmarès passé (CSV : année, nom, département, niveau, distinctions) et, avec --apply, l’importe.',
    usage: 'arobase import-palmares FICHIER.csv [--apply] [--json] [--skip-unmatched] [--choose LIGNE=CODE …]',
    missingFile: 'Indiquez le fichier CSV du palmarès.',
    tooManyFiles: (files: string[]) => `Un seul fichier à la fois (reçu : ${files.join(', ')}).`,
    unreadable: (file: string, reason: string) => `${file} : fichier illisible (${reason}).`,
    notFound: (file: string) => `${file} : fichier introuvable.`,
    fileError: (file: string, message: string) => `${file} : ${message}.`,
    badChoice: (value: string) => `--choose ${q(value)} : écrivez LIGNE=CODE (par exemple 12=49353) ou LIGNE=skip pour ignorer la ligne.`,
    choiceRefused: (row: number, message: string) => (row > 0 ? `--choose ligne ${row} : ${message}` : `--choose : ${message}`),
    title: (file: string, n: number) => `Vérification de ${file} : ${rows(n)}.`,
    counts: (matched: number, ambiguous: number, notFound: number, invalid: number, skipped: number) =>
      `  ${countOf(matched, 'reconnue', 'reconnues')}, ${countOf(ambiguous, 'ambiguë', 'ambiguës')}, ${countOf(notFound, 'introuvable', 'introuvables')}, ` +
      `${countOf(invalid, 'invalide', 'invalides')}, ${countOf(skipped, 'ignorée', 'ignorées')}.`,
    matchedTitle: 'Lignes reconnues :',
    ambiguousTitle: 'Lignes ambiguës (à trancher avec --choose LIGNE=CODE) :',
    notFoundTitle: 'Lignes introuvables (--choose LIGNE=CODE si vous connaissez le territoire) :',
    invalidTitle: 'Lignes invalides (à corriger dans le fichier) :',
    skippedTitle: 'Lignes ignorées :',
    notesTitle: 'Remarques :',
    row: (row: number) => `ligne ${row}`,
    written: (input: { year: number; name: string; department: string; level: number }) =>
      `${input.year} · ${input.name}${input.department ? ` (${input.department})` : ''} · ${input.level} @`,
    nothingWritten: 'Rien n’a été importé.',
    howToApply: (command: string) => `Pour importer : ${command} --apply`,
    howToResolve: (n: number) =>
      `Avant cela, tranchez ${n > 1 ? `les ${formatNumber(n)} lignes non résolues` : 'la ligne non résolue'} avec --choose LIGNE=CODE ` +
      '(ou LIGNE=skip), ou ajoutez --skip-unmatched pour les laisser de côté.',
    refused: (message: string) => `Import refusé : ${message}.`,
    refusedHint: 'Ajoutez --choose LIGNE=CODE pour trancher, ou --skip-unmatched pour laisser ces lignes de côté.',
    applied: (imported: number, inserted: number, updated: number, unchanged: number) =>
      `Palmarès importé : ${rows(imported)} (${countOf(inserted, 'ajoutée', 'ajoutées')}, ${countOf(updated, 'modifiée', 'modifiées')}, ${countOf(unchanged, 'inchangée', 'inchangées')}).`,
    leftOut: (n: number) => `${rows(n)} ${n > 1 ? 'laissées' : 'laissée'} de côté.`,
    editions: (years: number[]) => (years.length ? `Éditions : ${years.join(', ')}.` : 'Aucune édition concernée.'),
  },
  admin: {
    cardTitle: 'Palmarès et import',
    cardSummary: 'Éditions publiées, règle du « Territoire d’excellence numérique », import des palmarès passés (CSV).',
    title: 'Palmarès : éditions et import',
    intro:
      'Les palmarès passés s’importent depuis un fichier CSV : chaque nom est rapproché d’un territoire officiel, les lignes douteuses vous sont soumises, et rien n’est importé à moitié.',
    steps: {
      label: 'Étapes de l’import',
      upload: 'Déposer le fichier',
      check: 'Vérifier et décider',
      apply: 'Importer',
      done: ' (terminée)',
      current: ' (étape en cours)',
    },
    upload: {
      title: 'Importer un palmarès',
      columns:
        'Colonnes attendues, dans la première ligne : année, nom, département, niveau, et si besoin distinctions (séparées par « | » ou « ; ») et type (commune, intercommunalité…).',
      example: 'Exemple : « 2019;Trélazé;49;5;@ verte ». Le département est un code (49, 2A) ou un nom.',
      file: 'Fichier CSV',
      fileHint: 'Format CSV en UTF-8, 5 Mo au plus. Rien n’est importé à cette étape : le fichier est d’abord vérifié.',
      submit: 'Vérifier le fichier',
    },
    imports: {
      title: 'Imports',
      caption: 'Les derniers fichiers déposés',
      empty: 'Aucun fichier déposé pour l’instant.',
      file: 'Fichier',
      createdAt: 'Déposé le',
      state: 'État',
      rows: 'Lignes importées',
      checked: 'Vérifié, pas encore importé',
      applied: (date: string) => `Importé le ${date}`,
    },
    editions: {
      title: 'Éditions publiées',
      caption: 'Éditions publiées, lauréats par niveau et distinctions',
      empty: 'Aucune édition publiée pour l’instant : importez un palmarès passé.',
      year: 'Édition',
      total: 'Lauréats',
      distinctions: 'Distinctions',
      none: '—',
    },
    excellence: {
      title: 'Territoire d’excellence numérique',
      intro:
        'Cette distinction n’est jamais saisie : une règle l’accorde aux territoires classés 5 @ plusieurs éditions de suite. Changer ses paramètres la réapplique aussitôt à tout l’historique.',
      consecutiveTopLevels: 'Labels consécutifs à 5 @ requis',
      consecutiveTopLevelsHint: 'De 1 à 30 éditions de suite.',
      validityYears: 'Durée de validité (éditions)',
      validityYearsHint: 'De 1 à 30 éditions, celle de l’attribution comprise.',
      submit: 'Enregistrer et réappliquer la règle',
      saved: (granted: number, revoked: number) =>
        `Paramètres enregistrés, règle réappliquée : ${countOf(granted, 'attribution ajoutée', 'attributions ajoutées')}, ${countOf(revoked, 'retirée', 'retirées')}.`,
    },
    fieldLabels: {
      file: 'Fichier CSV',
      consecutiveTopLevels: 'Labels consécutifs à 5 @ requis',
      validityYears: 'Durée de validité',
      skipUnmatched: 'Ignorer les lignes non résolues',
      decisions: 'Choix',
    } as Record<string, string>,
  },
  report: {
    title: (file: string) => `Import du palmarès ${q(file)}`,
    documentTitle: (file: string) => `Import ${file}`,
    breadcrumb: 'Palmarès et import',
    uploadedAt: (date: string) => `Fichier déposé le ${date}.`,
    rowNumbering: 'Les lignes sont numérotées à partir de la première ligne sous l’en-tête.',
    counts: {
      title: 'Bilan de la vérification',
      rows: (n: number) => (n > 1 ? 'lignes lues' : 'ligne lue'),
      matched: (n: number) => (n > 1 ? 'reconnues' : 'reconnue'),
      ambiguous: (n: number) => (n > 1 ? 'ambiguës' : 'ambiguë'),
      notFound: (n: number) => (n > 1 ? 'introuvables' : 'introuvable'),
      invalid: (n: number) => (n > 1 ? 'invalides' : 'invalide'),
      skipped: (n: number) => (n > 1 ? 'ignorées' : 'ignorée'),
    },
    decide: {
      title: 'Lignes à trancher',
      intro:
        'Pour chaque ligne, choisissez le bon territoire, ou ignorez-la. Vos choix sont vérifiés puis enregistrés ; rien n’est importé avant l’étape suivante.',
      caption: 'Lignes ambiguës ou introuvables et votre choix',
      row: 'Ligne',
      written: 'Dans le fichier',
      reason: 'Pourquoi',
      choice: 'Votre choix',
      legend: (row: number, name: string) => `Choix pour la ligne ${row} (${name})`,
      /** A candidate with what tells it from its namesakes: « CA Cholet Agglomération — Maine-et-Loire, 104 711 habitants (200071678) ». */
      candidate: (c: { name: string; code: string; department: string | null; population: number | null }) => {
        const details = [c.department, c.population !== null ? `${formatNumber(c.population)} habitants` : null].filter(Boolean).join(', ');
        return `${c.name}${details ? ` — ${details}` : ''} (${c.code})`;
      },
      otherCode: 'Un autre territoire, par son nom ou son code\u00a0:',
      code: (row: number) => `Territoire de la ligne ${row}`,
      codeHint: 'Nom, code INSEE ou SIREN',
      skip: 'Ignorer cette ligne',
      later: 'Décider plus tard',
      notFoundCode: 'Le territoire, par son nom ou son code\u00a0:',
      submit: 'Enregistrer mes choix',
      submitAndNext: 'Enregistrer et voir les lignes suivantes',
      saved: 'Choix enregistrés : le fichier a été vérifié de nouveau.',
      bothGiven: 'un territoire est saisi mais une autre option est cochée\u00a0: gardez l’un ou l’autre',
      codeMissing: 'indiquez le nom ou le code du territoire, ou choisissez une autre option',
    },
    invalid: {
      title: 'Lignes invalides',
      intro: 'Ces lignes ne peuvent pas être importées telles quelles : corrigez le fichier et déposez-le de nouveau, ou laissez-les de côté à l’import.',
      caption: 'Lignes invalides et leurs erreurs',
      row: 'Ligne',
      message: 'Erreur',
    },
    notes: { title: 'Remarques' },
    pages: {
      /** Which entries of a long table this page shows (the counts above give the whole): « Lignes 101 à 200 sur 40 000 ». */
      range: (what: 'Lignes' | 'Erreurs' | 'Remarques', first: number, last: number, total: number) =>
        `${what} ${formatNumber(first)} à ${formatNumber(last)} sur ${formatNumber(total)}`,
      decide: 'Pages des lignes à trancher',
      invalid: 'Pages des lignes invalides',
      notes: 'Pages des remarques',
      matched: 'Pages des lignes reconnues',
      decideHint: 'Seuls les choix de cette page sont enregistrés\u00a0; ceux des autres pages restent tels quels.',
    },
    skipped: { title: 'Lignes ignorées', list: (rowsList: number[]) => `Lignes ${rowsList.join(', ')} : ignorées à votre demande.` },
    matched: {
      title: 'Lignes reconnues',
      summary: (n: number) => (n === 1 ? 'Voir la ligne reconnue et pourquoi' : `Voir les ${rows(n)} reconnues et pourquoi`),
      caption: 'Lignes reconnues, territoire retenu et raison',
      row: 'Ligne',
      written: 'Dans le fichier',
      territory: 'Territoire retenu',
      reason: 'Pourquoi',
      distinctions: 'Distinctions',
    },
    apply: {
      title: 'Importer',
      ready: (n: number) =>
        `${n === 1 ? 'La ligne reconnue sera enregistrée' : `Les ${rows(n)} reconnues seront enregistrées`} en une fois. Importer de nouveau le même fichier ne change rien.`,
      unresolved: (n: number) =>
        `${rows(n)} ${n > 1 ? 'ne sont pas résolues' : 'n’est pas résolue'} (à trancher ou invalides) : tranchez ou corrigez-les, ou cochez la case pour les laisser de côté.`,
      withChoices: 'Les choix faits ci-dessus sont enregistrés en même temps, même sans avoir cliqué sur «\u00a0Enregistrer mes choix\u00a0».',
      skipUnmatched: 'Ignorer les lignes non résolues',
      skipUnmatchedHint: (n: number) => `${rows(n)} ne ${n > 1 ? 'seront' : 'sera'} pas importée${n > 1 ? 's' : ''}.`,
      submit: (n: number) => `Importer ${rows(n)}`,
      nothing: 'Aucune ligne à importer.',
      nothingYet: 'Aucune ligne n’est encore reconnue\u00a0: choisissez les territoires ci-dessus, puis importez.',
      submitChosen: 'Importer avec ces choix',
    },
    done: {
      title: 'Palmarès importé',
      applied: (date: string) => `Importé le ${date}.`,
      counts: (imported: number, inserted: number, updated: number, unchanged: number) =>
        `${rows(imported)} : ${countOf(inserted, 'ajoutée', 'ajoutées')}, ${countOf(updated, 'modifiée', 'modifiées')}, ${countOf(unchanged, 'inchangée', 'inchangées')}.`,
      leftOut: (n: number) => `${rows(n)} ${n > 1 ? 'laissées' : 'laissée'} de côté.`,
      countLabels: {
        inserted: (n: number) => (n > 1 ? 'ajoutées' : 'ajoutée'),
        updated: (n: number) => (n > 1 ? 'modifiées' : 'modifiée'),
        unchanged: (n: number) => (n > 1 ? 'inchangées' : 'inchangée'),
        leftOut: (n: number) => (n > 1 ? 'laissées de côté' : 'laissée de côté'),
      },
      alreadyApplied: (date: string) => `Cet import avait déjà été appliqué le ${date} : rien n’a changé.`,
      justApplied: 'L’import est terminé : les éditions ci-dessous sont publiées.',
      editionsTitle: 'Éditions concernées',
      edition: (year: number) => `Palmarès ${year}`,
      editionRows: (n: number) => ` (${rows(n)})`,
      back: 'Retour au palmarès et aux imports',
    },
  },
} as const;
