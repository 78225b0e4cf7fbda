import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { at, fixture, model, plain, show } from './helpers.js';


describe('azapi_resource', () => {
  it('maps ARM bodies through the ARM model builder, linked by ARM-style ids', () => {
    const files = fixture('azapi');
    const m = model(files);
    const vm = m.vms[0]!;
    assert.equal(show(files, vm.size), '"Standard_D2s_v5" @ main.tf:24:36');
    assert.equal(at(files, vm.at), 'main.tf:18:15');
    assert.equal(m.disks[0]!.attached, true);
    assert.equal(show(files, vm.dataDisks[0]!.storageType), '"UltraSSD_LRS" @ main.tf:12:27');
    assert.equal(plain(m.vaults[0]!.location), 'northeurope');
    assert.equal(vm.protectedBy.length, 1);
    assert.equal(vm.protectedBy[0]!.vault, m.vaults[0]);
    assert.equal(plain(vm.resourceGroup), 'rg-azapi');
  });
});
