/** What `serve` says on its command line and in its log, besides the platform's own messages. */
export const serveMessages = {
  needsPostgres:
    '--workers demande PostgreSQL (DATABASE_URL) : la base embarquée ne peut être ouverte que par un seul processus. Lancez `npm start` sans --workers, ou pointez DATABASE_URL vers un serveur PostgreSQL.',
  starting: (count: number, port: number) => `Démarrage de ${count} processus de travail sur le port ${port}…`,
  ready: (url: string, count: number) => `arobase est prêt : ${url} (${count} processus de travail, base PostgreSQL)`,
  restarting: (pid: number, code: number | null, signal: string | null) =>
    `Le processus de travail ${pid} s’est arrêté (${endOf(code, signal)}) : un autre prend sa place dans une seconde.`,
  startFailed: (pid: number, code: number | null, signal: string | null) =>
    `Le processus de travail ${pid} s’est arrêté avant d’être prêt (${endOf(code, signal)}) : le démarrage est abandonné (voir son message ci-dessus).`,
  tooManyStops: (count: number, minutes: number) =>
    `${count} arrêts de processus de travail en ${minutes} minute : arobase s’arrête plutôt que de les relancer sans fin (voir leurs messages ci-dessus).`,
  stopping: (count: number) => `Arrêt demandé : ${count} processus de travail terminent leurs requêtes en cours…`,
};

const endOf = (code: number | null, signal: string | null) => (signal ? `signal ${signal}` : `code ${code ?? '?'}`);
