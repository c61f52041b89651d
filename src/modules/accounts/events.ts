import type { PlatformRole, TerritoryRole } from './roles.rules.ts';

/**
 * What changed in a territory's membership: `invited` (an invitation waits for the person's answer),
 * `joined` (they accepted, or activated the account the invitation created), `declined`,
 * `invitation_cancelled` (by a referent), `added` (directly, by an administrator or the system),
 * `role_changed`, `removed`.
 */
export type MembershipChange = 'invited' | 'joined' | 'declined' | 'invitation_cancelled' | 'added' | 'role_changed' | 'removed';

/** The administration's screens that show other people's personal data: each reading is audited. */
export type PersonalDataScreen = 'users' | 'outbox';

/** How a password came to be set: an invitation link, a reset link, the first administrator's link, or « Mon compte » (the current one given). */
export type PasswordChangeVia = 'invitation' | 'password_reset' | 'first_admin' | 'account_page';

// The events the accounts module emits, inside the transaction that made the change. Payloads carry
// ids, the kind of change and the client's IP where a request is behind it: never a password, a
// token, a link, nor an address typed by someone who has no account.
declare module '../../platform/events.ts' {
  interface DomainEvents {
    /** Someone signed in with the right password. */
    'account.login.succeeded': { userId: string; ip: string | null };
    /**
     * A login was refused: a wrong password or an unknown address (`invalid_credentials`), or too many
     * recent failures (`throttled`). `userId` is null when no account has that address.
     */
    'account.login.failed': { userId: string | null; ip: string | null; reason: 'invalid_credentials' | 'throttled' };
    /** An account was created (by an administrator, a referent's invitation or the system). */
    'account.created': { userId: string; role: PlatformRole; byUserId: string | null };
    /** The platform role of an account changed (the first administrator's link takes an unused account). */
    'account.role.changed': { userId: string; role: PlatformRole; previousRole: PlatformRole; byUserId: string | null };
    /** A membership of a territory changed; `byUserId` is who did it (null for the system). */
    'account.membership.changed': {
      userId: string;
      territoryCode: string;
      change: MembershipChange;
      role: TerritoryRole;
      previousRole?: TerritoryRole;
      byUserId: string | null;
    };
    /** A password was set through a one-time link; every other session of the account ended. */
    'account.password.changed': { userId: string; via: PasswordChangeVia; ip: string | null };
    /** An administrator disabled an account: its sessions ended, it can no longer sign in. */
    'account.disabled': { userId: string; byUserId: string | null };
    /** An administrator enabled a disabled account again. */
    'account.enabled': { userId: string; byUserId: string | null };
    /** An administrator sent a fresh invitation link to an account still without a password. */
    'account.invitation.resent': { userId: string; byUserId: string | null };
    /** A person confirmed a new address from the link sent to it (neither address is in the payload). */
    'account.email.changed': { userId: string; ip: string | null };
    /** A person downloaded the data the platform holds about them. */
    'account.data.exported': { userId: string; ip: string | null };
    /** An administrator read a screen of other people's personal data (the users' list, the e-mails sent). */
    'account.personalData.read': { byUserId: string; what: PersonalDataScreen; ip: string | null };
    /** A person deleted their account: its personal data is erased, their work stays, unattributed. */
    'account.deleted': { userId: string; byUserId: string | null; ip: string | null };
  }
}
