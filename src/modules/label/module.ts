import './events.ts';
import type { ModuleManifest } from '../../platform/module.ts';
import { applyEditionCalendar } from './edition-state.service.ts';
import { editionsAdminRoutes } from './editions-admin.routes.tsx';
import { editionAdminMessages as m, publicationMessages } from './messages.ts';
import { nextScheduledPublication, publishDueEditions } from './publish-results.service.ts';

/** The label's core (editions, distinctions, results, excellence), and the editions' administration. */
export const labelModule: ModuleManifest = {
  name: 'label',
  publicChanges: ['edition.created', 'edition.stateChanged', 'edition.published', 'results.changed'],
  routes: [editionsAdminRoutes],
  adminLinks: [{ href: '/admin/editions', title: m.card.title, summary: m.card.summary, position: 20 }],
  // An embargo lifts at its instant: shared caches keep public pages no longer than until then.
  nextClockChange: nextScheduledPublication,
  jobs: [
    {
      // The one scheduler of the editions' calendar: opens and closes them when their dates come.
      name: 'edition-calendar',
      everyMs: 60_000,
      async run({ db, log }) {
        for (const move of await applyEditionCalendar(db)) log(m.schedulerLog(move.year, m.states[move.from], m.states[move.to]));
      },
    },
    {
      // The results are public at the instant by the embargo's predicate; this marks the edition
      // published and sends what follows (e-mails, the facet), within a second, once.
      name: 'edition-publication',
      everyMs: 1_000,
      async run({ db, config, log }) {
        for (const year of await publishDueEditions(db, { baseUrl: config.baseUrl })) log(publicationMessages.jobLog(year));
      },
    },
  ],
};
