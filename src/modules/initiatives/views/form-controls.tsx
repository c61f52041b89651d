import type { ComponentChildren } from 'preact';

/** Id of a field's control, the target of the error summary's links. */
export const fieldId = (key: string) => `champ-${key}`;

/** A labelled control in a repeated row (indicators, links, actors): explicit id, shared name. */
export function RowControl(props: { id: string; name: string; label: string; value: string; error?: string; type?: string; inputmode?: string; class?: string; list?: string; suggest?: string }) {
  const id = fieldId(props.id);
  return (
    <div class={`field${props.error ? ' field--error' : ''}${props.class ? ` ${props.class}` : ''}`}>
      <label for={id}>{props.label}</label>
      {props.error ? <p class="field__error" id={`${id}-erreur`}>{props.error}</p> : null}
      <input
        id={id}
        name={props.name}
        type={props.type ?? 'text'}
        value={props.value}
        inputMode={props.inputmode as never}
        list={props.list}
        data-suggest={props.suggest}
        autocomplete={props.list ? 'off' : undefined}
        aria-invalid={props.error ? 'true' : undefined}
        aria-describedby={props.error ? `${id}-erreur` : undefined}
      />
    </div>
  );
}

/** A labelled textarea with hint and error. */
export function TextArea(props: { name: string; label: string; value: string; hint?: string; error?: string; rows?: number; required?: boolean; maxLength?: number; extra?: ComponentChildren }) {
  const id = fieldId(props.name);
  const describedBy = [props.hint ? `${id}-aide` : null, props.error ? `${id}-erreur` : null].filter(Boolean).join(' ');
  return (
    <div class={props.error ? 'field field--error' : 'field'}>
      <label for={id}>{props.label}</label>
      {props.hint ? <p class="field__hint" id={`${id}-aide`}>{props.hint}</p> : null}
      {props.error ? <p class="field__error" id={`${id}-erreur`}>{props.error}</p> : null}
      {props.extra}
      <textarea
        id={id}
        name={props.name}
        rows={props.rows ?? 4}
        maxLength={props.maxLength}
        aria-invalid={props.error ? 'true' : undefined}
        aria-describedby={describedBy || undefined}
      >
        {props.value}
      </textarea>
    </div>
  );
}

/** A checkbox with its label (and an optional description read with it). */
export function Checkbox(props: { id: string; name: string; value?: string; checked: boolean; label: ComponentChildren; description?: string }) {
  const id = fieldId(props.id);
  return (
    <div class="checkbox">
      <input type="checkbox" id={id} name={props.name} value={props.value ?? 'on'} checked={props.checked} aria-describedby={props.description ? `${id}-desc` : undefined} />
      <label for={id}>{props.label}</label>
      {props.description ? <span class="checkbox__description" id={`${id}-desc`}>{props.description}</span> : null}
    </div>
  );
}
