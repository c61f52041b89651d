import { defineUpload } from '../../platform/http/uploads.ts';
import { LIMITS } from './initiative-input.ts';
import { initiativeMessages as m } from './messages.ts';
import { MAX_PHOTO_BYTES } from '../../platform/images/photo-processing.ts';

/** A sheet's photo through the API: a file over the limit is refused at once (413), before anything is stored. */
export const photoUpload = defineUpload({
  maxFileBytes: MAX_PHOTO_BYTES,
  maxFields: 10,
  maxFieldBytes: 10_000,
  messages: { fileRequired: m.photos.fileRequired, tooLarge: m.photos.tooLarge(MAX_PHOTO_BYTES / 1024 / 1024) },
  oversized: 'refuse',
});

/*
 * The workspace's forms: a photo alone, or the creation form, which carries one beside every field
 * of the sheet — so its limits are the sheet's: each chosen service, actor, indicator and link is a
 * field (see LIMITS), plus the form's own, and a description may be 30,000 characters of up to 4
 * bytes each. A file over the limit is cut and reported beside its field, so that what was typed
 * comes back with the error instead of being lost to an error page.
 */
const SHEET_FORM_FIELDS = 40 + LIMITS.services + LIMITS.actors + 4 * LIMITS.indicators + 2 * LIMITS.links + 3 * 10;

export const sheetFormUpload = defineUpload({
  maxFileBytes: MAX_PHOTO_BYTES,
  maxFields: SHEET_FORM_FIELDS,
  maxFieldBytes: 4 * LIMITS.description,
  messages: { fileRequired: m.photos.fileRequired, tooLarge: m.photos.tooLarge(MAX_PHOTO_BYTES / 1024 / 1024) },
  oversized: 'report',
});
