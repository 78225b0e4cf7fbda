// E4: local modules (.bicep and .json), outputs, target scopes; registry modules are opaque.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { template } from '../../helpers/lint.js';
import { ALL, bicepBackup, bicepVm, diagnostics, hitsOf, inventory, MAYBE, ruleAt, where } from './helpers.js';

const vmModule = `param size string
param vmName string = 'vm1'
${bicepVm('vm', 'vmName', 'size')}
output vmId string = vm.id
`;

describe('Bicep modules', () => {
  it('a finding inside a local module lands at the use site there, naming the calling module', () => {
    const files = {
      'main.bicep': "module web './vm.bicep' = {\n  name: 'web'\n  params: {\n    size: 'Standard_A0'\n  }\n}\n",
      'vm.bicep': vmModule,
    };
    const [hit] = hitsOf(files, 'min-vm-size');
    assert.equal(`${hit!.file}:${hit!.line}:${hit!.column}`, where(files, 'vm.bicep', 'size', 'vmSize'));
    assert.match(hit!.message, /\(value from parameter 'size' passed by module 'web'\)\.$/);
    assert.deepEqual(hit!.raw.relatedLocations?.map((r) => `${r.filePath.replace('/project/', '')}:${r.line}:${r.column}`), [where(files, 'main.bicep', "'Standard_A0'")]);
  });

  it("a module's output carries the id that links a protected item in the caller", () => {
    const files = {
      'main.bicep': `module web './vm.bicep' = {\n  name: 'web'\n  params: {\n    size: 'Standard_D4s_v5'\n  }\n}\n${bicepBackup('vm1', 'web.outputs.vmId')}`,
      'vm.bicep': vmModule,
    };
    assert.deepEqual(ruleAt(files, 'require-backup'), []);
    assert.deepEqual(inventory(files), [{ file: 'vm.bicep', name: 'vm1', instances: 1, protected: true }]);
  });

  it('a module loop deploys one module per item; a false condition none', () => {
    const files = {
      'main.bicep': `module webs './vm.bicep' = [for (s, i) in ['Standard_A0', 'Standard_D4s_v5']: {\n  name: 'web\${i}'\n  params: {\n    size: s\n    vmName: 'vm\${i}'\n  }\n}]\nmodule off './vm.bicep' = if (false) {\n  name: 'off'\n  params: {\n    size: 'Standard_A0'\n    vmName: 'off'\n  }\n}\n`,
      'vm.bicep': vmModule,
    };
    assert.deepEqual(ruleAt(files, 'min-vm-size'), [where(files, 'vm.bicep', 'size', 'vmSize')]);
    assert.deepEqual(inventory(files).map((e) => e.instances), [2]);
  });

  it('a .json module is evaluated as an ARM template with the module parameters', () => {
    const files = {
      'main.bicep': "module web './vm.json' = {\n  name: 'web'\n  params: {\n    size: 'Standard_A0'\n  }\n}\n",
      'vm.json': template({
        parameters: { size: { type: 'string' } },
        resources: [{ type: 'Microsoft.Compute/virtualMachines', apiVersion: '2023-09-01', name: 'vm1', location: 'westeurope', properties: { hardwareProfile: { vmSize: "[parameters('size')]" } } }],
      }),
    };
    const [hit] = hitsOf(files, 'min-vm-size');
    assert.equal(`${hit!.file}:${hit!.line}:${hit!.column}`, where(files, 'vm.json', `"[parameters('size')]"`));
    assert.match(hit!.message, /passed by module 'web'/);
  });

  it('scope: resourceGroup(sub, name) is where the module deploys', () => {
    const inGroup = (group: string) => ({
      'main.bicep': `module web './vm.bicep' = {\n  name: 'web'\n  scope: resourceGroup('s1', '${group}')\n  params: {\n    size: 'Standard_D4s_v5'\n  }\n}\n${bicepBackup('x', "'/subscriptions/s1/resourceGroups/rg1/providers/Microsoft.Compute/virtualMachines/vm1'")}`,
      'vm.bicep': vmModule,
    });
    assert.deepEqual(ruleAt(inGroup('rg1'), 'require-backup'), []);
    // The item names the VM in rg1: it protects nothing in rg2.
    assert.deepEqual(ruleAt(inGroup('rg2'), 'require-backup'), [where(inGroup('rg2'), 'vm.bicep', "'Microsoft.Compute/virtualMachines@2023-09-01'")]);
  });

  it('a registry module is opaque: an info diagnostic, and no certain require-backup beside it', () => {
    const files = {
      'main.bicep': `${bicepVm('vm', "'vm1'", "'Standard_D4s_v5'")}module backup 'br/public:avm/res/recovery-services/vault:0.1.0' = {\n  name: 'backup'\n  params: {\n    name: 'rsv'\n  }\n}\n`,
    };
    assert.deepEqual(ruleAt(files, 'require-backup', ALL), []);
    const [maybe] = hitsOf(files, 'require-backup', MAYBE);
    assert.match(maybe!.message, /^May be: module 'backup' comes from br\/public:avm\/res\/recovery-services\/vault:0\.1\.0, which the linter does not fetch: /);
    assert.deepEqual(diagnostics(files), [`${where(files, 'main.bicep', "'br/public")} module 'backup' comes from br/public:avm/res/recovery-services/vault:0.1.0, which the linter does not fetch`]);
  });

  it('a module cycle and a module outside the root are diagnostics at the path', () => {
    const cycle = { 'main.bicep': "module a './a.bicep' = {\n  name: 'a'\n}\n", 'a.bicep': "module b './main.bicep' = {\n  name: 'b'\n}\n" };
    assert.ok(diagnostics(cycle).some((d) => d.startsWith(where(cycle, 'a.bicep', "'./main.bicep'")) && /cycle/.test(d)));
    const outside = { 'main.bicep': "module a '../../etc/x.bicep' = {\n  name: 'a'\n}\n" };
    assert.ok(diagnostics(outside).some((d) => d.startsWith(where(outside, 'main.bicep', "'../../etc/x.bicep'")) && /outside the linted root/.test(d)));
  });
});
