import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { cli, scratch } from '../helpers/cli.js';
import { lintSources } from '../../src/api/lint.js';
import { template } from '../helpers/lint.js';

/** A template whose one VM is too small: a finding at 12:21 proves the file was linted. */
export const SMALL_VM = template({
  resources: [
    { type: 'Microsoft.Compute/virtualMachines', apiVersion: '2023-09-01', name: 'vm', location: 'westeurope', properties: { hardwareProfile: { vmSize: 'Standard_A0' } } },
  ],
});
export const SMALL_VM_AT = '12:21-12:34 azure-backup/min-vm-size';

/** The same finding in Terraform, at 3:10. */
export const SMALL_VM_TF = 'resource "azurerm_linux_virtual_machine" "vm" {\n  name = "vm"\n  size = "Standard_A0"\n}\n';
export const SMALL_VM_TF_AT = '3:10-3:23 azure-backup/min-vm-size';

interface Message {
  readonly ruleId: string | null;
  readonly line: number;
  readonly column: number;
  readonly endLine?: number;
  readonly endColumn?: number;
  readonly message: string;
}

/** `line:col-endLine:endCol rule-or-message`: compact and exact. */
export function describeMessage(m: Message): string {
  return `${m.line}:${m.column}-${m.endLine}:${m.endColumn} ${m.ruleId ?? m.message}`;
}

/** Lints in-memory files; messages per file (relative), described compactly. */
export function lintVirtual(files: Readonly<Record<string, string>>): Record<string, string[]> {
  const report = lintSources(files, { cwd: '/project' });
  return Object.fromEntries(report.results.map((r) => [path.relative('/project', r.filePath), r.messages.map(describeMessage)]));
}

/**
 * Runs the CLI on a scratch tree with JSON output to a file, as a CI job would, and returns the
 * exit code and messages per file read back from that file (so the results were written).
 */
export async function lintOnDisk(files: Readonly<Record<string, string | Buffer>>, setup?: (dir: string) => void): Promise<{ code: number; stderr: string; dir: string; byFile: Record<string, string[]> }> {
  const dir = scratch({});
  for (const [name, content] of Object.entries(files)) {
    mkdirSync(path.dirname(path.join(dir, name)), { recursive: true });
    writeFileSync(path.join(dir, name), content);
  }
  setup?.(dir);
  const outcome = await cli(['.', '--format', 'json', '--output-file', 'out/results.json'], dir);
  const results = JSON.parse(readFileSync(path.join(dir, 'out/results.json'), 'utf8')) as { filePath: string; messages: Message[] }[];
  const byFile = Object.fromEntries(results.map((r) => [path.relative(dir, r.filePath), r.messages.map(describeMessage)]));
  return { code: outcome.code, stderr: outcome.stderr, dir, byFile };
}
