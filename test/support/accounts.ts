import assert from 'node:assert/strict';
import type { Db } from '../../src/platform/db/database.ts';
import type { NewUserInput } from '../../src/modules/accounts/account-input.ts';
import { systemCaller } from '../../src/modules/accounts/permissions.rules.ts';
import { createUser, issueUserToken, setPasswordWithToken } from '../../src/modules/accounts/users.service.ts';
import type { TestBrowser } from './http-client.ts';

export const PASSWORD = 'une phrase de passe assez longue';

/** An account ready to log in (created and activated through the services, as the CLI would). */
export async function createActiveUser(db: Db, input: NewUserInput, password = PASSWORD) {
  const user = await createUser(db, systemCaller('test fixture'), input);
  const token = await issueUserToken(db, user.id, 'invitation');
  await setPasswordWithToken(db, token, { password, confirmation: password });
  return { ...user, password };
}

/** Logs in through the login form, as a person does; asserts it worked. */
export async function logIn(browser: TestBrowser, email: string, password = PASSWORD) {
  const res = await browser.submit('/connexion', { email, password });
  assert.equal(res.status, 303, `login of ${email} failed with ${res.status}`);
  return res;
}
