import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { template } from '../helpers/lint.js';
import { networkCallsDuring } from './no-network.js';
import { lintSources } from '../../src/api/lint.js';
import { describeMessage, lintVirtual, SMALL_VM, SMALL_VM_AT } from './helpers.js';

const smallVm = (name: string, extra: Record<string, unknown> = {}) => ({
  type: 'Microsoft.Compute/virtualMachines',
  apiVersion: '2023-09-01',
  name,
  location: 'westeurope',
  ...extra,
  properties: { hardwareProfile: { vmSize: 'Standard_A0' } },
});
const link = (name: string, templateLink: Record<string, unknown>) => ({ type: 'Microsoft.Resources/deployments', apiVersion: '2022-09-01', name, properties: { mode: 'Incremental', templateLink } });

/** Lints with a healthy neighbour and checks that the neighbour still got its finding. */
function lintWithNeighbour(files: Record<string, string>, budgetMs = 5000): Record<string, string[]> {
  const started = performance.now();
  const out = lintVirtual({ ...files, 'neighbour.json': SMALL_VM });
  assert.ok(performance.now() - started < budgetMs, 'bounded time');
  assert.deepEqual(out['neighbour.json'], [SMALL_VM_AT]);
  delete out['neighbour.json'];
  return out;
}

describe('broken JSON', () => {
  it('reports a truncated template at the break', () => {
    assert.deepEqual(lintWithNeighbour({ 'cut.json': SMALL_VM.slice(0, 200) }), {
      'cut.json': ['6:15-6:49 Parsing error: Unterminated string (found "\\"Microsoft.Compute/v")'],
    });
  });

  it('reports invalid JSON once, at the first break', () => {
    assert.deepEqual(lintWithNeighbour({ 'bad.json': '{\n  "a": [1, 2,, 3],\n  "b": }\n' }), {
      'bad.json': ['2:14-2:15 Parsing error: Expected a value (found ",")'],
    });
  });

  it('keeps the range of a comment left open at the end of the file inside the file (found by fuzzing)', () => {
    assert.deepEqual(lintWithNeighbour({ 'open-comment.json': '{\n  "a": 1\n}\n/*' }), {
      'open-comment.json': ['4:1-4:3 Parsing error: Unterminated comment (found "/*")'],
    });
  });

  it('survives 20,000 levels of nesting without a stack overflow', () => {
    const arrays = `${'['.repeat(20_000)}${']'.repeat(20_000)}`;
    const objects = `${'{"a":'.repeat(20_000)}1${'}'.repeat(20_000)}`;
    assert.deepEqual(lintWithNeighbour({ 'arrays.json': arrays, 'objects.json': objects }), {
      'arrays.json': ['1:1001-1:1002 Parsing error: JSON nested deeper than 1000 levels'],
      'objects.json': ['1:5001-1:5002 Parsing error: JSON nested deeper than 1000 levels'],
    });
  });
});

describe('ARM limits', () => {
  it('refuses copy counts outside 0..800 with the count\'s position', () => {
    const t = template({
      resources: [
        smallVm("[concat('a', copyIndex())]", { copy: { name: 'a', count: 100_000 } }),
        smallVm("[concat('b', copyIndex())]", { copy: { name: 'b', count: -1 } }),
        smallVm("[concat('c', copyIndex())]", { copy: { name: 'c', count: 1e300 } }),
      ],
    });
    assert.deepEqual(lintWithNeighbour({ 'copies.json': t }), {
      'copies.json': [
        "12:18-12:24 Copy count 100000 is outside ARM's limit of 0 to 800; the deployment would fail",
        '16:21-16:34 azure-backup/min-vm-size',
        "27:18-27:20 Copy count -1 is outside ARM's limit of 0 to 800; the deployment would fail",
        '31:21-31:34 azure-backup/min-vm-size',
        "42:18-42:24 Copy count 1e+300 is outside ARM's limit of 0 to 800; the deployment would fail",
        '46:21-46:34 azure-backup/min-vm-size',
      ],
    });
  });

  it('leaves range() beyond its limit unknown instead of building it', () => {
    const t = template({ variables: { r: '[range(0, 100000000)]' }, resources: [smallVm("[string(length(variables('r')))]")] });
    const report = lintSources({ 'range.json': t }, { cwd: '/project' });
    // Over ARM's own limit the deployment fails: a template mistake, reported where the variable is defined.
    assert.deepEqual(report.results[0]!.messages.map(describeMessage), ["5:10-5:33 range() count 100000000 exceeds ARM's limit of 10000", '15:21-15:34 azure-backup/min-vm-size']);
    assert.equal(report.inventory[0]!.name, '?');
  });

  it('stops variables that double each other 60 times (strings, arrays, objects)', () => {
    const doubling = (seed: string, step: (previous: string) => string = (p) => `concat(${p}, ${p})`) => {
      const v: Record<string, string> = { v0: seed };
      for (let i = 1; i <= 60; i++) v[`v${i}`] = `[${step(`variables('v${i - 1}')`)}]`;
      return v;
    };
    const strings = template({ variables: doubling("['ab']"), resources: [smallVm("[variables('v60')]")] });
    const arrays = template({ variables: doubling('[createArray(1)]'), resources: [smallVm("[string(length(variables('v60')))]")] });
    const objects = template({ variables: doubling("[createObject('a', 1)]", (p) => `createObject('l', ${p}, 'r', ${p})`), resources: [smallVm("[string(variables('v60'))]")] });
    assert.deepEqual(lintWithNeighbour({ 'strings.json': strings, 'arrays.json': arrays, 'objects.json': objects }, 15_000), {
      'arrays.json': ['22:12-22:58 Not evaluated: concat() result over 100000 items', '75:21-75:34 azure-backup/min-vm-size'],
      'objects.json': ['54:12-54:74 Not evaluated: a value of more than 100000 elements is not evaluated', '75:21-75:34 azure-backup/min-vm-size'],
      'strings.json': ['24:12-24:58 Not evaluated: concat() result over 1000000 characters', '75:21-75:34 azure-backup/min-vm-size'],
    });
  });

  it('reports variables that refer to each other', () => {
    const t = template({ variables: { a: "[variables('b')]", b: "[variables('a')]" }, resources: [smallVm("[variables('a')]")] });
    assert.deepEqual(lintWithNeighbour({ 'cycle.json': t }), { 'cycle.json': ["5:10-5:28 variable 'a' refers to itself", '16:21-16:34 azure-backup/min-vm-size'] });
  });
});

describe('linked templates', () => {
  it('evaluates a cycle a → b → a once and says where it closes', () => {
    const a = template({ resources: [link('toB', { relativePath: 'b.json' })] });
    const b = template({ resources: [link('toA', { relativePath: 'a.json' }), smallVm('vm')] });
    assert.deepEqual(lintWithNeighbour({ 'a.json': a, 'b.json': b, 'self.json': template({ resources: [link('me', { relativePath: 'self.json' })] }) }), {
      'a.json': ["12:27-12:35 Linked template 'b.json' links back to itself (cycle); it is not evaluated again"],
      'b.json': ["12:27-12:35 Linked template 'a.json' links back to itself (cycle); it is not evaluated again", '23:21-23:34 azure-backup/min-vm-size'],
      'self.json': ["12:27-12:38 Linked template 'self.json' links back to itself (cycle); it is not evaluated again"],
    });
  });

  it('never reads outside the root and never fetches a URL', () => {
    const t = template({
      resources: [
        link('up', { relativePath: '../../../etc/passwd' }),
        link('abs', { relativePath: '/etc/passwd' }),
        link('url', { uri: 'https://example.com/vm.json' }),
        link('ref', { uri: "[uri(deployment().properties.templateLink.uri, 'vm.json')]" }),
      ],
    });
    let out: Record<string, string[]> = {};
    const calls = networkCallsDuring(() => (out = lintWithNeighbour({ 'links.json': t })));
    assert.deepEqual(calls, []);
    assert.deepEqual(out, {
      'links.json': [
        "12:27-12:48 Linked template '../../../etc/passwd' is outside the linted root; it is not read",
        "23:27-23:40 Linked template '/etc/passwd' is outside the linted root; it is not read",
      ],
    });
  });
});
