import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { describe, it } from 'node:test';
import { FORMAT_NAMES } from '../../src/reporters/index.js';
import { isLintable, SOURCE_KINDS } from '../../src/setup.js';

// Compiled to dist/test/config/, so the repository root is three levels up.
const read = (file: string): string => readFileSync(new URL(`../../../${file}`, import.meta.url), 'utf8');

/** `key: value` of a top-level or list-item line in a simple YAML file. */
function yamlValue(text: string, key: string): string {
  const m = new RegExp(`^[ -]*${key}: (.*)$`, 'm').exec(text);
  assert.ok(m, `${key} not found`);
  return m[1]!.trim();
}

/** The hook's `files` pattern; pre-commit reads it as a Python regular expression, `(?i)` included. */
function hookFiles(hooks: string): RegExp {
  const pattern = yamlValue(hooks, 'files');
  return pattern.startsWith('(?i)') ? new RegExp(pattern.slice(4), 'i') : new RegExp(pattern);
}

describe('pre-commit hook definition', () => {
  const hooks = read('.pre-commit-hooks.yaml');

  it('runs the package binary on the files the linter reads', () => {
    const bin = JSON.parse(read('package.json')).bin as Record<string, string>;
    assert.equal(yamlValue(hooks, 'id'), 'azure-backup-lint');
    assert.equal(yamlValue(hooks, 'language'), 'node');
    assert.ok(yamlValue(hooks, 'entry') in bin);
    assert.equal(yamlValue(hooks, 'pass_filenames'), 'true');
    const files = hookFiles(hooks);
    for (const f of ['azuredeploy.json', 'a/b.parameters.jsonc', 'main.tf', 'prod.tfvars', 'plan.tf.json']) assert.ok(files.test(f), f);
    for (const f of ['README.md', 'x.tfstate', 'main.tf.bak', 'json.yaml']) assert.ok(!files.test(f), f);
  });

  it('passes exactly the files some source kind claims', () => {
    const files = hookFiles(hooks);
    const lintable = isLintable();
    // Every extension the kinds' globs name, in several spellings, and near misses.
    const extensions = SOURCE_KINDS.flatMap((k) => [...k.files, ...(k.ignores ?? [])]).map((g) => g.replace(/^\*\*\/\*/, ''));
    const names = extensions.flatMap((ext) => [`a${ext}`, `dir/b${ext}`, `c${ext.toUpperCase()}`, `d${ext}.bak`, `e${ext}x`, `f${ext.slice(0, -1)}`]);
    assert.ok(names.length > 30);
    for (const name of names) assert.equal(files.test(name), lintable(`/repo/${name}`), name);
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
