// E2: conditions and loops (resources, properties, variables).
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { bicepVm, diagnostics, hitsOf, inventory, MAYBE, ruleAt, where } from './helpers.js';

const dataDisks = (count: string) => `  properties: {
    hardwareProfile: {
      vmSize: 'Standard_D2s_v3'
    }
    storageProfile: {
      dataDisks: [for i in range(0, ${count}): {
        lun: i
        createOption: 'Empty'
        diskSizeGB: 128
      }]
    }
  }
`;

function vmWithDisks(count: string, before = ''): string {
  return `${before}resource vm 'Microsoft.Compute/virtualMachines@2023-09-01' = {
  name: 'vm1'
  location: 'westeurope'
${dataDisks(count)}}
`;
}

describe('Bicep conditions and loops', () => {
  it('a false condition deploys nothing; the VM is in the inventory with 0 instances', () => {
    const files = { 'main.bicep': `param deploy bool = false\n${bicepVm('vm', "'vm1'", "'Standard_A0'").replace('= {', '= if (deploy) {')}` };
    assert.deepEqual(ruleAt(files, 'min-vm-size'), []);
    assert.deepEqual(inventory(files), [{ file: 'main.bicep', name: 'vm1', instances: 0, protected: false }]);
  });

  it('an unknown condition is evaluated', () => {
    const files = { 'main.bicep': `param deploy bool\n${bicepVm('vm', "'vm1'", "'Standard_A0'").replace('= {', '= if (deploy) {')}` };
    assert.deepEqual(ruleAt(files, 'min-vm-size'), [where(files, 'main.bicep', "'Standard_A0'")]);
  });

  it('a resource loop makes one instance per item, with the item and index bound', () => {
    const files = {
      'main.bicep': `param sizes array = [
  'Standard_D4s_v5'
  'Standard_A0'
]
resource vms 'Microsoft.Compute/virtualMachines@2023-09-01' = [for (size, i) in sizes: {
  name: 'vm\${i}'
  location: 'westeurope'
  properties: {
    hardwareProfile: {
      vmSize: size
    }
  }
}]
`,
    };
    const hits = hitsOf(files, 'min-vm-size');
    assert.deepEqual(hits.map((h) => `main.bicep:${h.line}:${h.column}`), [where(files, 'main.bicep', 'size', 'vmSize')]);
    assert.deepEqual(inventory(files).map((e) => e.instances), [2]);
  });

  it('a loop filter skips items; an unknown list gives one representative instance', () => {
    const filtered = {
      'main.bicep': `resource vms 'Microsoft.Compute/virtualMachines@2023-09-01' = [for s in ['Standard_A0', 'Standard_D4s_v5']: if (s != 'Standard_A0') {
  name: s
  location: 'westeurope'
  properties: {
    hardwareProfile: {
      vmSize: s
    }
  }
}]
`,
    };
    assert.deepEqual(ruleAt(filtered, 'min-vm-size'), []);
    const unknownList = { 'main.bicep': filtered['main.bicep'].replace("['Standard_A0', 'Standard_D4s_v5']", 'names').replace('if (s != \'Standard_A0\') ', '').replace('vmSize: s', "vmSize: 'Standard_A0'") };
    unknownList['main.bicep'] = `param names array\n${unknownList['main.bicep']}`;
    assert.deepEqual(ruleAt(unknownList, 'min-vm-size'), [where(unknownList, 'main.bicep', "'Standard_A0'")]);
    // As for an ARM copy loop of unknown count: the representative instance is listed.
    assert.deepEqual(inventory(unknownList).map((e) => e.instances), [1]);
  });

  it('a property loop counts its items and names the count in the message', () => {
    const files = { 'main.bicep': vmWithDisks('diskCount', 'param diskCount int = 33\n') };
    const [hit] = hitsOf(files, 'max-data-disks');
    assert.ok(hit, 'max-data-disks reports 33 disks on a 2-vCPU size');
    assert.equal(`main.bicep:${hit.line}:${hit.column}`, where(files, 'main.bicep', 'dataDisks'));
    assert.match(hit.message, /\(copy count from parameter default 'diskCount'\)/);
  });

  it("a property loop over a parameter's allowed counts is a \"may be\"", () => {
    const files = { 'main.bicep': vmWithDisks('diskCount', '@allowed([\n  1\n  33\n])\nparam diskCount int\n') };
    const hits = hitsOf(files, 'max-data-disks', MAYBE);
    assert.equal(hits.length, 1);
    assert.match(hits[0]!.message, /^May be/);
  });

  it("a loop over ARM's 800-instance limit is a diagnostic, not a hang", () => {
    const files = { 'main.bicep': bicepVm('vm', "'vm\${i}'", "'Standard_A0'").replace('= {', '= [for i in range(0, 900): {').replace(/\}\n$/, '}]\n') };
    assert.deepEqual(ruleAt(files, 'min-vm-size'), []);
    assert.ok(diagnostics(files).some((d) => /Copy count 900 is outside ARM's limit/.test(d)));
  });
});
