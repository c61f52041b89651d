import type { PlatformRole, TerritoryRole } from './roles.rules.ts';

/** Who is acting: null for an anonymous visitor. */
export type Actor = { id: string; role: PlatformRole; memberships?: readonly { territoryCode: string; role: TerritoryRole }[] } | null;

export type PermissionContext = { territoryCode?: string };

type Rule = (actor: Actor, context: PermissionContext) => boolean;

const signedIn: Rule = (actor) => actor !== null;
const admin: Rule = (actor) => actor?.role === 'admin';

/** A member of the territory acted for, with one of these roles. */
const memberWith =
  (...roles: TerritoryRole[]): Rule =>
  (actor, { territoryCode }) =>
    territoryCode !== undefined && (actor?.memberships ?? []).some((m) => m.territoryCode === territoryCode && roles.includes(m.role));

const either =
  (...rules: Rule[]): Rule =>
  (actor, context) =>
    rules.some((rule) => rule(actor, context));

/** Someone who writes initiatives for at least one territory. */
const writesSomewhere: Rule = (actor) => (actor?.memberships ?? []).some((m) => m.role === 'referent' || m.role === 'contributor');

const anyMember = memberWith('referent', 'contributor', 'reader');
const editor = memberWith('referent', 'contributor');

/** Every action of the platform and the one rule that allows it: declared once, checked in services. */
export const PERMISSIONS = {
  'account.view': signedIn,
  'account.apiTokens.manage': signedIn,
  'admin.dashboard.view': admin,
  'admin.users.list': admin,
  'admin.users.invite': admin,
  'admin.outbox.read': admin,
  'referential.manage': admin,
  'results.import': admin,
  'results.manage': admin,
  'actor.create': either(admin, writesSomewhere),
  'workspace.view': either(admin, anyMember),
  'initiative.viewDraft': either(admin, anyMember),
  'initiative.create': editor,
  'initiative.edit': editor,
  'initiative.publish': editor,
  'initiative.delete': editor,
  'initiative.moderate': admin,
  'initiative.restore': admin,
  'members.manage': memberWith('referent'),
} satisfies Record<string, Rule>;

export type Action = keyof typeof PERMISSIONS;

export function can(actor: Actor, action: Action, context: PermissionContext = {}): boolean {
  return PERMISSIONS[action](actor, context);
}
