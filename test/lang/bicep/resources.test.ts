// E3: `existing`, `parent:`, nested resources, `::`, `scope:`.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { bicepBackup, bicepVm, inventory, ruleAt, where } from './helpers.js';

const lock = (scope: string) => `resource lock 'Microsoft.Authorization/locks@2020-05-01' = {
  name: 'no-delete'
  ${scope}properties: {
    level: 'CanNotDelete'
  }
}
`;

describe('Bicep resource symbols', () => {
  it('an existing VM is no declaration, but its id links a protected item', () => {
    const files = { 'main.bicep': `resource vm 'Microsoft.Compute/virtualMachines@2023-09-01' existing = {\n  name: 'vm1'\n}\n${bicepBackup('vm1', 'vm.id')}` };
    assert.deepEqual(ruleAt(files, 'require-backup'), []);
    assert.deepEqual(inventory(files), []);
  });

  it('parent: and a nested child both name the child parent/child', () => {
    const nested = (bicepVm('vm', "'vm1'", "'Standard_D4s_v5'") + bicepBackup('vm1', 'vm.id'))
      .replace(/resource policy [^\n]+\n {2}parent: vault\n/, "resource policy 'Microsoft.RecoveryServices/vaults/backupPolicies@2023-04-01' = {\n  parent: vault\n");
    assert.deepEqual(ruleAt({ 'main.bicep': nested }, 'require-backup'), []);
    // The same policy declared inside the vault: its id is the vault's plus the child segment.
    const inside = nested
      .replace("  properties: {}\n}\n\nresource policy 'Microsoft.RecoveryServices/vaults/backupPolicies@2023-04-01' = {\n  parent: vault\n", "  properties: {}\n  resource policy 'backupPolicies' = {\n")
      .replace("}\n\nresource item", "}\n}\n\nresource item")
      .replace('policyId: policy.id', 'policyId: vault::policy.id');
    assert.notEqual(inside, nested);
    assert.deepEqual(ruleAt({ 'main.bicep': inside }, 'require-backup'), []);
  });

  it('a child declared in an existing parent is deployed', () => {
    const vm = bicepVm('vm', "'vm1'", "'Standard_D4s_v5'");
    const backup = bicepBackup('vm1', 'vm.id')
      .replace(/resource vault [^]*?\n\}\n\nresource policy [^\n]+\n {2}parent: vault\n/, "resource vault 'Microsoft.RecoveryServices/vaults@2023-04-01' existing = {\n  name: 'rsv'\n  resource policy 'backupPolicies' = {\n")
      .replace('}\n\nresource item', '}\n}\n\nresource item')
      .replace('policyId: policy.id', 'policyId: vault::policy.id');
    const files = { 'main.bicep': vm + backup };
    assert.match(files['main.bicep'], /existing = \{\n {2}name: 'rsv'\n {2}resource policy/);
    // The policy is deployed: a retention over the limit is reported on it.
    const tooLong = { 'main.bicep': files['main.bicep'].replace('count: 30', 'count: 99999') };
    assert.deepEqual(ruleAt(files, 'policy-retention'), []);
    assert.equal(ruleAt(tooLong, 'policy-retention').length, 1);
  });

  it('a lock scoped to a VM is a resource lock; without scope it locks the resource group', () => {
    const vm =
      bicepVm('vm', "'vm1'", "'Standard_D4s_v5'").replace(
        '    hardwareProfile',
        "    storageProfile: {\n      osDisk: {\n        createOption: 'FromImage'\n        managedDisk: {\n          storageAccountType: 'Premium_LRS'\n        }\n      }\n    }\n    hardwareProfile",
      ) + bicepBackup('vm1', 'vm.id');
    const onVm = { 'main.bicep': vm + lock('scope: vm\n  ') };
    const onGroup = { 'main.bicep': vm + lock('') };
    assert.deepEqual(ruleAt(onGroup, 'no-resource-group-lock'), [where(onGroup, 'main.bicep', "'CanNotDelete'")]);
    assert.deepEqual(ruleAt(onVm, 'no-resource-group-lock'), []);
  });
});
