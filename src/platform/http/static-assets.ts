import { createHash } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import { projectPath } from '../project-root.ts';

/** The prefix the static files are served under (public/ on disk). */
export const STATIC_PREFIX = '/static/';

/** How long a browser keeps a fingerprinted file: a year, without asking again (its URL changes with it). */
export const IMMUTABLE_SECONDS = 31_536_000;

/** The fingerprint of each file under `dir`, by its URL: the first 12 hex digits of its SHA-256. */
export function fingerprintsOf(dir: string, prefix = STATIC_PREFIX): Map<string, string> {
  const prints = new Map<string, string>();
  const visit = (path: string) => {
    for (const entry of readdirSync(path, { withFileTypes: true })) {
      const full = join(path, entry.name);
      if (entry.isDirectory()) visit(full);
      else prints.set(prefix + relative(dir, full).split(sep).join('/'), createHash('sha256').update(readFileSync(full)).digest('hex').slice(0, 12));
    }
  };
  visit(dir);
  return prints;
}

// Read once per process: the files ship with the code and change only with a new version.
let prints: Map<string, string> | undefined;
const currentPrints = () => (prints ??= fingerprintsOf(projectPath('public')));

/**
 * The URL a page links a static file by: its path with its fingerprint (`?v=…`), so that a browser
 * can keep it for a year and still gets the new file the day it changes. A path that is not a static
 * file is returned as it is.
 */
export function assetUrl(path: string): string {
  const print = currentPrints().get(path);
  return print ? `${path}?v=${print}` : path;
}

/** Whether a request for a static file names its current fingerprint (then its answer never changes). */
export function isFingerprinted(url: string): boolean {
  const parsed = new URL(url, 'http://localhost');
  const print = currentPrints().get(parsed.pathname);
  return print !== undefined && parsed.searchParams.get('v') === print;
}
