#!/usr/bin/env node
import { runCli } from '../dist/src/cli/main.js';

runCli(process.argv.slice(2), {
  cwd: process.cwd(),
  env: process.env,
  stdout: (text) => process.stdout.write(text),
  stderr: (text) => process.stderr.write(text),
  isTTY: Boolean(process.stdout.isTTY),
  stderrIsTTY: Boolean(process.stderr.isTTY),
}).then(
  (code) => {
    process.exitCode = code;
  },
  (error) => {
    process.stderr.write(`azure-backup-lint: internal error: ${error?.stack ?? error}\n`);
    process.exitCode = 2;
  },
);
