/**
 * The shapes of a dossier (application): its contacts, its interview, what a save may change and what
 * a submission freezes. One zod schema per shape; types and the API's documentation derive from them.
 */
import { z } from 'zod';
import type { Answers, Questionnaire } from '../../platform/questionnaire/questionnaire.schema.ts';
import type { InitiativeStatus } from '../initiatives/initiative.rules.ts';
import type { TerritoryCategory } from '../territories/territory.rules.ts';
import type { Eligibility } from './eligibility.rules.ts';
import { campaignMessages } from './messages.ts';
import type { SelfAssessmentResult } from './self-assessment.rules.ts';

const m = campaignMessages.application.input;

/** What happens to a dossier, as its history lists it. */
export const APPLICATION_EVENT_KINDS = ['created', 'submitted', 'reopened', 'photo_added', 'photo_replaced', 'photo_removed'] as const;
export type ApplicationEventKind = (typeof APPLICATION_EVENT_KINDS)[number];

/** The most sheets a dossier presents: beyond, a jury cannot read them. */
export const MAX_APPLICATION_INITIATIVES = 80;

const optionalText = (max: number) =>
  z
    .string({ message: m.text })
    .trim()
    .max(max, { message: m.tooLong(max) })
    .optional()
    .transform((v) => v || undefined);
const optionalEmail = z
  .string({ message: m.email })
  .trim()
  .max(254, { message: m.email })
  .optional()
  .transform((v) => v || undefined)
  .pipe(z.email({ message: m.email }).optional());

/** A person to contact about the dossier. */
export const contactPersonSchema = z.object({
  name: optionalText(120),
  role: optionalText(120),
  email: optionalEmail,
  phone: optionalText(30).refine((v) => v === undefined || /^[+0-9 .()-]{6,30}$/.test(v), { message: m.phone }),
});
/** A contact as stored: an empty field is absent. */
export type ContactPerson = { name?: string; role?: string; email?: string; phone?: string };

/** The élu in charge of digital policy and the agent who follows the dossier. */
export const applicationContactsSchema = z.object({ elected: contactPersonSchema.optional(), agent: contactPersonSchema.optional() });
export type ApplicationContacts = { elected?: ContactPerson; agent?: ContactPerson };

/** The interview's answers (its three questions, by id) and whether the territory consents to publish it. */
export type ApplicationInterview = { answers: Answers; consent: boolean };

/** What a save may change; every field optional, `version` the one the person started from. */
export const applicationPatchSchema = z.object({
  version: z.number({ message: m.version }).int({ message: m.version }).positive({ message: m.version }),
  initiativeIds: z
    .array(z.uuid({ message: m.initiativeId }), { message: m.initiativeIds })
    .max(MAX_APPLICATION_INITIATIVES, { message: m.tooManyInitiatives(MAX_APPLICATION_INITIATIVES) })
    .optional(),
  answers: z.record(z.string(), z.unknown(), { message: m.answers }).optional(),
  interview: z
    .object(
      { answers: z.record(z.string(), z.unknown(), { message: m.answers }).optional(), consent: z.boolean({ message: m.consent }).optional() },
      { message: m.interview },
    )
    .optional(),
  contacts: applicationContactsSchema.optional(),
});
export type ApplicationPatch = z.output<typeof applicationPatchSchema>;

/** The fields of a dossier's content a person edits: the unit of change tracking and of merging. */
export const APPLICATION_FIELDS = ['initiativeIds', 'answers', 'interview', 'contacts'] as const;
export type ApplicationField = (typeof APPLICATION_FIELDS)[number];
export type ApplicationContent = { initiativeIds: string[]; answers: Answers; interview: ApplicationInterview; contacts: ApplicationContacts };

/** A sheet as the dossier froze it. */
export type SnapshotInitiative = {
  id: string;
  title: string;
  summary: string;
  description: string;
  status: InitiativeStatus;
  startDate: string | null;
  endDate: string | null;
  serviceIds: string[];
  themeIds: string[];
  indicators: { label: string; value: number; unit: string; date: string | null }[];
  links: { label: string; url: string }[];
  visibility: 'draft' | 'public';
  version: number;
  eligibility: Eligibility;
};

/** What a submission froze: read by the jury, never changed. */
export type ApplicationSnapshotContent = {
  year: number;
  territory: { code: string; name: string; category: TerritoryCategory; population: number | null };
  referentialVersion: string;
  questionnaire: Questionnaire;
  answers: Answers;
  interview: ApplicationInterview & { photo: { alt: string; width: number; height: number } | null };
  contacts: ApplicationContacts;
  initiatives: SnapshotInitiative[];
  selfAssessment: SelfAssessmentResult;
};
