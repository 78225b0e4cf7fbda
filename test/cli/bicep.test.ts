// The CLI on `.bicep` source: discovery, compiled twins, `.bicepparam` as scenarios and as
// --param-file, the inventory, and every output format pointing at `.bicep` lines.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { cli, scratch } from '../helpers/cli.js';
import { pos, template } from '../helpers/lint.js';
import { BICEP } from '../eslint/fixtures-bicep.js';
import { BICEP as BICEP_STAMP } from '../rules/formats.js';
import { armVmStorage } from '../rules/sources.js';
import { dataDisk } from '../helpers/lint.js';

interface JsonResult {
  filePath: string;
  messages: { ruleId: string | null; line: number; column: number; suggestions?: { fix: { text: string } }[] }[];
}

const ultra = BICEP['no-ultra-ssd']!.invalid;
const ULTRA_AT = pos(ultra, "'UltraSSD_LRS'");
/** The JSON `bicep build` writes for it, stamped with Bicep's generator. */
const compiled = template({ metadata: BICEP_STAMP, resources: [armVmStorage('vm1', { dataDisks: [dataDisk(0, 'UltraSSD_LRS')] })] });
const withParam = `param diskSku string = 'Premium_LRS'\n\n${ultra.replace("'UltraSSD_LRS'", 'diskSku')}`;

function findings(stdout: string, dir: string): string[] {
  return (JSON.parse(stdout) as JsonResult[]).flatMap((r) => r.messages.map((m) => `${r.filePath.slice(dir.length + 1)}:${m.line}:${m.column} ${m.ruleId}`));
}

describe('azure-backup-lint on .bicep', () => {
  it('discovers .bicep files in a directory and reports at their lines', async () => {
    const dir = scratch({ 'infra/main.bicep': ultra });
    const { code, stdout, stderr } = await cli(['--format', 'json'], dir);
    assert.equal(code, 1);
    assert.deepEqual(findings(stdout, dir), [`infra/main.bicep:${ULTRA_AT} azure-backup/no-ultra-ssd`]);
    assert.match(stderr, /azure-backup-lint: 1 file, 1 VM: 1 error/);
  });

  it('lints a compiled twin once, at the .bicep; --compiled-json lint lints the JSON too', async () => {
    const dir = scratch({ 'main.bicep': ultra, 'azuredeploy.json': compiled });
    assert.deepEqual(findings((await cli(['--format', 'json'], dir)).stdout, dir), [`main.bicep:${ULTRA_AT} azure-backup/no-ultra-ssd`]);
    const both = findings((await cli(['--format', 'json', '--compiled-json', 'lint'], dir)).stdout, dir);
    assert.deepEqual(both.map((f) => f.split(':')[0]).sort(), ['azuredeploy.json', 'main.bicep']);
    const configured = scratch({ 'main.bicep': ultra, 'azuredeploy.json': compiled, '.azure-backup-lint.json': '{ "compiledJson": "lint" }' });
    assert.equal(findings((await cli(['--format', 'json'], configured)).stdout, configured).length, 2);
  });

  it("a compiled twin's parameter file is a scenario of the .bicep, and names itself in the message", async () => {
    const dir = scratch({ 'main.bicep': withParam, 'azuredeploy.json': compiled, 'azuredeploy.parameters.json': JSON.stringify({ $schema: 'https://schema.management.azure.com/schemas/2019-04-01/deploymentParameters.json#', contentVersion: '1.0.0.0', parameters: { diskSku: { value: 'UltraSSD_LRS' } } }) });
    const { stdout } = await cli(['--format', 'json'], dir);
    const results = JSON.parse(stdout) as JsonResult[];
    assert.deepEqual(findings(stdout, dir), [`main.bicep:${pos(withParam, 'diskSku\n')} azure-backup/no-ultra-ssd`]);
    assert.match(JSON.stringify(results), /azuredeploy\.parameters\.json/);
  });

  it('a changed .bicepparam re-lints the .bicep it names (the hook passes changed files)', async () => {
    const dir = scratch({ 'main.bicep': withParam, 'prod.bicepparam': "using 'main.bicep'\n\nparam diskSku = 'UltraSSD_LRS'\n" });
    const { code, stdout } = await cli(['prod.bicepparam', '--format', 'json'], dir);
    assert.equal(code, 1);
    assert.deepEqual(findings(stdout, dir), [`main.bicep:${pos(withParam, 'diskSku\n')} azure-backup/no-ultra-ssd`]);
  });

  it('each .bicepparam naming the .bicep is a scenario; --param-file picks one', async () => {
    const dir = scratch({
      'main.bicep': withParam,
      'dev.bicepparam': "using 'main.bicep'\n\nparam diskSku = 'Premium_LRS'\n",
      'prod.bicepparam': "using 'main.bicep'\n\nparam diskSku = 'UltraSSD_LRS'\n",
    });
    const both = JSON.parse((await cli(['main.bicep', '--format', 'json'], dir)).stdout) as (JsonResult & { messages: { message: string }[] })[];
    assert.deepEqual(findings(JSON.stringify(both), dir), [`main.bicep:${pos(withParam, 'diskSku\n')} azure-backup/no-ultra-ssd`]);
    assert.match(both[0]!.messages[0]!.message, /\[with prod\.bicepparam\]/);
    assert.deepEqual(findings((await cli(['main.bicep', '--param-file', 'dev.bicepparam', '--format', 'json'], dir)).stdout, dir), []);
  });

  it('lists the VMs of .bicep files in the inventory', async () => {
    const dir = scratch({ 'main.bicep': ultra, 'azuredeploy.json': compiled });
    const json = JSON.parse((await cli(['inventory', '--format', 'json'], dir)).stdout) as { filePath: string; kind: string; name: string }[];
    assert.deepEqual(json.map((e) => [e.filePath, e.kind, e.name]), [['main.bicep', 'bicep', 'vm1']]);
  });

  it('SARIF, annotations and suggestions point at the .bicep line; a suggestion is written in Bicep', async () => {
    const dir = scratch({ 'main.bicep': ultra });
    const [line, column] = ULTRA_AT.split(':').map(Number);
    const sarif = JSON.parse((await cli(['--format', 'sarif'], dir)).stdout) as {
      runs: { results: { locations: { physicalLocation: { artifactLocation: { uri: string }; region: { startLine: number; startColumn: number } } }[] }[] }[];
    };
    const [result] = sarif.runs[0]!.results;
    assert.deepEqual(result!.locations[0]!.physicalLocation.artifactLocation.uri, 'main.bicep');
    assert.deepEqual([result!.locations[0]!.physicalLocation.region.startLine, result!.locations[0]!.physicalLocation.region.startColumn], [line, column]);
    assert.match((await cli(['--format', 'github'], dir)).stdout, new RegExp(`^::error file=main\\.bicep,line=${line},(end)?[cC]ol`, 'm'));
    assert.match((await cli(['--format', 'azure-devops'], dir)).stdout, new RegExp(`sourcepath=main\\.bicep;linenumber=${line};columnnumber=${column}`));
    const json = JSON.parse((await cli(['--format', 'json'], dir)).stdout) as JsonResult[];
    assert.equal(json[0]!.messages[0]!.suggestions?.[0]?.fix.text, "'Premium_LRS'");
  });

  it('a .bicep that does not parse gets a positioned message and the other files are still linted', async () => {
    const dir = scratch({ 'a/main.bicep': "param p string = \nresource x 'Microsoft.Compute/disks@2023-04-02' = {\n", 'b/main.bicep': ultra });
    const { stdout } = await cli(['--format', 'json'], dir);
    const all = findings(stdout, dir);
    assert.ok(all.some((f) => f.startsWith('a/main.bicep:1:')), all.join('\n'));
    assert.ok(all.includes(`b/main.bicep:${ULTRA_AT} azure-backup/no-ultra-ssd`));
  });
});
