// Proves the seam: a kind of source the product has never heard of is registered through the
// composition root alone (a Setup), and every rule, the inventory, discovery and file problems
// work on it with exact positions.
import assert from 'node:assert/strict';
import path from 'node:path';
import { describe, it } from 'node:test';
import { lint, lintSources } from '../../src/api/index.js';
import { str } from '../../src/kernel/value.js';
import type { Model } from '../../src/azure/model.js';
import { DEFAULT_SETUP, SOURCE_KINDS, type Setup } from '../../src/setup.js';
import type { SourceKind } from '../../src/sources/source-kind.js';
import { scratch } from '../helpers/cli.js';
import { disk, vm } from '../rules/model-builder.js';

interface FleetLine {
  readonly fields: readonly { readonly text: string; readonly start: number }[];
}

/** `*.fleet`: one VM a line, `name size osDiskType`. */
function parseFleet(text: string): { lines: FleetLine[]; error?: { start: number; end: number; message: string } } {
  const lines: FleetLine[] = [];
  let offset = 0;
  for (const line of text.split('\n')) {
    const fields = [...line.matchAll(/\S+/g)].map((m) => ({ text: m[0], start: offset + m.index }));
    if (fields.length && fields.length !== 3) return { lines, error: { start: offset, end: offset + line.length, message: `expected 'name size diskType', found ${fields.length} fields` } };
    if (fields.length) lines.push({ fields });
    offset += line.length + 1;
  }
  return { lines };
}

const FLEET_PARSER = { id: 'fleet', parse: parseFleet };

const fleetKind: SourceKind = {
  id: 'fleet',
  files: ['**/*.fleet'],
  unitsOf: (file) => [{ key: `fleet:${file}`, kind: 'fleet', entry: file }],
  evaluate(unit, ws) {
    const parsed = ws.parsed(FLEET_PARSER, unit.entry);
    const value = (f: { text: string; start: number }) => str(f.text, { file: unit.entry, start: f.start, end: f.start + f.text.length });
    const vms = (parsed?.lines ?? []).map(({ fields: [name, size, diskType] }) =>
      vm({ at: value(name!).loc!, address: `fleet VM '${name!.text}'`, name: value(name!), size: value(size!), osDisk: disk({ role: 'os', storageType: value(diskType!) }) }),
    );
    const model: Model = { scenario: { name: 'defaults' }, vms, disks: [], networkInterfaces: [], vaults: [], policies: [], protectedItems: [], locks: [], diagnosticSettings: [], opaque: [] };
    return { models: [model], diagnostics: [], files: [unit.entry] };
  },
  fileProblem(file, ws) {
    const error = ws.parsed(FLEET_PARSER, file)?.error;
    return error ? { severity: 'error', summary: `Parsing error: ${error.message}`, subject: { file, start: error.start, end: error.end }, fatal: true } : undefined;
  },
  anchorFile: (unit) => unit.entry,
  callersNear: () => [],
  comments: () => [],
  printLiteral: (value) => String(value),
};

const WITH_FLEET: Setup = { ...DEFAULT_SETUP, kinds: [...SOURCE_KINDS, fleetKind] };
const FLEET = 'web Standard_B1s Premium_LRS\ndb  Standard_D4s_v5 UltraSSD_LRS\n';

describe('a source kind registered through the composition root', () => {
  it('is linted by every rule, at the exact value', () => {
    const report = lintSources({ 'prod.fleet': FLEET }, {}, WITH_FLEET);
    const messages = report.results.find((r) => r.filePath.endsWith('prod.fleet'))!.messages;
    assert.deepEqual(
      messages.map((m) => [m.ruleId, m.line, m.column, m.endColumn]),
      [
        ['azure-backup/min-vm-size', 1, 5, 17],
        ['azure-backup/no-ultra-ssd', 2, 21, 33],
      ],
    );
  });

  it('lists its VMs in the inventory under its kind', () => {
    const report = lintSources({ 'prod.fleet': FLEET }, {}, WITH_FLEET);
    assert.deepEqual(
      report.inventory.map((e) => [e.kind, e.name, e.size, e.line, e.column]),
      [
        ['fleet', 'web', 'Standard_B1s', 1, 1],
        ['fleet', 'db', 'Standard_D4s_v5', 2, 1],
      ],
    );
  });

  it('gives its file problems as fatal messages with a position', () => {
    const report = lintSources({ 'bad.fleet': 'web Standard_B1s\n' }, {}, WITH_FLEET);
    assert.deepEqual(
      report.results.map((r) => r.messages.map((m) => [m.fatal, m.line, m.column, m.message])),
      [[[true, 1, 1, "Parsing error: expected 'name size diskType', found 2 fields"]]],
    );
  });

  it('is found by discovery on disk, and only with the setup that has it', async () => {
    const dir = scratch({ 'infra/prod.fleet': FLEET, 'infra/notes.txt': 'web Standard_B1s Premium_LRS\n' });
    const withFleet = await lint(['.'], { cwd: dir }, { setup: WITH_FLEET });
    assert.deepEqual(withFleet.results.map((r) => path.relative(dir, r.filePath)), [path.join('infra', 'prod.fleet')]);
    assert.equal(withFleet.stats.vms, 2);
    const without = await lint(['.'], { cwd: dir });
    assert.equal(without.stats.files, 0);
  });
});
