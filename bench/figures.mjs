// Extra bench figures, one module per line. Each default-exports
//   { key, run(ctx) → result, rows(result) → [figure, measured, goal][] }
// where ctx = { url, distDir, root, browser, fixtures, log }. `npm run bench` runs them after the
// built-in figures, stores each result as results[key] and adds its rows to the printed table.
export default [
  // (await import('./my-figure.mjs')).default,
  (await import('./pdf-review-bench.mjs')).default,
];
