import { PostForm } from '../../../platform/views/components.tsx';
import { photoUrl } from '../initiative-json.ts';
import type { Sheet } from '../initiative-sheet.service.ts';
import { initiativeMessages } from '../messages.ts';
import { fieldId } from './form-controls.tsx';

const m = initiativeMessages.photos;

/** Photos of a sheet being edited: the list with a remove button each, and the upload form. */
export function PhotosSection(props: { sheet: Sheet; action: string; error?: string }) {
  const id = fieldId('photo');
  return (
    <section class="section" aria-labelledby="titre-photos">
      <h2 id="titre-photos">{m.heading}</h2>
      {props.sheet.photos.length === 0 ? <p>{m.none}</p> : null}
      <ul class="photo-list">
        {props.sheet.photos.map((photo, i) => (
          <li key={photo.id}>
            <img src={photoUrl(photo.id, 'thumbnail')} alt={photo.alt} width={240} height={Math.round((240 * photo.height) / photo.width)} loading="lazy" />
            <PostForm action={`${props.action}/${photo.id}/retirer`} class="inline-form">
              <button type="submit" class="button button--small button--secondary" aria-label={m.removeLabel(i + 1)}>
                {m.remove}
              </button>
            </PostForm>
          </li>
        ))}
      </ul>
      <PostForm action={props.action} enctype="multipart/form-data" class="photo-form">
        <div class={props.error ? 'field field--error' : 'field'}>
          <label for={id}>{m.file}</label>
          <p class="field__hint" id={`${id}-aide`}>
            {initiativeMessages.hints.photos}
          </p>
          {props.error ? (
            <p class="field__error" id={`${id}-erreur`}>
              {props.error}
            </p>
          ) : null}
          <input
            type="file"
            id={id}
            name="photo"
            accept="image/jpeg,image/png,image/webp"
            aria-describedby={`${id}-aide${props.error ? ` ${id}-erreur` : ''}`}
            aria-invalid={props.error ? 'true' : undefined}
          />
        </div>
        <div class="field">
          <label for={fieldId('alt')}>{m.alt}</label>
          <p class="field__hint" id={`${fieldId('alt')}-aide`}>
            {initiativeMessages.hints.photoAlt}
          </p>
          <input type="text" id={fieldId('alt')} name="alt" maxLength={300} aria-describedby={`${fieldId('alt')}-aide`} />
        </div>
        <button type="submit" class="button button--secondary">
          {m.add}
        </button>
      </PostForm>
    </section>
  );
}

/**
 * The photo of a sheet being created, inside its form (sent as multipart with the rest): optional,
 * one photo; more are added on the sheet once it exists. After a refused form the browser has
 * dropped the chosen file: the field says so.
 */
export function NewSheetPhotoFields(props: { error?: string; lost?: boolean; alt?: string }) {
  const id = fieldId('photo');
  const hintIds = `${id}-aide${props.lost ? ` ${id}-perdue` : ''}${props.error ? ` ${id}-erreur` : ''}`;
  return (
    <fieldset class="form-section" id={`${id}-section`}>
      <legend>{m.heading}</legend>
      <div class={props.error ? 'field field--error' : 'field'}>
        <label for={id}>{m.fileOptional}</label>
        <p class="field__hint" id={`${id}-aide`}>
          {initiativeMessages.hints.photos} {m.moreLater}
        </p>
        {props.lost ? (
          <p class="field__hint field__hint--warning" id={`${id}-perdue`}>
            {m.chooseAgain}
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
          accept="image/jpeg,image/png,image/webp"
          aria-describedby={hintIds}
          aria-invalid={props.error ? 'true' : undefined}
        />
      </div>
      <div class="field">
        <label for={fieldId('photoAlt')}>{m.alt}</label>
        <p class="field__hint" id={`${fieldId('photoAlt')}-aide`}>
          {initiativeMessages.hints.photoAlt}
        </p>
        <input type="text" id={fieldId('photoAlt')} name="photoAlt" maxLength={300} value={props.alt ?? ''} aria-describedby={`${fieldId('photoAlt')}-aide`} />
      </div>
    </fieldset>
  );
}
