import { after, before } from 'node:test';
import { createApiToken } from '../../src/modules/accounts/api-tokens.service.ts';
import type { TerritoryRole } from '../../src/modules/accounts/roles.rules.ts';
import { createActiveUser, logIn } from './accounts.ts';
import { TestBrowser, type Page } from './http-client.ts';
import type { Driver } from './test-database.ts';
import { startTestServer, type TestServer } from './test-server.ts';

export const TRELAZE = '49353';
export const LE_TRAIT = '76709';

/** Every kind of person the initiative rules tell apart, seen from Trélazé. */
export const PEOPLE = {
  referent: { email: 'referent@trelaze.example.fr', role: 'member', territoryCode: TRELAZE, territoryRole: 'referent' },
  contributor: { email: 'contributrice@trelaze.example.fr', role: 'member', territoryCode: TRELAZE, territoryRole: 'contributor' },
  contributor2: { email: 'contributeur2@trelaze.example.fr', role: 'member', territoryCode: TRELAZE, territoryRole: 'contributor' },
  reader: { email: 'lecteur@trelaze.example.fr', role: 'member', territoryCode: TRELAZE, territoryRole: 'reader' },
  leTrait: { email: 'contributeur@letrait.example.fr', role: 'member', territoryCode: LE_TRAIT, territoryRole: 'contributor' },
  member: { email: 'sans-territoire@example.fr', role: 'member' },
  juror: { email: 'jure@label.example.fr', role: 'juror' },
  admin: { email: 'admin@label.example.fr', role: 'admin' },
} as const satisfies Record<string, { email: string; role: 'member' | 'juror' | 'admin'; territoryCode?: string; territoryRole?: TerritoryRole }>;
export type Person = keyof typeof PEOPLE;

/** The seed 000 sheet of Trélazé, as the API takes it. */
export const LEAVE_REQUESTS = {
  territoryCode: TRELAZE,
  title: 'Dématérialisation des demandes de congés',
  summary: 'Les agents demandent leurs congés en ligne ; les validations et le suivi des plannings se font sans papier.',
  description: 'Le service RH a **dématérialisé** les demandes de congés :\n\n- demande en ligne\n- validation par le responsable\n- suivi des soldes',
  status: 'done',
  startDate: '2021-01-04',
  endDate: '2021-06-30',
  serviceIds: ['dematerialisation-rh'],
  audiences: ['agents'],
  indicators: [{ label: 'Demandes traitées en ligne', value: 1200, unit: 'demandes', date: '2022-12-31' }],
  responsibleDigital: true,
  links: [{ label: 'Ville de Trélazé', url: 'https://www.trelaze.fr' }],
};

/**
 * One server per test file with each kind of person logged in (a cookie jar each) and an API token
 * each; `anonymous` has neither.
 */
export function initiativesFixture(driver: Driver) {
  const f = {
    server: undefined as unknown as TestServer,
    browsers: {} as Record<Person | 'anonymous', TestBrowser>,
    tokens: {} as Record<Person, string>,
    ids: {} as Record<Person, string>,
    db: () => f.server.database.db,
    /** A JSON API call, with the person's token (none for `anonymous`). */
    async api(
      who: Person | 'anonymous',
      method: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE',
      url: string,
      body?: unknown,
      headers: Record<string, string> = {},
    ): Promise<Page> {
      const browser = new TestBrowser(f.server.app);
      return browser.request(method, url, body === undefined ? undefined : JSON.stringify(body), {
        ...(body === undefined ? {} : { 'content-type': 'application/json' }),
        ...(who === 'anonymous' ? {} : { authorization: `Bearer ${f.tokens[who]}` }),
        ...headers,
      });
    },
  };
  before(async () => {
    f.server = await startTestServer(driver);
    const db = f.server.database.db;
    f.browsers.anonymous = new TestBrowser(f.server.app);
    for (const [who, person] of Object.entries(PEOPLE) as [Person, (typeof PEOPLE)[Person]][]) {
      const user = await createActiveUser(db, { ...person });
      f.ids[who] = user.id;
      f.tokens[who] = (await createApiToken(db, user.id, 'tests')).token;
      f.browsers[who] = new TestBrowser(f.server.app);
      await logIn(f.browsers[who], person.email);
    }
  });
  after(() => f.server.close());
  return f;
}
