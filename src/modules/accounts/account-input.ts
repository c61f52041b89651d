import { z } from 'zod';
import { accountMessages as m } from './messages.ts';
import type { PasswordEstimator } from './password-estimator.ts';
import { passwordWeakness } from './password-strength.rules.ts';
import { PLATFORM_ROLES, TERRITORY_ROLES } from './roles.rules.ts';

export const PASSWORD_MIN_LENGTH = 12;

export const emailInput = z
  .string({ message: m.emailInvalid })
  .trim()
  .toLowerCase()
  .pipe(z.email({ message: m.emailInvalid }).max(254, m.emailInvalid));

export const passwordInput = z
  .string({ message: m.passwordTooShort(PASSWORD_MIN_LENGTH) })
  .min(PASSWORD_MIN_LENGTH, m.passwordTooShort(PASSWORD_MIN_LENGTH))
  .max(200, m.passwordTooLong);

/** Creating or inviting a user: the CLI, the admin screen and the API share this definition. */
export const newUserInput = z
  .object({
    email: emailInput,
    displayName: z
      .string()
      .trim()
      .max(120, m.displayNameTooLong)
      .optional()
      .transform((v) => v || undefined),
    role: z.enum(PLATFORM_ROLES, { message: m.roleInvalid }),
    territoryCode: z
      .string()
      .trim()
      .max(20)
      .optional()
      .transform((v) => v || undefined),
    territoryRole: z.enum(TERRITORY_ROLES, { message: m.territoryRoleInvalid }).optional(),
  })
  .superRefine((v, ctx) => {
    if (v.territoryRole && !v.territoryCode) {
      ctx.addIssue({ code: 'custom', path: ['territoryCode'], message: m.territoryRoleWithoutTerritory });
    }
  });
export type NewUserInput = z.input<typeof newUserInput>;

/**
 * A new password and its confirmation: long enough, not common nor trivial, and not made of the
 * account's own address or name (`userInputs`), as zxcvbn's `estimator` weighs it.
 */
export const newPasswordInputFor = (estimator: PasswordEstimator, userInputs: readonly string[] = []) =>
  z.object({ password: passwordInput, confirmation: z.string() }).superRefine((v, ctx) => {
    const weakness = passwordWeakness(estimator, v.password, userInputs);
    if (weakness) ctx.addIssue({ code: 'custom', path: ['password'], message: weakness });
    if (v.password !== v.confirmation) ctx.addIssue({ code: 'custom', path: ['confirmation'], message: m.passwordsDiffer });
  });

const territoryRoleInput = z.enum(TERRITORY_ROLES, { message: m.members.roleInvalid });

/** A territory's referent invites someone (new or existing account) into the territory. */
export const memberInviteInput = z.object({
  email: emailInput,
  displayName: z
    .string()
    .trim()
    .max(120, m.displayNameTooLong)
    .optional()
    .transform((v) => v || undefined),
  role: territoryRoleInput,
});
export type MemberInviteInput = z.input<typeof memberInviteInput>;

/** A territory's referent changes the role of a member. */
export const memberRoleInput = z.object({ role: territoryRoleInput });
