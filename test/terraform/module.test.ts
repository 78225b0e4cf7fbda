import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { at, evaluate, model, origins, plain, show } from './helpers.js';

const VARS = `variable "sku" {
  type    = string
  default = "Premium_LRS"
}

variable "size" {
  type    = number
  default = 128
}

resource "azurerm_managed_disk" "d" {
  name                 = "data"
  storage_account_type = var.sku
  disk_size_gb         = var.size
}
`;

describe('terraform variables', () => {
  it('uses the default, located at the use site, with the default as origin', () => {
    const files = { 'main.tf': VARS };
    const d = model(files).disks[0]!;
    assert.equal(show(files, d.sku), '"Premium_LRS" @ main.tf:13:26');
    assert.deepEqual(origins(files, d.sku), ['tf-variable-default sku @ main.tf:3:13']);
  });

  it('applies terraform.tfvars, then *.auto.tfvars in name order, then var files; converts types', () => {
    const files = {
      'main.tf': VARS,
      'terraform.tfvars': 'sku = "StandardSSD_LRS"\nsize = "256"\n',
      'b.auto.tfvars': 'sku = "Standard_LRS"\n',
      'a.auto.tfvars': 'sku = "PremiumV2_LRS"\n',
      'prod.tfvars': 'sku = "UltraSSD_LRS"\n',
    };
    const noVarFile = evaluate(files);
    const d0 = noVarFile.models[0]!.disks[0]!;
    assert.equal(noVarFile.models[0]!.scenario.name, 'terraform.tfvars, a.auto.tfvars, b.auto.tfvars');
    assert.equal(show(files, d0.sku), '"Standard_LRS" @ main.tf:13:26');
    assert.deepEqual(origins(files, d0.sku), ['tfvars sku @ b.auto.tfvars:1:7']);
    assert.equal(show(files, d0.sizeGB), '256 @ main.tf:14:26');

    const withVarFile = model(files, { varFiles: ['prod.tfvars'] });
    assert.equal(withVarFile.scenario.name, 'terraform.tfvars, a.auto.tfvars, b.auto.tfvars, prod.tfvars');
    assert.deepEqual(origins(files, withVarFile.disks[0]!.sku), ['var-file sku @ prod.tfvars:1:7']);
    assert.equal(plain(withVarFile.disks[0]!.sku), 'UltraSSD_LRS');
  });

  it('reads TF_VAR_* only when asked', () => {
    const files = { 'main.tf': VARS };
    process.env.TF_VAR_sku = 'Standard_LRS';
    try {
      assert.equal(plain(model(files).disks[0]!.sku), 'Premium_LRS');
      assert.equal(plain(model(files, { useEnv: true }).disks[0]!.sku), 'Standard_LRS');
    } finally {
      delete process.env.TF_VAR_sku;
    }
  });

  it('makes a variable without any value unknown, with validation values as candidates', () => {
    const files = {
      'main.tf': `variable "sku" {
  validation {
    condition     = contains(["Premium_LRS", "UltraSSD_LRS"], var.sku)
    error_message = "bad"
  }
}
resource "azurerm_managed_disk" "d" {
  storage_account_type = var.sku
}
`,
    };
    const sku = model(files).disks[0]!.sku;
    assert.equal(show(files, sku), 'unknown(variable "sku" has no value) @ main.tf:8:26');
    assert.deepEqual(sku.kind === 'unknown' ? sku.candidates?.map(plain) : undefined, ['Premium_LRS', 'UltraSSD_LRS']);
  });

  it('reports a missing var file, an undeclared tfvars variable and tfvars syntax errors', () => {
    const files = { 'main.tf': VARS, 'terraform.tfvars': 'nope = 1\nsku = \n' };
    const ev = evaluate(files, { varFiles: ['missing.tfvars'] });
    const diags = ev.diagnostics.map((d) => `${at(files, d.subject)} ${d.severity}${d.fatal ? ' fatal' : ''}`);
    assert.ok(diags.includes('terraform.tfvars:1:1 warn'), diags.join('\n'));
    assert.ok(diags.some((d) => d.startsWith('terraform.tfvars:2:') && d.endsWith('error fatal')), diags.join('\n'));
    assert.ok(ev.diagnostics.some((d) => d.summary.includes('missing.tfvars: file not found') && d.fatal));
  });
});

describe('terraform locals', () => {
  it('resolves locals lazily with map lookups, naming the local and its literal', () => {
    const files = {
      'main.tf': `locals {
  tier = "ultra"
  skus = {
    ultra    = "UltraSSD_LRS"
    standard = "Standard_LRS"
  }
  sku = local.skus[local.tier]
}
resource "azurerm_managed_disk" "d" {
  storage_account_type = lookup(local.skus, local.tier, "Premium_LRS")
  name                 = local.sku
}
`,
    };
    const d = model(files).disks[0]!;
    assert.equal(plain(d.sku), 'UltraSSD_LRS');
    assert.deepEqual(origins(files, d.sku), ['local skus @ main.tf:4:16']);
    assert.equal(show(files, d.name), '"UltraSSD_LRS" @ main.tf:11:26');
    assert.deepEqual(origins(files, d.name), ['local sku @ main.tf:7:9', 'local skus @ main.tf:4:16']);
  });

  it('reports a cycle between locals at the reference that closes it', () => {
    const files = {
      'main.tf': `locals {
  a = local.b
  b = local.a
}
resource "azurerm_managed_disk" "d" {
  name = local.a
}
`,
    };
    const ev = evaluate(files);
    assert.deepEqual(
      ev.diagnostics.map((d) => `${at(files, d.subject)} ${d.summary}`),
      ['main.tf:3:7 Cycle: local.a → local.b → local.a'],
    );
    assert.equal(ev.models[0]!.disks[0]!.name.kind, 'unknown');
  });
});

describe('terraform count, for_each and dynamic blocks', () => {
  it('expands count from a variable, count = 0 and conditional counts', () => {
    const files = {
      'main.tf': `variable "n" { default = 3 }
variable "create" { default = false }
resource "azurerm_managed_disk" "d" {
  count = var.n
  name  = "disk-\${count.index}"
}
resource "azurerm_managed_disk" "none" {
  count = var.create ? 1 : 0
  name  = "never"
}
`,
    };
    const m = model(files);
    assert.deepEqual(m.disks.map((d) => d.address), ['azurerm_managed_disk.d[0]', 'azurerm_managed_disk.d[1]', 'azurerm_managed_disk.d[2]']);
    assert.deepEqual(m.disks.map((d) => plain(d.name)), ['disk-0', 'disk-1', 'disk-2']);
  });

  it('reports a negative count and a for_each over a plain list', () => {
    const files = {
      'main.tf': `resource "azurerm_managed_disk" "d" {
  count = -1
}
resource "azurerm_managed_disk" "e" {
  for_each = [1, 2]
}
`,
    };
    const ev = evaluate(files);
    assert.deepEqual(
      ev.diagnostics.map((d) => `${at(files, d.subject)} ${d.summary}`),
      ['main.tf:2:11 count must not be negative (got -1)', 'main.tf:5:14 for_each over a list needs a set of strings (use toset() or a map)'],
    );
    assert.equal(ev.models[0]!.disks.length, 0);
  });

  it('refuses counts over the instance limit and keeps unknown for_each sets unknown', () => {
    const files = {
      'main.tf': `resource "azurerm_managed_disk" "many" {
  count = 20000
}
resource "azurerm_virtual_machine_data_disk_attachment" "a" {
  for_each           = toset([timestamp()])
  virtual_machine_id = azurerm_managed_disk.many[0].id
}
`,
    };
    const ev = evaluate(files);
    assert.deepEqual(
      ev.diagnostics.map((d) => `${at(files, d.subject)} ${d.summary}`),
      ["main.tf:2:11 count of 20000 is over the linter's limit of 10000 instances"],
    );
    assert.equal(ev.models[0]!.disks.length, 0);
  });

  it('expands for_each over maps of objects and sets of strings', () => {
    const files = {
      'main.tf': `resource "azurerm_managed_disk" "m" {
  for_each             = { logs = { sku = "Standard_LRS" }, db = { sku = "UltraSSD_LRS" } }
  name                 = each.key
  storage_account_type = each.value.sku
}
resource "azurerm_managed_disk" "s" {
  for_each = toset(["b", "a"])
  name     = each.value
}
`,
    };
    const m = model(files);
    assert.deepEqual(m.disks.map((d) => d.address), [
      'azurerm_managed_disk.m["db"]',
      'azurerm_managed_disk.m["logs"]',
      'azurerm_managed_disk.s["a"]',
      'azurerm_managed_disk.s["b"]',
    ]);
    const db = m.disks[0]!;
    assert.equal(show(files, db.sku), '"UltraSSD_LRS" @ main.tf:4:26');
    assert.deepEqual(origins(files, db.sku), ['copy-input for_each @ main.tf:2:74']);
  });

  it('expands dynamic blocks with iterators', () => {
    const files = {
      'main.tf': `resource "azurerm_virtual_machine" "vm" {
  name    = "legacy"
  vm_size = "Standard_D2s_v3"
  dynamic "storage_data_disk" {
    for_each = ["Premium_LRS", "UltraSSD_LRS"]
    iterator = disk
    content {
      lun               = disk.key
      managed_disk_type = disk.value
    }
  }
}
`,
    };
    const vm = model(files).vms[0]!;
    assert.deepEqual(vm.dataDisks.map((d) => [plain(d.lun), plain(d.storageType)]), [[0, 'Premium_LRS'], [1, 'UltraSSD_LRS']]);
    assert.equal(at(files, vm.dataDisksAt), 'main.tf:4:11');
    assert.equal(vm.dataDisksOrigin, '2 storage_data_disk blocks');
  });

  it('keeps one representative instance when count is unknown', () => {
    const files = {
      'main.tf': `variable "n" {}
resource "azurerm_managed_disk" "d" {
  count                = var.n
  storage_account_type = "UltraSSD_LRS"
  name                 = "d\${count.index}"
}
`,
    };
    const d = model(files).disks;
    assert.deepEqual(d.map((x) => [x.address, plain(x.sku), x.name.kind]), [['azurerm_managed_disk.d[?]', 'UltraSSD_LRS', 'unknown']]);
  });
});

describe('terraform modules', () => {
  const files = {
    'main.tf': `variable "disk_type" { default = "UltraSSD_LRS" }
module "vm" {
  source    = "./modules/vm"
  disk_type = var.disk_type
}
module "extra" {
  source = "./modules/vm"
  count  = 2
}
module "remote" {
  source  = "Azure/compute/azurerm"
  version = "5.0.0"
}
resource "azurerm_recovery_services_vault" "v" {
  name = module.vm.disk_name
  storage_mode_type = module.remote.redundancy
}
`,
    'modules/vm/main.tf': `variable "disk_type" { default = "Standard_LRS" }
resource "azurerm_managed_disk" "data" {
  name                 = "data-\${path.module}"
  storage_account_type = var.disk_type
}
output "disk_name" { value = azurerm_managed_disk.data.name }
`,
  };

  it('evaluates local child modules with inputs, outputs, count and addresses', () => {
    const m = model(files);
    assert.deepEqual(m.disks.map((d) => [d.address, plain(d.sku)]), [
      ['module.vm.azurerm_managed_disk.data', 'UltraSSD_LRS'],
      ['module.extra[0].azurerm_managed_disk.data', 'Standard_LRS'],
      ['module.extra[1].azurerm_managed_disk.data', 'Standard_LRS'],
    ]);
    const sku = m.disks[0]!.sku;
    assert.equal(show(files, sku), '"UltraSSD_LRS" @ modules/vm/main.tf:4:26');
    assert.deepEqual(origins(files, sku), ['module-input module.vm @ main.tf:4:15', 'tf-variable-default disk_type @ main.tf:1:34']);
    const vault = m.vaults[0]!;
    assert.equal(show(files, vault.name), '"data-modules/vm" @ main.tf:15:10');
    assert.equal(origins(files, vault.name)[0], 'module-output module.vm.disk_name @ modules/vm/main.tf:6:30');
  });

  it('never fetches remote modules: their outputs are unknown', () => {
    const v = model(files).vaults[0]!;
    assert.equal(
      show(files, v.storageRedundancy),
      'unknown(module.remote comes from "Azure/compute/azurerm", which the linter does not fetch (module.remote.redundancy)) @ main.tf:16:23',
    );
  });

  it('refuses module sources outside the root and module cycles', () => {
    const cyc = {
      'main.tf': 'module "a" {\n  source = "./a"\n}\nmodule "out" {\n  source = "../../elsewhere"\n}\n',
      'a/main.tf': 'module "b" {\n  source = "../a"\n}\n',
    };
    const ev = evaluate(cyc);
    assert.deepEqual(
      ev.diagnostics.map((d) => `${at(cyc, d.subject)} ${d.summary}`).sort(),
      [
        'a/main.tf:2:12 Module cycle: "../a" calls a module that is already being evaluated',
        'main.tf:5:12 Module source "../../elsewhere" is outside the project root; module.out is not evaluated',
      ],
    );
  });

  it('reads *.tf.json files alongside *.tf', () => {
    const json = {
      'main.tf': 'variable "sku" { default = "UltraSSD_LRS" }\n',
      'disks.tf.json': '{\n  "resource": {\n    "azurerm_managed_disk": {\n      "d": { "name": "d", "storage_account_type": "${var.sku}" }\n    }\n  }\n}\n',
    };
    const d = model(json).disks[0]!;
    assert.equal(show(json, d.sku), '"UltraSSD_LRS" @ disks.tf.json:4:51');
  });
});
