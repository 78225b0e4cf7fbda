#!/usr/bin/env node
import v8 from 'node:v8';
import { CLI_V8_FLAGS } from '../dist/src/cli/v8-flags.js';

// V8 settings for a run this short (src/cli/v8-flags.ts says why), set before any of the
// linter's code is compiled, hence the dynamic import of the linter below.
for (const flag of CLI_V8_FLAGS) v8.setFlagsFromString(flag);

// A reader that goes away (`| head`) or a full disk must not turn into a stack trace, nor into
// an exit code that says the templates were checked: the report did not arrive, so exit 2 with
// one line on stderr (nothing, if stderr is what failed). Node reports these as an 'error' event
// or a failed write callback (EPIPE, ENOSPC); some writes throw.
function outputFailed(stream, error) {
  if (stream === process.stdout) {
    try {
      process.stderr.write(`azure-backup-lint: cannot write to standard output: ${error?.code ?? error?.message ?? String(error)}\n`);
    } catch {
      // stderr is gone too: the exit code is all that is left to say it.
    }
  }
  process.exit(2);
}
process.stdout.on('error', (e) => outputFailed(process.stdout, e));
process.stderr.on('error', (e) => outputFailed(process.stderr, e));

// A write to a pipe can fail after it returned, once the reader has gone, so stderr waits
// until stdout has taken everything written before: a report that did not arrive is followed by
// the one line saying so, not by the summary of a run that seemed to succeed. The same order
// holds when all goes well (the summary comes after the report).
let stdoutSettled = Promise.resolve();

function writeStdout(text) {
  try {
    stdoutSettled = new Promise((resolve) => {
      process.stdout.write(text, (error) => {
        if (error) outputFailed(process.stdout, error);
        resolve();
      });
    });
  } catch (e) {
    outputFailed(process.stdout, e);
  }
}

function writeStderr(text) {
  void stdoutSettled.then(() => {
    try {
      process.stderr.write(text);
    } catch (e) {
      outputFailed(process.stderr, e);
    }
  });
}

// `--version` alone needs nothing of the linter: answered before the bundle is compiled, which
// is most of the CLI's start-up (bench: --version against node -e 0).
const argv = process.argv.slice(2);
if (argv.length === 1 && (argv[0] === '--version' || argv[0] === '-v')) {
  const { readFileSync } = await import('node:fs');
  writeStdout(`${JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8')).version}\n`);
} else {
  // The bundled CLI (scripts/bundle-cli.mjs) with its code cache: one script loads far faster
  // than the ~160 modules it is built from, and compiled code is read instead of compiled again.
  const { loadCli } = await import('../dist/src/cli/load-bundle.js');
  const { runCli } = loadCli();
  runCli(argv, {
    cwd: process.cwd(),
    env: process.env,
    stdout: writeStdout,
    stderr: writeStderr,
    isTTY: Boolean(process.stdout.isTTY),
    stderrIsTTY: Boolean(process.stderr.isTTY),
    // Made on first use: `process.stdin` opens a stream (and loads its modules) when first read,
    // and only `--stdin` reads it.
    stdin: { [Symbol.asyncIterator]: () => process.stdin[Symbol.asyncIterator]() },
  }).then(
    (code) => {
      process.exitCode = code;
    },
    (error) => {
      writeStderr(`azure-backup-lint: internal error: ${error?.stack ?? error}\n`);
      process.exitCode = 2;
    },
  );
}
