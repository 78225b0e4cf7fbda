// Runs the CLI exactly as bin/azure-backup-lint.js does, then prints the process's peak resident
// set size (worker threads included) as `maxRSS <kB>` on stderr.
import { runCli } from '../src/cli/main.js';

const code = await runCli(process.argv.slice(2), {
  cwd: process.cwd(),
  env: process.env,
  stdout: (text) => process.stdout.write(text),
  stderr: (text) => process.stderr.write(text),
  isTTY: false,
  stderrIsTTY: false,
});
process.stderr.write(`maxRSS ${process.resourceUsage().maxRSS}\n`);
process.exitCode = code;
