/** The latest modification time of the files under `paths` (folders walked), 0 when none exists. */
export function newestChange(paths: string[]): number;
/** The compiled entry of `root`'s src/app/cli.ts, built when stale; null when it cannot be built here. */
export function compiledEntry(root: string, outFile?: string): Promise<string | null>;
