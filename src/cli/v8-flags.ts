// V8 settings of a CLI run, set by `bin/azure-backup-lint.js` before it loads the linter, and
// by the benchmarks that stand in for a CLI run (bench/README.md has the measurements).
//
// A lint run is short: over a 1,200-file repository V8's optimizing compiler, busy inlining the
// evaluator's recursive functions, spent more thread time than the whole run took, and the
// optimized code arrived too late to pay. Without inlining the run is ~14% faster; steady-state
// code is ~4% slower, which only a run many times that size would notice.
// For the same reason V8 is made to wait longer before it optimizes a function: it weighs
// optimizing after a budget of bytecode has run, and at eight times the default budget only
// code that stays hot is compiled again; the run takes ~10% less CPU.
// V8 lets the old generation grow to up to four times what survived its last full collection
// before the next one: most of what a run promotes there is a finished unit's garbage, so peak
// memory grew ~20 MB per 1,200 templates. One and a half times keeps the corpus ×4 peak near
// 150 MB instead of ~200 (twice: ~155), CPU within the noise of alternating runs (a full
// collection more or less over the corpus). What survives a full collection includes what the
// unit being linted holds, and what it allocated while the collector marked.
// The ESLint plugin runs in ESLint's process and leaves its settings alone.
export const CLI_V8_FLAGS: readonly string[] = ['--no-turbo-inlining', '--interrupt-budget=540672', '--heap-growing-percent=50'];
