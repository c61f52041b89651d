import fastifyMultipart, { type MultipartFile } from '@fastify/multipart';
import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { DomainError, InvalidInputError, TooLargeError } from '../errors.ts';
import { platformMessages } from '../views/messages.ts';
import { HttpError } from './errors.ts';

/** A file of a multipart form, as the upload's routes find it in their body. */
export type UploadedFile = {
  filename: string;
  /** The type the client claims: contents are checked by the service, never trusted from this. */
  mimetype: string;
  data: Buffer;
  /** Cut at the size limit (only with `oversized: 'report'`). */
  truncated: boolean;
};

export type UploadOptions = {
  /** The largest file accepted, in bytes. */
  maxFileBytes: number;
  /** How many text fields the form carries at most (its CSRF token included), and their size. */
  maxFields: number;
  maxFieldBytes: number;
  /** French messages, shown beside the file's field (or as the API's `message`, with `field`). */
  messages: { fileRequired: string; tooLarge: string };
  /**
   * A file over the limit: `refuse` answers 413 naming the field while it arrives, before anything
   * else is read (the photo of an initiative: the API and the form alike); `report` cuts it and lets
   * the route show its page with the error beside the field (the palmarès import).
   */
  oversized: 'refuse' | 'report';
};

async function readFile(part: MultipartFile, tooLarge: string): Promise<UploadedFile> {
  try {
    const data = await part.toBuffer();
    return { filename: part.filename, mimetype: part.mimetype, data, truncated: part.file.truncated };
  } catch (error) {
    if ((error as { code?: string }).code === 'FST_REQ_FILE_TOO_LARGE') throw new TooLargeError(tooLarge, part.fieldname);
    throw error;
  }
}

const isUploadedFile = (value: unknown): value is UploadedFile =>
  typeof value === 'object' && value !== null && Buffer.isBuffer((value as UploadedFile).data) && typeof (value as UploadedFile).filename === 'string';

/**
 * One set-up for file uploads (multipart forms), the same limits and French errors for every module;
 * each form with a file defines its upload once and uses it in its routes: `register` in the
 * module's route plugin, `file` in the route's body schema, `take` in the handler.
 */
export function defineUpload(options: UploadOptions) {
  const { messages } = options;
  return {
    /** Parses multipart bodies for the routes of this plugin (one file, its fields as values). */
    async register(app: FastifyInstance): Promise<void> {
      await app.register(fastifyMultipart, {
        limits: { fileSize: options.maxFileBytes, files: 1, fields: options.maxFields, fieldSize: options.maxFieldBytes },
        throwFileSizeLimit: options.oversized === 'refuse',
      });
      // The fields and the file become the body's values, as `attachFieldsToBody: 'keyValues'` would
      // do, but a body the parser cannot read (no boundary, a truncated part, a malformed header) is
      // the client's error: a French 400, not a 500.
      app.addHook('preValidation', async (request) => {
        if (!request.isMultipart()) return;
        const body: Record<string, unknown> = {};
        try {
          for await (const part of request.parts()) {
            const value = part.type === 'file' ? await readFile(part, messages.tooLarge) : part.value;
            const previous = body[part.fieldname];
            body[part.fieldname] = previous === undefined ? value : [...[previous].flat(), value];
          }
        } catch (error) {
          // Too many parts is not too large a file: say which limit was reached.
          const code = (error as { code?: unknown }).code;
          if (code === 'FST_FILES_LIMIT') throw new TooLargeError(platformMessages.errors.tooManyFiles);
          if (code === 'FST_FIELDS_LIMIT') throw new TooLargeError(platformMessages.errors.tooManyFields(options.maxFields));
          // The multipart plugin's own refusals (limits, a forbidden field name) carry their status; ours too.
          if (error instanceof DomainError || typeof (error as { statusCode?: unknown }).statusCode === 'number') throw error;
          throw new HttpError(400, platformMessages.errors.malformedMultipart);
        }
        request.body = body;
      });
    },
    /**
     * The file field of the route's body schema: undefined when no file came (a form posted without
     * multipart, a text in its place), which `take` answers with the field's French message.
     */
    file: z
      .unknown()
      .transform((value) => (isUploadedFile(value) ? value : undefined))
      .meta({ type: 'string', format: 'binary' })
      .optional(),
    /** The file the person sent, or the French error naming its field: none chosen (400), too large (413). */
    take(value: UploadedFile | undefined, field: string): UploadedFile {
      // A form sent without choosing a file still carries the part, nameless and empty.
      if (!value || (value.data.length === 0 && !value.filename)) throw new InvalidInputError({ [field]: messages.fileRequired });
      if (value.truncated) throw new TooLargeError(messages.tooLarge, field);
      return value;
    },
  };
}

/** The body schema of a multipart form: its named fields, the others (the CSRF token) kept as posted. */
export function uploadBody<S extends z.ZodRawShape>(shape: S) {
  return z.preprocess((value) => value ?? {}, z.looseObject(shape));
}
