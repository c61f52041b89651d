// Accounts for browser tests: people who can log in with a known password.
import { eq } from 'drizzle-orm';
import type { Page } from 'playwright-core';
import type { Db } from '../../src/platform/db/database.ts';
import type { NewUserInput } from '../../src/modules/accounts/account-input.ts';
import { hashPassword } from '../../src/modules/accounts/password.ts';
import { systemCaller } from '../../src/modules/accounts/permissions.rules.ts';
import { users } from '../../src/modules/accounts/schema.ts';
import { createUser } from '../../src/modules/accounts/users.service.ts';

/** Creates an account (through the accounts service) and gives it a known password. */
export async function createUserWithPassword(db: Db, input: NewUserInput & { password: string }): Promise<{ id: string; email: string }> {
  const { password, ...rest } = input;
  const user = await createUser(db, systemCaller('test fixture'), rest);
  await db
    .update(users)
    .set({ passwordHash: await hashPassword(password) })
    .where(eq(users.id, user.id));
  return user;
}

/** Logs in through the login form, as a person would (mouse and keyboard allowed). */
export async function logIn(page: Page, baseUrl: string, email: string, password: string): Promise<void> {
  await page.goto(`${baseUrl}/connexion`);
  await page.locator('#champ-email').fill(email);
  await page.locator('#champ-password').fill(password);
  await Promise.all([page.waitForURL((url) => url.pathname !== '/connexion'), page.getByRole('button', { name: 'Se connecter' }).click()]);
}
