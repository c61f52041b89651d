// `npm run bench`: the observatory search benchmark (scripts/bench-search.ts, its options unchanged),
// or with --pages the benchmark of every public page (scripts/bench-pages.ts). Each reads its own
// options from process.argv.
if (process.argv.slice(2).includes('--pages')) await import('./bench-pages.ts');
else await import('./bench-search.ts');
