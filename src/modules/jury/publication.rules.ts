/**
 * The publication's pure rules: when an edition's decisions are ready to be published, what the
 * schedule's instant may be, and the certificates' verification codes.
 */
import { randomBytes } from 'node:crypto';
import { z } from 'zod';
import { fromParisLocal } from '../../platform/paris-time.ts';
import { publicationMessages as m } from './publication.messages.ts';

const ISO_INSTANT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,3})?)?(Z|[+-]\d{2}:\d{2})$/i;

/** What the staff send: an ISO 8601 instant with its offset (the API) or the Paris clock's `2027-03-10T18:30` (the page's field). */
export const publicationInput = z.object({
  at: z
    .string({ message: m.input.at })
    .trim()
    .max(40, { message: m.input.at })
    .transform((text, ctx) => {
      const instant = ISO_INSTANT.test(text) ? new Date(text) : fromParisLocal(text);
      if (!instant || Number.isNaN(instant.getTime())) {
        ctx.addIssue({ code: 'custom', message: m.input.at });
        return z.NEVER;
      }
      return instant;
    }),
});

/** Every submitted dossier needs its decision; the dossiers still without one, by territory name. */
export function missingDecisions<T extends { applicationId: string; territoryName: string }>(dossiers: readonly T[], decided: ReadonlySet<string>): T[] {
  return dossiers.filter((d) => !decided.has(d.applicationId)).sort((a, b) => a.territoryName.localeCompare(b.territoryName, 'fr'));
}

/** Why scheduling is refused, if it is: no dossier, a dossier without a decision, an instant not to come. */
export function publicationRefusal(input: { dossiers: number; missing: number; at: Date; now: Date }): { field: string; message: string } | null {
  if (input.dossiers === 0) return { field: 'at', message: m.errors.noDossier };
  if (input.missing > 0) return { field: 'at', message: m.errors.missingDecisions(input.missing) };
  if (input.at.getTime() <= input.now.getTime()) return { field: 'at', message: m.errors.atInThePast };
  return null;
}

// Crockford's base 32, without the letters read as digits (I, L, O, U).
const ALPHABET = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';

/** A certificate's verification code: the year and 10 random characters (50 bits), « 2027-7KQ4M-9XDTB ». */
export function certificateCode(year: number, random: (size: number) => Uint8Array = randomBytes): string {
  const chars = [...random(10)].map((byte) => ALPHABET[byte % 32]).join('');
  return `${year}-${chars.slice(0, 5)}-${chars.slice(5)}`;
}
