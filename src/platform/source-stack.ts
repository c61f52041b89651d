import { readFileSync } from 'node:fs';
import { SourceMap } from 'node:module';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

// The command line runs one file compiled by esbuild (bin/compile.js) without Node's source maps:
// enabled, they keep the parsed map of the whole bundle in memory (about 40 MB, parsed at start, as
// fastify-plugin reads a stack to name each plugin). A stack is mapped back to the sources when it
// is written instead (the error log, a crash); the map is read then, once per file.
const maps = new Map<string, SourceMap | null>();
/** A frame's place in a compiled file: `file:///…/arobase.mjs:12:5` or `/…/arobase.mjs:12:5`. */
const PLACE = /((?:file:\/\/)?\/[^\s()]+\.mjs):(\d+):(\d+)/g;

function mapOf(file: string): SourceMap | null {
  let map = maps.get(file);
  if (map === undefined) {
    try {
      const path = file.startsWith('file:') ? fileURLToPath(file) : file;
      const payload = JSON.parse(readFileSync(`${path}.map`, 'utf8')) as ConstructorParameters<typeof SourceMap>[0] & { sources: string[] };
      // The sources as absolute paths, as Node's own mapping writes them.
      map = new SourceMap({ ...payload, sources: payload.sources.map((source) => resolve(dirname(path), source)) });
    } catch {
      map = null; // a file without a map beside it (a package's own .mjs): left as it is
    }
    maps.set(file, map);
  }
  return map;
}

/** `stack` with each place in a compiled file replaced by the source's file, line and column. */
export function sourceMappedStack(stack: string): string {
  return stack.replace(PLACE, (place: string, file: string, line: string, column: string) => {
    const entry = mapOf(file)?.findEntry(Number(line) - 1, Number(column) - 1);
    if (!entry || !('originalSource' in entry) || !entry.originalSource) return place;
    return `${entry.originalSource}:${entry.originalLine + 1}:${entry.originalColumn + 1}`;
  });
}
