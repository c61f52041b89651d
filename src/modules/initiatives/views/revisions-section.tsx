import { DataTable, formatDateTime } from '../../../platform/views/components.tsx';
import type { EditableField } from '../initiative.rules.ts';
import { initiativeMessages } from '../messages.ts';
import type { RevisionEntry } from '../revisions.service.ts';

const m = initiativeMessages.revisions;

/** Who changed what and when, newest first. */
export function RevisionsSection(props: { revisions: RevisionEntry[] }) {
  return (
    <section class="section" aria-labelledby="titre-historique">
      <h2 id="titre-historique">{m.heading}</h2>
      <DataTable id="historique" caption={m.heading}>
        <thead>
          <tr>
            <th scope="col">{m.columns.version}</th>
            <th scope="col">{m.columns.when}</th>
            <th scope="col">{m.columns.who}</th>
            <th scope="col">{m.columns.what}</th>
          </tr>
        </thead>
        <tbody>
          {props.revisions.map((r) => (
            <tr key={r.version}>
              <td>{r.version}</td>
              <td>{formatDateTime(r.at)}</td>
              <td>{r.by ?? m.unknownUser}</td>
              <td>
                {m.events[r.event] ?? r.event}
                {r.event === 'edited' && r.changedFields.length
                  ? ` — ${r.changedFields.map((f) => initiativeMessages.fields[f as EditableField] ?? f).join(', ')}`
                  : ''}
              </td>
            </tr>
          ))}
        </tbody>
      </DataTable>
    </section>
  );
}
