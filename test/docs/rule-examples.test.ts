// Every rule page's "Fails" and "Passes" examples, linted through the public API: a Fails block
// must give the rule's finding, a Passes block must not (typescript-eslint's docs.test.mts does the
// same for its rule pages). A page whose example drifts from the rule fails here.
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, it } from 'node:test';
import { parse, type ParseError } from 'jsonc-parser';
import { lintSources } from '../../src/index.js';
import { TEMPLATE_PROBLEMS } from '../../src/eslint/rules.js';
import { REPO_ROOT } from '../helpers/cli.js';

const SCHEMA = 'https://schema.management.azure.com/schemas/2019-04-01/deploymentTemplate.json#';

interface Example {
  readonly section: 'Fails' | 'Passes';
  readonly lang: string;
  readonly body: string;
}

function examplesOf(page: string): Example[] {
  const text = page.slice(page.indexOf('## Examples'), page.indexOf('## How to fix'));
  const out: Example[] = [];
  let section: Example['section'] | undefined;
  for (const m of text.matchAll(/^### (Fails|Passes)$|^```(\w+)\n([\s\S]*?)^```$/gm)) {
    if (m[1]) section = m[1] as Example['section'];
    else if (section) out.push({ section, lang: m[2]!, body: m[3]! });
  }
  return out;
}

type Resource = { readonly type?: unknown; readonly name?: unknown };

/**
 * A page shows the resources that matter; a child resource named `vm1/ext` stands for one of a VM
 * declared elsewhere. That parent is declared here, empty, as the rest of the template would.
 */
function elidedParents(resources: readonly Resource[]): Resource[] {
  const declared = new Set(resources.map((r) => `${String(r.type)}|${String(r.name)}`.toLowerCase()));
  const parents = new Map<string, Resource>();
  for (const r of resources) {
    const types = String(r.type).split('/');
    const names = String(r.name).split('/');
    if (types.length < 3 || names.length !== types.length - 1) continue;
    const parent = { type: types.slice(0, 2).join('/'), apiVersion: '2023-09-01', name: names[0], location: '[resourceGroup().location]', properties: {} };
    const key = `${parent.type}|${parent.name}`.toLowerCase();
    if (!declared.has(key)) parents.set(key, parent);
  }
  return [...parents.values()];
}

/** A resource, a list of resources or a whole template, as a deployable template. */
function armTemplate(body: string): string {
  const errors: ParseError[] = [];
  const value = parse(body, errors, { allowTrailingComma: true }) as unknown;
  assert.deepEqual(errors, [], 'the example is valid JSONC');
  const template = (value as { $schema?: unknown }).$schema
    ? (value as { resources: Resource[] })
    : { $schema: SCHEMA, contentVersion: '1.0.0.0', resources: Array.isArray(value) ? (value as Resource[]) : [value as Resource] };
  return JSON.stringify({ ...template, resources: [...template.resources, ...elidedParents(template.resources)] }, null, 2);
}

/**
 * A module with the resources the page shows. Resources they refer to but the page leaves out
 * (`azurerm_linux_virtual_machine.vm`, `azurerm_resource_group.rg`) are declared empty, as the rest
 * of the module would: the rule then sees, say, a disk attached to a VM, and nothing else about it.
 */
function terraformModule(body: string): string {
  const declared = new Set([...body.matchAll(/^resource\s+"(\w+)"\s+"(\w+)"/gm)].map((m) => `${m[1]}.${m[2]}`));
  const referred = new Set([...body.matchAll(/(?<![\w.])(azurerm_\w+)\.(\w+)\./g)].map((m) => `${m[1]}.${m[2]}`));
  const elided = [...referred].filter((r) => !declared.has(r)).map((r) => r.split('.'));
  return `${body}${elided.map(([type, name]) => `\nresource "${type}" "${name}" {}\n`).join('')}`;
}

/**
 * The `.bicep` source as written, with the symbols it uses but the page leaves out declared as the
 * rest of the file would: a `parent:` or `scope:` (the VM of an extension) as a resource, empty,
 * like `elidedParents` for ARM; one only read (`workspace.id`) as an `existing` resource.
 */
function bicepFile(body: string): string {
  const declared = new Set([...body.matchAll(/^\s*(?:resource|module|param|var)\s+(\w+)/gm)].map((m) => m[1]!));
  const owners = new Set([...body.matchAll(/^\s*(?:parent|scope):\s*(\w+)\s*$/gm)].map((m) => m[1]!));
  const read = new Set([...body.matchAll(/(?<![\w.'$])([A-Za-z_]\w*)\.(?:id|name)\b/g)].map((m) => m[1]!));
  const elided = [...new Set([...owners, ...read])].filter((s) => !declared.has(s));
  return `${body}${elided
    .map((s) => {
      const type = ELIDED_TYPES[s] ?? assert.fail(`the example uses '${s}', which it does not declare: give its type in ELIDED_TYPES`);
      return owners.has(s)
        ? `\nresource ${s} '${type}@2023-09-01' = {\n  name: '${s}'\n  location: resourceGroup().location\n  properties: {}\n}\n`
        : `\nresource ${s} '${type}@2023-09-01' existing = {\n  name: '${s}'\n}\n`;
    })
    .join('')}`;
}

/** Types of the symbols the pages leave out, by the names they give them. */
const ELIDED_TYPES: Readonly<Record<string, string>> = {
  vm: 'Microsoft.Compute/virtualMachines',
  vault: 'Microsoft.RecoveryServices/vaults',
  policy: 'Microsoft.RecoveryServices/vaults/backupPolicies',
  nic: 'Microsoft.Network/networkInterfaces',
  subnet: 'Microsoft.Network/virtualNetworks/subnets',
  disk: 'Microsoft.Compute/disks',
  avset: 'Microsoft.Compute/availabilitySets',
  availabilitySet: 'Microsoft.Compute/availabilitySets',
  vmWithManagedDisks: 'Microsoft.Compute/virtualMachines',
  workspace: 'Microsoft.OperationalInsights/workspaces',
  keyVault: 'Microsoft.KeyVault/vaults',
};

const pagesDir = path.join(REPO_ROOT, 'docs', 'rules');
for (const file of readdirSync(pagesDir).filter((f) => f.endsWith('.md')).sort()) {
  const rule = file.slice(0, -'.md'.length);
  const examples = examplesOf(readFileSync(path.join(pagesDir, file), 'utf8'));
  describe(`docs/rules/${file}`, () => {
    it('has ARM, Bicep and Terraform examples that fail and pass', () => {
      const kinds = new Set(examples.map((e) => `${e.section} ${e.lang}`));
      // The engine's own diagnostics have no Bicep form of their ARM and Terraform examples.
      const langs = rule === TEMPLATE_PROBLEMS ? ['jsonc', 'hcl'] : ['jsonc', 'bicep', 'hcl'];
      for (const kind of langs.flatMap((lang) => [`Fails ${lang}`, `Passes ${lang}`])) assert.ok(kinds.has(kind), kind);
    });
    for (const [i, example] of examples.entries()) {
      it(`${example.section} #${i + 1} (${example.lang})`, () => {
        const files: Record<string, string> =
          example.lang === 'jsonc' ? { 'azuredeploy.json': armTemplate(example.body) }
          : example.lang === 'bicep' ? { 'main.bicep': bicepFile(example.body) }
          : example.lang === 'hcl' ? { 'main.tf': terraformModule(example.body) }
          : assert.fail(`no way to lint a \`\`\`${example.lang} example`);
        const messages = lintSources(files, { preset: 'all' }).results.flatMap((r) => r.messages);
        // Only parse errors count: a snippet may use a parameter or variable of the template it is cut from.
        assert.deepEqual(messages.filter((m) => m.fatal), [], 'the example parses');
        // Template problems are the engine's own diagnostics, which the CLI and API report without a rule id.
        const isOurs = rule === TEMPLATE_PROBLEMS ? (m: (typeof messages)[number]) => m.ruleId === null : (m: (typeof messages)[number]) => m.ruleId === `azure-backup/${rule}`;
        const found = messages.filter(isOurs).map((m) => m.message);
        if (example.section === 'Fails') assert.notEqual(found.length, 0, 'a Fails example gives the rule a finding');
        else assert.deepEqual(found, [], 'a Passes example gives the rule no finding');
      });
    }
  });
}
