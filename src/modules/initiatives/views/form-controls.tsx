import type { ComponentChildren } from 'preact';

/** Id of a field's control, the target of the error summary's links. */
export const fieldId = (key: string) => `champ-${key}`;

/** A checkbox with its label (and an optional description read with it). */
export function Checkbox(props: { id: string; name: string; value?: string; checked: boolean; label: ComponentChildren; description?: string }) {
  const id = fieldId(props.id);
  return (
    <div class="checkbox">
      <input
        type="checkbox"
        id={id}
        name={props.name}
        value={props.value ?? 'on'}
        checked={props.checked}
        aria-describedby={props.description ? `${id}-desc` : undefined}
      />
      <label for={id}>{props.label}</label>
      {props.description ? (
        <span class="checkbox__description" id={`${id}-desc`}>
          {props.description}
        </span>
      ) : null}
    </div>
  );
}
