import assert from 'node:assert/strict';
import fc from 'fast-check';
import { describe, it } from 'node:test';
import { ConfigError } from '../../src/config/index.js';
import { parseConfig } from '../../src/config/validate.js';
import { RULE_IDS } from '../../src/setup.js';
import { fuzzParameters } from './check.js';

const FILE = '/fuzz/.azure-backup-lint.json';

const VALID = JSON.stringify(
  {
    rules: { 'no-ultra-ssd': 'warn', 'max-data-disks': ['error', { max: 16 }] },
    matrix: '2025',
    preset: 'all',
    paramFiles: { 'app/*.json': ['params/app.json'], '**/{a,b}.json': 'p.json' },
    varFiles: ['env/prod.tfvars'],
    ignore: ['examples/', '!examples/keep/**'],
    maxWarnings: 3,
  },
  null,
  2,
);

/** Fragments that have broken config loaders: prototype keys, globs, deep brackets, odd numbers. */
const fragment = fc.constantFrom('"__proto__": { "polluted": 1 },', '"__proto__"', '"constructor"', '"prototype"', '{', '[', '}', ']', '"{a,"', '"[x"', '"\\u0000"', '1e400', '-0', '//', '/*', ',', ':', '"', '\\', '"rules"', '"paramFiles"', '"ignore"', '[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[');

/** The valid config with a fragment inserted, a span deleted or the text cut short. */
const mutated = fc.tuple(fc.nat(), fc.nat(), fragment, fc.constantFrom('insert', 'delete', 'cut')).map(([at, length, text, how]) => {
  const i = at % (VALID.length + 1);
  if (how === 'insert') return VALID.slice(0, i) + text + VALID.slice(i);
  if (how === 'delete') return VALID.slice(0, i) + VALID.slice(i + (length % 20));
  return VALID.slice(0, i);
});

/** Any JSON, with config keys likely at the top. */
const anyJson = fc
  .dictionary(fc.constantFrom('rules', 'matrix', 'paramFiles', 'ignore', 'varFiles', 'maxWarnings', '__proto__', 'constructor', 'x'), fc.jsonValue({ maxDepth: 6 }))
  .map((o) => JSON.stringify(o));

/** A config is either accepted or refused with a ConfigError that names the file; nothing else escapes. */
function loadsOrExplains(text: string): void {
  try {
    parseConfig(FILE, text, RULE_IDS);
  } catch (e) {
    if (!(e instanceof ConfigError)) throw e;
    assert.ok(e.message.startsWith(FILE), e.message);
    if (e.line !== undefined) assert.ok(e.line >= 1 && e.column! >= 1, e.message);
  }
  assert.equal(({} as Record<string, unknown>).polluted, undefined);
}

describe('config file fuzz', () => {
  it('survives insertions, deletions and truncations of a valid config', () => {
    fc.assert(fc.property(mutated, loadsOrExplains), fuzzParameters(500));
  });

  it('survives arbitrary JSON and arbitrary text', () => {
    fc.assert(fc.property(fc.oneof(anyJson, fc.string({ maxLength: 200 })), loadsOrExplains), fuzzParameters(500));
  });
});
