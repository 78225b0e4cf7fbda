import assert from 'node:assert/strict';
import path from 'node:path';
import { it } from 'node:test';
import { cli, REPO_ROOT } from '../helpers/cli.js';
import { sarifMultitool, validateSarif } from '../helpers/sarif-validator.js';

interface SarifResult {
  ruleId: string;
  locations: { physicalLocation: { artifactLocation: { uri: string }; region: { startLine: number; startColumn: number; endLine: number; endColumn: number } } }[];
  relatedLocations?: { message: { text: string } }[];
  suppressions?: { kind: string; justification?: string }[];
}

it('every SARIF result on examples/ has the region the stylish output shows', async () => {
  const sarif = JSON.parse((await cli(['examples', '--format', 'sarif'], REPO_ROOT)).stdout) as { runs: { results: SarifResult[] }[] };
  const stylish = (await cli(['examples', '--format', 'stylish'], REPO_ROOT)).stdout;
  const fromStylish = new Set<string>();
  let file = '';
  for (const line of stylish.split('\n')) {
    const finding = /^\s+(\d+):(\d+)\s+(?:error|warning)\s.*\s(azure-backup\/[a-z0-9-]+)$/.exec(line);
    if (finding) fromStylish.add(`${file}:${finding[1]}:${finding[2]}:${finding[3]!.replace('azure-backup/', '')}`);
    else if (/^\S/.test(line) && !line.startsWith('✖')) file = line.trim();
  }
  // A finding suppressed in the source stays in SARIF, marked, and is not printed by stylish.
  const suppressed = sarif.runs[0]!.results.filter((r) => r.suppressions?.length);
  assert.deepEqual(suppressed.map((r) => [r.locations[0]!.physicalLocation.artifactLocation.uri, r.ruleId, r.suppressions]), [
    ['examples/bicep/web-tier/main.bicep', 'no-static-private-ip', [{ kind: 'inSource', justification: 're-registered by the restore runbook' }]],
  ]);
  const results = sarif.runs[0]!.results.filter((r) => !r.suppressions?.length);
  assert.ok(results.length >= 10);
  const fromSarif = new Set(
    results.map((r) => {
      const { artifactLocation, region } = r.locations[0]!.physicalLocation;
      return `${artifactLocation.uri}:${region.startLine}:${region.startColumn}:${r.ruleId}`;
    }),
  );
  assert.deepEqual([...fromSarif].sort(), [...fromStylish].sort());
});

it("the CLI's SARIF for examples/ passes the SARIF Multitool validator", async (t) => {
  const tool = sarifMultitool();
  if ('skip' in tool) {
    t.skip(tool.skip);
    return;
  }
  const { stdout } = await cli(['examples', '--format', 'sarif'], REPO_ROOT);
  assert.deepEqual(validateSarif(tool.bin, stdout), []);
});

it('a value passed into a Terraform module names the module call in the message and the related locations', async () => {
  const { stdout } = await cli(['examples/terraform', '--format', 'json'], REPO_ROOT);
  const results = JSON.parse(stdout) as { filePath: string; messages: { ruleId: string; message: string; relatedLocations?: { filePath: string; message: string }[] }[] }[];
  const inModule = results.find((r) => r.filePath.endsWith(path.join('modules', 'vm', 'main.tf')))!;
  const fromInput = inModule.messages.filter((m) => m.relatedLocations?.some((l) => l.message.startsWith('input of module.')));
  assert.ok(fromInput.length > 0, JSON.stringify(inModule.messages.map((m) => m.message)));
  assert.match(fromInput[0]!.message, /input of module\.\w+/);
});
