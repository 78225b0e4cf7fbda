import { test } from 'node:test';
import assert from 'node:assert/strict';
import rule from '../../rules/supported-os.js';
import type { ImageRef } from '../../src/azure/model.js';
import { model, param, run, s, vm } from './model-builder.js';
import { armCase, formatSuite, tfCase, valueCases } from './formats.js';
import { armVmStorage, tfVm } from './sources.js';

const image = (publisher: string, offer: string, sku: string): ImageRef => ({ publisher: s(publisher), offer: s(offer), sku: s(sku) });
const findings = (img: ImageRef) => run(rule, model({ vms: [vm({ image: img })] })).reports;

test('CoreOS warns at the publisher literal', () => {
  const img = image('CoreOS', 'CoreOS', 'Stable');
  const reports = findings(img);
  assert.equal(reports.length, 1);
  assert.equal(reports[0]!.at, img.publisher);
  assert.match(reports[0]!.message, /^Image publisher 'CoreOS' is CoreOS Linux, which Azure Backup doesn't support$/);
});

test('old Windows clients and 32-bit SKUs warn at the SKU', () => {
  const win7 = image('MicrosoftWindowsDesktop', 'Windows-7', 'win7-enterprise');
  assert.equal(findings(win7)[0]!.at, win7.sku);
  assert.match(findings(win7)[0]!.message, /^Image 'win7-enterprise' is Windows 7; Azure Backup supports Windows 10 \(64-bit\) and later clients/);
  const vs81 = image('MicrosoftVisualStudio', 'Windows', 'Win8.1-Ent-N');
  assert.match(findings(vs81)[0]!.message, /^Image 'Win8.1-Ent-N' is Windows 8.1;/);
  const x86 = image('MicrosoftVisualStudio', 'Windows', 'Win10-Ent-x86');
  assert.match(findings(x86)[0]!.message, /^Image SKU 'Win10-Ent-x86' is a 32-bit Windows; Azure Backup doesn't support 32-bit operating systems/);
});

test('Windows Server before 2008 warns; 2008 and newer, Windows 10/11 and Linux pass', () => {
  const old = image('MicrosoftWindowsServer', 'WindowsServer', '2003-Datacenter');
  assert.match(findings(old)[0]!.message, /^Image SKU '2003-Datacenter' is Windows Server 2003; Azure Backup supports Windows Server 2008 and later/);
  for (const ok of [
    image('MicrosoftWindowsServer', 'WindowsServer', '2008-R2-SP1'),
    image('MicrosoftWindowsServer', 'WindowsServer', '2025-datacenter-azure-edition'),
    image('MicrosoftWindowsDesktop', 'Windows-10', 'win10-22h2-pro'),
    image('MicrosoftWindowsDesktop', 'windows-11', 'win11-23h2-pro'),
    image('Canonical', '0001-com-ubuntu-server-jammy', '22_04-lts-gen2'),
    image('kinvolk', 'flatcar-container-linux-free', 'stable'),
  ]) {
    assert.deepEqual(findings(ok), [], JSON.stringify(ok.sku));
  }
});

test('unknown SKU: "may be" finding only for a violating candidate', () => {
  const img: ImageRef = { publisher: s('MicrosoftWindowsServer'), offer: s('WindowsServer'), sku: param('sku', '2019-Datacenter', '2022-datacenter') };
  assert.deepEqual(run(rule, model({ vms: [vm({ image: img })] })), { reports: [], maybes: [] });
});

const imaged = (publisher: unknown, offer: unknown, sku: unknown) => armVmStorage('vm1', { imageReference: { publisher, offer, sku, version: 'latest' } });
const tfImage = (publisher: string, offer: string, sku: string) => `    publisher = ${publisher}\n    offer     = ${offer}\n    sku       = ${sku}\n    version   = "latest"\n`;

formatSuite('supported-os', [
  ...valueCases({
    bad: '2003-Datacenter',
    good: '2019-Datacenter',
    arm: (v) => [imaged('MicrosoftWindowsServer', 'WindowsServer', v)],
    tf: (expr, loop) => tfVm({ meta: loop.meta, image: tfImage('"MicrosoftWindowsServer"', '"WindowsServer"', expr) }),
    tfBad: '"2003-Datacenter"',
    tfGood: '"2019-Datacenter"',
  }),
  armCase('ARM: CoreOS publisher', { resources: [imaged('CoreOS', 'CoreOS', 'Stable')] }, ['"CoreOS"']),
  armCase('ARM: Windows 7 client', { resources: [imaged('MicrosoftWindowsDesktop', 'Windows-7', 'win7-sp1-ent')] }, ['"win7-sp1-ent"']),
  armCase('ARM: Windows 10 client passes', { resources: [imaged('MicrosoftWindowsDesktop', 'Windows-10', 'win10-22h2-pro')] }, []),
  armCase('ARM: a Windows Server 2008 R2 SKU passes', { resources: [imaged('MicrosoftWindowsServer', 'WindowsServer', '2008-R2-SP1')] }, []),
  tfCase('Terraform: CoreOS publisher', tfVm({ image: tfImage('"CoreOS"', '"CoreOS"', '"Stable"') }), ['"CoreOS"']),
  tfCase('Terraform: Ubuntu passes', tfVm(), []),
]);
