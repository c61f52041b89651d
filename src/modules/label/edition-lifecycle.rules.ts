/**
 * The life of an edition (one yearly campaign): prepared as a draft, open to applications, closed,
 * under the jury's review, deliberated, then published at the ceremony. Pure, no I/O; the diagram
 * in docs/diagrams/edition-lifecycle.md is generated from it. Imported editions of the history are
 * `published` at once.
 */

export const EDITION_STATES = ['draft', 'open', 'closed', 'under_review', 'deliberated', 'published'] as const;
export type EditionState = (typeof EDITION_STATES)[number];

export const EDITION_EVENTS = ['open', 'close', 'reopen', 'startReview', 'deliberate', 'reviseDeliberation', 'publish'] as const;
export type EditionEvent = (typeof EDITION_EVENTS)[number];

/** From each state, what each event leads to; an absent event is not possible there. A published edition never changes. */
export const EDITION_LIFECYCLE: Record<EditionState, Partial<Record<EditionEvent, EditionState>>> = {
  draft: { open: 'open' },
  open: { close: 'closed' },
  closed: { reopen: 'open', startReview: 'under_review' },
  under_review: { deliberate: 'deliberated' },
  deliberated: { reviseDeliberation: 'under_review', publish: 'published' },
  published: {},
};

/** Who or what triggers each event, for the diagram. */
export const EDITION_EVENT_TRIGGERS: Record<EditionEvent, string> = {
  open: 'calendrier ou administrateur',
  close: 'calendrier ou administrateur',
  reopen: 'administrateur, avec une raison',
  startReview: 'administrateur',
  deliberate: 'administrateur',
  reviseDeliberation: 'administrateur, avec une raison',
  publish: 'heure de la cérémonie',
};

export function isEditionState(value: unknown): value is EditionState {
  return typeof value === 'string' && (EDITION_STATES as readonly string[]).includes(value);
}

/** The state an event leads to, or null when the event is not possible from this state. */
export function nextEditionState(state: EditionState, event: EditionEvent): EditionState | null {
  return EDITION_LIFECYCLE[state][event] ?? null;
}

/** The event that moves an edition from one state to another, or null when no transition does. */
export function editionEventBetween(from: EditionState, to: EditionState): EditionEvent | null {
  const found = Object.entries(EDITION_LIFECYCLE[from]).find(([, target]) => target === to);
  return found ? (found[0] as EditionEvent) : null;
}

/**
 * The embargo, as a rule: an edition's results are public once it is published, or once its
 * scheduled publication instant has come while it waits, deliberated, for the job that marks it
 * published. Visibility never waits for that job: every process sees the results at the instant.
 * `publicEditionSql` in results.service.ts is the same rule for queries.
 */
export function isPublicEdition(edition: { state: EditionState; publishedAt: Date | null }, now: Date): boolean {
  if (edition.state === 'published') return true;
  return edition.state === 'deliberated' && edition.publishedAt !== null && edition.publishedAt.getTime() <= now.getTime();
}

/** A publication is scheduled and still to come: the results are written, under embargo. */
export function isUnderEmbargo(edition: { state: EditionState; publishedAt: Date | null }, now: Date): boolean {
  return edition.state === 'deliberated' && edition.publishedAt !== null && edition.publishedAt.getTime() > now.getTime();
}

/** The lifecycle as a Mermaid state diagram. */
export function editionLifecycleDiagram(): string {
  const lines = ['stateDiagram-v2', '  [*] --> draft: create', '  [*] --> published: import of a past palmarès'];
  for (const state of EDITION_STATES) {
    for (const [event, target] of Object.entries(EDITION_LIFECYCLE[state])) {
      lines.push(`  ${state} --> ${target}: ${event} (${EDITION_EVENT_TRIGGERS[event as EditionEvent]})`);
    }
  }
  return lines.join('\n');
}
