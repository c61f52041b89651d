import type { FastifyRequest } from 'fastify';
import { ForbiddenError, SignInRequiredError } from '../../platform/errors.ts';
import { accountMessages as m } from './messages.ts';
import { can, type Action, type Caller, type PermissionContext } from './permissions.rules.ts';

/** The error of a page that needs a signed-in person: the HTTP layer turns it into a redirect to the login page. */
export const signInRequired = () => new SignInRequiredError(m.signInRequired);

/**
 * Services call this with their caller before acting: a person is held to the declared rule of the
 * action (SignInRequiredError if anonymous, ForbiddenError if refused); the system caller passes when
 * it gives its reason. Afterwards the caller is known not to be null.
 */
export function requirePermission(caller: Caller | null, action: Action, context: PermissionContext = {}): asserts caller is Caller {
  if (can(caller, action, context)) return;
  if (!caller) throw signInRequired();
  throw new ForbiddenError();
}

/** Checks the declared rule of an action for the current person and returns them (routes' early check). */
export function authorize(request: FastifyRequest, action: Action, context: PermissionContext = {}) {
  const user = request.user;
  requirePermission(user, action, context);
  return user;
}

/**
 * Only local paths are followed after login (no open redirect). Browsers drop tabs and newlines
 * from URLs and read a backslash as `/`, so `/<tab>/evil.example` would become `//evil.example`: only
 * printable ASCII without spaces or backslashes is kept (a path from `request.url` is encoded so).
 */
export function safeReturnPath(value: unknown): string {
  if (typeof value !== 'string' || !/^\/(?!\/)[\x21-\x5b\x5d-\x7e]*$/.test(value)) return '/compte';
  return value;
}
