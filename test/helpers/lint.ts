import { lintSources } from '../../src/api/lint.js';
import type { LintOptions } from '../../src/engine/options.js';
import type { LintMessage } from '../../src/engine/lint-message.js';

export interface Hit {
  readonly file: string;
  readonly rule: string | null;
  readonly line: number;
  readonly column: number;
  readonly message: string;
  readonly raw: LintMessage;
}

/** Lints in-memory files and flattens the messages, rule ids without the plugin prefix. */
export function lintHits(files: Readonly<Record<string, string>>, options: LintOptions = {}): Hit[] {
  const report = lintSources(files, { cwd: '/project', ...options });
  return report.results.flatMap((r) =>
    r.messages.map((m) => ({
      file: r.filePath.replace('/project/', ''),
      rule: m.ruleId?.replace('azure-backup/', '') ?? null,
      line: m.line,
      column: m.column,
      message: m.message,
      raw: m,
    })),
  );
}

/** Only the findings of one rule, as `file:line:col` strings for compact assertions. */
export function at(hits: readonly Hit[], rule: string): string[] {
  return hits.filter((h) => h.rule === rule).map((h) => `${h.file}:${h.line}:${h.column}`);
}

/** 1-based line and column of the first occurrence of `needle` in `text` (after `after`, if given). */
export function pos(text: string, needle: string, after = ''): string {
  const from = after ? text.indexOf(after) : 0;
  const offset = text.indexOf(needle, from < 0 ? 0 : from);
  if (offset < 0) throw new Error(`'${needle}' not found`);
  const before = text.slice(0, offset).split('\n');
  return `${before.length}:${before.at(-1)!.length + 1}`;
}

export const SCHEMA = 'https://schema.management.azure.com/schemas/2019-04-01/deploymentTemplate.json#';
export const PARAMS_SCHEMA = 'https://schema.management.azure.com/schemas/2019-04-01/deploymentParameters.json#';

/** A template as pretty JSON text, so positions are predictable. */
export function template(body: Record<string, unknown>): string {
  return `${JSON.stringify({ $schema: SCHEMA, contentVersion: '1.0.0.0', ...body }, null, 2)}\n`;
}

export function parameterFile(values: Record<string, unknown>): string {
  const parameters = Object.fromEntries(Object.entries(values).map(([k, v]) => [k, { value: v }]));
  return `${JSON.stringify({ $schema: PARAMS_SCHEMA, contentVersion: '1.0.0.0', parameters }, null, 2)}\n`;
}

/** A VM resource with the given storage profile and NIC ids. */
export function vm(name: string, storageProfile: Record<string, unknown>, extra: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    type: 'Microsoft.Compute/virtualMachines',
    apiVersion: '2023-09-01',
    name,
    location: 'westeurope',
    ...extra,
    properties: {
      hardwareProfile: { vmSize: 'Standard_D4s_v5' },
      storageProfile: {
        imageReference: { publisher: 'Canonical', offer: '0001-com-ubuntu-server-jammy', sku: '22_04-lts-gen2', version: 'latest' },
        osDisk: { createOption: 'FromImage', managedDisk: { storageAccountType: 'Premium_LRS' } },
        ...storageProfile,
      },
      ...((extra.properties as object | undefined) ?? {}),
    },
  };
}

export function dataDisk(lun: number, sku: unknown, extra: Record<string, unknown> = {}): Record<string, unknown> {
  return { lun, createOption: 'Empty', diskSizeGB: 128, managedDisk: { storageAccountType: sku }, ...extra };
}
