import { formatDateTime } from '../../../platform/views/components.tsx';
import type { EditableField } from '../initiative.rules.ts';
import { initiativeMessages } from '../messages.ts';
import type { FieldChange } from '../revision-diff.rules.ts';
import type { RevisionEntry } from '../revisions.service.ts';
import { describe } from './conflict-box.tsx';

const m = initiativeMessages.revisions;
const fields = initiativeMessages.fields;

/** One field's change: the passage before and after, or what a set gained and lost. */
function Change(props: { change: FieldChange; entry: RevisionEntry; names: Map<string, string> }) {
  const { change, entry, names } = props;
  const word = (id: string) => (change.field === 'audiences' ? (initiativeMessages.audiences as Record<string, string>)[id] : names.get(id)) ?? id;
  if (change.kind === 'set') {
    return (
      <>
        {change.added.length ? <ins>{m.added(change.added.map(word).join(', '))}</ins> : null}
        {change.added.length && change.removed.length ? ' ' : null}
        {change.removed.length ? <del>{m.removed(change.removed.map(word).join(', '))}</del> : null}
      </>
    );
  }
  const [before, after] =
    change.kind === 'text'
      ? [change.before, change.after]
      : [entry.before ? describe(change.field, entry.before, names) : '', entry.after ? describe(change.field, entry.after, names) : ''];
  return (
    <>
      <del>{m.before(before || initiativeMessages.conflict.empty)}</del> <ins>{m.after(after || initiativeMessages.conflict.empty)}</ins>
    </>
  );
}

/**
 * Who changed what and when, newest first, each version with its changes field by field. Folded:
 * the edit form stays short, the history is one click away (a native <details>, no script).
 */
export function RevisionsSection(props: { revisions: RevisionEntry[]; names: Map<string, string> }) {
  return (
    <section class="section" aria-labelledby="titre-historique">
      <h2 id="titre-historique">{m.heading}</h2>
      <details class="history">
        <summary>{m.show(props.revisions.length)}</summary>
        <ol class="history__list">
          {props.revisions.map((r) => (
            <li key={r.version} class="history__entry">
              <p class="history__head">
                <strong>{m.version(r.version)}</strong> — {formatDateTime(r.at)} — {r.by ?? m.unknownUser} — {m.events[r.event] ?? r.event}
              </p>
              {r.changes.length ? (
                <dl class="history__changes">
                  {r.changes.map((change) => (
                    <div key={change.field}>
                      <dt>{fields[change.field as EditableField] ?? change.field}</dt>
                      <dd>
                        <Change change={change} entry={r} names={props.names} />
                      </dd>
                    </div>
                  ))}
                </dl>
              ) : r.event === 'edited' && r.changedFields.length ? (
                <p>{m.fields(r.changedFields.map((f) => fields[f as EditableField] ?? f).join(', '))}</p>
              ) : null}
            </li>
          ))}
        </ol>
      </details>
    </section>
  );
}
