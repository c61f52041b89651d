/** Roles of the platform and of a territory, and what each may do. Pure, no I/O. */

export const PLATFORM_ROLES = ['admin', 'juror', 'member'] as const;
export type PlatformRole = (typeof PLATFORM_ROLES)[number];

export const TERRITORY_ROLES = ['referent', 'contributor', 'reader'] as const;
export type TerritoryRole = (typeof TERRITORY_ROLES)[number];

export const USER_TOKEN_PURPOSES = ['invitation', 'password_reset', 'email_change'] as const;
export type UserTokenPurpose = (typeof USER_TOKEN_PURPOSES)[number];
