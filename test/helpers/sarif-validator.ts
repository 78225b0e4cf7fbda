import { spawnSync } from 'node:child_process';
import { chmodSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/** Microsoft's SARIF Multitool, runnable, or why not (a platform without its binary). */
export function sarifMultitool(): { bin: string } | { skip: string } {
  const require = createRequire(import.meta.url);
  let bin: string;
  try {
    bin = require('@microsoft/sarif-multitool') as string;
  } catch {
    return { skip: `@microsoft/sarif-multitool has no binary for ${process.platform}` };
  }
  // npm 11 skips the package's postinstall, which is what sets this run bit.
  chmodSync(bin, 0o755);
  const probe = spawnSync(bin, ['--version'], { encoding: 'utf8' });
  if (probe.error || probe.status !== 0) return { skip: `Sarif.Multitool cannot run on this platform: ${probe.error?.message ?? probe.stderr}` };
  return { bin };
}

/**
 * The validator's errors and warnings for a SARIF text (it exits 0 even when it finds some,
 * so its own output is read).
 */
export function validateSarif(bin: string, sarifText: string): string[] {
  const dir = mkdtempSync(join(tmpdir(), 'abl-sarif-'));
  try {
    const input = join(dir, 'report.sarif');
    const output = join(dir, 'validation.sarif');
    writeFileSync(input, sarifText);
    const v = spawnSync(bin, ['validate', input, '--output', output, '--level', 'Error;Warning', '--log', 'ForceOverwrite', '--quiet'], { encoding: 'utf8' });
    if (v.status !== 0) return [`exit ${v.status}: ${v.stdout}${v.stderr}`];
    return (JSON.parse(readFileSync(output, 'utf8')).runs[0].results as { ruleId: string; level: string; message: unknown }[]).map(
      (r) => `${r.level} ${r.ruleId} ${JSON.stringify(r.message)}`,
    );
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
