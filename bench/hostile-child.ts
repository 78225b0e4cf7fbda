// One hostile input in a fresh process (bench/hostile.ts): the CLI over the directory given,
// JSON report discarded; prints the exit code, wall time and peak resident memory.
import os from 'node:os';
import { runCli } from '../src/cli/main.js';

const dir = process.argv[2]!;
const started = performance.now();
const code = await runCli(['.', '--format', 'json', '--output-file', os.devNull], {
  cwd: dir,
  env: {},
  stdout: () => undefined,
  stderr: () => undefined,
  isTTY: false,
  stderrIsTTY: false,
});
const ms = performance.now() - started;
console.log(JSON.stringify({ code, ms, maxRssBytes: process.resourceUsage().maxRSS * 1024 }));
