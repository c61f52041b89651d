import { platformMessages } from '../views/messages.ts';

const m = platformMessages.errors;

/** An error that carries its HTTP status and a French message for the person who caused it. */
export class HttpError extends Error {
  constructor(
    public readonly statusCode: number,
    message: string,
    /** The field at fault, named in API answers and shown next to the field in forms. */
    public readonly field?: string,
  ) {
    super(message);
    this.name = 'HttpError';
  }
}

export const notFound = (message: string = m.pageNotFound) => new HttpError(404, message);
export const forbidden = (message: string = m.forbidden) => new HttpError(403, message);
export const badRequest = (field: string, message: string) => new HttpError(400, message, field);

/** Field errors of a form, keyed by field name, shown next to each field. */
export type FieldErrors = Record<string, string>;

/** Validation failure of a form or an API body, with a French message per field. */
export class ValidationError extends HttpError {
  constructor(public readonly fields: FieldErrors) {
    const first = Object.entries(fields)[0];
    super(400, first ? platformMessages.form.fieldError(first[0], first[1]) : m.invalidData, first?.[0]);
    this.name = 'ValidationError';
  }
}
