import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, test } from 'node:test';

// ADR 0022: the libraries a server serving public pages never uses are loaded on their first use
// (platform/first-use.ts). A static import anywhere would load them at start again, 3 to 10 MB each.
const LOADED_ON_FIRST_USE = ['pdfkit', 'sharp', 'pg', '@zxcvbn-ts/core', '@zxcvbn-ts/language-common', '@zxcvbn-ts/language-fr', 'drizzle-orm/node-postgres'];

const src = fileURLToPath(new URL('..', import.meta.url));

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return sourceFiles(path);
    return /\.tsx?$/.test(entry.name) && !/\.test\.tsx?$/.test(entry.name) ? [path] : [];
  });
}

/** The packages a source imports statically for their values (`import type` loads nothing). */
function staticValueImports(source: string): string[] {
  const found: string[] = [];
  for (const match of source.matchAll(/^(?:import|export)\s+(?!type\s)([^;]*?)\s+from\s+'([^']+)'/gms)) found.push(match[2]!);
  for (const match of source.matchAll(/^import\s+'([^']+)'/gm)) found.push(match[1]!);
  return found;
}

const heavy = (specifier: string) => LOADED_ON_FIRST_USE.some((name) => specifier === name || specifier.startsWith(`${name}/`));

describe('first use: heavy libraries are not loaded at start', () => {
  test('no source imports one statically', () => {
    const offenders = sourceFiles(src).flatMap((file) =>
      staticValueImports(readFileSync(file, 'utf8'))
        .filter(heavy)
        .map((specifier) => `${relative(src, file)} → ${specifier}`),
    );
    assert.deepEqual(offenders, []);
  });

  test('the check tells a value import from a type import', () => {
    const planted =
      "import PDFDocument from 'pdfkit';\nimport type pg from 'pg';\nimport {\n  type Sharp,\n  default as sharp,\n} from 'sharp';\nconst later = () => import('@zxcvbn-ts/core');\n";
    assert.deepEqual(staticValueImports(planted).filter(heavy), ['pdfkit', 'sharp']);
  });
});
