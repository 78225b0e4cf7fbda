// Messages are what an editor shows on hover and a CI log prints on one line: each template,
// filled with the data a real finding has, must be one short sentence. The support-matrix row
// belongs to the rule's metadata (--list-rules, SARIF, the docs page), never to the message.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { rules } from '../../rules/index.js';
import { defineRule, type MessageData } from '../../rules/api.js';
import { ruleContext } from '../../src/engine/findings.js';
import { MATRICES, matrixRow } from '../../src/azure/matrix/matrix.js';

const MAX_LENGTH = 130;

const VM = "Microsoft.Compute/virtualMachines 'vm-sql-01'";

/** Data as findings on real templates fill it, for every message of every rule. */
const TYPICAL: Readonly<Record<string, Readonly<Record<string, MessageData>>>> = {
  'availability-set-restore': { inSet: {} },
  'encrypted-vm-restore': { encrypted: { type: 'AzureDiskEncryptionForLinux' } },
  'marketplace-plan-restore': { plan: {} },
  'max-data-disks': {
    tooMany: { count: 40, origin: ' (40 attachments from count = 40)', limit: 16, kind: ' with unmanaged disks' },
    mayHaveTooMany: { source: "Parameter 'dataDiskCount'", counts: '33, 48 and 64', limit: 16, kind: ' with unmanaged disks' },
  },
  'max-disk-size': { diskTooLarge: { size: '40,000 GiB', max: '32,767 GiB' }, vmTooLarge: { total: '300,000 GiB', max: '262,144 GiB' } },
  'min-vm-size': {
    tooSmall: { name: 'Standard_B1ls', lacks: '1 vCPU and 0.5 GiB of memory', minVCPUs: 2, minMemoryGiB: 1 },
    constrainedCores: { name: 'Standard_DS11-1_v2', activeVCPUs: 1, vCPUs: '2 vCPUs', minVCPUs: 2 },
  },
  'no-diagnostic-settings': { settings: {}, extension: { type: 'LinuxDiagnostic' } },
  'no-ephemeral-os-disk': { ephemeral: { option: 'Local' } },
  'no-lock-unmanaged-vm': { locked: { vm: VM } },
  'no-resource-group-lock': {
    vmGroup: { level: 'CanNotDelete' },
    restorePointGroup: { level: 'ReadOnly' },
  },
  'no-shared-disk': { shared: { maxShares: 2 } },
  'no-spot-vm': { spot: { priority: 'Spot' } },
  'no-static-private-ip': { static: { method: 'Static' } },
  'no-ultra-ssd': {
    unsupported: { type: 'UltraSSD_LRS' },
    enhancedPolicyUnknown: { type: 'UltraSSD_LRS' },
    enhancedPolicyMissing: { type: 'UltraSSD_LRS' },
  },
  'policy-retention': { tooLong: { label: 'Monthly', count: 1200, unit: 'months', max: 1188 } },
  'policy-schedule': {
    needsEnhanced: { frequency: 'Hourly', why: 'this policy is a Standard (V1) policy' },
    frequency: { frequency: 'Monthly', allowed: "'Daily' and 'Weekly'" },
    hourlyInterval: { hours: 5, allowed: '4, 6, 8, 12 and 24' },
    hourlyWindow: { hours: 2, min: 4, max: 24 },
    runTimes: { count: 2 },
  },
  'policy-time-zone-dst': { dst: { zone: 'W. Europe Standard Time' } },
  'require-backup': { unprotected: { vm: VM } },
  'supported-disk-type': {
    unsupported: { type: 'PremiumV2_LRS' },
    enhancedPolicyUnknown: { type: 'PremiumV2_LRS' },
    enhancedPolicyMissing: { type: 'PremiumV2_LRS' },
  },
  'supported-os': {
    coreOsPublisher: { name: 'CoreOS' },
    coreOsOffer: { name: 'CoreOS' },
    oldServer: { sku: '2008-R2-SP1-smalldisk', year: '2008', minYear: 2008 },
    oldClient: { name: 'Win7-SP1-Ent-N', version: 7, minVersion: 10 },
    bits32: { sku: 'win10-22h2-pro-x86' },
  },
  'unmanaged-disk-restore': { unmanaged: {} },
  'vault-same-region': { region: { vmRegion: "'westeurope'", vaultRegion: "'North Europe'" }, subscription: {} },
  'vm-agent-required': { noAgent: {}, noExtensions: {} },
  'write-accelerator': { region: { region: 'westeurope' }, unknownRegion: { regions: 'koreacentral, southafricanorth' } },
  'zone-pinned-restore': { pinned: { zones: '1, 2' } },
};

/** The message as the engine writes it for a finding without origins: the filled template and its full stop. */
function written(rule: (typeof rules)[number], messageId: string, data: MessageData): string {
  const out: string[] = [];
  const probe = defineRule({ id: rule.id, meta: rule.meta, check: (_model, ctx) => ctx.report({ at: { file: 'x.json', start: 0, end: 1 }, messageId, data }) });
  probe.check({} as never, ruleContext(probe, MATRICES['2021'], {}, true, (r) => void out.push(r.message)));
  return `${out[0]}.`;
}

test('typical data is given for every message of every rule, and fills every placeholder', () => {
  assert.deepEqual(Object.keys(TYPICAL).sort(), rules.map((r) => r.id).sort());
  for (const rule of rules) {
    assert.deepEqual(Object.keys(TYPICAL[rule.id]!).sort(), Object.keys(rule.meta.messages).sort(), rule.id);
    for (const [id, template] of Object.entries(rule.meta.messages)) {
      const names = [...template.matchAll(/\{\{\s*([^{}]+?)\s*\}\}/g)].map((m) => m[1]!);
      assert.deepEqual([...new Set(names)].sort(), Object.keys(TYPICAL[rule.id]![id]!).sort(), `${rule.id}/${id}: placeholders and data`);
    }
  }
});

test(`every message is one sentence of at most ${MAX_LENGTH} characters, without the support-matrix row`, () => {
  // All problems at once, so that rewording several messages takes one run.
  const problems: string[] = [];
  for (const rule of rules) {
    for (const [id, data] of Object.entries(TYPICAL[rule.id]!)) {
      const message = written(rule, id, data);
      const flag = (what: string) => problems.push(`${rule.id}/${id}: ${what}: ${message}`);
      if (message.length > MAX_LENGTH) flag(`${message.length} characters`);
      // The template decides the sentence; values such as 'W. Europe Standard Time' may hold a dot.
      const template = rule.meta.messages[id]!;
      if (!/^(?:[A-Z]|\{\{)/.test(template)) flag('does not start a sentence');
      if (/[.!?;:]$|[.!?](\s|$)|\n/.test(template)) flag('not one sentence whose full stop is left to the engine');
      const rows = (['2021', '2025'] as const).map((edition) => matrixRow(rule.id, edition).text);
      if (/support matrix/i.test(message) || rows.some((row) => message.includes(row))) flag('quotes the support matrix');
    }
  }
  assert.deepEqual(problems, []);
});
