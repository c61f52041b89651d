// `npm run bench`: the observatory search benchmark (scripts/bench-search.ts, its options unchanged),
// with --pages the benchmark of every public page (scripts/bench-pages.ts), with --soak the server's
// memory over a long run (scripts/bench-soak.ts). Each reads its own options from process.argv.
const options = process.argv.slice(2);
if (options.includes('--pages')) await import('./bench-pages.ts');
else if (options.includes('--soak')) await import('./bench-soak.ts');
else await import('./bench-search.ts');
