import type { FastifyRequest } from 'fastify';
import { forbidden, HttpError } from '../../platform/http/errors.ts';
import { accountMessages as m } from './messages.ts';
import { can, type Action, type Person, type PermissionContext } from './permissions.rules.ts';

/** Thrown when a page needs a signed-in person: routes turn it into a redirect to the login page. */
export class SignInRequired extends HttpError {
  constructor() {
    super(401, m.signInRequired);
  }
}

/** Services call this with the person acting: 401 if anonymous, 403 if the declared rule refuses. */
export function requirePermission(actor: Person | null, action: Action, context: PermissionContext = {}): void {
  if (can(actor, action, context)) return;
  if (!actor) throw new SignInRequired();
  throw forbidden();
}

/** Checks the declared rule of an action for the current person and returns them. */
export function authorize(request: FastifyRequest, action: Action, context: PermissionContext = {}) {
  requirePermission(request.user, action, context);
  return request.user!;
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
