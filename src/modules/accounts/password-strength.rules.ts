import { foldText } from '../../platform/text.ts';
import { accountMessages as m } from './messages.ts';
import type { PasswordEstimator } from './password-estimator.ts';

/**
 * How strong a password must be, estimated by zxcvbn (Dropbox's estimator, maintained as
 * zxcvbn-ts) with its common and French dictionaries: it knows the leaked-password lists, keyboard
 * rows, repeats, sequences, dates, names and words. Score 3 of 4 means "safely unguessable",
 * under 10^10 guesses not being enough: with argon2id on the server, an attacker holding the hashes
 * still gets nowhere.
 */
export const PASSWORD_MIN_SCORE = 3;

/**
 * Why a new password is too easy to guess (a French message for the password field), or null when
 * it is strong enough. `userInputs`: the account's address and name, which a password must not reuse.
 * The estimator is zxcvbn's (`loadPasswordEstimator`).
 */
export function passwordWeakness(estimator: PasswordEstimator, password: string, userInputs: readonly string[] = []): string | null {
  // The estimator weighs a reused name among other patterns; the rule here is plain: no reuse at all
  // of the address's name part or of the person's name, whatever the case, accents or separators.
  const compact = (text: string) => foldText(text).replace(/ /g, '');
  const own = userInputs.map((input) => compact(input.split('@')[0] ?? '')).filter((part) => part.length >= 4);
  if (own.some((part) => compact(password).includes(part))) return m.passwordTooWeak(m.passwordWarnings.userInputs);
  const inputs = userInputs.flatMap((input) => [input, ...input.split(/[@.\s_-]+/)]).filter((part) => part.length >= 3);
  const result = estimator.check(password, inputs);
  if (result.score >= PASSWORD_MIN_SCORE) return null;
  return m.passwordTooWeak(result.feedback.warning);
}
