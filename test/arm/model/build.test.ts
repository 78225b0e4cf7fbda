// The ARM model builder reads each property where ARM puts it, for VMs and scale sets alike.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { ArmResource } from '../../../src/azure/arm-resource.js';
import { buildArmModel } from '../../../src/azure/from-arm/build.js';
import { fromPlain, str, type Plain } from '../../../src/kernel/value.js';

const at = { file: 'main.json', start: 0, end: 1 };

function resource(type: string, name: string, body: Plain): ArmResource {
  return {
    file: at.file,
    type,
    typeLoc: at,
    name: str(name),
    id: `/subscriptions/s/resourcegroups/rg/providers/${type}/${name}`.toLowerCase(),
    body: fromPlain(body, at),
    resourceGroup: str('rg'),
    subscription: str('s'),
    instances: 1,
    declLoc: at,
  };
}

const build = (...resources: ArmResource[]) => buildArmModel(resources, { name: 'defaults' });

describe('ARM model builder', () => {
  it('reads a VM through properties, and links its NIC and managed disk by id', () => {
    const nicId = '/subscriptions/s/resourcegroups/rg/providers/Microsoft.Network/networkInterfaces/nic1';
    const diskId = '/subscriptions/s/resourcegroups/rg/providers/Microsoft.Compute/disks/d1';
    const m = build(
      resource('Microsoft.Network/networkInterfaces', 'nic1', {
        properties: { ipConfigurations: [{ name: 'ip1', properties: { privateIPAllocationMethod: 'Static' } }] },
      }),
      resource('Microsoft.Compute/disks', 'd1', { sku: { name: 'UltraSSD_LRS' }, properties: { diskSizeGB: 64 } }),
      resource('Microsoft.Compute/virtualMachines', 'vm1', {
        zones: ['1'],
        properties: {
          hardwareProfile: { vmSize: 'Standard_D2s_v5' },
          additionalCapabilities: { ultraSSDEnabled: true },
          availabilitySet: { id: 'set1' },
          storageProfile: { dataDisks: [{ lun: 0, managedDisk: { id: diskId } }] },
          networkProfile: { networkInterfaces: [{ id: nicId }] },
        },
      }),
    );
    const [vm] = m.vms;
    assert.deepEqual(vm?.size, fromPlain('Standard_D2s_v5', at));
    assert.deepEqual(vm?.ultraSSDEnabled, fromPlain(true, at));
    assert.deepEqual(vm?.availabilitySet, fromPlain('set1', at));
    assert.deepEqual(vm?.zones, fromPlain(['1'], at));
    assert.deepEqual(vm?.dataDisks[0]?.storageType, fromPlain('UltraSSD_LRS', at));
    assert.deepEqual(vm?.dataDisks[0]?.sizeGB, fromPlain(64, at));
    assert.equal(vm?.networkInterfaces[0]?.ipConfigurations[0]?.allocation.kind, 'string');
    assert.equal(m.networkInterfaces[0]?.attached, true);
  });

  it('reads a scale set: size from its sku, disks from its VM profile, ultraSSDEnabled beside the profile', () => {
    const m = build(
      resource('Microsoft.Compute/virtualMachineScaleSets', 'ss1', {
        sku: { name: 'Standard_B1s' },
        properties: {
          additionalCapabilities: { ultraSSDEnabled: true },
          virtualMachineProfile: {
            storageProfile: { osDisk: { managedDisk: { storageAccountType: 'Premium_LRS' } } },
            // Not where ARM has it for a scale set: not read.
            additionalCapabilities: { ultraSSDEnabled: false },
          },
        },
      }),
    );
    const [ss] = m.vms;
    assert.equal(ss?.scaleSet, true);
    assert.deepEqual(ss?.size, fromPlain('Standard_B1s', at));
    assert.deepEqual(ss?.osDisk?.storageType, fromPlain('Premium_LRS', at));
    assert.deepEqual(ss?.ultraSSDEnabled, fromPlain(true, at));
    assert.equal(ss?.availabilitySet, undefined);
  });
});
