import { can, type Person } from '../modules/accounts/permissions.rules.ts';
import type { RoutePermission } from '../modules/accounts/route-permission.ts';

/*
 * Who may call each route, as declared: the route's `config.permission` read through the one
 * permission table, for each kind of person the platform knows, acting on one territory T. The
 * authorization-matrix test asks every route as each of them and compares what happens with this;
 * `npm run docs:diagrams` writes it to docs/authorization-matrix.md, which the test keeps current.
 */

/** The territory the matrix acts on (Trélazé in the tests), and another one. */
export const MATRIX_TERRITORY = '49353';
export const OTHER_TERRITORY = '76709';

export type MatrixIdentity = {
  key: string;
  /** Column heading, in French. */
  label: string;
  /** The person as the permission rules see them; null for an anonymous visitor. */
  person: Omit<Person, 'id'> | null;
};

/** Every kind of caller, from the least to the most trusted. A new platform or territory role needs a column here. */
export const MATRIX_IDENTITIES: readonly MatrixIdentity[] = [
  { key: 'anonymous', label: 'Visiteur anonyme', person: null },
  { key: 'member', label: 'Compte sans territoire', person: { role: 'member', memberships: [] } },
  { key: 'reader', label: 'Lecteur de T', person: { role: 'member', memberships: [{ territoryCode: MATRIX_TERRITORY, role: 'reader' }] } },
  { key: 'contributor', label: 'Contributeur de T', person: { role: 'member', memberships: [{ territoryCode: MATRIX_TERRITORY, role: 'contributor' }] } },
  { key: 'referent', label: 'Référent de T', person: { role: 'member', memberships: [{ territoryCode: MATRIX_TERRITORY, role: 'referent' }] } },
  {
    key: 'otherReferent',
    label: 'Référent d’un autre territoire',
    person: { role: 'member', memberships: [{ territoryCode: OTHER_TERRITORY, role: 'referent' }] },
  },
  { key: 'juror', label: 'Juré (sans dossier attribué)', person: { role: 'juror', memberships: [] } },
  { key: 'admin', label: 'Administrateur', person: { role: 'admin', memberships: [] } },
];

export type MatrixRoute = { method: string; url: string; permission: RoutePermission };

/** Whether the declared rule lets this identity call the route, acting on T. */
export function declaredAccess(route: MatrixRoute, identity: MatrixIdentity): boolean {
  if (route.permission === 'public') return true;
  const person = identity.person ? { id: `matrix-${identity.key}`, ...identity.person } : null;
  return can(person, route.permission, { territoryCode: MATRIX_TERRITORY });
}

/** The routes in a stable order: by path, then method. */
export function sortedRoutes<R extends MatrixRoute>(routes: readonly R[]): R[] {
  return [...routes].sort((a, b) => a.url.localeCompare(b.url, 'en') || a.method.localeCompare(b.method, 'en'));
}

/** docs/authorization-matrix.md: one row per route, one column per identity. */
export function authorizationMatrixMarkdown(routes: readonly MatrixRoute[]): string {
  const header = ['Route', 'Action', ...MATRIX_IDENTITIES.map((i) => i.label)];
  const rows = sortedRoutes(routes).map((route) => [
    `\`${route.method} ${route.url}\``,
    route.permission === 'public' ? 'publique' : `\`${route.permission}\``,
    ...MATRIX_IDENTITIES.map((identity) => (declaredAccess(route, identity) ? 'oui' : '—')),
  ]);
  const line = (cells: string[]) => `| ${cells.join(' | ')} |`;
  return [
    '# Matrice des autorisations',
    '',
    'Générée depuis les routes enregistrées (`config.permission` de chaque route) et la table des permissions',
    '(`src/modules/accounts/permissions.rules.ts`) par `npm run docs:diagrams`. Ne pas modifier à la main\u00a0:',
    '`src/app/authorization-matrix.test.ts` échoue quand elle n’est plus à jour, et vérifie chaque case en',
    'appelant la route avec cette identité.',
    '',
    '«\u00a0oui\u00a0»\u00a0: la règle déclarée autorise l’appel, pour un territoire T (les routes d’un espace, les fiches et',
    'leurs photos sont celles de T). «\u00a0—\u00a0»\u00a0: l’appel est refusé (page de connexion, 401, 403 ou 404). Une route',
    'publique peut encore cacher ce que la personne ne doit pas voir (une fiche en brouillon, par exemple).',
    '',
    line(header),
    line(header.map(() => '---')),
    ...rows.map(line),
    '',
  ].join('\n');
}
