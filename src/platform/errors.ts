import { platformMessages } from './views/messages.ts';

/**
 * Typed domain errors: what services and rules throw. They know nothing of HTTP or the terminal;
 * the HTTP error handler (platform/http/server.ts, with the statuses of platform/http/errors.ts)
 * and the CLI (platform/cli/command.ts) each map them once. Every message is French, for the person
 * who caused the error.
 */

const m = platformMessages.errors;

/** Field errors of a form or an API body, keyed by field name (dotted for nested fields). */
export type FieldErrors = Record<string, string>;

export type DomainErrorKind =
  'not_found' | 'forbidden' | 'sign_in_required' | 'conflict' | 'invalid' | 'too_large' | 'unsupported_media_type' | 'gone' | 'too_many_attempts';

export abstract class DomainError extends Error {
  abstract readonly kind: DomainErrorKind;
  constructor(
    message: string,
    /** The field at fault, named in API answers and shown next to the field in forms. */
    public readonly field?: string,
  ) {
    super(message);
    this.name = new.target.name;
  }
}

/** The thing asked for does not exist, or the person may not know it exists. */
export class NotFoundError extends DomainError {
  readonly kind = 'not_found';
  constructor(message: string = m.pageNotFound, field?: string) {
    super(message, field);
  }
}

/** The person is known but the declared rule of the action refuses them. */
export class ForbiddenError extends DomainError {
  readonly kind = 'forbidden';
  constructor(message: string = m.forbidden, field?: string) {
    super(message, field);
  }
}

/**
 * The action needs a signed-in person (pages send the visitor to the login form), or the
 * credentials given identify nobody.
 */
export class SignInRequiredError extends DomainError {
  readonly kind = 'sign_in_required';
}

/** The action contradicts the current state: a stale version, a closed edition, a second submission. */
export class ConflictError extends DomainError {
  readonly kind = 'conflict';
}

/** Something sent is too large (a file, a body). */
export class TooLargeError extends DomainError {
  readonly kind = 'too_large';
}

/** A file of a type the action does not take. */
export class UnsupportedMediaTypeError extends DomainError {
  readonly kind = 'unsupported_media_type';
}

/** The thing existed and is no longer available (an expired link). */
export class GoneError extends DomainError {
  readonly kind = 'gone';
}

/** Too many attempts in a short while (a login tried again and again): wait, then try again. */
export class TooManyAttemptsError extends DomainError {
  readonly kind = 'too_many_attempts';
}

/**
 * Input refused: one French message per wrong field, all checked at once. Its message names the
 * first field ("email : adresse invalide"), unless a whole sentence is given.
 */
export class InvalidInputError extends DomainError {
  readonly kind = 'invalid';
  constructor(
    public readonly fields: FieldErrors,
    message?: string,
  ) {
    const first = Object.entries(fields)[0];
    super(message ?? (first ? platformMessages.form.fieldError(first[0], first[1]) : m.invalidData), first?.[0]);
  }
}

export const isDomainError = (error: unknown): error is DomainError => error instanceof DomainError;
