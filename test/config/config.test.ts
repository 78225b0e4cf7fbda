import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, describe, it } from 'node:test';
import { ConfigError, findConfigFile, loadConfig, matchesGlob, toLintOptions, type LoadedConfig } from '../../src/config/index.js';

const RULE_IDS = ['no-ultra-ssd', 'no-spot-vm', 'max-data-disks'];
const root = mkdtempSync(join(tmpdir(), 'abl-config-'));
after(() => rmSync(root, { recursive: true, force: true }));

/** Writes files under a fresh directory and returns its path. */
function project(name: string, files: Record<string, string>): string {
  const dir = join(root, name);
  for (const [rel, text] of Object.entries(files)) {
    mkdirSync(join(dir, rel, '..'), { recursive: true });
    writeFileSync(join(dir, rel), text);
  }
  return dir;
}

function load(dir: string, configPath?: string): LoadedConfig {
  const r = loadConfig(dir, { ruleIds: RULE_IDS, ...(configPath !== undefined ? { configPath } : {}) });
  if (r instanceof ConfigError) assert.fail(r.message);
  return r;
}

function loadError(text: string): ConfigError {
  const dir = project(`bad-${Math.random().toString(36).slice(2)}`, { '.azure-backup-lint.json': text });
  const r = loadConfig(dir, { ruleIds: RULE_IDS });
  assert.ok(r instanceof ConfigError, 'expected a ConfigError');
  return r;
}

describe('config discovery', () => {
  it('finds the nearest config file upward, under either name', () => {
    const dir = project('up', { '.git/HEAD': '', 'azure-backup-lint.config.json': '{"matrix":"2025"}', 'infra/prod/main.tf': '' });
    const loaded = load(join(dir, 'infra', 'prod'));
    assert.equal(loaded.path, join(dir, 'azure-backup-lint.config.json'));
    assert.deepEqual(loaded.config, { matrix: '2025' });
  });

  it('stops at the repository root', () => {
    const dir = project('outer', { '.azure-backup-lint.json': '{}', 'repo/.git/HEAD': '', 'repo/sub/x.tf': '' });
    assert.equal(findConfigFile(join(dir, 'repo', 'sub')), undefined);
    assert.deepEqual(load(join(dir, 'repo', 'sub')), { config: {}, path: null });
  });

  it('uses --config as given, relative to cwd', () => {
    const dir = project('explicit', { '.git/HEAD': '', '.azure-backup-lint.json': '{"matrix":"2021"}', 'ci/strict.json': '{"preset":"all"}' });
    assert.deepEqual(load(dir, 'ci/strict.json'), { config: { preset: 'all' }, path: join(dir, 'ci', 'strict.json') });
    const missing = loadConfig(dir, { configPath: 'nope.json', ruleIds: RULE_IDS });
    assert.ok(missing instanceof ConfigError);
    assert.equal(missing.message, `${join(dir, 'nope.json')}: config file not found`);
  });

  it('refuses two config files in one directory', () => {
    const dir = project('both', { '.git/HEAD': '', '.azure-backup-lint.json': '{}', 'azure-backup-lint.config.json': '{}' });
    const r = loadConfig(dir, { ruleIds: RULE_IDS });
    assert.ok(r instanceof ConfigError);
    assert.match(r.message, /both \.azure-backup-lint\.json and azure-backup-lint\.config\.json exist/);
  });
});

describe('config validation', () => {
  it('reads every key, allowing comments, trailing commas and the plugin prefix', () => {
    const dir = project('full', {
      '.git/HEAD': '',
      '.azure-backup-lint.json': `{
  // CI settings
  "$schema": "./schema.json",
  "rules": { "azure-backup/no-spot-vm": "off", "max-data-disks": ["error", { "max": 16 }], "no-ultra-ssd": ["warn"] },
  "matrix": "2025",
  "unknownValues": "report",
  "preset": "all",
  "paramFiles": { "templates/*.json": "params/dev.json", "**/main.json": ["a.json", "b.json"] },
  "varFiles": ["env/prod.tfvars"],
  "ignore": ["examples/"],
  "maxWarnings": 0,
}`,
    });
    assert.deepEqual(load(dir).config, {
      rules: { 'no-spot-vm': 'off', 'max-data-disks': ['error', { max: 16 }], 'no-ultra-ssd': ['warn'] },
      matrix: '2025',
      unknownValues: 'report',
      preset: 'all',
      paramFiles: { 'templates/*.json': ['params/dev.json'], '**/main.json': ['a.json', 'b.json'] },
      varFiles: ['env/prod.tfvars'],
      ignore: ['examples/'],
      maxWarnings: 0,
    });
  });

  it('names the file, position and key of an unknown key', () => {
    const e = loadError('{\n  "matrix": "2021",\n  "maxWarning": 3\n}');
    assert.equal(e.key, 'maxWarning');
    assert.match(e.message, /\.azure-backup-lint\.json:3:3: "maxWarning": unknown key \(did you mean "maxWarnings"\?\); allowed keys: rules, matrix, /);
  });

  it('rejects unknown rule ids with a suggestion', () => {
    const e = loadError('{ "rules": { "no-ultra-sd": "error" } }');
    assert.match(e.message, /:1:14: "rules\.no-ultra-sd": unknown rule id \(did you mean "no-ultra-ssd"\?\)$/);
    assert.match(loadError('{ "rules": { "banana": "error" } }').message, /"rules\.banana": unknown rule id$/);
  });

  it('rejects bad values', () => {
    assert.match(loadError('{ "rules": { "no-spot-vm": "warning" } }').message, /:1:28: "rules\.no-spot-vm": must be one of "off", "warn", "error", not "warning"$/);
    assert.match(loadError('{ "rules": { "no-spot-vm": ["warn", 3] } }').message, /"rules\.no-spot-vm\.1": rule options must be an object$/);
    assert.match(loadError('{ "matrix": 2025 }').message, /:1:13: "matrix": must be one of "2021", "2025", not 2025$/);
    assert.match(loadError('{ "unknownValues": "warn" }').message, /"unknownValues": must be one of "ignore", "report"/);
    assert.match(loadError('{ "preset": "strict" }').message, /"preset": must be one of "recommended", "all"/);
    assert.match(loadError('{ "varFiles": "prod.tfvars" }').message, /"varFiles": must be an array of strings$/);
    assert.match(loadError('{ "ignore": ["a", 1] }').message, /"ignore\.1": must be a non-empty string$/);
    assert.match(loadError('{ "paramFiles": { "*.json": [""] } }').message, /"paramFiles\.\*\.json\.0": must be a non-empty string$/);
    assert.match(loadError('{ "maxWarnings": -1 }').message, /"maxWarnings": must be a non-negative integer, not -1$/);
    assert.match(loadError('[]').message, /: the config must be a JSON object$/);
  });

  it('reports JSON syntax errors with their position', () => {
    assert.match(loadError('{\n  "matrix": "2021"\n  "preset": "all"\n}').message, /\.azure-backup-lint\.json:3:3: invalid JSON: CommaExpected$/);
  });
});

describe('config files that would break the loader', () => {
  it('refuses nesting beyond 32 levels at the bracket that goes too deep, without recursing', () => {
    const e = loadError(`{ "rules": { "max-data-disks": ["error", { "max": ${'['.repeat(200_000)}`);
    assert.equal(e.line, 1);
    assert.match(e.message, /\.azure-backup-lint\.json:1:\d+: nested more than 32 levels deep$/);
    assert.equal(e.column, 1 + '{ "rules": { "max-data-disks": ["error", { "max": '.length + 28);
  });

  it('refuses __proto__, constructor and prototype keys wherever they are, at the key', () => {
    const proto = loadError('{\n  "rules": {\n    "__proto__": { "polluted": true }\n  }\n}');
    assert.match(proto.message, /:3:5: "rules\.__proto__": the key "__proto__" is not allowed/);
    assert.match(loadError('{ "rules": { "max-data-disks": ["error", { "constructor": { "max": 1 } }] } }').message, /:1:44: "rules\.max-data-disks\.1\.constructor": the key "constructor" is not allowed/);
    assert.match(loadError('{ "prototype": 1 }').message, /:1:3: "prototype": the key "prototype" is not allowed/);
    assert.equal(({} as Record<string, unknown>).polluted, undefined);
  });

  it('points at the character that makes a glob malformed', () => {
    assert.match(loadError('{ "ignore": ["ok/", "infra/{a,b"] }').message, /:1:28: "ignore\.1": malformed glob: '\{' without its '\}'$/);
    assert.match(loadError('{ "paramFiles": { "t/[ab.json": "p.json" } }').message, /:1:22: "paramFiles\.t\/\[ab\.json": malformed glob: '\[' without its '\]'$/);
    assert.match(loadError(`{ "ignore": ["${'{'.repeat(9)}a${'}'.repeat(9)}"] }`).message, /:1:23: "ignore\.0": malformed glob: braces nested more than 8 deep$/);
    assert.match(loadError(`{ "ignore": ["${'a'.repeat(2000)}"] }`).message, /"ignore\.0": malformed glob: pattern longer than 1024 characters$/);
    assert.match(loadError('{ "ignore": ["a\\u0000b"] }').message, /"ignore\.0": malformed glob: control character in pattern$/);
  });
});

describe('toLintOptions', () => {
  it('maps the config onto engine options with absolute paths', () => {
    const dir = project('opts', {
      '.git/HEAD': '',
      '.azure-backup-lint.json': JSON.stringify({
        matrix: '2025',
        rules: { 'no-spot-vm': 'error' },
        unknownValues: 'report',
        preset: 'all',
        varFiles: ['env/prod.tfvars'],
        paramFiles: { 'templates/vm*.json': ['templates/shared.parameters.json'], '**/*.json': 'defaults.json' },
        maxWarnings: 3,
      }),
    });
    const { paramFilesFor, ...rest } = toLintOptions(load(join(dir, 'templates')), join(dir, 'templates'));
    assert.deepEqual(rest, {
      cwd: join(dir, 'templates'),
      matrix: '2025',
      rules: { 'no-spot-vm': 'error' },
      unknownValues: 'report',
      preset: 'all',
      varFiles: [join(dir, 'env', 'prod.tfvars')],
    });
    assert.deepEqual(paramFilesFor!(join(dir, 'templates', 'vm-web.json')), [join(dir, 'templates', 'shared.parameters.json')]);
    assert.deepEqual(paramFilesFor!(join(dir, 'net', 'nic.json')), [join(dir, 'defaults.json')]);
    assert.equal(paramFilesFor!(join(dir, 'main.tf')), undefined);
  });

  it('gives only cwd without a config file', () => {
    assert.deepEqual(toLintOptions({ config: {}, path: null }, '/work/project'), { cwd: '/work/project' });
  });
});

describe('globs', () => {
  it('match like the documented subset', () => {
    assert.ok(matchesGlob('templates/vm.json', 'templates/*.json'));
    assert.ok(!matchesGlob('templates/sub/vm.json', 'templates/*.json'));
    assert.ok(matchesGlob('templates/sub/vm.json', 'templates/**/*.json'));
    assert.ok(matchesGlob('templates/vm.json', 'templates/**/*.json'));
    assert.ok(matchesGlob('a/b/main.json', 'main.json'));
    assert.ok(matchesGlob('main.json', './main.json'));
    assert.ok(!matchesGlob('a/main.json', './main.json'));
    assert.ok(matchesGlob('vm1.jsonc', 'vm?.{json,jsonc}'));
    assert.ok(!matchesGlob('vmx.json5', 'vm?.{json,jsonc}'));
    assert.ok(!matchesGlob('vm.jsonx', '*.json'));
    assert.ok(matchesGlob('a+b (1).json', 'a+b (1).json'));
  });
});
