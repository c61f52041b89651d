import assert from 'node:assert/strict';
import type { FastifyInstance } from 'fastify';
import { sql } from 'drizzle-orm';
import sharp from 'sharp';
import type { DeclaredRoute } from '../../src/platform/http/route-table.ts';
import { TestBrowser } from './http-client.ts';
import { LEAVE_REQUESTS, TRELAZE } from './initiatives-fixture.ts';

// What the tests that walk every route of the router share (the route policies, the authorization
// matrix, the hostile inputs): example values of the routes' parameters, bodies that pass a
// route's own checks, and the public sheet with a photo and an actor that the examples name.

/** Example values of the routes' parameters. A new route with parameters needs a line here, or src/app/route-policies.test.ts fails naming it. */
export const EXAMPLES: Record<string, (ids: Ids) => Record<string, string>> = {
  '/territoires/:code': () => ({ code: TRELAZE }),
  '/api/v1/territories/:code': () => ({ code: TRELAZE }),
  '/badges/:code.svg': () => ({ code: TRELAZE }),
  '/initiatives/:id': (ids) => ({ id: ids.sheet }),
  '/initiatives/:id/moderation': (ids) => ({ id: ids.sheet }),
  '/initiatives/:id/restauration': (ids) => ({ id: ids.sheet }),
  '/api/v1/initiatives/:id': (ids) => ({ id: ids.sheet }),
  '/api/v1/initiatives/:id/photos': (ids) => ({ id: ids.sheet }),
  '/photos/:id': (ids) => ({ id: ids.photo }),
  '/photos/:id/vignette': (ids) => ({ id: ids.photo }),
  '/acteurs/:id': (ids) => ({ id: ids.actor }),
  '/api/v1/actors/:id': (ids) => ({ id: ids.actor }),
  '/palmares/:year': () => ({ year: '2023' }),
  '/palmares/:year/carte': () => ({ year: '2023' }),
  '/api/v1/editions/:year/results': () => ({ year: '2023' }),
  '/referentiel/:version': () => ({ version: '2027' }),
  '/api/v1/referential/:version': () => ({ version: '2027' }),
  '/admin/referentiel/:version': () => ({ version: '2027' }),
  '/admin/referentiel/:version/services': () => ({ version: '2027' }),
  '/admin/referentiel/:version/services/:serviceId/renommer': () => ({ version: '2027', serviceId: 'dematerialisation-rh' }),
  '/admin/referentiel/:version/services/:serviceId/deplacer': () => ({ version: '2027', serviceId: 'dematerialisation-rh' }),
  '/admin/referentiel/:version/services/:serviceId/retirer': () => ({ version: '2027', serviceId: 'dematerialisation-rh' }),
  '/admin/referentiel/:version/services/:serviceId/retablir': () => ({ version: '2027', serviceId: 'dematerialisation-rh' }),
  '/admin/referentiel/:version/publier': () => ({ version: '2027' }),
  '/admin/referentiel/:version/supprimer': () => ({ version: '2027' }),
  '/admin/palmares/imports/:id': () => ({ id: UNKNOWN_ID }),
  '/admin/courriels/:id/reessayer': () => ({ id: UNKNOWN_ID }),
  '/admin/utilisateurs/:id/role': () => ({ id: UNKNOWN_ID }),
  '/admin/utilisateurs/:id/desactiver': () => ({ id: UNKNOWN_ID }),
  '/admin/utilisateurs/:id/reactiver': () => ({ id: UNKNOWN_ID }),
  '/admin/utilisateurs/:id/invitation': () => ({ id: UNKNOWN_ID }),
  '/admin/palmares/imports/:id/choix': () => ({ id: UNKNOWN_ID }),
  '/admin/palmares/imports/:id/importer': () => ({ id: UNKNOWN_ID }),
  '/mot-de-passe/:token': () => ({ token: 'jeton-inconnu' }),
  '/installation/:token': () => ({ token: 'jeton-inconnu' }),
  '/compte/adresse/:token': () => ({ token: 'jeton-inconnu' }),
  '/compte/jetons/:id/revoquer': () => ({ id: UNKNOWN_ID }),
  '/compte/invitations/:id/accepter': () => ({ id: UNKNOWN_ID }),
  '/compte/invitations/:id/refuser': () => ({ id: UNKNOWN_ID }),
  '/espace/:code/membres/invitations/:invitationId/annuler': () => ({ code: TRELAZE, invitationId: UNKNOWN_ID }),
  '/espace/:code': () => ({ code: TRELAZE }),
  '/espace/:code/membres': () => ({ code: TRELAZE }),
  '/espace/:code/membres/:userId/role': (ids) => ({ code: TRELAZE, userId: ids.contributor }),
  '/espace/:code/membres/:userId/retirer': (ids) => ({ code: TRELAZE, userId: ids.contributor }),
  '/espace/:code/initiatives': () => ({ code: TRELAZE }),
  '/espace/:code/initiatives/nouvelle': () => ({ code: TRELAZE }),
  '/espace/:code/initiatives/:id': (ids) => ({ code: TRELAZE, id: ids.sheet }),
  '/espace/:code/initiatives/:id/brouillon': (ids) => ({ code: TRELAZE, id: ids.sheet }),
  '/espace/:code/initiatives/:id/abandon': (ids) => ({ code: TRELAZE, id: ids.sheet }),
  '/espace/:code/initiatives/:id/publication': (ids) => ({ code: TRELAZE, id: ids.sheet }),
  '/espace/:code/initiatives/:id/supprimer': (ids) => ({ code: TRELAZE, id: ids.sheet }),
  '/espace/:code/initiatives/:id/photos': (ids) => ({ code: TRELAZE, id: ids.sheet }),
  '/espace/:code/initiatives/:id/photos/:photoId/retirer': (ids) => ({ code: TRELAZE, id: ids.sheet, photoId: ids.photo }),
  '/espace/:code/auto-evaluation': () => ({ code: TRELAZE }),
  '/espace/:code/auto-evaluation/services/:serviceId': () => ({ code: TRELAZE, serviceId: 'portail-associatif' }),
  '/espace/:code/auto-evaluation/non-concerne': () => ({ code: TRELAZE }),
  '/espace/:code/auto-evaluation/non-concerne/retrait': () => ({ code: TRELAZE }),
  '/api/v1/territories/:code/self-assessment': () => ({ code: TRELAZE }),
  '/admin/editions/:year/questionnaires': () => ({ year: '2023' }),
  '/admin/editions/:year/auto-evaluation': () => ({ year: '2023' }),
  '/admin/editions/:year/questionnaires/:category': () => ({ year: '2023', category: 'village' }),
  '/api/v1/editions/:year': () => ({ year: '2023' }),
  '/api/v1/editions/:year/applications': () => ({ year: '2023' }),
  '/espace/:code/candidature/:year': () => ({ code: TRELAZE, year: '2023' }),
  '/espace/:code/candidature/:year/commencer': () => ({ code: TRELAZE, year: '2023' }),
  '/espace/:code/candidature/:year/brouillon': () => ({ code: TRELAZE, year: '2023' }),
  '/espace/:code/candidature/:year/deposer': () => ({ code: TRELAZE, year: '2023' }),
  '/espace/:code/candidature/:year/dossier.pdf': () => ({ code: TRELAZE, year: '2023' }),
  '/espace/:code/candidature/:year/photo': () => ({ code: TRELAZE, year: '2023' }),
  '/espace/:code/candidature/:year/photo/supprimer': () => ({ code: TRELAZE, year: '2023' }),
  '/espace/:code/candidature/:year/photo.jpg': () => ({ code: TRELAZE, year: '2023' }),
  '/espace/:code/candidature/:year/photo-vignette.jpg': () => ({ code: TRELAZE, year: '2023' }),
  '/admin/editions/:year/candidatures': () => ({ year: '2023' }),
  '/api/v1/editions/:year/jurors': () => ({ year: '2023' }),
  '/api/v1/editions/:year/assignments': () => ({ year: '2023' }),
  '/admin/editions/:year/jury': () => ({ year: '2023' }),
  '/admin/editions/:year/jury/jures': () => ({ year: '2023' }),
  '/admin/editions/:year/jury/repartition': () => ({ year: '2023' }),
  '/admin/editions/:year/jury/affectations': () => ({ year: '2023' }),
  '/admin/editions/:year/jury/:jurorId': () => ({ year: '2023', jurorId: UNKNOWN_ID }),
  '/admin/editions/:year/jury/:jurorId/conflits': () => ({ year: '2023', jurorId: UNKNOWN_ID }),
  '/admin/editions/:year/jury/:jurorId/conflits/:conflictId/retirer': () => ({ year: '2023', jurorId: UNKNOWN_ID, conflictId: '1' }),
  '/admin/editions/:year/jury/:jurorId/retirer': () => ({ year: '2023', jurorId: UNKNOWN_ID }),
  '/jury/:year/conflits': () => ({ year: '2023' }),
  '/api/v1/applications/:id/review': () => ({ id: UNKNOWN_ID }),
  '/jury/dossiers/:applicationId': () => ({ applicationId: UNKNOWN_ID }),
  '/jury/dossiers/:applicationId/brouillon': () => ({ applicationId: UNKNOWN_ID }),
  '/jury/:year/conflits/:conflictId/retirer': () => ({ year: '2023', conflictId: '1' }),
  '/jury/:year/conflits/confirmer': () => ({ year: '2023' }),
  '/admin/editions/:year/candidatures/:id/rouvrir': () => ({ year: '2023', id: UNKNOWN_ID }),
  '/api/v1/applications/:id': () => ({ id: UNKNOWN_ID }),
  '/api/v1/applications/:id/submit': () => ({ id: UNKNOWN_ID }),
  '/api/v1/applications/:id/snapshot': () => ({ id: UNKNOWN_ID }),
  '/admin/editions/:year': () => ({ year: '2023' }),
  '/admin/editions/:year/etat': () => ({ year: '2023' }),
  '/admin/editions/:year/deliberation': () => ({ year: '2023' }),
  '/admin/editions/:year/deliberation/:applicationId': () => ({ year: '2023', applicationId: UNKNOWN_ID }),
  '/admin/editions/:year/jury/parametres': () => ({ year: '2023' }),
  '/api/v1/applications/:id/deliberation': () => ({ id: UNKNOWN_ID }),
  '/territoires/:code/attestations/:year.pdf': () => ({ code: TRELAZE, year: '2023' }),
  '/territoires/:code/panneau/:year.pdf': () => ({ code: TRELAZE, year: '2023' }),
  '/verifier/:code': () => ({ code: 'CODE-INCONNU' }),
  '/admin/editions/:year/publication': () => ({ year: '2023' }),
  '/espace/:code/numerique-responsable': () => ({ code: TRELAZE }),
  '/espace/:code/numerique-responsable/diagnostic': () => ({ code: TRELAZE }),
  '/espace/:code/numerique-responsable/diagnostic/commencer': () => ({ code: TRELAZE }),
  '/espace/:code/numerique-responsable/diagnostic/:diagnosticId': () => ({ code: TRELAZE, diagnosticId: UNKNOWN_ID }),
  '/espace/:code/numerique-responsable/diagnostic/:diagnosticId/brouillon': () => ({ code: TRELAZE, diagnosticId: UNKNOWN_ID }),
  '/espace/:code/numerique-responsable/gestes-rapides': () => ({ code: TRELAZE }),
  '/espace/:code/numerique-responsable/gestes-rapides/adopter': () => ({ code: TRELAZE }),
  '/espace/:code/numerique-responsable/feuille-de-route': () => ({ code: TRELAZE }),
  '/espace/:code/numerique-responsable/feuille-de-route.pdf': () => ({ code: TRELAZE }),
  '/espace/:code/numerique-responsable/feuille-de-route/proposer': () => ({ code: TRELAZE }),
  '/espace/:code/numerique-responsable/feuille-de-route/actions': () => ({ code: TRELAZE }),
  '/espace/:code/numerique-responsable/feuille-de-route/:actionId': () => ({ code: TRELAZE, actionId: UNKNOWN_ID }),
  '/espace/:code/numerique-responsable/feuille-de-route/:actionId/suppression': () => ({ code: TRELAZE, actionId: UNKNOWN_ID }),
  '/espace/:code/numerique-responsable/charte': () => ({ code: TRELAZE }),
  '/espace/:code/numerique-responsable/publication': () => ({ code: TRELAZE }),
  '/espace/:code/numerique-responsable/strategie': () => ({ code: TRELAZE }),
  '/espace/:code/numerique-responsable/strategie.pdf': () => ({ code: TRELAZE }),
  '/espace/:code/numerique-responsable/indicateurs': () => ({ code: TRELAZE }),
  '/espace/:code/numerique-responsable/indicateurs/modele.csv': () => ({ code: TRELAZE }),
  '/espace/:code/numerique-responsable/indicateurs/import': () => ({ code: TRELAZE }),
  '/espace/:code/numerique-responsable/indicateurs/:indicator': () => ({ code: TRELAZE, indicator: 'deee-recycles' }),
  '/espace/:code/numerique-responsable/indicateurs/:indicator/valeurs': () => ({ code: TRELAZE, indicator: 'deee-recycles' }),
  '/espace/:code/numerique-responsable/indicateurs/:indicator/valeurs/supprimer': () => ({ code: TRELAZE, indicator: 'deee-recycles' }),
  '/admin/editions/:year/dossier-de-presse': () => ({ year: '2023' }),
  '/admin/editions/:year/dossier-de-presse.csv': () => ({ year: '2023' }),
  '/admin/editions/:year/dossier-de-presse/:region.csv': () => ({ year: '2023', region: '52' }),
  '/palmares/:year/entretiens': () => ({ year: '2023' }),
  '/palmares/:year/entretiens/:code/photo': () => ({ year: '2023', code: '49007' }),
  '/admin/editions/:year/publication/annuler': () => ({ year: '2023' }),
  '/api/v1/editions/:year/publication': () => ({ year: '2023' }),
};

export type Ids = { sheet: string; photo: string; actor: string; contributor: string };

/**
 * Bodies of the API writes whose permission depends on what they say (the territory of a new sheet)
 * or that check their input first (the version a change is based on): a refusal must come from the
 * permission, so they get a valid body. Others get `{}`.
 */
export const BODIES: Record<string, () => unknown> = {
  'POST /api/v1/initiatives': () => LEAVE_REQUESTS,
  'PATCH /api/v1/initiatives/:id': () => ({ version: 1, title: 'Une autre fiche' }),
  'POST /api/v1/editions/:year/applications': () => ({ territoryCode: TRELAZE }),
  'PATCH /api/v1/applications/:id': () => ({ version: 1 }),
  'POST /api/v1/editions/:year/assignments': () => ({ preview: true }),
  'PUT /api/v1/applications/:id/review': () => ({ themeScores: {}, comment: '' }),
  'PUT /api/v1/applications/:id/deliberation': () => ({ level: 3, distinctions: [], rationale: 'Une politique suivie.' }),
  'POST /api/v1/editions/:year/publication': () => ({ at: '2099-03-10T18:30:00+01:00' }),
  'PATCH /api/v1/editions/:year': () => ({ parameters: { reviewWeight: 0.5, version: 0 } }),
  'POST /admin/editions/:year/jury/parametres': () => ({
    version: '0',
    reviewersPerDossier: '2',
    'levelThresholds.0': '0',
    'levelThresholds.1': '35',
    'levelThresholds.2': '50',
    'levelThresholds.3': '65',
    'levelThresholds.4': '75',
    reviewWeight: '0,5',
  }),
  'POST /api/v1/editions/:year/jurors': () => ({ email: 'juree@exemple.fr', displayName: 'Juliette Jurée' }),
  'POST /admin/editions/:year/auto-evaluation': () => ({ revision: '0', done: '1', in_progress: '0,6', planned: '0,2', abandoned: '0' }),
  'POST /api/v1/actors': () => ({ name: 'Emmaüs Connect', kind: 'association', website: 'https://emmaus-connect.org' }),
};

export const UNKNOWN_ID = '00000000-0000-4000-8000-000000000000';

export const routeKey = (route: Pick<DeclaredRoute, 'method' | 'url'>) => `${route.method} ${route.url}`;

/** The path of a route with its example values; undefined when the route has parameters and no example. */
export function pathOf(route: DeclaredRoute, ids: Ids): string | undefined {
  if (!route.url.includes(':')) return route.url;
  const values = EXAMPLES[route.url]?.(ids);
  if (!values) return undefined;
  return route.url.replace(/:(\w+)/g, (_, name: string) => {
    assert.ok(values[name] !== undefined, `${routeKey(route)}: no example value for :${name}`);
    return encodeURIComponent(values[name]!);
  });
}

export const BOUNDARY = '----arobasepolicies';
export function multipart(field: string, data: Buffer): Buffer {
  return Buffer.concat([
    Buffer.from(`--${BOUNDARY}\r\ncontent-disposition: form-data; name="${field}"; filename="photo.png"\r\ncontent-type: image/png\r\n\r\n`),
    data,
    Buffer.from(`\r\n--${BOUNDARY}--\r\n`),
  ]);
}

/**
 * A public sheet of Trélazé with a photo and an actor, written through the API with a
 * contributor's token: the examples' ids, so that the public pages have something to show.
 */
/** The example photo, made once per file (the authorization matrix seeds a sheet per write). */
let examplePng: Promise<Buffer> | undefined;

export async function seedExampleSheet(app: FastifyInstance, contributorToken: string): Promise<Omit<Ids, 'contributor'>> {
  const api = new TestBrowser(app);
  const asContributor = { authorization: `Bearer ${contributorToken}` };
  const json = { 'content-type': 'application/json', ...asContributor };
  const actor = await api.request('POST', '/api/v1/actors', JSON.stringify({ name: 'Ecologic', kind: 'company' }), json);
  assert.ok(actor.status < 300, actor.body);
  const actorId = actor.json().actor.id as string;
  const sheet = await api.request('POST', '/api/v1/initiatives', JSON.stringify({ ...LEAVE_REQUESTS, actorIds: [actorId], visibility: 'public' }), json);
  assert.equal(sheet.status, 201, sheet.body);
  const sheetId = sheet.json().id as string;
  const png = await (examplePng ??= sharp({ create: { width: 40, height: 30, channels: 3, background: '#336699' } })
    .png()
    .toBuffer());
  const uploaded = await api.request('POST', `/api/v1/initiatives/${sheetId}/photos`, multipart('photo', png), {
    'content-type': `multipart/form-data; boundary=${BOUNDARY}`,
    ...asContributor,
  });
  assert.equal(uploaded.status, 201, uploaded.body);
  await seedExampleInterview(app);
  return { sheet: sheetId, photo: uploaded.json().photos[0].id as string, actor: actorId };
}

/**
 * Angers' 2023 interview, consenting, with its photo and the jury's decision: the public interviews'
 * examples (Angers has a 2023 result in the label history). Seeded twice by some tests: kept once.
 */
async function seedExampleInterview(app: FastifyInstance) {
  const jpeg = await sharp({ create: { width: 40, height: 30, channels: 3, background: '#2a7f62' } })
    .jpeg()
    .toBuffer();
  const interview = {
    answers: { 'action-phare': 'Des ordinateurs reconditionnés pour les familles.' },
    consent: true,
    photo: { alt: 'La médiathèque', width: 40, height: 30 },
  };
  const territory = { code: '49007', name: 'Angers', category: 'ville', population: 155850 };
  await app.db.execute(sql`with application as (
      insert into applications (year, territory_code, state, interview, submitted_at)
      values (2023, '49007', 'submitted', ${JSON.stringify({ answers: interview.answers, consent: true })}::jsonb, now())
      on conflict (year, territory_code) do nothing returning id),
    snapshot as (
      insert into application_snapshots (application_id, year, territory_code, content, overall_score, coverage)
      select id, 2023, '49007', ${JSON.stringify({ year: 2023, territory, interview })}::jsonb, 0, 0 from application returning id),
    photo as (
      insert into application_snapshot_photos (snapshot_id, alt, content_type, width, height, data)
      select id, 'La médiathèque', 'image/jpeg', 40, 30, ${jpeg} from snapshot)
    insert into deliberations (application_id, year, territory_code, level, rationale, public_comment)
      select id, 2023, '49007', 3, 'Exemple.', 'Une ville engagée.' from application`);
}

/** A territory other than the examples' (for "a referent of another territory"). */
export const OTHER_TERRITORY = '76709';
