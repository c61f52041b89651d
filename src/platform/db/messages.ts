import { countOf, formatDateTime, formatNumber } from '../views/format.ts';

// French typography: a non-breaking space before « : ; ! ? » and inside « ».
const q = (s: string) => `«\u00a0${s}\u00a0»`;
const rows = (n: number) => countOf(n, 'ligne', 'lignes');
const tables = (n: number) => countOf(n, 'table', 'tables');
const megabytes = (bytes: number) => `${formatNumber(Math.round(bytes / 100_000) / 10)}\u00a0Mo`;

/** French texts of the data directory, of the database’s creation by a command, and of backups. */
export const databaseMessages = {
  dataDir: {
    notDirectory: (path: string) => `DATA_DIR=${path} n’est pas un dossier.`,
    notOwner: (path: string, owner: number, self: number) =>
      `${path} appartient à un autre utilisateur (uid ${owner}) que celui qui lance arobase (uid ${self})\u00a0: ` +
      'lancez arobase sous le compte propriétaire de DATA_DIR, ou donnez-lui ce dossier (chown -R).',
    unreadable: (path: string, reason: string) => `${path}\u00a0: impossible d’en restreindre les droits (${reason}).`,
    tightened: (dir: string, n: number) =>
      `DATA_DIR=${dir}\u00a0: ${countOf(n, 'fichier ou dossier était', 'fichiers ou dossiers étaient')} accessible${n > 1 ? 's' : ''} à d’autres utilisateurs\u00a0; ` +
      'leurs droits sont maintenant réservés à l’utilisateur du serveur (0600, 0700).',
  },
  cli: {
    createHeading: 'Option des commandes\u00a0:',
    createOption: '  --create              crée la base embarquée si DATA_DIR n’en contient pas encore',
    noDatabase: (dataDir: string) =>
      `Aucune base de données dans DATA_DIR=${dataDir}\u00a0: cette commande en créerait une nouvelle, vide.\n` +
      'Si arobase tourne déjà, lancez la commande avec le même DATA_DIR (ou DATABASE_URL) que le serveur.\n' +
      'Pour créer vraiment une nouvelle base à cet endroit, ajoutez --create.',
    mustOwnDatabase: (command: string, pid: number) =>
      `${command} doit avoir la base embarquée pour lui seul, et le serveur l’utilise (pid ${pid})\u00a0: ` +
      'arrêtez le serveur, lancez la commande, puis redémarrez-le.',
  },
  backup: {
    description: 'Écrit une sauvegarde complète de la base (données et photos) dans un fichier, serveur en marche.',
    usage: 'arobase backup FICHIER [--force]',
    missingFile: 'Indiquez le fichier de sauvegarde à écrire (par exemple arobase-2026-12-02.arobase.gz).',
    tooManyFiles: (files: string[]) => `Un seul fichier à la fois (reçu\u00a0: ${files.join(', ')}).`,
    exists: (file: string) => `${file} existe déjà\u00a0: choisissez un autre nom, ou ajoutez --force pour le remplacer.`,
    cannotWrite: (file: string, reason: string) => `${file}\u00a0: impossible d’écrire la sauvegarde (${reason}).`,
    written: (file: string, tableCount: number, rowCount: number, bytes: number) =>
      `Sauvegarde écrite dans ${file}\u00a0: ${tables(tableCount)}, ${rows(rowCount)}, ${megabytes(bytes)}.`,
    privacy: 'Elle contient des données personnelles (comptes, courriels)\u00a0: gardez-la en lieu sûr, lisible par vous seul.',
  },
  restore: {
    description: 'Remplace le contenu d’une base neuve par une sauvegarde (tout ou rien), serveur arrêté.',
    usage: 'arobase restore FICHIER [--force] [--create]',
    missingFile: 'Indiquez le fichier de sauvegarde à restaurer.',
    tooManyFiles: (files: string[]) => `Un seul fichier à la fois (reçu\u00a0: ${files.join(', ')}).`,
    fileError: (file: string, message: string) => `${file}\u00a0: ${message}`,
    notFound: 'fichier introuvable.',
    unreadable: (reason: string) => `fichier illisible (${reason}).`,
    notBackup: 'ce n’est pas une sauvegarde arobase (fichier écrit par «\u00a0npx arobase backup\u00a0»).',
    damaged: (reason: string) => `sauvegarde abîmée ou tronquée (${reason})\u00a0; rien n’a été modifié.`,
    damagedTable: (table: string, reason: string) => `sauvegarde abîmée, table ${table}\u00a0: ${reason}\u00a0; rien n’a été modifié.`,
    notAFile: 'ce n’est pas un fichier',
    strayRow: 'ligne de données hors d’une table',
    unreadableLine: 'ligne illisible',
    unexpectedLine: 'ligne inattendue',
    incomplete: 'sauvegarde incomplète (la fin du fichier manque)\u00a0; rien n’a été modifié.',
    formatTooNew: (version: number) => `sauvegarde au format ${version}, que cette version d’arobase ne sait pas lire\u00a0: mettez arobase à jour.`,
    countMismatch: (table: string, expected: number, found: number) =>
      `sauvegarde incohérente\u00a0: la table ${table} devait compter ${rows(expected)}, le fichier en donne ${formatNumber(found)}\u00a0; rien n’a été modifié.`,
    unknownTable: (table: string) => `la table ${q(table)} de la sauvegarde n’existe pas dans cette base\u00a0; rien n’a été modifié.`,
    columnsDiffer: (table: string) => `les colonnes de la table ${q(table)} diffèrent de celles de cette base\u00a0; rien n’a été modifié.`,
    schemaNewer: (backup: number, here: number) =>
      `Cette sauvegarde vient d’une version plus récente d’arobase (schéma à ${countOf(backup, 'migration', 'migrations')}, ` +
      `cette version en connaît ${formatNumber(here)})\u00a0: mettez arobase à jour, puis relancez la restauration.`,
    schemaOlder: (backup: number, here: number) =>
      `Cette sauvegarde vient d’une version antérieure d’arobase (schéma à ${countOf(backup, 'migration', 'migrations')}, ` +
      `celle-ci en a ${formatNumber(here)})\u00a0: restaurez-la avec la version qui l’a écrite, puis mettez arobase à jour (les migrations suivront).`,
    schemaDiffers:
      'Cette sauvegarde vient d’une autre lignée d’arobase (ses migrations ne sont pas celles de cette version)\u00a0: restaurez-la avec la version qui l’a écrite.',
    notEmpty: (filled: { table: string; rows: number }[]) =>
      `La base contient déjà des données (${filled
        .slice(0, 3)
        .map((t) => `${t.table}\u00a0: ${rows(t.rows)}`)
        .join(', ')}${filled.length > 3 ? ', …' : ''})\u00a0: une restauration les remplacerait toutes. ` +
      'Restaurez dans une base neuve, ou ajoutez --force pour tout remplacer.',
    otherSessions: (n: number) =>
      `${countOf(n, 'autre connexion utilise', 'autres connexions utilisent')} cette base (serveurs arobase en marche\u00a0?)\u00a0: ` +
      'arrêtez-les avant de restaurer, puis redémarrez-les.',
    restored: (createdAt: Date, driver: 'pglite' | 'postgres', tableCount: number, rowCount: number) =>
      `Sauvegarde du ${formatDateTime(createdAt)} (base ${driver === 'pglite' ? 'embarquée' : 'PostgreSQL'}) restaurée\u00a0: ${tables(tableCount)}, ${rows(rowCount)}.`,
  },
} as const;
