import type { PlatformRole, TerritoryRole } from './roles.rules.ts';

/** Who is acting: null for an anonymous visitor. */
export type Actor = { id: string; role: PlatformRole; memberships?: { territoryCode: string; role: TerritoryRole }[] } | null;

type Rule = (actor: Actor, context: { territoryCode?: string }) => boolean;

const signedIn: Rule = (actor) => actor !== null;
const admin: Rule = (actor) => actor?.role === 'admin';

/** Every action of the platform and the one rule that allows it: declared once, checked in services. */
export const PERMISSIONS = {
  'account.view': signedIn,
  'account.apiTokens.manage': signedIn,
  'admin.dashboard.view': admin,
  'admin.users.list': admin,
  'admin.users.invite': admin,
  'admin.outbox.read': admin,
} satisfies Record<string, Rule>;

export type Action = keyof typeof PERMISSIONS;

export function can(actor: Actor, action: Action, context: { territoryCode?: string } = {}): boolean {
  return PERMISSIONS[action](actor, context);
}
