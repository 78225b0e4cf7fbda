#!/usr/bin/env node
import v8 from 'node:v8';

// A lint run is short: over a 1,200-file repository V8's optimizing compiler, busy inlining the
// evaluator's recursive functions, spent more thread time than the whole run took, and the
// optimized code arrived too late to pay. Without inlining the run is ~14% faster; steady-state
// code is ~4% slower, which only a run many times that size would notice (bench/README.md).
// Set before any of the linter's code is compiled, hence the dynamic import below.
v8.setFlagsFromString('--no-turbo-inlining');

// The bundled CLI (scripts/bundle-cli.mjs): one module loads far faster than the ~160 it is built from.
const { runCli } = await import('../dist/src/cli/bundle.js');

runCli(process.argv.slice(2), {
  cwd: process.cwd(),
  env: process.env,
  stdout: (text) => process.stdout.write(text),
  stderr: (text) => process.stderr.write(text),
  isTTY: Boolean(process.stdout.isTTY),
  stderrIsTTY: Boolean(process.stderr.isTTY),
  stdin: process.stdin,
}).then(
  (code) => {
    process.exitCode = code;
  },
  (error) => {
    process.stderr.write(`azure-backup-lint: internal error: ${error?.stack ?? error}\n`);
    process.exitCode = 2;
  },
);
