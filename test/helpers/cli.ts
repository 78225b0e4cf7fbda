import { mkdtempSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { runCli } from '../../src/cli/main.js';

export interface CliOutcome {
  readonly code: number;
  readonly stdout: string;
  readonly stderr: string;
}

/** Runs the CLI in-process with captured output; `stdin` is what `--stdin` reads. */
export async function cli(args: readonly string[], cwd: string, env: Record<string, string> = {}, stdin?: string): Promise<CliOutcome> {
  let stdout = '';
  let stderr = '';
  const code = await runCli(args, {
    cwd,
    env,
    stdout: (t) => (stdout += t),
    stderr: (t) => (stderr += t),
    isTTY: false,
    stderrIsTTY: false,
    ...(stdin !== undefined ? { stdin: [stdin] } : {}),
  });
  return { code, stdout, stderr };
}

const scratchDirs: string[] = [];
// Each test file runs in a process of its own; its scratch directories go when it ends, so a
// test run does not leave hundreds of them behind in the temporary directory.
process.once('exit', () => {
  for (const dir of scratchDirs) rmSync(dir, { recursive: true, force: true });
});

/** A scratch directory holding the given files, removed when the test process exits. */
export function scratch(files: Readonly<Record<string, string>>): string {
  const dir = mkdtempSync(path.join(tmpdir(), 'abl-'));
  scratchDirs.push(dir);
  for (const [name, text] of Object.entries(files)) {
    mkdirSync(path.dirname(path.join(dir, name)), { recursive: true });
    writeFileSync(path.join(dir, name), text);
  }
  return dir;
}

export const REPO_ROOT = path.resolve(import.meta.dirname, '../../..');
