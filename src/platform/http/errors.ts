import { ForbiddenError, InvalidInputError, NotFoundError, type DomainError, type DomainErrorKind } from '../errors.ts';
import { platformMessages } from '../views/messages.ts';

export type { FieldErrors } from '../errors.ts';

const m = platformMessages.errors;

/**
 * An error of HTTP itself (a multipart limit, a header), carrying its status and a French message.
 * What a service refuses is a domain error (platform/errors.ts), never this.
 */
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

/** The HTTP status of each kind of domain error: the one place they meet HTTP. */
export const DOMAIN_ERROR_STATUS: Record<DomainErrorKind, number> = {
  invalid: 400,
  sign_in_required: 401,
  forbidden: 403,
  not_found: 404,
  conflict: 409,
  gone: 410,
  too_large: 413,
  unsupported_media_type: 415,
  too_many_attempts: 429,
};

/** The status of an error a route re-shows in its form (the page answers with the status the API would). */
export function httpStatusOf(error: DomainError | HttpError): number {
  return error instanceof HttpError ? error.statusCode : DOMAIN_ERROR_STATUS[error.kind];
}

// Shorthands for routes; they make domain errors, mapped like those of services.
export const notFound = (message: string = m.pageNotFound) => new NotFoundError(message);
export const forbidden = (message: string = m.forbidden) => new ForbiddenError(message);
/** One wrong parameter, with a whole sentence as the message. */
export const badRequest = (field: string, message: string) => new InvalidInputError({ [field]: message }, message);
