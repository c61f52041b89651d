import { PostForm } from '../../../platform/views/components.tsx';
import { PhotoAltField, PhotoFileField } from '../../../platform/views/photo-fields.tsx';
import { photoUrl } from '../initiative-json.ts';
import type { Sheet } from '../initiative-sheet.service.ts';
import { initiativeMessages } from '../messages.ts';
import { fieldId } from './form-controls.tsx';

const m = initiativeMessages.photos;

/** Photos of a sheet being edited: the list with a remove button each, and the upload form. */
export function PhotosSection(props: { sheet: Sheet; action: string; error?: string }) {
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
        <PhotoFileField label={m.file} error={props.error} />
        <PhotoAltField name="alt" />
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
  return (
    <fieldset class="form-section" id={`${id}-section`}>
      <legend>{m.heading}</legend>
      <PhotoFileField label={m.fileOptional} error={props.error} hint={m.moreLater} warning={props.lost ? m.chooseAgain : undefined} />
      <PhotoAltField name="photoAlt" value={props.alt} />
    </fieldset>
  );
}
