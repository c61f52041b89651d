import { FieldFrame } from '../../../platform/views/components.tsx';
import { territoryMessages } from '../messages.ts';
import type { PickedTerritory, PickerInput, TerritoryOption } from '../pick-territory.service.ts';
import { readPickerText } from '../territory-picker.rules.ts';

const m = territoryMessages.picker;

/** Where the suggestions come from (public/js/suggest.js fills the datalist as one types). */
export const TERRITORY_SUGGESTIONS = '/api/v1/territories';
/** The script a page with a picker lists in its layout: suggestions are an enhancement only. */
export const TERRITORY_PICKER_SCRIPT = '/static/js/suggest.js';

/** The posted names of a picker called `name`: its text, the radio of a choice, the text the choice was for. */
export const pickerFields = (name: string) => ({ text: name, choice: `${name}-choix`, offeredFor: `${name}-pour` });

/** A picker's input as a posted form holds it. */
export function pickerInput(form: Record<string, string | undefined>, name: string): PickerInput {
  const f = pickerFields(name);
  return { text: form[f.text], choice: form[f.choice], offeredFor: form[f.offeredFor] };
}

/** The error a resolved picker gives its field, when it gives one (an empty field is the form's to judge). */
export function pickerError(result: PickedTerritory, text: string | undefined): string | undefined {
  if (result.status === 'choose') return m.choose((text ?? '').trim());
  if (result.status !== 'none') return undefined;
  const read = readPickerText(text ?? '');
  return read.kind === 'code' ? m.unknownCode(read.code) : m.none((text ?? '').trim());
}

/**
 * A territory field: a text taking a name or a code, with suggestions as one types when JavaScript
 * runs (a suggestion carries its code, so it is always a sure match). When the server found several
 * territories for the text, they follow as a radio list with their département and population.
 */
export function TerritoryPicker(props: {
  name: string;
  label: string;
  hint?: string;
  value?: string;
  error?: string;
  /** The territories offered for `value` (the server's answer to a text it could not settle). */
  options?: TerritoryOption[];
  required?: boolean;
  /** When a page repeats the picker, its own id; the name by default. */
  id?: string;
  /** A label read by screen readers only, when the row around the field already says what it is. */
  labelHidden?: boolean;
  placeholder?: string;
  class?: string;
}) {
  const f = pickerFields(props.name);
  const key = props.id ?? props.name;
  const listId = `suggestions-${key}`;
  const options = props.options ?? [];
  const value = props.value ?? '';
  return (
    <div class={['territory-picker', props.labelHidden ? 'territory-picker--compact' : '', props.class ?? ''].filter(Boolean).join(' ')}>
      <FieldFrame
        name={props.name}
        id={props.id}
        label={props.label}
        hint={props.hint ?? m.hint}
        error={props.error}
        required={props.required}
        control={(aria) => (
          <>
            <input
              {...aria}
              type="text"
              name={f.text}
              value={value}
              required={props.required}
              autocomplete="off"
              spellcheck={false}
              maxLength={200}
              placeholder={props.placeholder}
              list={listId}
              data-suggest={TERRITORY_SUGGESTIONS}
              data-suggest-value="name-code"
            />
            <datalist id={listId}></datalist>
          </>
        )}
      />
      {options.length ? (
        <fieldset class="territory-picker__choices">
          <legend>{m.choices(value.trim())}</legend>
          <input type="hidden" name={f.offeredFor} value={value} />
          {options.map((o, i) => (
            <div class="territory-picker__choice" key={o.code}>
              <input type="radio" id={`champ-${key}-choix-${i}`} name={f.choice} value={o.code} />
              <label for={`champ-${key}-choix-${i}`}>{m.option(o)}</label>
            </div>
          ))}
        </fieldset>
      ) : null}
    </div>
  );
}
