/**
 * How a sign-in through the identity provider found its account: the provider's subject already
 * linked (`subject`), the same verified address (`email`, linked now), or a new account (`created`).
 */
export type SsoLink = 'subject' | 'email' | 'created';

/**
 * Why a sign-in through the identity provider was refused although the provider vouched for the
 * person: the account is an administrator's or a juror's (`reserved_role`), it is disabled or deleted
 * (`account_disabled`), or its address is taken by an account the unverified address may not claim
 * (`email_unverified`).
 */
export type SsoRefusal = 'reserved_role' | 'account_disabled' | 'email_unverified';

// The events the sso module emits, inside the transaction of the sign-in. `provider` is the issuer's
// URL. Never a token, a code, nor what the provider said about the person beyond the account's id.
declare module '../../platform/events.ts' {
  interface DomainEvents {
    /** Someone signed in through the identity provider. */
    'sso.login.succeeded': { userId: string; provider: string; ip: string | null; link: SsoLink };
    /** The provider vouched for someone, and the platform refused them; `userId` is the account at stake. */
    'sso.login.refused': { userId: string; provider: string; ip: string | null; reason: SsoRefusal };
  }
}
