/** Who a sign-in through the identity provider is, and which account it opens. Pure, no I/O. */

import { z } from 'zod';
import type { PlatformRole } from '../accounts/roles.rules.ts';
import type { SsoLink, SsoRefusal } from './events.ts';

/** What the provider says about the person (ProConnect's claims; `family_name` for other providers). */
export type ProviderClaims = {
  sub: string;
  /** Lower-case, and only when it is a valid address. */
  email?: string;
  emailVerified?: boolean;
  givenName?: string;
  usualName?: string;
  /** ProConnect: the agent's identifier at their administration. */
  uid?: string;
  /** ProConnect: the SIRET of the agent's establishment. */
  siret?: string;
};

const MAX_CLAIM_LENGTH = 255;
const email = z.email().max(254);

const text = (value: unknown): string | undefined => {
  if (typeof value !== 'string' && typeof value !== 'number') return undefined;
  const trimmed = String(value).replace(/\s+/g, ' ').trim();
  return trimmed === '' ? undefined : trimmed.slice(0, MAX_CLAIM_LENGTH);
};

/**
 * The claims of the ID token and of the UserInfo answer, the latter winning (ProConnect sends the
 * person's claims there). A claim of the wrong type is no claim; `email_verified` may come as the
 * string "true" (some providers send it so).
 */
export function readClaims(idToken: Readonly<Record<string, unknown>>, userinfo: Readonly<Record<string, unknown>>): ProviderClaims {
  const claim = (name: string) => (userinfo[name] !== undefined ? userinfo[name] : idToken[name]);
  const sub = text(idToken.sub);
  if (!sub) throw new Error('an ID token without a subject passed the checks');
  const address = text(claim('email'))?.toLowerCase();
  const verified = claim('email_verified');
  return {
    sub,
    email: address && email.safeParse(address).success ? address : undefined,
    emailVerified: verified === true || verified === 'true' ? true : verified === false || verified === 'false' ? false : undefined,
    givenName: text(claim('given_name')),
    usualName: text(claim('usual_name')) ?? text(claim('family_name')),
    uid: text(claim('uid')),
    siret: text(claim('siret')),
  };
}

/**
 * Whether the address can be trusted to be the person's: a provider that says `email_verified: false`
 * is believed; without the claim, only a provider configured as vouching for its addresses
 * (`OIDC_EMAILS_VERIFIED`; ProConnect's federated administrations do) is.
 */
export function isEmailVerified(claims: Pick<ProviderClaims, 'emailVerified'>, providerVouches: boolean): boolean {
  if (claims.emailVerified !== undefined) return claims.emailVerified;
  return providerVouches;
}

/** « Marie Dupont » from ProConnect's given_name and usual_name; undefined when neither is given. */
export function displayNameOf(claims: Pick<ProviderClaims, 'givenName' | 'usualName'>): string | undefined {
  const name = [claims.givenName, claims.usualName].filter(Boolean).join(' ').trim();
  return name === '' ? undefined : name.slice(0, 120);
}

/**
 * Administrators and jurors never sign in through the provider: jurors come from outside the public
 * sector and keep their password, and an administrator's account must not be open to whoever
 * controls an identity provider (or an account there) that claims the administrator's address.
 */
export const RESERVED_ROLES: readonly PlatformRole[] = ['admin', 'juror'];

export type AccountFacts = { id: string; role: PlatformRole; disabled: boolean; deleted: boolean };

export type SsoDecision =
  | { kind: 'sign_in'; userId: string; link: Exclude<SsoLink, 'created'> }
  | { kind: 'create' }
  | { kind: 'refuse'; reason: SsoRefusal; userId: string }
  /** Nothing to link nor create: the provider sent no usable address. */
  | { kind: 'refuse'; reason: 'email_missing' };

/**
 * Which account a sign-in opens. `linked`: the account the provider's subject is already linked to;
 * `byEmail`: the account of the provider's address (looked up only when the subject is not linked).
 * The subject decides once linked, whatever the address says now. A first sign-in links to the
 * account of the same address only when the address is verified, and creates an account when no
 * account has it. An unverified address never reveals what the account behind it is.
 */
export function decideSsoLogin(input: { linked: AccountFacts | null; byEmail: AccountFacts | null; hasEmail: boolean; emailVerified: boolean }): SsoDecision {
  const refusalOf = (account: AccountFacts): SsoRefusal | null => {
    if (account.disabled || account.deleted) return 'account_disabled';
    if (RESERVED_ROLES.includes(account.role)) return 'reserved_role';
    return null;
  };
  if (input.linked) {
    const reason = refusalOf(input.linked);
    return reason ? { kind: 'refuse', reason, userId: input.linked.id } : { kind: 'sign_in', userId: input.linked.id, link: 'subject' };
  }
  if (!input.hasEmail) return { kind: 'refuse', reason: 'email_missing' };
  if (!input.byEmail) return { kind: 'create' };
  if (!input.emailVerified) return { kind: 'refuse', reason: 'email_unverified', userId: input.byEmail.id };
  const reason = refusalOf(input.byEmail);
  return reason ? { kind: 'refuse', reason, userId: input.byEmail.id } : { kind: 'sign_in', userId: input.byEmail.id, link: 'email' };
}
