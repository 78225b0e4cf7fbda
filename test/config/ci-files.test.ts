import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { describe, it } from 'node:test';
import { FORMAT_NAMES } from '../../src/reporters/index.js';

// Compiled to dist/test/config/, so the repository root is three levels up.
const read = (file: string): string => readFileSync(new URL(`../../../${file}`, import.meta.url), 'utf8');

/** `key: value` of a top-level or list-item line in a simple YAML file. */
function yamlValue(text: string, key: string): string {
  const m = new RegExp(`^[ -]*${key}: (.*)$`, 'm').exec(text);
  assert.ok(m, `${key} not found`);
  return m[1]!.trim();
}

describe('pre-commit hook definition', () => {
  const hooks = read('.pre-commit-hooks.yaml');

  it('runs the package binary on the files the linter reads', () => {
    const bin = JSON.parse(read('package.json')).bin as Record<string, string>;
    assert.equal(yamlValue(hooks, 'id'), 'azure-backup-lint');
    assert.equal(yamlValue(hooks, 'language'), 'node');
    assert.ok(yamlValue(hooks, 'entry') in bin);
    assert.equal(yamlValue(hooks, 'pass_filenames'), 'true');
    const files = new RegExp(yamlValue(hooks, 'files'));
    for (const f of ['azuredeploy.json', 'a/b.parameters.jsonc', 'main.tf', 'prod.tfvars', 'plan.tf.json']) assert.ok(files.test(f), f);
    for (const f of ['README.md', 'x.tfstate', 'main.tf.bak', 'json.yaml']) assert.ok(!files.test(f), f);
  });
});

describe('GitHub Action', () => {
  const action = read('action.yml');

  it('is a composite action with the documented inputs', () => {
    assert.match(action, /^runs:\n {2}using: composite$/m);
    for (const input of ['path', 'args', 'sarif-file', 'upload-sarif', 'fail-on-error']) assert.match(action, new RegExp(`^ {2}${input}:$`, 'm'));
    assert.match(action, /uses: github\/codeql-action\/upload-sarif@v4/);
    assert.match(action, /npm install -g .*"\$GITHUB_ACTION_PATH"/);
  });

  it('asks only for formats the CLI has', () => {
    const formats = [...action.matchAll(/--format (\S+)/g)].map((m) => m[1]!);
    assert.deepEqual(formats, ['sarif', 'markdown', 'github']);
    for (const f of formats) assert.ok((FORMAT_NAMES as readonly string[]).includes(f), f);
  });

  it('never puts inputs into script text', () => {
    const scripts = action.split(/^ {6}run: \|$/m).slice(1).map((s) => s.split(/^ {4}- /m)[0]!);
    assert.equal(scripts.length, 3);
    for (const s of scripts) assert.doesNotMatch(s, /\$\{\{/);
  });
});
