/**
 * The roadmap's and the charter's rules, pure: the weakest themes that get a proposed action, an
 * action's and a signature's input checked, and the timeline of actions by month or quarter.
 */
import type { FieldErrors } from '../../platform/errors.ts';
import { DATE_YEARS } from '../../platform/validation.ts';
import {
  ACTION_STATUSES,
  NAME_MAX,
  NOTE_MAX,
  NR_THEME_IDS,
  TITLE_MAX,
  isNrThemeId,
  type ActionOrigin,
  type ActionStatus,
  type NrThemeId,
} from './nr-themes.rules.ts';
import { WEAK_THEME_INDEX } from './quick-wins.rules.ts';

/** At most this many weakest themes get a proposed action; the last one only if it is weak (under WEAK_THEME_INDEX). */
export const PROPOSED_THEMES = 3;

export type ThemeIndexes = ReadonlyMap<string, number>;

/** The two or three weakest themes (index under 100), weakest first; equal ones in the model's order. */
export function weakestThemes(indexes: ThemeIndexes): { themeId: NrThemeId; index: number }[] {
  const ranked = NR_THEME_IDS.flatMap((themeId) => {
    const index = indexes.get(themeId);
    return index === undefined || index >= 100 ? [] : [{ themeId, index }];
  }).sort((a, b) => a.index - b.index || NR_THEME_IDS.indexOf(a.themeId) - NR_THEME_IDS.indexOf(b.themeId));
  return ranked.slice(0, PROPOSED_THEMES).filter((t, i) => i < PROPOSED_THEMES - 1 || t.index < WEAK_THEME_INDEX);
}

/** The weakest themes that have no action proposed yet (an abandoned one does not count): one proposal each. */
export function themesToPropose(indexes: ThemeIndexes, existing: readonly { themeId: string; origin: ActionOrigin; status: ActionStatus }[]) {
  const covered = new Set(existing.filter((a) => a.origin === 'weakTheme' && a.status !== 'abandoned').map((a) => a.themeId));
  return weakestThemes(indexes).filter((t) => !covered.has(t.themeId));
}

/** A calendar date `AAAA-MM-JJ` that exists, in the years of DATE_YEARS. */
export function isCalendarDate(value: string): boolean {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
  if (!match) return false;
  const [year, month, day] = match.slice(1).map(Number) as [number, number, number];
  if (year < DATE_YEARS.first || year > DATE_YEARS.last) return false;
  const d = new Date(Date.UTC(year, month - 1, day));
  return d.getUTCFullYear() === year && d.getUTCMonth() === month - 1 && d.getUTCDate() === day;
}

export type ActionInput = { title: string; description: string; themeId: NrThemeId; owner: string; dueOn: string | null; status: ActionStatus };
export type ActionRaw = { [K in keyof ActionInput]?: string | null };

export type ActionMessages = {
  titleRequired: string;
  titleTooLong: (max: number) => string;
  descriptionTooLong: (max: number) => string;
  themeUnknown: string;
  ownerTooLong: (max: number) => string;
  dueOnInvalid: string;
  statusUnknown: string;
};

export type Checked<T> = { ok: true; value: T } | { ok: false; errors: FieldErrors };

/** An action as typed: every field checked, its texts trimmed; an empty due date is none, an empty status « planned ». */
export function checkAction(raw: ActionRaw, m: ActionMessages): Checked<ActionInput> {
  const errors: FieldErrors = {};
  const title = (raw.title ?? '').trim();
  const description = (raw.description ?? '').trim();
  const owner = (raw.owner ?? '').trim();
  const themeId = (raw.themeId ?? '').trim();
  const dueOn = (raw.dueOn ?? '').trim();
  const status = (raw.status ?? '').trim() || 'planned';
  if (!title) errors.title = m.titleRequired;
  else if (title.length > TITLE_MAX) errors.title = m.titleTooLong(TITLE_MAX);
  if (description.length > NOTE_MAX) errors.description = m.descriptionTooLong(NOTE_MAX);
  if (!isNrThemeId(themeId)) errors.themeId = m.themeUnknown;
  if (owner.length > NAME_MAX) errors.owner = m.ownerTooLong(NAME_MAX);
  if (dueOn && !isCalendarDate(dueOn)) errors.dueOn = m.dueOnInvalid;
  if (!(ACTION_STATUSES as readonly string[]).includes(status)) errors.status = m.statusUnknown;
  if (Object.keys(errors).length) return { ok: false, errors };
  return { ok: true, value: { title, description, themeId: themeId as NrThemeId, owner, dueOn: dueOn || null, status: status as ActionStatus } };
}

export type SignatureInput = { signedOn: string; signatory: string; role: string };
export type SignatureMessages = {
  signedOnRequired: string;
  signedOnInvalid: string;
  signedOnFuture: string;
  signatoryRequired: string;
  roleRequired: string;
  tooLong: (max: number) => string;
};

/** A charter signature as typed: a real date, not after today (Paris), a signatory and a role. */
export function checkSignature(raw: Partial<Record<keyof SignatureInput, string | null>>, today: string, m: SignatureMessages): Checked<SignatureInput> {
  const errors: FieldErrors = {};
  const signedOn = (raw.signedOn ?? '').trim();
  const signatory = (raw.signatory ?? '').trim();
  const role = (raw.role ?? '').trim();
  if (!signedOn) errors.signedOn = m.signedOnRequired;
  else if (!isCalendarDate(signedOn)) errors.signedOn = m.signedOnInvalid;
  else if (signedOn > today) errors.signedOn = m.signedOnFuture;
  if (!signatory) errors.signatory = m.signatoryRequired;
  else if (signatory.length > NAME_MAX) errors.signatory = m.tooLong(NAME_MAX);
  if (!role) errors.role = m.roleRequired;
  else if (role.length > NAME_MAX) errors.role = m.tooLong(NAME_MAX);
  if (Object.keys(errors).length) return { ok: false, errors };
  return { ok: true, value: { signedOn, signatory, role } };
}

export type TimelineAction = { id: string; dueOn: string | null; status: ActionStatus; title: string };
export type TimelineEntry<A> = { action: A; overdue: boolean; done: boolean };
export type TimelinePeriod<A> = { key: string; year: number; /** 1–12 for months, 1–4 for quarters. */ part: number; entries: TimelineEntry<A>[] };
export type Timeline<A> = { periods: TimelinePeriod<A>[]; undated: TimelineEntry<A>[]; overdue: number };

/**
 * The actions by due month or quarter, in time order (the period of today among them even when
 * empty is not added: only periods with actions). Overdue: due before today and neither done nor
 * abandoned. Within a period, by due date then title.
 */
export function timelineOf<A extends TimelineAction>(actions: readonly A[], today: string, by: 'month' | 'quarter'): Timeline<A> {
  const entry = (action: A): TimelineEntry<A> => ({
    action,
    done: action.status === 'done',
    overdue: action.dueOn !== null && action.dueOn < today && action.status !== 'done' && action.status !== 'abandoned',
  });
  const sorted = [...actions].sort((a, b) => (a.dueOn ?? '').localeCompare(b.dueOn ?? '') || a.title.localeCompare(b.title, 'fr'));
  const periods = new Map<string, TimelinePeriod<A>>();
  const undated: TimelineEntry<A>[] = [];
  for (const action of sorted) {
    if (!action.dueOn) {
      undated.push(entry(action));
      continue;
    }
    const year = Number(action.dueOn.slice(0, 4));
    const month = Number(action.dueOn.slice(5, 7));
    const part = by === 'month' ? month : Math.ceil(month / 3);
    const key = by === 'month' ? `${year}-${String(month).padStart(2, '0')}` : `${year}-T${part}`;
    const period = periods.get(key) ?? { key, year, part, entries: [] };
    period.entries.push(entry(action));
    periods.set(key, period);
  }
  const list = [...periods.values()];
  return { periods: list, undated, overdue: [...list.flatMap((p) => p.entries), ...undated].filter((e) => e.overdue).length };
}
