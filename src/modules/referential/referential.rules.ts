/** Rules of the versioned referential. Pure, no I/O. */
import { foldText } from '../../platform/text.ts';

export const REFERENTIAL_VERSION_STATES = ['draft', 'published'] as const;
export type ReferentialVersionState = (typeof REFERENTIAL_VERSION_STATES)[number];

/** Every theme keeps at least this many services (DESIGN.md: at least 4 per theme). */
export const MIN_SERVICES_PER_THEME = 4;
/** The referential changes by at most about a fifth each year: beyond, the admin is warned (not blocked). */
export const YEARLY_CHANGE_WARNING_SHARE = 0.2;

export const SERVICE_NAME_MAX = 120;
export const SERVICE_DESCRIPTION_MAX = 400;
export const SERVICE_ID_MAX = 60;

/** A version label is a short path segment, usually the year of the edition: `2028`, `2028-bis`. */
export const VERSION_LABEL_PATTERN = /^[0-9A-Za-z][0-9A-Za-z-]{0,19}$/;

export function isValidVersionLabel(label: string): boolean {
  return VERSION_LABEL_PATTERN.test(label);
}

// Short words left out of ids, as in the first catalogue (`prevention-hameconnage`).
const ID_STOP_WORDS = new Set([
  'a',
  'au',
  'aux',
  'avec',
  'd',
  'dans',
  'de',
  'des',
  'du',
  'en',
  'et',
  'l',
  'la',
  'le',
  'les',
  'par',
  'pour',
  'sur',
  'un',
  'une',
]);

/** The words of a French text without accents, ligatures or punctuation, lower-case. */
function plainWords(text: string): string[] {
  return foldText(text).split(' ').filter(Boolean);
}

/**
 * The id a new service would get from its French name: lower-case, accents removed, words joined by
 * `-`, short linking words dropped, at most SERVICE_ID_MAX characters (cut between words).
 * « Prévention de l’hameçonnage » → `prevention-hameconnage`.
 */
export function serviceSlug(name: string): string {
  const words = plainWords(name);
  const meaningful = words.filter((w) => !ID_STOP_WORDS.has(w));
  const chosen = meaningful.length ? meaningful : words;
  let slug = '';
  for (const word of chosen) {
    const next = slug ? `${slug}-${word}` : word;
    if (next.length > SERVICE_ID_MAX) break;
    slug = next;
  }
  if (!slug && chosen[0]) slug = chosen[0].slice(0, SERVICE_ID_MAX);
  return slug || 'service';
}

/**
 * A new, never used id for a service named `name`: its slug, or the slug followed by `-2`, `-3`…
 * when taken. `taken` holds every id ever given, in any version (ids are never reused).
 */
export function uniqueServiceId(name: string, taken: ReadonlySet<string>): string {
  const base = serviceSlug(name);
  if (!taken.has(base)) return base;
  for (let n = 2; ; n++) {
    const suffix = `-${n}`;
    const candidate = `${base.slice(0, SERVICE_ID_MAX - suffix.length).replace(/-+$/, '')}${suffix}`;
    if (!taken.has(candidate)) return candidate;
  }
}

/** Two names that differ only by case, accents, punctuation or spaces are the same name. */
export function sameServiceName(a: string, b: string): boolean {
  return plainWords(a).join(' ') === plainWords(b).join(' ');
}

export type DraftTheme = { id: string; services: readonly { id: string; name: string; description: string }[] };

export type DraftIssue =
  | { kind: 'themeTooSmall'; themeId: string; count: number; min: number }
  | { kind: 'nameMissing'; serviceId: string }
  | { kind: 'descriptionMissing'; serviceId: string }
  | { kind: 'duplicateId'; serviceId: string }
  | { kind: 'duplicateName'; serviceId: string; sameAs: string };

/**
 * What prevents a draft from being published: a theme with fewer than MIN_SERVICES_PER_THEME
 * services, a service without a name or a description, an id or a name used twice. Empty when the
 * draft can be published.
 */
export function validateDraft(themes: readonly DraftTheme[]): DraftIssue[] {
  const issues: DraftIssue[] = [];
  const ids = new Set<string>();
  const names: { id: string; name: string }[] = [];
  for (const theme of themes) {
    if (theme.services.length < MIN_SERVICES_PER_THEME) {
      issues.push({ kind: 'themeTooSmall', themeId: theme.id, count: theme.services.length, min: MIN_SERVICES_PER_THEME });
    }
    for (const service of theme.services) {
      if (ids.has(service.id)) issues.push({ kind: 'duplicateId', serviceId: service.id });
      ids.add(service.id);
      if (!service.name.trim()) issues.push({ kind: 'nameMissing', serviceId: service.id });
      else {
        const twin = names.find((n) => sameServiceName(n.name, service.name));
        if (twin) issues.push({ kind: 'duplicateName', serviceId: service.id, sameAs: twin.id });
        else names.push({ id: service.id, name: service.name });
      }
      if (!service.description.trim()) issues.push({ kind: 'descriptionMissing', serviceId: service.id });
    }
  }
  return issues;
}

export type ComparableService = { id: string; themeId: string; name: string; description: string; responsibleDigital: boolean };

export type VersionChanges = {
  /** In the new version only. */
  added: string[];
  /** In the base version only. */
  retired: string[];
  /** Same id, another name, description or responsible-digital flag. */
  edited: string[];
  /** Same id, another theme. */
  moved: string[];
  /** Services added or retired, as a share of the base version's services (0 when it had none). */
  turnover: number;
};

/** What a version changes from the one it was copied from, service by service (ids in the new version's order). */
export function compareVersions(base: readonly ComparableService[], next: readonly ComparableService[]): VersionChanges {
  const before = new Map(base.map((s) => [s.id, s]));
  const after = new Set(next.map((s) => s.id));
  const changes: VersionChanges = { added: [], retired: [], edited: [], moved: [], turnover: 0 };
  for (const service of next) {
    const old = before.get(service.id);
    if (!old) {
      changes.added.push(service.id);
      continue;
    }
    if (old.name !== service.name || old.description !== service.description || old.responsibleDigital !== service.responsibleDigital) {
      changes.edited.push(service.id);
    }
    if (old.themeId !== service.themeId) changes.moved.push(service.id);
  }
  for (const service of base) if (!after.has(service.id)) changes.retired.push(service.id);
  changes.turnover = base.length ? (changes.added.length + changes.retired.length) / base.length : 0;
  return changes;
}
