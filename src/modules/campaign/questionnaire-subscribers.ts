import type { EventSubscribers } from '../../platform/events.ts';
import '../label/events.ts';
import { ensureCampaignSettings } from './questionnaire.service.ts';

/** What the campaign does when the label tells it something, in the label's transaction. */
export const questionnaireSubscribers: EventSubscribers = {
  // A new edition: its questionnaires and self-assessment weights, copied from `basedOn` or the defaults.
  'edition.created': (tx, { year, basedOn }) => ensureCampaignSettings(tx, year, basedOn),
};
