import { photoMessages } from '../../../platform/images/photo-messages.ts';
import { PostForm } from '../../../platform/views/components.tsx';
import { PhotoAltField, PhotoFileField } from '../../../platform/views/photo-fields.tsx';
import type { ApplicationView } from '../applications.service.ts';
import { campaignMessages } from '../messages.ts';

const m = campaignMessages.page.photo;

/*
 * The interview's photo sits in the interview section, which is inside the dossier's form: forms do
 * not nest, so its fields and buttons name their own forms (`form="…"`), written after the dossier's
 * form by InterviewPhotoForms. Without JavaScript the browser sends them to those forms; the dossier's
 * autosave reads only its own form's fields.
 */
export const PHOTO_FORM = 'photo-entretien';
const REMOVE_FORM = 'photo-entretien-retrait';

/** The fields of the photo's forms, for the error summary's links. */
export const photoFieldLabels = { photo: m.file, photoAlt: photoMessages.alt };

export function InterviewPhoto(props: { view: ApplicationView; path: string; editable: boolean; errors: Record<string, string>; alt?: string }) {
  const { photo } = props.view;
  return (
    <div class="subfieldset" role="group" aria-labelledby="titre-photo">
      <h3 id="titre-photo">{m.title}</h3>
      <p class="field__hint">{m.hint}</p>
      {photo ? (
        <p>
          <img
            src={`${props.path}/photo-vignette.jpg`}
            alt={photo.alt}
            width={240}
            height={Math.max(1, Math.round((240 * photo.height) / photo.width))}
            loading="lazy"
          />
        </p>
      ) : (
        <p>{m.none}</p>
      )}
      {props.editable ? (
        <>
          <PhotoFileField label={photo ? m.newFile : m.file} error={props.errors.photo} form={PHOTO_FORM} />
          <PhotoAltField name="photoAlt" value={props.alt ?? ''} error={props.errors.photoAlt} form={PHOTO_FORM} />
          <div class="actions">
            <button type="submit" class="button button--secondary" form={PHOTO_FORM}>
              {photo ? m.replace : m.add}
            </button>
            {photo ? (
              <button type="submit" class="button button--secondary" form={REMOVE_FORM}>
                {m.remove}
              </button>
            ) : null}
          </div>
        </>
      ) : null}
    </div>
  );
}

/** The photo's forms themselves, outside the dossier's form; their fields are in the interview section. */
export function InterviewPhotoForms(props: { path: string; hasPhoto: boolean }) {
  return (
    <>
      <PostForm action={`${props.path}/photo`} enctype="multipart/form-data" id={PHOTO_FORM}>
        {null}
      </PostForm>
      {props.hasPhoto ? (
        <PostForm action={`${props.path}/photo/supprimer`} id={REMOVE_FORM}>
          {null}
        </PostForm>
      ) : null}
    </>
  );
}
