/**
 * The dossier's page posts one form (saved as it goes by autosave, or by « Enregistrer »): its fields
 * become the patch the save takes, and the save's errors (keyed by the patch's fields) go back to the
 * fields of the page. One mapping each way, so the two cannot drift.
 */
import { answersFromForm } from '../../platform/questionnaire/questionnaire-form.ts';
import { questionErrorKey } from '../../platform/questionnaire/questionnaire-fields.tsx';
import type { Questionnaire } from '../../platform/questionnaire/questionnaire.schema.ts';
import type { ApplicationContacts, ContactPerson } from './application.schema.ts';
import { INTERVIEW_QUESTIONS } from './default-questionnaires.data.ts';

type FormBody = Readonly<Record<string, string | string[] | undefined>>;

/** Name prefixes of the questionnaire's and the interview's fields. */
export const QUESTIONNAIRE_PREFIX = 'q';
export const INTERVIEW_PREFIX = 'i';
export const CONTACT_ROLES = ['elected', 'agent'] as const;
export const CONTACT_FIELDS = ['name', 'role', 'email', 'phone'] as const satisfies readonly (keyof ContactPerson)[];

const list = (value: string | string[] | undefined): string[] => (value === undefined ? [] : Array.isArray(value) ? value : [value]);
const one = (value: string | string[] | undefined): string | undefined => (Array.isArray(value) ? value.at(-1) : value);

/** The patch a posted dossier form gives (every part: the page shows them all). */
export function patchFromForm(body: FormBody, questionnaire: Questionnaire) {
  const contacts: Record<string, Record<string, string>> = {};
  for (const role of CONTACT_ROLES) {
    for (const field of CONTACT_FIELDS) {
      const value = one(body[`${role}.${field}`]);
      if (value !== undefined) (contacts[role] ??= {})[field] = value;
    }
  }
  return {
    version: Number(one(body.version)),
    initiativeIds: list(body.initiativeIds).filter((id) => id !== ''),
    answers: answersFromForm(questionnaire, body, QUESTIONNAIRE_PREFIX),
    interview: { answers: answersFromForm(INTERVIEW_QUESTIONS, body, INTERVIEW_PREFIX), consent: one(body.consent) === 'on' },
    contacts: contacts as ApplicationContacts,
  };
}

/**
 * The page's field of a save's (or a submission's) error: `answers.budget` → the questionnaire's
 * field, `interview.answers.x` → the interview's, `initiativeIds.3` → the sheets' group,
 * `contacts.elected.name` → that contact field.
 */
export function pageFieldOf(field: string): string {
  if (field.startsWith('answers.')) return questionErrorKey(QUESTIONNAIRE_PREFIX, field.slice('answers.'.length));
  if (field.startsWith('interview.answers.')) return questionErrorKey(INTERVIEW_PREFIX, field.slice('interview.answers.'.length));
  if (field.startsWith('initiativeIds')) return 'initiativeIds';
  if (field.startsWith('contacts.')) return field.slice('contacts.'.length);
  return field;
}

/** Errors keyed as the page's fields (the first message of a field kept). */
export function pageErrors(errors: Readonly<Record<string, string>>): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [field, message] of Object.entries(errors)) out[pageFieldOf(field)] ??= message;
  return out;
}

/** The errors of one questionnaire, by question id, for its fields. */
export function questionErrors(errors: Readonly<Record<string, string>>, prefix: string): Record<string, string> {
  const key = `${prefix}-`;
  return Object.fromEntries(
    Object.entries(errors)
      .filter(([field]) => field.startsWith(key))
      .map(([field, message]) => [field.slice(key.length), message]),
  );
}
