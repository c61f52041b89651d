/** What changed from one version of a sheet to the next, field by field, for the history. Pure, no I/O. */
import { EDITABLE_FIELDS, sameValue, type EditableField, type SheetContent } from './initiative.rules.ts';

/** Fields of free text: the history shows the passage that changed, not the whole text. */
const TEXT_FIELDS: ReadonlySet<EditableField> = new Set(['title', 'summary', 'description', 'contactName', 'contactEmail']);
/** Fields that are sets: the history shows what was added and removed. */
const SET_FIELDS = ['serviceIds', 'actorIds', 'audiences'] as const satisfies readonly EditableField[];
type SetField = (typeof SET_FIELDS)[number];
const isSetField = (field: EditableField): field is SetField => (SET_FIELDS as readonly string[]).includes(field);

export type FieldChange =
  | { field: EditableField; kind: 'text'; before: string; after: string }
  | { field: SetField; kind: 'set'; added: string[]; removed: string[] }
  | { field: EditableField; kind: 'value' };

/** Characters of unchanged text kept on each side of a change, so it can be found in the text. */
export const CONTEXT = 30;

/**
 * The passage of a text that changed: the common start and end are cut to `CONTEXT` characters
 * (marked "…"), so one word changed in a long description reads as that word in its sentence.
 */
export function changedPassage(before: string, after: string): { before: string; after: string } {
  let start = 0;
  while (start < before.length && start < after.length && before[start] === after[start]) start++;
  let end = 0;
  while (end < before.length - start && end < after.length - start && before[before.length - 1 - end] === after[after.length - 1 - end]) end++;
  const from = Math.max(0, start - CONTEXT);
  const cut = (text: string) => {
    const to = Math.min(text.length, text.length - end + CONTEXT);
    return `${from > 0 ? '…' : ''}${text.slice(from, to)}${to < text.length ? '…' : ''}`;
  };
  return { before: cut(before), after: cut(after) };
}

/** The changes from `before` (none: the sheet was created) to `after`, in the fields' order. */
export function fieldChanges(before: SheetContent | null, after: SheetContent): FieldChange[] {
  if (!before) return [];
  return EDITABLE_FIELDS.filter((field) => !sameValue(field, before[field], after[field])).map((field): FieldChange => {
    if (isSetField(field)) {
      const was = new Set<string>(before[field]);
      const is = new Set<string>(after[field]);
      return { field, kind: 'set', added: [...is].filter((v) => !was.has(v)), removed: [...was].filter((v) => !is.has(v)) };
    }
    if (TEXT_FIELDS.has(field)) return { field, kind: 'text', ...changedPassage(String(before[field] ?? ''), String(after[field] ?? '')) };
    return { field, kind: 'value' };
  });
}
