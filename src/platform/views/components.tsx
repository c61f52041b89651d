import type { ComponentChildren } from 'preact';
import { platformMessages } from './messages.ts';
import { usePage } from './page-context.ts';

const m = platformMessages.form;

/** The hidden field every POST form carries (CSRF protection). */
export function CsrfField() {
  const { csrfToken } = usePage();
  return <input type="hidden" name="_csrf" value={csrfToken()} />;
}

/**
 * A POST form with its CSRF field. `leaveWarning` asks before leaving the page with changes not
 * sent (public/js/leave-warning.js): `dirty` when the form already shows what is not saved yet.
 */
export function PostForm(props: {
  action: string;
  children: ComponentChildren;
  class?: string;
  id?: string;
  'aria-labelledby'?: string;
  enctype?: string;
  leaveWarning?: 'clean' | 'dirty';
}) {
  const { children, leaveWarning, ...rest } = props;
  return (
    <form method="post" {...rest} data-leave-warning={leaveWarning}>
      <CsrfField />
      {children}
    </form>
  );
}

export function ErrorSummary(props: {
  errors: Record<string, string>;
  labels?: Record<string, string>;
  /** Fields with no input on the page (e.g. a URL parameter). */ unlinked?: string[];
}) {
  const entries = Object.entries(props.errors);
  if (entries.length === 0) return null;
  return (
    // Focused when the page opens (without JavaScript too): after a refused form, the person lands on what to fix.
    <div class="alert alert--error" role="alert" tabIndex={-1} id="erreurs" autofocus>
      <h2 class="alert__title">{m.errorSummaryTitle(entries.length)}</h2>
      <ul>
        {entries.map(([field, message]) => (
          <li key={field}>
            {field === '_' ? (
              message
            ) : props.unlinked?.includes(field) ? (
              m.fieldError(props.labels?.[field] ?? field, message)
            ) : (
              <a href={`#champ-${field}`}>{m.fieldError(props.labels?.[field] ?? field, message)}</a>
            )}
          </li>
        ))}
      </ul>
    </div>
  );
}

type FieldFrameProps = {
  name: string;
  label: string;
  hint?: string;
  error?: string;
  required?: boolean;
  /** When a page repeats a field (one form per row), its own id; the name by default. */
  id?: string;
  class?: string;
};

/** Label, hint and error of a form control, linked to it for screen readers; `control` gets the ids. */
export function FieldFrame(
  props: FieldFrameProps & { control: (aria: { id: string; 'aria-invalid'?: 'true'; 'aria-describedby'?: string }) => ComponentChildren },
) {
  const id = `champ-${props.id ?? props.name}`;
  const describedBy = [props.hint ? `${id}-aide` : null, props.error ? `${id}-erreur` : null].filter(Boolean).join(' ');
  return (
    <div class={['field', props.error ? 'field--error' : '', props.class ?? ''].filter(Boolean).join(' ')}>
      <label for={id}>
        {props.label}
        {props.required ? <span class="field__required"> {m.required}</span> : null}
      </label>
      {props.hint ? (
        <p class="field__hint" id={`${id}-aide`}>
          {props.hint}
        </p>
      ) : null}
      {props.error ? (
        <p class="field__error" id={`${id}-erreur`}>
          {props.error}
        </p>
      ) : null}
      {props.control({ id, 'aria-invalid': props.error ? 'true' : undefined, 'aria-describedby': describedBy || undefined })}
    </div>
  );
}

/** A labelled input with its hint and error. */
export function Field(
  props: FieldFrameProps & {
    type?: string;
    value?: string | null;
    autocomplete?: string;
    inputmode?: string;
    minLength?: number;
    maxLength?: number;
    /** A datalist of suggestions, and the API that fills it (public/js/suggest.js). */
    list?: string;
    suggest?: string;
  },
) {
  return (
    <FieldFrame
      {...props}
      control={(aria) => (
        <input
          {...aria}
          name={props.name}
          type={props.type ?? 'text'}
          value={props.value ?? ''}
          required={props.required}
          autocomplete={props.autocomplete}
          inputMode={props.inputmode as never}
          minLength={props.minLength}
          maxLength={props.maxLength}
          list={props.list}
          data-suggest={props.suggest}
        />
      )}
    />
  );
}

/** A labelled textarea with its hint and error. */
export function TextAreaField(props: FieldFrameProps & { value?: string | null; rows?: number; maxLength?: number }) {
  return (
    <FieldFrame
      {...props}
      control={(aria) => (
        <textarea {...aria} name={props.name} rows={props.rows ?? 4} required={props.required} maxLength={props.maxLength}>
          {props.value ?? ''}
        </textarea>
      )}
    />
  );
}

/** A labelled select with its hint and error; `emptyOption` adds a first choice meaning "no filter". */
export function SelectField(props: FieldFrameProps & { options: { value: string; label: string }[]; value?: string | null; emptyOption?: string }) {
  return (
    <FieldFrame
      {...props}
      control={(aria) => (
        <select {...aria} name={props.name}>
          {props.emptyOption !== undefined ? <option value="">{props.emptyOption}</option> : null}
          {props.options.map((o) => (
            <option value={o.value} selected={props.value === o.value}>
              {o.label}
            </option>
          ))}
        </select>
      )}
    />
  );
}

/**
 * A data table with its (visually hidden) caption, inside a region that scrolls sideways on narrow
 * screens and can be reached with the keyboard; the region is named by the caption.
 */
export function DataTable(props: { id: string; caption: string; children: ComponentChildren }) {
  return (
    <div class="table-wrapper" role="region" tabIndex={0} aria-labelledby={props.id}>
      <table class="table">
        <caption class="visually-hidden" id={props.id}>
          {props.caption}
        </caption>
        {props.children}
      </table>
    </div>
  );
}

export function Notice(props: { kind?: 'info' | 'success' | 'error' | 'warning'; children: ComponentChildren }) {
  const kind = props.kind ?? 'info';
  return (
    <div class={`alert alert--${kind}`} role={kind === 'error' ? 'alert' : 'status'}>
      {props.children}
    </div>
  );
}

export { formatDate, formatDateTime, formatNumber } from './format.ts';

/**
 * The search field of a directory: label, input with suggestions as you type (public/js/suggest.js,
 * filled from `suggest`), submit button and hint. Works as a plain GET form without JavaScript.
 */
export function SuggestSearchField(props: { label: string; hint: string; button: string; value: string; suggest: string; listId: string }) {
  return (
    <div class="filters__search">
      <label for="champ-q">{props.label}</label>
      <div class="search-box__row">
        <input
          id="champ-q"
          name="q"
          type="search"
          value={props.value}
          autocomplete="off"
          list={props.listId}
          data-suggest={props.suggest}
          aria-describedby="aide-q"
        />
        <datalist id={props.listId}></datalist>
        <button type="submit" class="button">
          {props.button}
        </button>
      </div>
      <p class="field__hint" id="aide-q">
        {props.hint}
      </p>
    </div>
  );
}
