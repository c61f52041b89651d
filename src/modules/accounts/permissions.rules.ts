import type { PlatformRole, TerritoryRole } from './roles.rules.ts';

/** The signed-in person a service acts for (never `Actor`, which is a partner organisation). */
export type Person = { id: string; role: PlatformRole; memberships?: readonly { territoryCode: string; role: TerritoryRole }[] };
/** Who asks: a person, or null for an anonymous visitor. */
type Asker = Person | null;

export type PermissionContext = { territoryCode?: string };

type Rule = (actor: Asker, context: PermissionContext) => boolean;

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

export function can(actor: Asker, action: Action, context: PermissionContext = {}): boolean {
  return PERMISSIONS[action](actor, context);
}
