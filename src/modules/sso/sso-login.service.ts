import { and, eq, sql } from 'drizzle-orm';
import type { Db } from '../../platform/db/database.ts';
import { ConflictError, ForbiddenError, InvalidInputError } from '../../platform/errors.ts';
import { emit } from '../../platform/events.ts';
import { accountForExternalLogin, recordExternalLogin } from '../accounts/external-login.service.ts';
import { systemCaller } from '../accounts/permissions.rules.ts';
import { createUser } from '../accounts/users.service.ts';
import type { SsoLink, SsoRefusal } from './events.ts';
import './events.ts';
import { ssoMessages as m } from './messages.ts';
import { decideSsoLogin, displayNameOf, isEmailVerified, type ProviderClaims } from './sso.rules.ts';
import { ssoIdentities } from './schema.ts';

export type ProviderSignIn = {
  /** The issuer the ID token was checked against: with the subject, it identifies the person. */
  issuer: string;
  /** The configured name, for the messages. */
  providerName: string;
  claims: ProviderClaims;
  /** Whether the provider vouches for addresses it does not mark as verified (`OIDC_EMAILS_VERIFIED`). */
  emailsVerified: boolean;
  ip: string | null;
};

type Outcome = { kind: 'signed_in'; userId: string; link: SsoLink } | { kind: 'refused'; reason: SsoRefusal | 'email_missing'; userId?: string };

/**
 * The account the provider's person signs in to, once the provider's answer has been checked: the
 * account their subject is linked to, else the account of their verified address (linked now), else
 * a new member account without territory. Administrators, jurors, disabled and deleted accounts are
 * refused (typed errors). The link, the account, the last-seen claims and the event are written in one
 * transaction; a refusal writes only its event.
 */
export async function signInWithProvider(db: Db, input: ProviderSignIn): Promise<{ userId: string; link: SsoLink }> {
  const { issuer, claims, ip } = input;
  const outcome = await db.transaction(async (tx): Promise<Outcome> => {
    const [identity] = await tx
      .select({ userId: ssoIdentities.userId })
      .from(ssoIdentities)
      .where(and(eq(ssoIdentities.issuer, issuer), eq(ssoIdentities.subject, claims.sub)))
      .for('update');
    const linked = identity ? await accountForExternalLogin(tx, { id: identity.userId }) : null;
    const byEmail = !identity && claims.email ? await accountForExternalLogin(tx, { email: claims.email }) : null;
    const decision = decideSsoLogin({ linked, byEmail, hasEmail: claims.email !== undefined, emailVerified: isEmailVerified(claims, input.emailsVerified) });
    if (decision.kind === 'refuse') return { kind: 'refused', reason: decision.reason, ...('userId' in decision ? { userId: decision.userId } : {}) };

    let userId: string;
    let link: SsoLink;
    if (decision.kind === 'create') {
      // The platform opens the account on the provider's word: no person is there to invite them.
      const created = await createUser(tx, systemCaller('first sign-in through the identity provider'), {
        email: claims.email ?? '',
        displayName: displayNameOf(claims),
        role: 'member',
      });
      userId = created.id;
      link = 'created';
    } else {
      userId = decision.userId;
      link = decision.link;
    }
    const seen = { email: claims.email ?? null, uid: claims.uid ?? null, siret: claims.siret ?? null };
    await tx
      .insert(ssoIdentities)
      .values({ issuer, subject: claims.sub, userId, ...seen })
      .onConflictDoUpdate({ target: [ssoIdentities.issuer, ssoIdentities.subject], set: { ...seen, lastLoginAt: sql`now()` } });
    await recordExternalLogin(tx, userId);
    await emit(tx, 'sso.login.succeeded', { userId, provider: issuer, ip, link });
    return { kind: 'signed_in', userId, link };
  });

  if (outcome.kind === 'signed_in') return { userId: outcome.userId, link: outcome.link };
  const { reason, userId } = outcome;
  if (reason === 'email_missing' || !userId) throw new InvalidInputError({ email: m.emailMissing(input.providerName) }, m.emailMissing(input.providerName));
  // The refusal is recorded (an identity provider claiming an administrator's address is worth a look).
  await db.transaction((tx) => emit(tx, 'sso.login.refused', { userId, provider: issuer, ip, reason }));
  if (reason === 'reserved_role') throw new ForbiddenError(m.reservedRole(input.providerName));
  if (reason === 'account_disabled') throw new ForbiddenError(m.accountDisabled);
  throw new ConflictError(m.emailUnverified(input.providerName));
}

/** A deleted account's links to the provider go with its other personal data (subscriber of `account.deleted`). */
export async function forgetIdentities(tx: Db, userId: string): Promise<void> {
  await tx.delete(ssoIdentities).where(eq(ssoIdentities.userId, userId));
}

/** The person's links to identity providers, for the data they download (the provider's subject included: it is theirs). */
export async function identitiesOf(db: Db, userId: string) {
  return db
    .select({
      provider: ssoIdentities.issuer,
      subject: ssoIdentities.subject,
      email: ssoIdentities.email,
      uid: ssoIdentities.uid,
      siret: ssoIdentities.siret,
      linkedAt: ssoIdentities.createdAt,
      lastLoginAt: ssoIdentities.lastLoginAt,
    })
    .from(ssoIdentities)
    .where(eq(ssoIdentities.userId, userId));
}
