/** What an actor is. Pure, no I/O. */
import { can, type Person } from '../accounts/permissions.rules.ts';

export const ACTOR_KINDS = ['company', 'association', 'public_body'] as const;
export type ActorKind = (typeof ACTOR_KINDS)[number];

export const ACTOR_NAME_MIN = 2;
export const ACTOR_NAME_MAX = 200;
export const WEBSITE_MAX = 500;

/** A name as stored: trimmed, every run of spaces (tabs, non-breaking spaces, newlines) folded to one space. */
export function cleanActorName(name: string): string {
  return name.replace(/\s+/gu, ' ').trim();
}

/**
 * Whether a name can be told apart from others: the database compares names lower-cased, without
 * accents and punctuation (`search_normalize`), so a name needs at least one latin letter or digit.
 */
export function hasSearchableCharacter(name: string): boolean {
  return /[a-z0-9æœßøðþłđ]/i.test(name.normalize('NFD'));
}

/** A SIREN as people type it ("552 100 554", "552.100.554"): spaces, dots and hyphens removed. */
export function cleanSiren(value: string): string {
  return value.replace(/[\s.\-]/gu, '');
}

/** A SIREN is 9 digits whose Luhn checksum is valid (INSEE's rule); `value` is already cleaned. */
export function isValidSiren(value: string): boolean {
  if (!/^\d{9}$/.test(value)) return false;
  let sum = 0;
  for (let i = 0; i < 9; i++) {
    let digit = Number(value[i]);
    // From the right, every second digit is doubled: for 9 digits, the 2nd, 4th, 6th and 8th from the left.
    if (i % 2 === 1) {
      digit *= 2;
      if (digit > 9) digit -= 9;
    }
    sum += digit;
  }
  return sum % 10 === 0;
}

/** "552100554" → "552 100 554", as the INSEE prints it. */
export function formatSiren(siren: string): string {
  return /^\d{9}$/.test(siren) ? siren.replace(/^(\d{3})(\d{3})(\d{3})$/, '$1 $2 $3') : siren;
}

/**
 * The address of a website, or null when it is not one: only http and https, `https://` added when
 * the scheme is missing ("www.ecologic-france.com"), a host with a dot and no credentials. The bare
 * host loses its trailing slash: "https://www.ecologic-france.com".
 */
export function normalizeWebsite(value: string, max: number = WEBSITE_MAX): string | null {
  const trimmed = value.trim();
  if (!trimmed || trimmed.length > max || /\s/.test(trimmed)) return null;
  // A scheme is letters before ":" (a dot means a host, as in "exemple.fr:8080").
  const scheme = /^([a-z][a-z0-9+\-]*):/i.exec(trimmed)?.[1];
  const withScheme = scheme ? trimmed : trimmed.startsWith('//') ? `https:${trimmed}` : `https://${trimmed}`;
  let url: URL;
  try {
    url = new URL(withScheme);
  } catch {
    return null;
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') return null;
  if (url.username || url.password) return null;
  if (!/^[a-z0-9.\-]+\.[a-z]{2,}$|^xn--/i.test(url.hostname) || url.hostname.includes('..')) return null;
  const href = url.href;
  return url.pathname === '/' && !url.search && !url.hash ? href.replace(/\/$/, '') : href;
}

/** What tells who may see an actor: who created it, and the sheets (not deleted) that name it. */
export type ActorExposure = {
  createdBy: string | null;
  /** A public sheet names it: what the actors directory counts as public. */
  namedPublicly: boolean;
  /** The territories of the drafts that name it. */
  draftTerritories: readonly string[];
};

/**
 * Who may see an actor: everyone once a public sheet names it; before that, whoever may see a draft
 * naming it (its territory's members, admins), and the person who created it. Admins, who may see
 * every sheet, deleted ones too (`initiative.restore`), see every actor. To the others it does not
 * exist (404): an actor only named in a draft tells what a territory prepares.
 */
export function maySeeActor(person: Person | null, exposure: ActorExposure): boolean {
  if (exposure.namedPublicly) return true;
  if (person === null) return false;
  if (exposure.createdBy !== null && exposure.createdBy === person.id) return true;
  if (can(person, 'initiative.restore')) return true;
  return exposure.draftTerritories.some((territoryCode) => can(person, 'initiative.viewDraft', { territoryCode }));
}
