import type { EditableField, SheetContent } from '../initiative.rules.ts';
import { initiativeMessages } from '../messages.ts';

const m = initiativeMessages;

export type ConflictView = {
  /** Who saved the other version, and when, in words. */
  by: string;
  at: string;
  conflicts: EditableField[];
  /** Fields changed on one side only, merged without asking. */
  mergedFields: EditableField[];
  theirs: SheetContent;
  /** Names of services and actors, to show their version in words. */
  names: Map<string, string>;
};

/** A field's value in words, to compare two versions side by side. */
function describe(field: EditableField, content: SheetContent, names: Map<string, string>): string {
  const value = content[field];
  switch (field) {
    case 'status':
      return m.statuses[content.status];
    case 'serviceIds':
    case 'actorIds':
      return content[field].map((id) => names.get(id) ?? id).join(', ');
    case 'audiences':
      return content.audiences.map((a) => m.audiences[a]).join(', ');
    case 'indicators':
      return content.indicators.map((i) => `${i.label} : ${i.value} ${i.unit}${i.date ? ` (${i.date})` : ''}`).join(' ; ');
    case 'links':
      return content.links.map((l) => (l.label ? `${l.label} — ${l.url}` : l.url)).join(' ; ');
    case 'responsibleDigital':
      return content.responsibleDigital ? 'oui' : 'non';
    default:
      return value === null || value === undefined ? '' : String(value);
  }
}

/**
 * Beside a field changed on both sides: the version saved by the other person, while the field
 * below keeps what this person typed — they merge by editing, nothing is lost.
 */
export function ConflictBox(props: { conflict: ConflictView; field: EditableField }) {
  const text = describe(props.field, props.conflict.theirs, props.conflict.names);
  return (
    <div class="conflict" role="group" aria-label={`${m.conflict.theirs} : ${m.fields[props.field]}`}>
      <p class="conflict__title">
        {m.conflict.theirs} — {m.fields[props.field]} ({props.conflict.by})
      </p>
      <div class="conflict__value">{text || m.conflict.empty}</div>
      <p class="conflict__hint">{m.conflict.mineBelow}</p>
    </div>
  );
}
