// The real `eslint` CLI with the plugin's recommended config, against `azure-backup-lint`, on a
// copy of examples/: the same findings (rule, file, line, column), and nothing on other JSON.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { cpSync, mkdirSync, symlinkSync } from 'node:fs';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';
import { fileURLToPath } from 'node:url';
import { tempProject } from './temp.js';

const REPO = path.resolve(fileURLToPath(import.meta.url), '../../../..');

interface JsonResult {
  readonly filePath: string;
  readonly messages: readonly { readonly ruleId: string | null; readonly line: number; readonly column: number; readonly message: string }[];
}

function run(command: string, args: string[], cwd: string): JsonResult[] {
  const out = spawnSync(process.execPath, [command, ...args], { cwd, encoding: 'utf8' });
  assert.ok(out.status === 0 || out.status === 1, `${path.basename(command)} exited ${out.status}: ${out.stderr}`);
  return JSON.parse(out.stdout) as JsonResult[];
}

function findings(results: readonly JsonResult[], root: string): string[] {
  return results
    .flatMap((r) => r.messages.map((m) => `${path.relative(root, r.filePath)}:${m.line}:${m.column} ${m.ruleId}`))
    .sort();
}

describe('eslint CLI and azure-backup-lint agree on examples/', () => {
  let project: ReturnType<typeof tempProject>;
  let eslint: JsonResult[];
  let cli: JsonResult[];

  before(() => {
    project = tempProject({
      'eslint.config.js': "import plugin from 'eslint-plugin-azure-backup';\n\nexport default [...plugin.configs.recommended];\n",
      'package.json': '{ "name": "infra", "private": true, "type": "module" }\n',
      'tsconfig.json': '{\n  // not a template\n  "compilerOptions": { "strict": true, },\n}\n',
    });
    cpSync(path.join(REPO, 'examples'), project.dir, { recursive: true });
    mkdirSync(path.join(project.dir, 'node_modules'));
    symlinkSync(REPO, path.join(project.dir, 'node_modules', 'eslint-plugin-azure-backup'), 'dir');
    eslint = run(path.join(REPO, 'node_modules/eslint/bin/eslint.js'), ['--format', 'json', '.'], project.dir);
    cli = run(path.join(REPO, 'bin/azure-backup-lint.js'), ['--format', 'json', '.'], project.dir);
  });
  after(() => project.remove());

  it('finds something in the examples', () => {
    assert.ok(findings(cli, project.dir).length >= 5);
  });

  it('reports the same rule, file, line and column for every finding', () => {
    assert.deepEqual(findings(eslint, project.dir), findings(cli, project.dir));
  });

  it('says nothing about package.json, tsconfig.json or parameter files', () => {
    const quiet = eslint.filter((r) => /(^|[/\\])(package|tsconfig)\.json$|parameters\.json$|\.tfvars$/.test(r.filePath));
    assert.ok(quiet.length >= 4, `linted ${quiet.map((r) => r.filePath).join(', ')}`);
    for (const r of quiet) assert.deepEqual(r.messages, [], r.filePath);
  });
});
