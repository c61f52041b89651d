import { defineUpload } from '../../platform/http/uploads.ts';
import { initiativeMessages as m } from './messages.ts';
import { MAX_PHOTO_BYTES } from './photo-processing.ts';

/** A sheet's photo, through the API or the form: a file over the limit is refused at once (413), before anything is stored. */
export const photoUpload = defineUpload({
  maxFileBytes: MAX_PHOTO_BYTES,
  maxFields: 10,
  maxFieldBytes: 10_000,
  messages: { fileRequired: m.photos.fileRequired, tooLarge: m.photos.tooLarge(MAX_PHOTO_BYTES / 1024 / 1024) },
  oversized: 'refuse',
});
