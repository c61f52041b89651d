/**
 * The one declared order of the domain modules, from the bottom up: a module may import only the
 * modules before it (and `src/platform/`); `src/app/` sits above them all. The layer test checks
 * every import against this list, and `npm run docs:diagrams` draws it in docs/module-order.md.
 */
export const MODULE_ORDER = [
  'territories',
  'notifications',
  'accounts',
  'sso',
  'organisation',
  'referential',
  'actors',
  'initiatives',
  'nr',
  'label',
  'observatory',
  'palmares',
  'palmares-import',
  'campaign',
  'jury',
  'opendata',
  'audit',
  'site',
  'admin',
  'demo',
  'openapi',
] as const;

export type ModuleName = (typeof MODULE_ORDER)[number];
