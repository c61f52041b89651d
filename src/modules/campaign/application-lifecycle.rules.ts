import type { EditionState } from '../label/edition-lifecycle.rules.ts';
import { campaignMessages } from './messages.ts';

/**
 * The life of an application (a territory's dossier for one edition), pure, no I/O: a draft the
 * territory edits, submitted by a referent while the edition is open (which freezes its snapshot),
 * reopened into a draft by an administrator with a reason. The diagram in docs/ is generated from it.
 */

export const APPLICATION_STATES = ['draft', 'submitted'] as const;
export type ApplicationState = (typeof APPLICATION_STATES)[number];

export const APPLICATION_EVENTS = ['submit', 'reopen'] as const;
export type ApplicationEvent = (typeof APPLICATION_EVENTS)[number];

/** From each state, what each event leads to; an absent event is not possible there. */
export const APPLICATION_LIFECYCLE: Record<ApplicationState, Partial<Record<ApplicationEvent, ApplicationState>>> = {
  draft: { submit: 'submitted' },
  submitted: { reopen: 'draft' },
};

/** Who triggers each event, for the diagram. */
export const APPLICATION_EVENT_TRIGGERS: Record<ApplicationEvent, string> = {
  submit: 'référent, édition ouverte, avant la clôture',
  reopen: 'administrateur, avec une raison',
};

export function isApplicationState(value: unknown): value is ApplicationState {
  return typeof value === 'string' && (APPLICATION_STATES as readonly string[]).includes(value);
}

/** The state an event leads to, or null when the event is not possible from this state. */
export function nextApplicationState(state: ApplicationState, event: ApplicationEvent): ApplicationState | null {
  return APPLICATION_LIFECYCLE[state][event] ?? null;
}

/** Why a submission is refused: `not_referent` → 403; the others → 409. */
export type SubmissionRefusalCode = 'not_referent' | 'already_submitted' | 'edition_not_open' | 'closed_by_clock';
export type SubmissionRefusal = { code: SubmissionRefusalCode; message: string };

/**
 * Null when this person may submit this application now, else the first reason not to, checked in
 * this order: not a referent, already submitted, edition not open, closing time passed (`now` is the
 * database clock; at `closesAt` exactly it is already closed, whatever the scheduler has done yet).
 */
export function submissionRefusal(input: {
  applicationState: ApplicationState;
  editionState: EditionState;
  closesAt: Date;
  now: Date;
  isReferent: boolean;
}): SubmissionRefusal | null {
  const m = campaignMessages.submission;
  if (!input.isReferent) return { code: 'not_referent', message: m.not_referent };
  if (input.applicationState === 'submitted') return { code: 'already_submitted', message: m.already_submitted };
  if (input.editionState !== 'open') {
    return { code: 'edition_not_open', message: input.editionState === 'draft' ? m.edition_not_open_yet : m.edition_not_open };
  }
  if (input.now.getTime() >= input.closesAt.getTime()) return { code: 'closed_by_clock', message: m.closed_by_clock(input.closesAt) };
  return null;
}

export type ReopenRefusal = { code: 'not_submitted' | 'reason_required'; message: string };

/** Null when an administrator may reopen this application with this reason (a non-blank one), else why not (→ 409, 400). */
export function reopenRefusal(input: { applicationState: ApplicationState; reason: string | null | undefined }): ReopenRefusal | null {
  const m = campaignMessages.reopen;
  if (input.applicationState !== 'submitted') return { code: 'not_submitted', message: m.not_submitted };
  if (!input.reason?.trim()) return { code: 'reason_required', message: m.reason_required };
  return null;
}

/** The lifecycle as a Mermaid state diagram. */
export function applicationLifecycleDiagram(): string {
  const lines = ['stateDiagram-v2', '  [*] --> draft: start (pré-rempli depuis le dossier de l’an passé)'];
  for (const state of APPLICATION_STATES) {
    for (const [event, target] of Object.entries(APPLICATION_LIFECYCLE[state])) {
      lines.push(`  ${state} --> ${target}: ${event} (${APPLICATION_EVENT_TRIGGERS[event as ApplicationEvent]})`);
    }
  }
  return lines.join('\n');
}
