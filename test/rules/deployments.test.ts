// Templates reached through deployments (issue 13, items 3, 6 and 7): linked templates by a
// conventional URI, one finding per caller of a shared template or module, nested deployments'
// outputs and unpassed nullable parameters. Positions are exact, in the file that holds them.
import { armCase, BICEP, formatSuite, innerDeployment, jsonCases, tfCase, type Resource } from './formats.js';
import { armVmStorage, tfAttachedDisk, tfVm } from './sources.js';
import { dataDisk, SCHEMA, template } from '../helpers/lint.js';

const LINKED_VM = template({
  parameters: { diskSku: { type: 'string' } },
  resources: [armVmStorage('vm1', { dataDisks: [dataDisk(0, "[parameters('diskSku')]")] })],
});
const AT_LINKED = ['nested/vm.json', `"[parameters('diskSku')]"`, ''] as const;

function linkedBy(uri: string, name = 'vm', sku = 'PremiumV2_LRS'): Resource {
  return {
    type: 'Microsoft.Resources/deployments',
    apiVersion: '2022-09-01',
    name,
    properties: { mode: 'Incremental', templateLink: { uri, contentVersion: '1.0.0.0' }, parameters: { diskSku: { value: sku } } },
  };
}

const ARTIFACTS = {
  _artifactsLocation: { type: 'string', defaultValue: '[deployment().properties.templateLink.uri]' },
  _artifactsLocationSasToken: { type: 'securestring', defaultValue: '' },
};

function uriCase(name: string, uri: string, expected: readonly (readonly [string, string, string])[], extra: Record<string, string> = { 'nested/vm.json': LINKED_VM }): ReturnType<typeof armCase> {
  return armCase(`ARM: ${name}`, { parameters: ARTIFACTS, resources: [linkedBy(uri)] }, expected, {}, extra);
}

formatSuite('supported-disk-type', [
  // Item 3: the quickstart conventions for templateLink.uri.
  uriCase('uri(deployment().properties.templateLink.uri, …) reads the file beside the template', "[uri(deployment().properties.templateLink.uri, 'nested/vm.json')]", [AT_LINKED]),
  uriCase('concat(_artifactsLocation, path, SAS token)', "[concat(parameters('_artifactsLocation'), 'nested/vm.json', parameters('_artifactsLocationSasToken'))]", [AT_LINKED]),
  uriCase('uri(_artifactsLocation, concat(path, SAS token))', "[uri(parameters('_artifactsLocation'), concat('nested/vm.json', parameters('_artifactsLocationSasToken')))]", [AT_LINKED]),
  uriCase('format() of _artifactsLocation, path and SAS token', "[format('{0}/nested/vm.json{1}', parameters('_artifactsLocation'), parameters('_artifactsLocationSasToken'))]", [AT_LINKED]),
  uriCase('a remote URI is not read', 'https://raw.githubusercontent.com/Azure/azure-quickstart-templates/master/nested/vm.json', []),
  uriCase('a conventional URI to a file that is not there is not read', "[uri(deployment().properties.templateLink.uri, 'nested/missing.json')]", []),
  uriCase('a path that leaves the root is not read', "[uri(deployment().properties.templateLink.uri, '../../outside/vm.json')]", []),
  uriCase(
    'a linked template links the next one relative to the root folder, as _artifactsLocation passes it down',
    "[uri(parameters('_artifactsLocation'), 'linkedtemplates/middle.json')]",
    [['nested/vm.json', `"[parameters('diskSku')]"`, '']],
    {
      'linkedtemplates/middle.json': template({
        parameters: { ...ARTIFACTS, diskSku: { type: 'string' } },
        resources: [{ ...linkedBy("[uri(parameters('_artifactsLocation'), 'nested/vm.json')]"), properties: { mode: 'Incremental', templateLink: { uri: "[uri(parameters('_artifactsLocation'), 'nested/vm.json')]" }, parameters: { diskSku: { value: "[parameters('diskSku')]" } } } }],
      }),
      'nested/vm.json': LINKED_VM,
    },
  ),
  // Item 6: one finding per caller, each naming it.
  {
    ...armCase(
      'ARM: a linked template deployed twice with bad values gets a finding per caller',
      { resources: [{ ...linkedBy('', 'first'), properties: { mode: 'Incremental', templateLink: { relativePath: 'nested/vm.json' }, parameters: { diskSku: { value: 'PremiumV2_LRS' } } } }, { ...linkedBy('', 'second'), properties: { mode: 'Incremental', templateLink: { relativePath: 'nested/vm.json' }, parameters: { diskSku: { value: 'PremiumV2_LRS' } } } }] },
      [AT_LINKED, AT_LINKED],
      {},
      { 'nested/vm.json': LINKED_VM },
    ),
    message: /passed by deployment '(first|second)' in main\.json/,
  },
  armCase(
    'ARM: one of two callers passes a bad value: one finding',
    { resources: [{ ...linkedBy('', 'first'), properties: { mode: 'Incremental', templateLink: { relativePath: 'nested/vm.json' }, parameters: { diskSku: { value: 'PremiumV2_LRS' } } } }, { ...linkedBy('', 'second'), properties: { mode: 'Incremental', templateLink: { relativePath: 'nested/vm.json' }, parameters: { diskSku: { value: 'Premium_LRS' } } } }] },
    [AT_LINKED],
    {},
    { 'nested/vm.json': LINKED_VM },
  ),
  {
    ...tfCase(
      'Terraform: a module called twice with bad values gets a finding per call',
      'module "a" {\n  source    = "./modules/vm"\n  disk_type = "PremiumV2_LRS"\n}\n\nmodule "b" {\n  source    = "./modules/vm"\n  disk_type = "PremiumV2_LRS"\n}\n',
      [
        ['modules/vm/main.tf', 'var.disk_type', ''],
        ['modules/vm/main.tf', 'var.disk_type', ''],
      ],
      {},
      { 'modules/vm/main.tf': 'variable "disk_type" {}\n\n' + tfVm() + tfAttachedDisk({ type: 'var.disk_type' }) },
    ),
    message: /input of module\.[ab]/,
  },
  // Item 7: outputs of nested deployments, as hand-written ARM and as Bicep compiles module outputs.
  ...jsonCases(
    "a disk type read from a nested deployment's output",
    [innerDeployment('skuChoice', {}, { outputs: { sku: { type: 'string', value: 'PremiumV2_LRS' } } }), armVmStorage('vm1', { dataDisks: [dataDisk(0, "[reference('skuChoice').outputs.sku.value]")] })],
    [`"[reference('skuChoice').outputs.sku.value]"`],
  ),
  armCase(
    "Bicep JSON 1.0: a module output read through reference(resourceId('Microsoft.Resources/deployments', …), apiVersion)",
    {
      metadata: BICEP,
      resources: [
        innerDeployment('skuChoice', { wanted: 'PremiumV2_LRS' }, { parameters: { wanted: { type: 'string' } }, outputs: { sku: { type: 'string', value: "[parameters('wanted')]" } } }),
        armVmStorage('vm1', { dataDisks: [dataDisk(0, "[reference(resourceId('Microsoft.Resources/deployments', 'skuChoice'), '2022-09-01').outputs.sku.value]")] }),
      ],
    },
    [`"[reference(resourceId('Microsoft.Resources/deployments', 'skuChoice'), '2022-09-01').outputs.sku.value]"`],
  ),
  armCase(
    'Bicep JSON 2.0: a module output read by the module\'s symbolic name',
    {
      languageVersion: '2.0',
      metadata: BICEP,
      resources: {
        choice: innerDeployment('sku-choice', {}, { outputs: { sku: { type: 'string', value: 'PremiumV2_LRS' } } }),
        vm: armVmStorage('vm1', { dataDisks: [dataDisk(0, "[reference('choice').outputs.sku.value]")] }),
      },
    },
    [`"[reference('choice').outputs.sku.value]"`],
  ),
  armCase(
    'ARM: an output of a local linked template',
    { resources: [{ type: 'Microsoft.Resources/deployments', apiVersion: '2022-09-01', name: 'skuChoice', properties: { mode: 'Incremental', templateLink: { relativePath: 'nested/sku.json' } } }, armVmStorage('vm1', { dataDisks: [dataDisk(0, "[reference('skuChoice').outputs.sku.value]")] })] },
    [`"[reference('skuChoice').outputs.sku.value]"`],
    {},
    { 'nested/sku.json': JSON.stringify({ $schema: SCHEMA, contentVersion: '1.0.0.0', resources: [], outputs: { sku: { type: 'string', value: 'PremiumV2_LRS' } } }, null, 2) },
  ),
  ...jsonCases(
    "an output of a deployment the template does not hold stays unknown",
    [armVmStorage('vm1', { dataDisks: [dataDisk(0, "[reference('elsewhere').outputs.sku.value]")] })],
    [],
  ),
]);

const nullablePriority = { priority: { type: 'string', nullable: true } };
const spotUnlessPassed = armVmStorage('vm1', {}, { properties: { priority: "[coalesce(parameters('priority'), 'Spot')]" } });

formatSuite('no-spot-vm', [
  // Item 7: a nullable parameter the calling deployment does not pass is null, not unknown.
  armCase(
    'Bicep JSON 2.0: a module\'s nullable priority its caller does not pass is null',
    { languageVersion: '2.0', metadata: BICEP, resources: { vm: innerDeployment('vm', {}, { languageVersion: '2.0', parameters: nullablePriority, resources: { vm: spotUnlessPassed } }) } },
    [`"[coalesce(parameters('priority'), 'Spot')]"`],
  ),
  armCase(
    'Bicep JSON 1.0: the same in a module of a languageVersion 1.0 template',
    { metadata: BICEP, resources: [innerDeployment('vm', {}, { parameters: nullablePriority, resources: [spotUnlessPassed] })] },
    [`"[coalesce(parameters('priority'), 'Spot')]"`],
  ),
  armCase(
    'Bicep JSON 2.0: a module\'s caller passing null leaves a parameter with a default at its default',
    { languageVersion: '2.0', metadata: BICEP, resources: { vm: innerDeployment('vm', { priority: null }, { parameters: { priority: { type: 'string', defaultValue: 'Spot' } }, resources: [armVmStorage('vm1', {}, { properties: { priority: "[parameters('priority')]" } })] }) } },
    [`"[parameters('priority')]"`],
  ),
  // At the root, whoever deploys may still pass it: unknown, no finding.
  armCase('ARM: a root template\'s nullable parameter stays unknown', { parameters: nullablePriority, resources: [spotUnlessPassed] }, []),
]);
