import assert from 'node:assert/strict';
import path from 'node:path';
import { describe, it } from 'node:test';
import { evaluateTerraformPlan } from '../../src/sources/terraform-plan.js';
import { at, plain, ROOT, show } from './helpers.js';

const PLAN = `{
  "format_version": "1.2",
  "terraform_version": "1.9.5",
  "planned_values": {
    "root_module": {
      "resources": [
        {
          "address": "azurerm_linux_virtual_machine.vm",
          "mode": "managed",
          "type": "azurerm_linux_virtual_machine",
          "name": "vm",
          "values": {
            "name": "vm1",
            "location": "westeurope",
            "size": "Standard_B1ls",
            "os_disk": [{ "storage_account_type": "Premium_LRS" }]
          }
        },
        {
          "address": "azurerm_network_interface.nic",
          "mode": "managed",
          "type": "azurerm_network_interface",
          "name": "nic",
          "values": {
            "ip_configuration": [{ "name": "ip", "private_ip_address_allocation": "Static" }]
          }
        },
        {
          "address": "azurerm_managed_disk.d[0]",
          "mode": "managed",
          "type": "azurerm_managed_disk",
          "name": "d",
          "index": 0,
          "values": { "storage_account_type": "UltraSSD_LRS", "disk_size_gb": 64 }
        },
        {
          "address": "azurerm_managed_disk.d[1]",
          "mode": "managed",
          "type": "azurerm_managed_disk",
          "name": "d",
          "index": 1,
          "values": { "storage_account_type": "Premium_LRS", "max_shares": 2 }
        },
        {
          "address": "azurerm_managed_disk.spare",
          "mode": "managed",
          "type": "azurerm_managed_disk",
          "name": "spare",
          "values": { "storage_account_type": "UltraSSD_LRS" }
        },
        {
          "address": "azurerm_virtual_machine_data_disk_attachment.a[0]",
          "mode": "managed",
          "type": "azurerm_virtual_machine_data_disk_attachment",
          "name": "a",
          "index": 0,
          "values": { "lun": 0 }
        },
        {
          "address": "azurerm_virtual_machine_data_disk_attachment.a[1]",
          "mode": "managed",
          "type": "azurerm_virtual_machine_data_disk_attachment",
          "name": "a",
          "index": 1,
          "values": { "lun": 1 }
        }
      ]
    }
  },
  "resource_changes": [
    {
      "address": "azurerm_linux_virtual_machine.vm",
      "change": { "actions": ["create"], "after_unknown": { "id": true, "network_interface_ids": true, "priority": true } }
    }
  ],
  "configuration": {
    "root_module": {
      "resources": [
        {
          "address": "azurerm_linux_virtual_machine.vm",
          "expressions": { "network_interface_ids": { "references": ["azurerm_network_interface.nic.id", "azurerm_network_interface.nic"] } }
        },
        {
          "address": "azurerm_virtual_machine_data_disk_attachment.a",
          "count_expression": { "references": ["var.disk_count"] },
          "expressions": {
            "virtual_machine_id": { "references": ["azurerm_linux_virtual_machine.vm.id", "azurerm_linux_virtual_machine.vm"] },
            "managed_disk_id": { "references": ["azurerm_managed_disk.d", "count.index"] }
          }
        }
      ]
    }
  }
}
`;

const FILE = path.join(ROOT, 'plan.json');
const files = { 'plan.json': PLAN };

describe('terraform plan JSON', () => {
  it('recognises only plan and state JSON', () => {
    assert.equal(evaluateTerraformPlan(FILE, '{"$schema": "https://schema.management.azure.com/", "resources": []}'), undefined);
    assert.equal(evaluateTerraformPlan(FILE, '{"format_version": "1.0"}'), undefined);
    const state = evaluateTerraformPlan(FILE, '{"format_version": "1.0", "values": {"root_module": {"resources": []}}}');
    assert.deepEqual(state?.models[0]?.vms, []);
  });

  it('maps planned values at their places in the plan file', () => {
    const ev = evaluateTerraformPlan(FILE, PLAN)!;
    assert.deepEqual(ev.diagnostics, []);
    assert.deepEqual(ev.files, [FILE]);
    const m = ev.models[0]!;
    assert.equal(m.scenario.name, 'plan.json');
    const vm = m.vms[0]!;
    assert.equal(vm.address, 'azurerm_linux_virtual_machine.vm');
    assert.equal(at(files, vm.at), 'plan.json:8:22');
    assert.equal(show(files, vm.size), '"Standard_B1ls" @ plan.json:15:21');
    assert.equal(show(files, vm.osDisk!.storageType), '"Premium_LRS" @ plan.json:16:51');
    assert.equal(show(files, vm.priority), 'unknown(azurerm_linux_virtual_machine.vm.priority is known only after apply) @ plan.json:12:21');
  });

  it('links through configuration references: NICs, attachments by count.index, disks', () => {
    const m = evaluateTerraformPlan(FILE, PLAN)!.models[0]!;
    const vm = m.vms[0]!;
    assert.deepEqual(vm.networkInterfaces.map((n) => n.address), ['azurerm_network_interface.nic']);
    assert.equal(show(files, vm.networkInterfaces[0]!.ipConfigurations[0]!.allocation), '"Static" @ plan.json:25:83');
    assert.deepEqual(vm.dataDisks.map((d) => [d.managedDisk?.address, plain(d.storageType), plain(d.maxShares)]), [
      ['azurerm_managed_disk.d[0]', 'UltraSSD_LRS', null],
      ['azurerm_managed_disk.d[1]', 'Premium_LRS', 2],
    ]);
    assert.equal(show(files, vm.dataDisks[0]!.storageType), '"UltraSSD_LRS" @ plan.json:34:47');
    assert.equal(at(files, vm.dataDisks[1]!.at), 'plan.json:60:22');
    assert.equal(vm.dataDisksOrigin, '2 attachments from count = var.disk_count');
    assert.equal(at(files, vm.dataDisksAt), 'plan.json:8:22');
    assert.deepEqual(m.disks.map((d) => [d.address, d.attached]), [
      ['azurerm_managed_disk.d[0]', true],
      ['azurerm_managed_disk.d[1]', true],
      ['azurerm_managed_disk.spare', false],
    ]);
  });
});

describe('terraform plan JSON: provider configurations', () => {
  const resource = (address: string, type: string, values: string) =>
    `{ "address": "${address}", "mode": "managed", "type": "${type}", "name": "${address.split('.')[1]}", "values": ${values} }`;
  const configResource = (address: string, key: string) => `{ "address": "${address}", "mode": "managed", "type": "${address.split('.')[0]}", "name": "${address.split('.')[1]}", "provider_config_key": "${key}" }`;
  const plan = (backup: string) => `{
  "format_version": "1.2",
  "variables": { "backup_subscription": { "value": "33333333-3333-3333-3333-333333333333" } },
  "planned_values": { "root_module": { "resources": [
    ${resource('azurerm_linux_virtual_machine.vm', 'azurerm_linux_virtual_machine', '{ "name": "vm1", "location": "westeurope" }')},
    ${resource('azurerm_recovery_services_vault.v', 'azurerm_recovery_services_vault', '{ "name": "rsv", "location": "westeurope" }')}
  ] } },
  "configuration": {
    "provider_config": {
      "azurerm": { "name": "azurerm", "expressions": { "subscription_id": { "constant_value": "11111111-1111-1111-1111-111111111111" } } },
      "azurerm.backup": { "name": "azurerm", "alias": "backup", "expressions": { "subscription_id": ${backup} } }
    },
    "root_module": { "resources": [
      ${configResource('azurerm_linux_virtual_machine.vm', 'azurerm')},
      ${configResource('azurerm_recovery_services_vault.v', 'azurerm.backup')}
    ] }
  }
}`;

  it('give resources the subscription of their configuration: a constant or a root variable', () => {
    const constant = evaluateTerraformPlan(FILE, plan('{ "constant_value": "22222222-2222-2222-2222-222222222222" }'))!.models[0]!;
    assert.equal(plain(constant.vms[0]!.subscription), '11111111-1111-1111-1111-111111111111');
    assert.equal(plain(constant.vaults[0]!.subscription), '22222222-2222-2222-2222-222222222222');
    const variable = evaluateTerraformPlan(FILE, plan('{ "references": ["var.backup_subscription"] }'))!.models[0]!;
    assert.equal(plain(variable.vaults[0]!.subscription), '33333333-3333-3333-3333-333333333333');
    const unknownOne = evaluateTerraformPlan(FILE, plan('{ "references": ["data.x.y.id", "data.x.y"] }'))!.models[0]!;
    assert.equal(unknownOne.vaults[0]!.subscription.kind, 'unknown');
  });
});
