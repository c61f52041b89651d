import { parseFrenchNumber, type FormBody } from './initiative-input.ts';
import type { EditableField, SheetContent } from './initiative.rules.ts';

/** A value of the content as a form holds it: text (a number or a date too), lists of text, a checkbox. */
type AsTyped<T> = T extends boolean ? boolean : T extends readonly (infer U)[] ? AsTyped<U>[] : T extends object ? { [K in keyof T]: AsTyped<T[K]> } : string;

/** An actor typed in the form, to find or create with the sheet. */
export type NewActorRow = { name: string; kind: string; website: string };

/**
 * What the edit form shows: each field of the sheet's content as text, so a refused value comes
 * back as typed, and the actors typed in to add.
 */
export type FormState = { [K in EditableField]: AsTyped<SheetContent[K]> } & { newActors: NewActorRow[] };

const list = (value: string | string[] | undefined): string[] => (value === undefined ? [] : Array.isArray(value) ? value : [value]);
const one = (value: string | string[] | undefined): string => (Array.isArray(value) ? (value[0] ?? '') : (value ?? ''));

export const emptyFormState = (): FormState => ({
  title: '',
  summary: '',
  description: '',
  status: 'in_progress',
  startDate: '',
  endDate: '',
  serviceIds: [],
  actorIds: [],
  audiences: [],
  indicators: [],
  responsibleDigital: false,
  links: [],
  contactName: '',
  contactEmail: '',
  newActors: [],
});

const frenchNumber = (value: number) => String(value).replace('.', ',');

export function formStateFromContent(content: SheetContent): FormState {
  return {
    ...emptyFormState(),
    ...content,
    startDate: content.startDate ?? '',
    endDate: content.endDate ?? '',
    indicators: content.indicators.map((i) => ({ label: i.label, value: frenchNumber(i.value), unit: i.unit, date: i.date ?? '' })),
    contactName: content.contactName ?? '',
    contactEmail: content.contactEmail ?? '',
  };
}

export function formStateFromBody(form: FormBody): FormState {
  const labels = list(form.indicatorLabel);
  const values = list(form.indicatorValue);
  const units = list(form.indicatorUnit);
  const dates = list(form.indicatorDate);
  const linkLabels = list(form.linkLabel);
  const linkUrls = list(form.linkUrl);
  const actorNames = list(form.newActorName);
  const actorKinds = list(form.newActorKind);
  const actorSites = list(form.newActorWebsite);
  return {
    title: one(form.title),
    summary: one(form.summary),
    description: one(form.description),
    status: one(form.status),
    startDate: one(form.startDate),
    endDate: one(form.endDate),
    serviceIds: list(form.serviceIds),
    actorIds: list(form.actorIds),
    audiences: list(form.audiences),
    indicators: labels
      .map((label, i) => ({ label, value: values[i] ?? '', unit: units[i] ?? '', date: dates[i] ?? '' }))
      .filter((r) => Object.values(r).some((v) => v.trim() !== '')),
    responsibleDigital: one(form.responsibleDigital) === 'on',
    links: linkUrls.map((url, i) => ({ label: linkLabels[i] ?? '', url })).filter((r) => r.url.trim() !== '' || r.label.trim() !== ''),
    contactName: one(form.contactName),
    contactEmail: one(form.contactEmail),
    newActors: actorNames.map((name, i) => ({ name, kind: actorKinds[i] ?? '', website: actorSites[i] ?? '' })).filter((a) => a.name.trim() !== ''),
  };
}

/** The sheet's content as the schema reads it; the schema then refuses what is wrong, naming the field. */
export function contentFromState(state: FormState): Record<EditableField, unknown> {
  return {
    title: state.title,
    summary: state.summary,
    description: state.description,
    status: state.status || undefined,
    startDate: state.startDate || null,
    endDate: state.endDate || null,
    serviceIds: state.serviceIds,
    actorIds: state.actorIds,
    audiences: state.audiences,
    indicators: state.indicators.map((row) => ({
      label: row.label,
      value: row.value.trim() === '' ? undefined : parseFrenchNumber(row.value),
      unit: row.unit,
      date: row.date || null,
    })),
    responsibleDigital: state.responsibleDigital,
    links: state.links,
    contactName: state.contactName || null,
    contactEmail: state.contactEmail || null,
  };
}
