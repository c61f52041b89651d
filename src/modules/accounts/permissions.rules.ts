import type { PlatformRole, TerritoryRole } from './roles.rules.ts';

/** The signed-in person a service acts for (never `Actor`, which is a partner organisation). */
export type Person = { id: string; role: PlatformRole; memberships?: readonly { territoryCode: string; role: TerritoryRole }[] };

/**
 * The platform acting on its own (a CLI command, the demo seeder, a job), never on behalf of a
 * person: it says why, and that reason is what allows it. Services take `Person | SystemCaller`.
 */
export type SystemCaller = { kind: 'system'; reason: string };

/** Who calls a service: a person or the system. */
export type Caller = Person | SystemCaller;

/** The system caller of a command or a job, e.g. `systemCaller('import-palmares CLI')`. */
export const systemCaller = (reason: string): SystemCaller => ({ kind: 'system', reason });

export const isSystemCaller = (caller: Caller | null): caller is SystemCaller => (caller as SystemCaller | null)?.kind === 'system';

/** The person behind a call, for `createdBy` / `updatedBy` columns: null for the system. */
export const personIdOf = (caller: Caller): string | null => (isSystemCaller(caller) ? null : caller.id);

/** Who asks: a person, or null for an anonymous visitor (rules never see the system: it needs none). */
type Asker = Person | null;

/**
 * What an action is checked against. `territoryCode`: the territory acted for. `resource`: the one
 * thing acted on, for rules that depend on it, such as the coming jury rule "assigned to this
 * application, without conflict" (`{ kind: 'application', id, assignedTo: [juror ids],
 * conflictedWith: [juror ids] }`): the service loads those facts, the rule only reads them.
 */
export type PermissionContext = { territoryCode?: string; resource?: PermissionResource };

export type PermissionResource = {
  kind: string;
  id: string;
  /** The territory the resource belongs to, when it differs from the one acted for. */
  territoryCode?: string;
  /** The people the resource is assigned to (the jurors of an application). */
  assignedTo?: readonly string[];
  /** The people in a conflict of interest with it (they may not act on it, assigned or not). */
  conflictedWith?: readonly string[];
};

/** A declared rule: pure, from the person asking and the context of the action. */
export type Rule = (person: Asker, context: PermissionContext) => boolean;

const signedIn: Rule = (person) => person !== null;
const admin: Rule = (person) => person?.role === 'admin';
const juror: Rule = (person) => person?.role === 'juror';

/** A member of the territory acted for, with one of these roles. */
const memberWith =
  (...roles: TerritoryRole[]): Rule =>
  (person, { territoryCode }) =>
    territoryCode !== undefined && (person?.memberships ?? []).some((m) => m.territoryCode === territoryCode && roles.includes(m.role));

const either =
  (...rules: Rule[]): Rule =>
  (person, context) =>
    rules.some((rule) => rule(person, context));

/** Someone who writes initiatives for at least one territory. */
const writesSomewhere: Rule = (person) => (person?.memberships ?? []).some((m) => m.role === 'referent' || m.role === 'contributor');

const anyMember = memberWith('referent', 'contributor', 'reader');
const editor = memberWith('referent', 'contributor');

/**
 * A juror assigned to the resource (an application) and in no conflict of interest with it: the
 * rule of the coming jury actions (reviewing a dossier), read from `context.resource`.
 */
export const assignedWithoutConflict: Rule = (person, { resource }) =>
  person?.role === 'juror' && resource !== undefined && (resource.assignedTo ?? []).includes(person.id) && !(resource.conflictedWith ?? []).includes(person.id);

/** Every action of the platform and the one rule that allows it: declared once, checked in services. */
export const PERMISSIONS = {
  'account.view': signedIn,
  'account.apiTokens.manage': signedIn,
  // A person changes their own name, address (once confirmed) and password.
  'account.profile.edit': signedIn,
  // A person answers the invitations into territories they received, downloads and deletes their own account.
  'account.invitations.answer': signedIn,
  'account.data.export': signedIn,
  'account.delete': signedIn,
  'admin.dashboard.view': admin,
  'admin.users.list': admin,
  'admin.users.invite': admin,
  // Changing an account's platform role, disabling or enabling it, sending its invitation again.
  'admin.users.manage': admin,
  'admin.outbox.read': admin,
  'admin.outbox.retry': admin,
  'audit.read': admin,
  // Who runs the label and the site: names and contacts of the legal pages, accessibility level.
  'organisation.manage': admin,
  // The retention purge: the system's daily job (an admin may not empty the log by hand: it has no route).
  'audit.purge': admin,
  'referential.manage': admin,
  'results.import': admin,
  'results.manage': admin,
  // The yearly campaign: editions (calendar, states), their questionnaires and settings.
  'editions.manage': admin,
  'questionnaires.manage': admin,
  // A territory's dossier: its members read it, its writers prepare it, only a referent submits it; the label's staff reopen it.
  'application.view': either(admin, anyMember),
  'application.edit': editor,
  'application.submit': memberWith('referent'),
  'application.reopen': admin,
  // The label's staff list every dossier of an edition.
  'applications.list': admin,
  // A territory's full self-assessment (drafts included) and its « non concerné » declarations.
  'selfAssessment.view': either(admin, anyMember),
  'selfAssessment.declare': editor,
  // The jury: the staff invite jurors, add conflicts, assign, set the jury's parameters; a juror declares their own conflicts.
  'jury.manage': admin,
  'jury.conflicts.declare': juror,
  // A juror's own list of dossiers; a dossier's snapshot and review only when assigned and not conflicted.
  'jury.assignments.listOwn': juror,
  'review.view': assignedWithoutConflict,
  'review.edit': assignedWithoutConflict,
  // The deliberation and the publication under embargo: the staff only, as the press kit.
  'deliberation.view': admin,
  'deliberation.record': admin,
  'publication.schedule': admin,
  'pressKit.download': admin,
  // Responsible digital: the territory's members read its diagnostic, indicators and roadmap, its writers
  // answer and edit them; its referents sign the charter, choose what is public and adopt the strategy.
  'nr.view': either(admin, anyMember),
  'nr.edit': editor,
  'nr.charter.sign': memberWith('referent'),
  'nr.publish': memberWith('referent'),
  'actor.create': either(admin, writesSomewhere),
  // Listing one's own workspaces (none for an account without a territory); entering one is `workspace.view`.
  'workspace.list': signedIn,
  'workspace.view': either(admin, anyMember),
  'initiative.viewDraft': either(admin, anyMember),
  'initiative.create': editor,
  'initiative.edit': editor,
  'initiative.publish': editor,
  'initiative.delete': editor,
  'initiative.moderate': admin,
  'initiative.restore': admin,
  // The territory's referents, and the label's staff for any territory (a territory left without a referent).
  'members.manage': either(admin, memberWith('referent')),
} satisfies Record<string, Rule>;

export type Action = keyof typeof PERMISSIONS;

/** Whether the caller may: the declared rule for a person; the system may whenever it says why. */
export function can(caller: Caller | null, action: Action, context: PermissionContext = {}): boolean {
  if (isSystemCaller(caller)) return caller.reason.trim() !== '';
  return PERMISSIONS[action](caller, context);
}
