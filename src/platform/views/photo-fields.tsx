import { photoMessages as m } from '../images/photo-messages.ts';

/*
 * The two fields every form with a photo shows: the file (its accepted formats as a hint, a warning
 * and its error, linked for screen readers) and its description. `form` names the form they belong
 * to when they sit inside another one (the dossier's interview, inside the dossier's form).
 */

const idOf = (name: string) => `champ-${name}`;

/** The photo's file input; its name is `photo`, as the uploads read it. */
export function PhotoFileField(props: { label: string; id?: string; error?: string; hint?: string; warning?: string; form?: string }) {
  const id = idOf(props.id ?? 'photo');
  const describedBy = `${id}-aide${props.warning ? ` ${id}-perdue` : ''}${props.error ? ` ${id}-erreur` : ''}`;
  return (
    <div class={props.error ? 'field field--error' : 'field'}>
      <label for={id}>{props.label}</label>
      <p class="field__hint" id={`${id}-aide`}>
        {m.fileHint}
        {props.hint ? ` ${props.hint}` : ''}
      </p>
      {props.warning ? (
        <p class="field__hint field__hint--warning" id={`${id}-perdue`}>
          {props.warning}
        </p>
      ) : null}
      {props.error ? (
        <p class="field__error" id={`${id}-erreur`}>
          {props.error}
        </p>
      ) : null}
      <input
        type="file"
        id={id}
        name="photo"
        form={props.form}
        accept="image/jpeg,image/png,image/webp"
        aria-describedby={describedBy}
        aria-invalid={props.error ? 'true' : undefined}
      />
    </div>
  );
}

/** The photo's description, for the people who do not see it. */
export function PhotoAltField(props: { name: string; value?: string; error?: string; required?: boolean; form?: string }) {
  const id = idOf(props.name);
  return (
    <div class={props.error ? 'field field--error' : 'field'}>
      <label for={id}>{m.alt}</label>
      <p class="field__hint" id={`${id}-aide`}>
        {m.altHint}
      </p>
      {props.error ? (
        <p class="field__error" id={`${id}-erreur`}>
          {props.error}
        </p>
      ) : null}
      <input
        type="text"
        id={id}
        name={props.name}
        form={props.form}
        maxLength={300}
        value={props.value ?? ''}
        required={props.required}
        aria-describedby={props.error ? `${id}-aide ${id}-erreur` : `${id}-aide`}
        aria-invalid={props.error ? 'true' : undefined}
      />
    </div>
  );
}
