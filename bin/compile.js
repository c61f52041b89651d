// The command line runs from one JavaScript file that esbuild compiles from the TypeScript sources
// (about a second, again only when a source changed): plain Node then starts in half the time and
// with about a hundred megabytes less than through tsx's loader, which transforms each of the four
// hundred modules on a thread of its own. See docs/adr/0019-compiled-start.md.
import { existsSync, mkdirSync, readdirSync, renameSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

/** The latest modification time of the files under `paths` (folders walked), 0 when none exists. */
export function newestChange(paths) {
  let newest = 0;
  const visit = (path) => {
    if (!existsSync(path)) return;
    const stat = statSync(path);
    if (stat.isDirectory()) for (const name of readdirSync(path)) visit(join(path, name));
    else newest = Math.max(newest, stat.mtimeMs);
  };
  for (const path of paths) visit(path);
  return newest;
}

/**
 * The compiled entry of `root`'s `src/app/cli.ts`, built into `outFile` when it is missing or older
 * than a source, the package or the TypeScript settings. Written aside then renamed: two processes
 * starting together never read a half-written file. Null when it cannot be built here (esbuild
 * missing, a read-only folder): the caller runs the sources through tsx instead.
 */
export async function compiledEntry(root, outFile = join(root, '.cache', 'build', 'arobase.mjs')) {
  const inputs = [join(root, 'src'), join(root, 'package.json'), join(root, 'tsconfig.json')];
  if (existsSync(outFile) && statSync(outFile).mtimeMs >= newestChange(inputs)) return outFile;
  try {
    const { build } = await import('esbuild');
    mkdirSync(join(outFile, '..'), { recursive: true });
    const { outputFiles } = await build({
      entryPoints: [join(root, 'src', 'app', 'cli.ts')],
      outfile: outFile,
      write: false,
      bundle: true,
      // The packages stay in node_modules, loaded by Node as they are.
      packages: 'external',
      platform: 'node',
      format: 'esm',
      target: 'node20',
      tsconfig: join(root, 'tsconfig.json'),
      sourcemap: 'linked',
      logLevel: 'silent',
    });
    // The map first: the bundle names it, and its presence is what tells the build is done.
    for (const file of [...outputFiles].sort((a, b) => b.path.length - a.path.length)) {
      const aside = `${file.path}.${process.pid}.tmp`;
      writeFileSync(aside, file.contents);
      renameSync(aside, file.path);
    }
    return outFile;
  } catch {
    return null;
  }
}
