// `npm run docs:diagrams`: writes the diagrams of the state machines from their rules, so the docs
// never drift from the code (a test fails when a committed diagram is out of date).
import { writeFileSync } from 'node:fs';
import { lifecycleDiagram } from '../src/modules/initiatives/initiative-lifecycle.rules.ts';

const diagrams = [
  {
    file: 'docs/diagrams/initiative-lifecycle.md',
    title: "Cycle de vie d'une fiche d'initiative",
    intro: 'Généré depuis `src/modules/initiatives/initiative-lifecycle.rules.ts` par `npm run docs:diagrams`. Ne pas modifier à la main.',
    body: lifecycleDiagram(),
  },
];

for (const d of diagrams) {
  writeFileSync(new URL(`../${d.file}`, import.meta.url), `# ${d.title}\n\n${d.intro}\n\n\`\`\`mermaid\n${d.body}\n\`\`\`\n`);
  console.log(`${d.file} écrit.`);
}
