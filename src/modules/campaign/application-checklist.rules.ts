/**
 * What a dossier still lacks before a referent can submit it, pure: every item names the field to
 * fill (the page links to it; the API answers it as `field`). The same list is the page's checklist
 * and the submission's refusal, so the two never disagree.
 */
import { missingAnswers } from '../../platform/questionnaire/questionnaire.rules.ts';
import type { Questionnaire } from '../../platform/questionnaire/questionnaire.schema.ts';
import type { ApplicationContent } from './application.schema.ts';
import { INTERVIEW_QUESTIONS } from './default-questionnaires.data.ts';
import type { Eligibility } from './eligibility.rules.ts';
import { campaignMessages } from './messages.ts';

export type ChecklistItem = { field: string; message: string };

const m = campaignMessages.application.checklist;

export function missingItems(
  questionnaire: Questionnaire,
  content: ApplicationContent,
  eligibilityOf: (initiativeId: string) => Eligibility | undefined,
): ChecklistItem[] {
  const items: ChecklistItem[] = [];
  const counted = content.initiativeIds.filter((id) => eligibilityOf(id)?.counted === 'eligible');
  if (counted.length === 0) items.push({ field: 'initiativeIds', message: m.noInitiative });
  for (const id of content.initiativeIds) {
    const eligibility = eligibilityOf(id);
    if (!eligibility) items.push({ field: `initiativeIds.${id}`, message: m.sheetGone });
    else if (eligibility.counted !== 'eligible') items.push({ field: `initiativeIds.${id}`, message: m.sheetNoLongerEligible(eligibility.reason) });
  }
  for (const question of missingAnswers(questionnaire, content.answers)) items.push({ field: `answers.${question.id}`, message: m.answer(question.label) });
  for (const question of missingAnswers(INTERVIEW_QUESTIONS, content.interview.answers)) {
    items.push({ field: `interview.answers.${question.id}`, message: m.interview(question.label) });
  }
  if (!content.contacts.elected?.name) items.push({ field: 'contacts.elected.name', message: m.electedName });
  if (!content.contacts.agent?.name) items.push({ field: 'contacts.agent.name', message: m.agentName });
  if (!content.contacts.agent?.email && !content.contacts.elected?.email) items.push({ field: 'contacts.agent.email', message: m.contactEmail });
  return items;
}
