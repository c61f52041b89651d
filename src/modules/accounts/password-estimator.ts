import type { ZxcvbnFactory } from '@zxcvbn-ts/core';
import { onFirstUse } from '../../platform/first-use.ts';
import { accountMessages as m } from './messages.ts';

/** The estimator `passwordWeakness` weighs a password with (password-strength.rules.ts). */
export type PasswordEstimator = Pick<ZxcvbnFactory, 'check'>;

/**
 * zxcvbn-ts with its common and French dictionaries (megabytes of words), loaded and built when the
 * first new password is checked.
 */
export const loadPasswordEstimator = onFirstUse<PasswordEstimator>(async () => {
  const [{ ZxcvbnFactory }, common, french] = await Promise.all([
    import('@zxcvbn-ts/core'),
    import('@zxcvbn-ts/language-common'),
    import('@zxcvbn-ts/language-fr'),
  ]);
  return new ZxcvbnFactory({
    dictionary: { ...common.dictionary, ...french.dictionary },
    graphs: common.adjacencyGraphs,
    translations: { ...french.translations, warnings: m.passwordWarnings },
  });
});
