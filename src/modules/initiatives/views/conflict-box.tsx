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
  /** Fields whose saved version the person took (from the conflicts). */
  taken: EditableField[];
  theirs: SheetContent;
  /** Names of services and actors, to show their version in words. */
  names: Map<string, string>;
};

/** A field's value in words, to compare two versions side by side (and in the history). */
export function describe(field: EditableField, content: SheetContent, names: Map<string, string>): string {
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

/** Id of a conflicting field's box, the target of the list at the top of the page. */
export const conflictId = (field: EditableField) => `conflit-${field}`;

/**
 * Beside a field changed on both sides: the version saved by the other person, while the field
 * below keeps what this person typed — they merge by editing, or take the saved version with the
 * button (a submit: it works without JavaScript), nothing is lost.
 */
export function ConflictBox(props: { conflict: ConflictView; field: EditableField }) {
  const text = describe(props.field, props.conflict.theirs, props.conflict.names);
  const label = m.fields[props.field];
  return (
    <div class="conflict" role="group" id={conflictId(props.field)} tabIndex={-1} aria-label={`${m.conflict.theirs}\u00a0: ${label}`}>
      <p class="conflict__title">
        {m.conflict.theirs} — {label} ({props.conflict.by})
      </p>
      <div class="conflict__value">{text || m.conflict.empty}</div>
      <p class="conflict__hint">{m.conflict.mineBelow}</p>
      <button type="submit" class="button button--small button--secondary" name="intent" value={`theirs:${props.field}`} formnovalidate>
        {m.conflict.takeTheirs(label)}
      </button>
    </div>
  );
}

/** At the top of the conflict page: who saved, what was merged, and a link to each conflicting field. */
export function ConflictSummary(props: { conflict: ConflictView }) {
  const { conflict } = props;
  const names = (fields: EditableField[]) => fields.map((k) => m.fields[k]).join(', ');
  return (
    <div class="alert alert--warning" role="status" id="conflit">
      <h2 class="alert__title">{m.conflict.title}</h2>
      <p>{m.conflict.intro(conflict.by, conflict.at)}</p>
      {conflict.conflicts.length ? (
        <>
          <p>{m.conflict.listIntro(conflict.conflicts.length)}</p>
          <ul>
            {conflict.conflicts.map((field) => (
              <li key={field}>
                <a href={`#${conflictId(field)}`}>{m.fields[field]}</a>
              </li>
            ))}
          </ul>
        </>
      ) : (
        <p>{m.conflict.allResolved}</p>
      )}
      {conflict.taken.length ? <p>{m.conflict.taken(names(conflict.taken))}</p> : null}
      {conflict.mergedFields.length ? <p>{m.conflict.alreadyMerged(names(conflict.mergedFields))}</p> : null}
    </div>
  );
}

/** The conflict's state, carried by the form so that taking one field's version can show the rest again. */
export function ConflictHiddenFields(props: { conflict: ConflictView }) {
  return (
    <>
      {props.conflict.conflicts.map((f) => (
        <input type="hidden" name="conflictField" value={f} />
      ))}
      {props.conflict.mergedFields.map((f) => (
        <input type="hidden" name="mergedField" value={f} />
      ))}
      {props.conflict.taken.map((f) => (
        <input type="hidden" name="takenField" value={f} />
      ))}
    </>
  );
}
