// Writes demo/palmares-demo.csv for `npx arobase seed-demo` (see src/modules/demo/demo-palmares.generator.ts).
// Run: node --import tsx scripts/generate-demo-palmares.ts
import { writeFileSync } from 'node:fs';
import { generateDemoPalmaresCsv } from '../src/modules/demo/demo-palmares.generator.ts';

const { csv, rows, territories } = generateDemoPalmaresCsv();
writeFileSync(new URL('../demo/palmares-demo.csv', import.meta.url), csv);
console.log(`demo/palmares-demo.csv: ${rows} rows over ${territories} territories, each checked against the matcher.`);
