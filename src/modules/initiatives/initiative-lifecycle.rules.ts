/**
 * The life of a sheet: a draft is published, unpublished by its territory or by the moderation,
 * deleted (softly) and restored. Pure, no I/O; the diagram in docs/diagrams is generated from it.
 */

export const LIFECYCLE_STATES = ['draft', 'public', 'deleted'] as const;
export type LifecycleState = (typeof LIFECYCLE_STATES)[number];

export const LIFECYCLE_EVENTS = ['publish', 'unpublish', 'moderate', 'delete', 'restore'] as const;
export type LifecycleEvent = (typeof LIFECYCLE_EVENTS)[number];

/** From each state, what each event leads to; an absent event is not possible there. */
export const LIFECYCLE: Record<LifecycleState, Partial<Record<LifecycleEvent, LifecycleState>>> = {
  draft: { publish: 'public', delete: 'deleted' },
  public: { unpublish: 'draft', moderate: 'draft', delete: 'deleted' },
  deleted: { restore: 'draft' },
};

/** Who triggers each event, for the diagram (the rules themselves are in permissions.rules.ts). */
export const LIFECYCLE_ACTORS: Record<LifecycleEvent, string> = {
  publish: 'référent ou contributeur',
  unpublish: 'référent ou contributeur',
  moderate: 'administrateur, avec une raison',
  delete: 'référent ou contributeur',
  restore: 'administrateur',
};

export function lifecycleStateOf(row: { visibility: 'draft' | 'public'; deletedAt: Date | null }): LifecycleState {
  return row.deletedAt ? 'deleted' : row.visibility;
}

/** The state an event leads to, or null when the event is not possible from this state. */
export function nextState(state: LifecycleState, event: LifecycleEvent): LifecycleState | null {
  return LIFECYCLE[state][event] ?? null;
}

/** The lifecycle as a Mermaid state diagram (docs/diagrams/initiative-lifecycle.md). */
export function lifecycleDiagram(): string {
  const lines = ['stateDiagram-v2', '  [*] --> draft: create'];
  for (const state of LIFECYCLE_STATES) {
    for (const [event, target] of Object.entries(LIFECYCLE[state])) {
      lines.push(`  ${state} --> ${target}: ${event} (${LIFECYCLE_ACTORS[event as LifecycleEvent]})`);
    }
  }
  return lines.join('\n');
}
