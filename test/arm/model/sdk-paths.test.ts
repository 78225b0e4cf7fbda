// The ARM mapping's property paths: typed by the Azure SDK models (a wrong key does not compile,
// which `tsc -p tsconfig.json` checks through the @ts-expect-error lines below), and turned
// back into ARM's shape at run time, where the SDK's flattened `properties` bag is put back.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { DataDisk, Disk, OSDisk, VirtualMachine } from '@azure/arm-compute';
import type { NetworkInterface, NetworkInterfaceIPConfiguration } from '@azure/arm-network';
import { entryAt, objectPath, resourcePath } from '../../../src/azure/from-arm/sdk-paths.js';
import { asArray, fromPlain, getPath } from '../../../src/kernel/value.js';

const vm = resourcePath<VirtualMachine>();
const disk = resourcePath<Disk>();
const nic = resourcePath<NetworkInterface>();
const ipConfig = resourcePath<NetworkInterfaceIPConfiguration>();
const diskEntry = objectPath<OSDisk | DataDisk>();

describe('SDK-typed ARM paths', () => {
  it('put `properties` in front of keys ARM keeps in the properties bag, not of envelope keys', () => {
    assert.deepEqual(vm('storageProfile', 'osDisk', 'managedDisk', 'storageAccountType'), [
      'properties',
      'storageProfile',
      'osDisk',
      'managedDisk',
      'storageAccountType',
    ]);
    assert.deepEqual(vm('zones'), ['zones']);
    assert.deepEqual(vm('plan'), ['plan']);
    assert.deepEqual(disk('sku', 'name'), ['sku', 'name']);
    assert.deepEqual(disk('diskSizeGB'), ['properties', 'diskSizeGB']);
    assert.deepEqual(ipConfig('name'), ['name']);
    assert.deepEqual(ipConfig('privateIPAllocationMethod'), ['properties', 'privateIPAllocationMethod']);
    assert.deepEqual(diskEntry('managedDisk', 'id'), ['managedDisk', 'id']);
  });

  it('read an ARM body: a sub-resource inside an array is read with its own model', () => {
    const body = fromPlain({
      sku: { name: 'Premium_LRS' },
      properties: {
        diskSizeGB: 1024,
        ipConfigurations: [{ name: 'ipconfig1', properties: { privateIPAllocationMethod: 'Static' } }],
      },
    });
    assert.deepEqual(getPath(body, disk('sku', 'name')), fromPlain('Premium_LRS'));
    assert.deepEqual(getPath(body, disk('diskSizeGB')), fromPlain(1024));
    const [config] = asArray(getPath(body, nic('ipConfigurations'))) ?? [];
    assert.deepEqual(getPath(config, ipConfig('privateIPAllocationMethod')), fromPlain('Static'));
    assert.equal(entryAt(body, disk('diskSizeGB'))?.key, 'diskSizeGB');
    assert.equal(entryAt(body, disk('maxShares')), undefined);
  });

  it('do not compile with a misspelt key, a key at the wrong place or a step into an array', () => {
    // Type checks only: the calls below must each be a compile error.
    const unused = (): unknown[] => [
      // @ts-expect-error misspelt
      vm('storageProfile', 'osDisk', 'managedDisk', 'storageAcountType'),
      // @ts-expect-error `vmSize` is under hardwareProfile, not storageProfile
      vm('storageProfile', 'vmSize'),
      // @ts-expect-error the SDK flattens `properties`; the path builder puts it back
      vm('properties', 'storageProfile'),
      // @ts-expect-error arrays are walked item by item, with the item's model
      nic('ipConfigurations', 'privateIPAddress'),
      // @ts-expect-error neither an OS nor a data disk has this key
      diskEntry('lunn'),
    ];
    assert.equal(typeof unused, 'function');
  });
});
