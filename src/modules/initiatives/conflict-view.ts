import type { Db } from '../../platform/db/database.ts';
import { InvalidInputError } from '../../platform/errors.ts';
import { formatDateTime } from '../../platform/views/format.ts';
import type { FormBody } from './initiative-input.ts';
import { EDITABLE_FIELDS, type EditableField } from './initiative.rules.ts';
import type { Sheet } from './initiative-sheet.service.ts';
import { initiativeMessages as m } from './messages.ts';
import { listRevisions } from './revisions.service.ts';
import type { ConflictView } from './views/conflict-box.tsx';

export type { ConflictView };

// The conflict page is a form: which fields conflict travels with it in hidden fields, so that
// "Reprendre la version enregistrée" works without JavaScript (one round trip, nothing saved).

const isEditable = (value: string): value is EditableField => (EDITABLE_FIELDS as readonly string[]).includes(value);
const listOf = (value: string | string[] | undefined) => (value === undefined ? [] : Array.isArray(value) ? value : [value]);
const fieldsOf = (body: FormBody, name: string) => listOf(body[name]).filter(isEditable);

/** The field whose saved version the person takes (`intent=theirs:<field>`), if that is what the form asks. */
export function takenFieldOf(body: FormBody): EditableField | undefined {
  const intent = typeof body.intent === 'string' ? body.intent : '';
  if (!intent.startsWith('theirs:')) return undefined;
  const field = intent.slice('theirs:'.length);
  if (!isEditable(field)) throw new InvalidInputError({ intent: m.conflict.unknownField });
  return field;
}

/** The conflict as the page shows it, against the sheet as saved now. */
export function conflictViewFrom(
  current: Sheet,
  view: { by: string; at: string; conflicts: EditableField[]; mergedFields: EditableField[]; taken?: EditableField[] },
): ConflictView {
  const names = new Map<string, string>([...current.services.map((s) => [s.id, s.name] as const), ...current.actors.map((a) => [a.id, a.name] as const)]);
  return { ...view, taken: view.taken ?? [], theirs: current.content, names };
}

/** The conflict page again after the person took the saved version of `taken`: the other fields still conflict. */
export async function conflictViewOf(db: Db, sheet: Sheet, body: FormBody, taken: EditableField): Promise<ConflictView> {
  const [latest] = await listRevisions(db, sheet.id, 1);
  return conflictViewFrom(sheet, {
    by: latest?.by ?? m.conflict.someone,
    at: latest ? formatDateTime(latest.at) : '',
    conflicts: fieldsOf(body, 'conflictField').filter((f) => f !== taken),
    mergedFields: fieldsOf(body, 'mergedField'),
    taken: [...new Set([...fieldsOf(body, 'takenField'), taken])],
  });
}
