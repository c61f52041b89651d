import type { FastifyRequest } from 'fastify';
import { forbidden, HttpError } from '../../platform/http/errors.ts';
import { accountMessages as m } from './messages.ts';
import { can, type Action } from './permissions.rules.ts';

/** Thrown when a page needs a signed-in person: routes turn it into a redirect to the login page. */
export class SignInRequired extends HttpError {
  constructor() {
    super(401, m.signInRequired);
  }
}

/** Checks the declared rule of an action for the current person; 401 if anonymous, 403 otherwise. */
export function authorize(request: FastifyRequest, action: Action, context: { territoryCode?: string } = {}) {
  const actor = request.user ? { id: request.user.id, role: request.user.role } : null;
  if (can(actor, action, context)) return request.user!;
  if (!actor) throw new SignInRequired();
  throw forbidden();
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
