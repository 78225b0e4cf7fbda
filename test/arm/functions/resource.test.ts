import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { ev, paramDefault, plain } from '../expression/fake-scope.js';

function table(cases: [string, unknown][]): void {
  for (const [expr, expected] of cases) it(`${expr} → ${JSON.stringify(expected)}`, () => assert.deepEqual(plain(expr), expected));
}

const RG = 'partial: /subscriptions/{subscription().subscriptionId}/resourceGroups/{resourceGroup().name}';

describe('resource id functions', () => {
  table([
    ["resourceId('Microsoft.Compute/disks', 'd1')", `${RG}/providers/Microsoft.Compute/disks/d1`],
    ["resourceId('Microsoft.Network/virtualNetworks/subnets', 'vnet', 'default')", `${RG}/providers/Microsoft.Network/virtualNetworks/vnet/subnets/default`],
    ["resourceId('Microsoft.Network/virtualNetworks/subnets', 'vnet/default')", `${RG}/providers/Microsoft.Network/virtualNetworks/vnet/subnets/default`],
    ["resourceId('Microsoft.Network/publicIPAddresses/', 'ip')", `${RG}/providers/Microsoft.Network/publicIPAddresses/ip`],
    ["resourceId('otherRg', 'Microsoft.Storage/storageAccounts', 'st')", 'partial: /subscriptions/{subscription().subscriptionId}/resourceGroups/otherRg/providers/Microsoft.Storage/storageAccounts/st'],
    ["resourceId('sub1', 'rg1', 'Microsoft.Storage/storageAccounts', 'st')", '/subscriptions/sub1/resourceGroups/rg1/providers/Microsoft.Storage/storageAccounts/st'],
    ["resourceId('Microsoft.Network/virtualNetworks/subnets', 'vnet')", "unknown: error: resourceId(): the type 'Microsoft.Network/virtualNetworks/subnets' requires 2 resource name argument(s), not 1"],
    ["resourceId('disks', 'd1')", "unknown: error: resourceId() needs a resource type such as 'Microsoft.Compute/virtualMachines' within its first 3 arguments"],
    ["subscriptionResourceId('Microsoft.Authorization/roleDefinitions', 'r1')", 'partial: /subscriptions/{subscription().subscriptionId}/providers/Microsoft.Authorization/roleDefinitions/r1'],
    ["subscriptionResourceId('s1', 'Microsoft.Resources/resourceGroups', 'rg')", '/subscriptions/s1/providers/Microsoft.Resources/resourceGroups/rg'],
    ["tenantResourceId('Microsoft.Management/managementGroups', 'mg')", '/providers/Microsoft.Management/managementGroups/mg'],
    ["managementGroupResourceId('mg1', 'Microsoft.Authorization/policyDefinitions', 'p')", '/providers/Microsoft.Management/managementGroups/mg1/providers/Microsoft.Authorization/policyDefinitions/p'],
    [
      "extensionResourceId(resourceId('Microsoft.Compute/virtualMachines', 'vm1'), 'Microsoft.Authorization/locks', 'lock1')",
      `${RG}/providers/Microsoft.Compute/virtualMachines/vm1/providers/Microsoft.Authorization/locks/lock1`,
    ],
    ["concat(resourceGroup().id, '/providers/Microsoft.Compute/disks/d1')", `${RG}/providers/Microsoft.Compute/disks/d1`],
    ["concat('/subscriptions/', subscription().subscriptionId, '/resourceGroups/', resourceGroup().name, '/providers/Microsoft.Compute/disks/d1')", `${RG}/providers/Microsoft.Compute/disks/d1`],
    ["format('{0}/providers/Microsoft.Compute/disks/{1}', resourceGroup().id, 'd1')", `${RG}/providers/Microsoft.Compute/disks/d1`],
  ]);

  it('gives the same id for the same resource written two ways', () => {
    assert.equal(
      plain("equals(resourceId('Microsoft.Compute/disks', 'd1'), concat('/subscriptions/', subscription().subscriptionId, '/resourceGroups/', resourceGroup().name, '/providers/Microsoft.Compute/disks/d1'))"),
      true,
    );
  });

  it('keeps a symbolic text out of non-id strings', () => {
    const v = ev("concat(resourceGroup().location, '-vm')");
    assert.equal(v.kind, 'unknown');
    assert.equal(v.kind === 'unknown' && v.symbol, '{resourceGroup().location}-vm');
    assert.equal(v.kind === 'unknown' && v.reason, 'resourceGroup().location is known only at deployment');
  });

  it('is unknown when a name is unknown without a symbol', () => {
    const u = { parameters: { n: { kind: 'unknown', reason: "parameter 'n' has no value", origins: [], cause: 'deploy-time' } as const } };
    assert.equal(plain("resourceId('Microsoft.Compute/disks', parameters('n'))", u), "unknown: parameter 'n' has no value");
  });

  it('carries the origins of the names', () => {
    const v = ev("resourceId('Microsoft.Compute/disks', parameters('disk'))", { parameters: { disk: paramDefault('disk', 'd1', 30) } });
    assert.equal(v.kind === 'unknown' && `partial: ${v.symbol}`, `${RG}/providers/Microsoft.Compute/disks/d1`);
    assert.deepEqual(v.origins.map((o) => `${o.kind}:${o.name}@${o.loc?.start}`), ['parameter-default:disk@30']);
  });
});

describe('deployment functions', () => {
  const loops = { loops: [{ name: 'outer', index: 2 }, { name: undefined, index: 5 }] };
  table([
    ["parameters('nope')", "unknown: error: parameter 'nope' is not declared"],
    ["variables('nope')", "unknown: error: variable 'nope' is not declared"],
    ['copyIndex()', 'unknown: error: copyIndex() is used outside a copy loop'],
    ["listKeys(resourceId('Microsoft.Storage/storageAccounts', 'st'), '2021-01-01').keys[0].value", 'unknown: listKeys() is known only at deployment'],
    ["utcNow('u')", 'unknown: utcNow() is known only at deployment'],
    ['newGuid()', 'unknown: newGuid() is known only at deployment'],
    ["pickZones('Microsoft.Compute', 'virtualMachines', 'westus2')", 'unknown: pickZones() is known only at deployment'],
    ["dateTimeAdd('2020-01-01', 'P1D')", 'unknown: dateTimeAdd() is not evaluated by the linter'],
    ['subscription(1)', 'unknown: error: subscription() takes 0 argument(s), not 1'],
  ]);

  it('copyIndex reads the innermost or named loop, with an offset', () => {
    assert.equal(plain('copyIndex()', loops), 5);
    assert.equal(plain('copyIndex(1)', loops), 6);
    assert.equal(plain("copyIndex('OUTER')", loops), 2);
    assert.equal(plain("copyIndex('outer', 10)", loops), 12);
    assert.equal(plain("copyIndex('other')", loops), "unknown: error: copyIndex(): there is no copy loop named 'other' here");
  });
});
