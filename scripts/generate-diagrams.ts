// `npm run docs:diagrams`: writes the diagrams of the state machines from their rules and the module
// order from the imports and the authorization matrix from the router, so the docs never drift from
// the code (tests fail when one is out of date).
import { writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { authorizationMatrixMarkdown } from '../src/app/authorization-matrix.ts';
import { buildApp } from '../src/app/build-app.ts';
import { loadConfig } from '../src/platform/config.ts';
import { openPglite } from '../src/platform/db/database.ts';
import { runMigrations } from '../src/platform/db/migrate.ts';
import { moduleEdges, moduleOrderMarkdown, readImports } from '../src/app/module-graph.ts';
import { MODULE_ORDER } from '../src/app/module-order.ts';
import { lifecycleDiagram } from '../src/modules/initiatives/initiative-lifecycle.rules.ts';
import { editionLifecycleDiagram } from '../src/modules/label/edition-lifecycle.rules.ts';
import { applicationLifecycleDiagram } from '../src/modules/campaign/application-lifecycle.rules.ts';

const diagrams = [
  {
    file: 'docs/diagrams/initiative-lifecycle.md',
    title: "Cycle de vie d'une fiche d'initiative",
    intro: 'Généré depuis `src/modules/initiatives/initiative-lifecycle.rules.ts` par `npm run docs:diagrams`. Ne pas modifier à la main.',
    body: lifecycleDiagram(),
  },
  {
    file: 'docs/diagrams/edition-lifecycle.md',
    title: "Cycle de vie d'une édition du label",
    intro: 'Généré depuis `src/modules/label/edition-lifecycle.rules.ts` par `npm run docs:diagrams`. Ne pas modifier à la main.',
    body: editionLifecycleDiagram(),
  },
  {
    file: 'docs/diagrams/application-lifecycle.md',
    title: "Cycle de vie d'un dossier de candidature",
    intro: 'Généré depuis `src/modules/campaign/application-lifecycle.rules.ts` par `npm run docs:diagrams`. Ne pas modifier à la main.',
    body: applicationLifecycleDiagram(),
  },
];

for (const d of diagrams) {
  writeFileSync(new URL(`../${d.file}`, import.meta.url), `# ${d.title}\n\n${d.intro}\n\n\`\`\`mermaid\n${d.body}\n\`\`\`\n`);
  console.log(`${d.file} écrit.`);
}

const src = fileURLToPath(new URL('../src', import.meta.url));
writeFileSync(new URL('../docs/module-order.md', import.meta.url), moduleOrderMarkdown(MODULE_ORDER, moduleEdges(readImports(src))));
console.log('docs/module-order.md écrit.');

// The router itself, on a throw-away database.
const database = await openPglite('memory://');
await runMigrations(database);
const app = await buildApp({ database, config: loadConfig({ PORT: '0', LOG_LEVEL: 'silent', DATA_DIR: '/tmp/arobase-diagrams-unused' }), logger: false });
await app.ready();
const routes = app.routeTable
  .filter((r) => r.method !== 'HEAD' && !r.url.startsWith('/static/'))
  .map((r) => ({ method: r.method, url: r.url, permission: r.config.permission ?? 'public' }));
writeFileSync(new URL('../docs/authorization-matrix.md', import.meta.url), authorizationMatrixMarkdown(routes));
console.log(`docs/authorization-matrix.md écrit (${routes.length} routes).`);
await app.close();
await database.close();
