/**
 * The decisions of the report's form, as posted: per row, a radio `choix-<row>` (a candidate's
 * code, `code`, `skip`, or empty for later) and a territory picker `code-<row>` (a name or a code).
 * Both the "save my choices" and the "import" buttons post them: a choice is never lost.
 */
import type { Db } from '../../platform/db/database.ts';
import type { FieldErrors } from '../../platform/http/errors.ts';
import { pickTerritory, type TerritoryOption } from '../territories/pick-territory.service.ts';
import { readPickerText } from '../territories/territory-picker.rules.ts';
import { pickerError, pickerInput } from '../territories/views/territory-picker.tsx';
import { importMessages } from './messages.ts';
import { SKIP, type PalmaresDecisions } from './import-palmares.service.ts';

type Form = Record<string, string | undefined>;

const m = importMessages.report.decide;

export type PostedDecisions = {
  decisions: PalmaresDecisions;
  errors: FieldErrors;
  /** Per row, the territories a typed name could mean: offered back as a choice. */
  options: Record<number, TerritoryOption[]>;
  /** Whether the form named any row (the import button posts no row when nothing is left to decide). */
  named: boolean;
};

/**
 * The stored decisions with the posted rows' ones in their place; rows the form does not name keep
 * theirs. A typed code is kept as typed (the check names an unknown one); a typed name is resolved
 * now: one sure territory is taken, several are offered back, none is an error on the row's field.
 */
export async function readDecisionsForm(db: Db, form: Form, stored: PalmaresDecisions): Promise<PostedDecisions> {
  const decisions: PalmaresDecisions = { ...stored };
  const errors: FieldErrors = {};
  const options: Record<number, TerritoryOption[]> = {};
  const rows = new Set<number>();
  for (const name of Object.keys(form)) {
    const row = /^(?:choix|code)-(\d{1,9})$/.exec(name)?.[1];
    if (row) rows.add(Number(row));
  }
  for (const row of rows) {
    const key = String(row);
    const field = `code-${row}`;
    delete decisions[key];
    const choice = (form[`choix-${row}`] ?? '').trim();
    const text = (form[field] ?? '').trim();
    if (text) {
      if (choice !== '' && choice !== 'code') {
        errors[field] = m.bothGiven;
        continue;
      }
      const read = readPickerText(text);
      if (read.kind === 'code') {
        decisions[key] = read.code;
        continue;
      }
      const picked = await pickTerritory(db, pickerInput(form, field));
      if (picked.status === 'picked') decisions[key] = picked.territory.code;
      else {
        errors[field] = pickerError(picked, text) ?? m.codeMissing;
        if (picked.status === 'choose') options[row] = picked.options;
      }
    } else if (choice === 'code') errors[field] = m.codeMissing;
    else if (choice === SKIP) decisions[key] = SKIP;
    else if (choice !== '') decisions[key] = choice;
  }
  return { decisions, errors, options, named: rows.size > 0 };
}
