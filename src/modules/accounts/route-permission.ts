import { PERMISSIONS, type Action } from './permissions.rules.ts';

/** What a route declares: the action of PERMISSIONS its service checks, or `public` when anyone may call it. */
export type RoutePermission = Action | 'public';

declare module 'fastify' {
  interface FastifyContextConfig {
    /**
     * The route's permission, declared once beside it: documentation, and what the route-policy test
     * checks (an anonymous request to a non-public route is refused). The check itself stays in the
     * service (`requirePermission`) or the route (`authorize`).
     */
    permission?: RoutePermission;
  }
}

export function isRoutePermission(value: unknown): value is RoutePermission {
  return value === 'public' || (typeof value === 'string' && Object.hasOwn(PERMISSIONS, value));
}
