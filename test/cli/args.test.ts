import assert from 'node:assert/strict';
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, it } from 'node:test';
import { runCli } from '../../src/cli/main.js';
import { RULE_IDS } from '../../src/setup.js';
import { matrixRow } from '../../src/azure/matrix/matrix.js';
import { cli, scratch, type CliOutcome } from '../helpers/cli.js';
import { dataDisk, template, vm } from '../helpers/lint.js';

const ultra = template({ resources: [vm('vm1', { dataDisks: [dataDisk(0, 'UltraSSD_LRS')] })] });
const spot = template({ resources: [vm('vm1', {}, { properties: { priority: 'Spot' } })] });
const withSku = template({
  parameters: { sku: { type: 'string', defaultValue: 'Premium_LRS' } },
  resources: [vm('vm1', { dataDisks: [dataDisk(0, "[parameters('sku')]")] })],
});
const ultraParameters = JSON.stringify({
  $schema: 'https://schema.management.azure.com/schemas/2019-04-01/deploymentParameters.json#',
  contentVersion: '1.0.0.0',
  parameters: { sku: { value: 'UltraSSD_LRS' } },
});

interface JsonResult {
  filePath: string;
  messages: { ruleId: string | null; line: number; column: number; message: string }[];
}

/** Exit 2 with the problem named on the first line and the pointer to --help on the second. */
function usage(outcome: CliOutcome, message: string): void {
  assert.equal(outcome.code, 2, outcome.stderr);
  assert.equal(outcome.stderr, `azure-backup-lint: ${message}\nRun 'azure-backup-lint --help' for usage.\n`);
}

describe('usage errors name the problem and exit 2', () => {
  const dir = scratch({ 'bad.json': ultra });

  it('unknown options, missing values, values for flags', async () => {
    usage(await cli(['--bogus'], dir), "unknown option '--bogus'");
    usage(await cli(['-x'], dir), "unknown option '-x'");
    usage(await cli(['--format'], dir), '--format needs a value');
    usage(await cli(['-f', '-q'], dir), '-f needs a value');
    usage(await cli(['--quiet=yes'], dir), '--quiet takes no value');
  });

  it('unknown rule ids and severities, formats and enumerated values', async () => {
    usage(await cli(['--rule', 'bogus=off'], dir), "--rule bogus=off: unknown rule id 'bogus'");
    usage(await cli(['--rule', 'azure-backup/no-ultra-sdd=off'], dir), `--rule azure-backup/no-ultra-sdd=off: unknown rule id 'no-ultra-sdd' (did you mean "no-ultra-ssd"?)`);
    usage(await cli(['--rule', 'no-ultra-ssd=fatal'], dir), "--rule no-ultra-ssd=fatal: unknown severity 'fatal' (off, warn or error; or 0, 1, 2)");
    usage(await cli(['--rule', 'no-ultra-ssd'], dir), "--rule takes id=off|warn|error, not 'no-ultra-ssd'");
    usage(await cli(['-f', 'xml'], dir), "unknown format 'xml' (one of: stylish, json, sarif, github, azure-devops, junit, markdown)");
    usage(await cli(['inventory', '-f', 'sarif'], dir), "inventory formats are table and json, not 'sarif'");
    usage(await cli(['--matrix', '2023'], dir), "--matrix must be 2021 or 2025, not '2023'");
    usage(await cli(['--preset', 'strict'], dir), "--preset must be recommended or all, not 'strict'");
    usage(await cli(['--max-warnings', '-1'], dir), '--max-warnings needs a value');
    usage(await cli(['--max-warnings=1.5'], dir), "--max-warnings takes a whole number, not '1.5'");
  });

  it('missing --param-file, --var-file, --baseline and --config files', async () => {
    usage(await cli(['--param-file', 'nope.parameters.json'], dir), '--param-file nope.parameters.json: file not found');
    usage(await cli(['--var-file', 'prod.tfvars'], dir), '--var-file prod.tfvars: file not found');
    usage(await cli(['--baseline', 'baseline.json'], dir), '--baseline baseline.json: file not found');
    const config = await cli(['--config', 'ci.json'], dir);
    assert.equal(config.code, 2);
    assert.equal(config.stderr, `azure-backup-lint: ${path.join(dir, 'ci.json')}: config file not found\n`);
  });

  it('the rule forms that are accepted: bare, prefixed, numeric', async () => {
    const run = async (rule: string) => (await cli(['--rule', rule], dir)).code;
    assert.deepEqual([await run('no-ultra-ssd=off'), await run('azure-backup/no-ultra-ssd=0'), await run('no-ultra-ssd=1'), await run('no-ultra-ssd=2')], [0, 0, 0, 1]);
  });
});

describe('--output-file pairs with its --format in either order', () => {
  it('-o before -f writes that format', async () => {
    const dir = scratch({ 'bad.json': ultra });
    assert.equal((await cli(['-o', 'out.json', '-f', 'json'], dir)).code, 1);
    assert.equal((JSON.parse(readFileSync(path.join(dir, 'out.json'), 'utf8')) as JsonResult[])[0]!.messages[0]!.ruleId, 'azure-backup/no-ultra-ssd');
  });

  it('mixes both orders in one run, with a format left for stdout', async () => {
    const dir = scratch({ 'bad.json': ultra });
    const { stdout } = await cli(['-o', 'a.sarif', '-f', 'sarif', '--format', 'json', '--output-file', 'a.json', '-f', 'github', '-f', 'junit', '-o', 'a.xml'], dir);
    assert.match(stdout, /^::error file=bad\.json/);
    assert.equal((JSON.parse(readFileSync(path.join(dir, 'a.sarif'), 'utf8')) as { version: string }).version, '2.1.0');
    assert.ok(Array.isArray(JSON.parse(readFileSync(path.join(dir, 'a.json'), 'utf8'))));
    assert.match(readFileSync(path.join(dir, 'a.xml'), 'utf8'), /^<\?xml/);
  });

  it('a lone -o writes stylish, as in ESLint; an -o without a format of its own is an error', async () => {
    const dir = scratch({ 'bad.json': ultra });
    assert.equal((await cli(['-o', 'out.txt'], dir)).code, 1);
    assert.match(readFileSync(path.join(dir, 'out.txt'), 'utf8'), /bad\.json\n\s+\d+:\d+\s+error/);
    usage(await cli(['-f', 'json', '-o', 'a.json', '-o', 'b.json'], dir), '--output-file b.json has no --format of its own; pair each --output-file with one --format');
    usage(await cli(['-o', 'a.json', '-o', 'b.json', '-f', 'json'], dir), '-o b.json: the -o before it (a.json) has no --format yet; pair each --output-file with one --format');
    usage(await cli(['-f', 'json', '-o', 'a.json', '-f', 'sarif', '-o', 'a.json'], dir), '--output-file a.json is given twice; each output needs its own file');
  });
});

describe('-- ends the options', () => {
  it('lints a file whose name starts with a dash', async () => {
    const dir = scratch({ '-bad.json': ultra });
    usage(await cli(['-bad.json'], dir), "unknown option '-b'");
    const { code, stdout } = await cli(['-f', 'json', '--', '-bad.json'], dir);
    assert.equal(code, 1);
    assert.equal(path.basename((JSON.parse(stdout) as JsonResult[])[0]!.filePath), '-bad.json');
  });
});

describe('--stdin with --stdin-filename', () => {
  const dir = scratch({ 'main.json': withSku, 'main.parameters.json': ultraParameters });

  it('gives the report that linting the file on disk gives', async () => {
    const fromDisk = await cli(['main.json', '-f', 'json'], dir);
    const fromStdin = await cli(['--stdin', '--stdin-filename', 'main.json', '-f', 'json'], dir, {}, withSku);
    assert.equal(fromStdin.code, 1);
    assert.equal(fromStdin.stdout, fromDisk.stdout);
  });

  it('lints the text from standard input, with the rest of its unit (the parameter file) from disk', async () => {
    const edited = withSku.replace("'vm1'", "'vm-edited'").replace('"vm1"', '"vm-edited"');
    const { code, stdout } = await cli(['--stdin', '--stdin-filename', 'main.json', '-f', 'json'], dir, {}, edited);
    assert.equal(code, 1);
    const results = JSON.parse(stdout) as JsonResult[];
    assert.deepEqual(results.map((r) => path.relative(dir, r.filePath)), ['main.json']);
    assert.match(results[0]!.messages.map((m) => m.message).join('\n'), /UltraSSD_LRS/);
    assert.match(results[0]!.messages.map((m) => m.message).join('\n'), /main\.parameters\.json/);
    assert.equal(readFileSync(path.join(dir, 'main.json'), 'utf8'), withSku);
  });

  it('needs no file on disk, and refuses a name no kind reads or a missing name', async () => {
    const { code, stdout } = await cli(['--stdin', '--stdin-filename', 'unsaved/new.json', '-f', 'json'], dir, {}, ultra);
    assert.equal(code, 1);
    assert.deepEqual((JSON.parse(stdout) as JsonResult[]).map((r) => [path.relative(dir, r.filePath), r.messages.map((m) => m.ruleId)]), [['unsaved/new.json', ['azure-backup/no-ultra-ssd']]]);
    usage(await cli(['--stdin', '--stdin-filename', 'notes.txt'], dir, {}, 'x'), '--stdin-filename notes.txt: not a kind of file azure-backup-lint reads (ARM or Terraform)');
    usage(await cli(['--stdin'], dir, {}, ultra), '--stdin needs --stdin-filename <path>: the file name decides how the text is read');
    usage(await cli(['--stdin-filename', 'main.json'], dir), '--stdin-filename names the text read with --stdin; add --stdin');
    usage(await cli(['--stdin', '--stdin-filename', 'main.json', 'other.json'], dir, {}, ultra), '--stdin lints standard input; do not name paths too (other.json)');
  });

  it('reads Terraform from standard input', async () => {
    const tf = 'resource "azurerm_linux_virtual_machine" "vm" {\n  name = "vm"\n  size = "Standard_A0"\n}\n';
    const tfDir = scratch({ 'tf/variables.tf': 'variable "x" {}\n' });
    const { code, stdout } = await cli(['--stdin', '--stdin-filename', 'tf/main.tf', '-f', 'json'], tfDir, {}, tf);
    assert.equal(code, 1);
    assert.deepEqual((JSON.parse(stdout) as JsonResult[]).map((r) => [path.relative(tfDir, r.filePath), r.messages.map((m) => `${m.line}:${m.column} ${m.ruleId}`)]), [['tf/main.tf', ['3:10 azure-backup/min-vm-size']]]);
  });
});

describe('--print-config', () => {
  it('prints the options that apply to a file, config and flags merged', async () => {
    const dir = scratch({
      '.azure-backup-lint.json': JSON.stringify({ matrix: '2025', rules: { 'no-spot-vm': 'error', 'max-data-disks': ['error', { max: 8 }] }, paramFiles: { 'app/*.json': 'params/app.json' } }),
      'params/app.json': ultraParameters,
    });
    const { code, stdout } = await cli(['--print-config', 'app/main.json', '--rule', 'no-ultra-ssd=warn', '--preset', 'all'], dir);
    assert.equal(code, 0);
    const printed = JSON.parse(stdout) as { file: string; configFile: string; matrix: string; preset: string; rules: Record<string, unknown>; paramFiles: unknown; varFiles: string[] };
    assert.deepEqual(Object.keys(printed.rules), RULE_IDS.map((id) => `azure-backup/${id}`));
    assert.deepEqual(
      [printed.file, printed.configFile, printed.matrix, printed.preset, printed.rules['azure-backup/no-spot-vm'], printed.rules['azure-backup/no-ultra-ssd'], printed.rules['azure-backup/max-data-disks'], printed.rules['azure-backup/require-backup'], printed.paramFiles],
      ['app/main.json', '.azure-backup-lint.json', '2025', 'all', 'error', 'warn', ['error', { max: 8 }], 'warn', ['params/app.json']],
    );
    assert.equal((JSON.parse((await cli(['--print-config', 'other/x.json'], dir)).stdout) as { paramFiles: unknown }).paramFiles, 'by name');
    usage(await cli(['--print-config', 'a.json', 'b.json'], dir), '--print-config takes one file; do not name paths too (b.json)');
  });
});

describe('--list-rules', () => {
  it('prints one line per rule: id, default severity, docs URL, matrix row subject; and JSON with --format json', async () => {
    const dir = scratch({});
    const { code, stdout } = await cli(['--list-rules'], dir);
    assert.equal(code, 0);
    const lines = stdout.trimEnd().split('\n');
    assert.equal(lines.length, RULE_IDS.length);
    assert.match(stdout, /^azure-backup\/no-ultra-ssd\s+error\s+https:\/\/\S+\/docs\/rules\/no-ultra-ssd\.md\s+matrix 2021: Ultra SSD disks$/m);
    assert.match(stdout, /^azure-backup\/require-backup\s+off\s+https:\/\/\S+\/docs\/rules\/require-backup\.md\s+matrix 2021: Direct backup of Azure VMs$/m);
    // A long subject is cut at a word, so that one rule stays one line.
    assert.match(stdout, /^azure-backup\/policy-retention\s.*matrix 2021: Maximum recovery points per protected instance…$/m);
    assert.match((await cli(['--list-rules', '--matrix', '2025'], dir)).stdout, /^azure-backup\/no-ultra-ssd\s.*matrix 2025: Ultra disks$/m);
    type Listed = { id: string; severity: string; allSeverity: string; description: string; docsUrl: string; matrixRow: { edition: string; text: string } };
    const json = JSON.parse((await cli(['--list-rules', '-f', 'json'], dir)).stdout) as Listed[];
    const requireBackup = json.find((r) => r.id === 'azure-backup/require-backup')!;
    assert.deepEqual([requireBackup.severity, requireBackup.allSeverity, requireBackup.docsUrl.endsWith('/require-backup.md')], ['off', 'warn', true]);
    assert.ok(json.every((r) => r.description.length > 0));
    assert.ok(json.every((r) => r.matrixRow.edition === '2021' && r.matrixRow.text === matrixRow(r.id.replace('azure-backup/', '')).text));
    const json2025 = JSON.parse((await cli(['--list-rules', '-f', 'json', '--matrix', '2025'], dir)).stdout) as Listed[];
    assert.deepEqual(json2025.find((r) => r.id === 'azure-backup/no-ultra-ssd')!.matrixRow, matrixRow('no-ultra-ssd', '2025'));
    usage(await cli(['--list-rules', '-f', 'sarif'], dir), '--list-rules prints text, or JSON with --format json');
  });
});

describe('colors', () => {
  const dir = scratch({ 'bad.json': ultra });
  const ANSI = /\x1b\[/;
  async function stylish(args: string[], env: Record<string, string>, isTTY: boolean): Promise<string> {
    let stdout = '';
    await runCli(['bad.json', ...args], { cwd: dir, env, stdout: (t) => (stdout += t), stderr: () => {}, isTTY, stderrIsTTY: false });
    return stdout;
  }

  it('on a terminal by default, not in a pipe; NO_COLOR turns them off, FORCE_COLOR on; the flags win', async () => {
    assert.match(await stylish([], {}, true), ANSI);
    assert.doesNotMatch(await stylish([], {}, false), ANSI);
    assert.doesNotMatch(await stylish([], { NO_COLOR: '1' }, true), ANSI);
    assert.match(await stylish([], { NO_COLOR: '' }, true), ANSI);
    assert.match(await stylish([], { FORCE_COLOR: '1' }, false), ANSI);
    assert.match(await stylish([], { FORCE_COLOR: '1', NO_COLOR: '1' }, false), ANSI);
    assert.doesNotMatch(await stylish([], { FORCE_COLOR: '0' }, true), ANSI);
    assert.match(await stylish(['--color'], { NO_COLOR: '1' }, false), ANSI);
    assert.doesNotMatch(await stylish(['--no-color'], { FORCE_COLOR: '3' }, true), ANSI);
  });

  it('not into a file unless --color says so', async () => {
    await stylish(['-o', 'plain.txt'], { FORCE_COLOR: '1' }, true);
    await stylish(['-o', 'colored.txt', '--color'], {}, false);
    assert.doesNotMatch(readFileSync(path.join(dir, 'plain.txt'), 'utf8'), ANSI);
    assert.match(readFileSync(path.join(dir, 'colored.txt'), 'utf8'), ANSI);
  });
});

describe('--write-baseline', () => {
  it('exits 0, also with --max-warnings 0, and the next run passes with the baseline', async () => {
    const dir = scratch({ 'bad.json': ultra, 'spot.json': spot });
    const written = await cli(['--write-baseline', 'baseline.json', '--max-warnings', '0'], dir);
    assert.equal(written.code, 0, written.stdout + written.stderr);
    assert.equal((await cli(['--baseline', 'baseline.json', '--max-warnings', '0'], dir)).code, 0);
    writeFileSync(path.join(dir, 'new.json'), ultra);
    assert.equal((await cli(['--baseline', 'baseline.json'], dir)).code, 1);
  });
});
