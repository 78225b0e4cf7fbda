import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { rules } from '../../rules/index.js';
import { matrixRow } from '../../src/azure/matrix/matrix.js';
import { presetSeverity } from '../../rules/api.js';

// dist/test/rules → repository root
const root = fileURLToPath(new URL('../../..', import.meta.url));

test('one rule per rules/*.ts file, registered under its file name, sorted by id', () => {
  const files = readdirSync(`${root}rules`).filter((f) => f.endsWith('.ts') && f !== 'index.ts' && f !== 'api.ts');
  const ids = rules.map((r) => r.id);
  assert.deepEqual(ids, files.map((f) => f.slice(0, -'.ts'.length)).sort());
});

test('the category decides the presets: restore limitations off in recommended and warn in all, backup blockers on in both', () => {
  for (const r of rules) {
    const both = [presetSeverity(r.meta, 'recommended'), presetSeverity(r.meta, 'all')];
    if (r.meta.category === 'restore-limitation') assert.deepEqual(both, ['off', 'warn'], r.id);
    else assert.deepEqual(both, [r.meta.severity, r.meta.severity], r.id);
  }
});

test('every rule has a docs page that names its id, its matrix row and its default severity', () => {
  for (const r of rules) {
    const page = `${root}docs/rules/${r.id}.md`;
    assert.ok(existsSync(page), page);
    const text = readFileSync(page, 'utf8');
    assert.ok(text.includes(`azure-backup/${r.id}`), r.id);
    assert.ok(text.includes(matrixRow(r.id).text), `${r.id}: matrix row quoted`);
    assert.ok(text.includes(`- **Default severity:** \`${presetSeverity(r.meta, 'recommended')}\``), `${r.id}: default severity`);
  }
});

/**
 * The codes of Bicep's own linter rules: those of `analyzers.core.rules` in Bicep's
 * `bicepconfig.schema.json`, and `secure-params-in-parameters-file` (its rule class, not in the schema). A Bicep pragma
 * (`#disable-next-line <code>`) names our rules by their bare id, so no id may be one of these:
 * the pragma would then silence both linters at once.
 */
const BICEP_LINTER_CODES = [
  'adminusername-should-not-be-literal', 'artifacts-parameters', 'decompiler-cleanup', 'explicit-values-for-loc-params',
  'max-asserts', 'max-outputs', 'max-params', 'max-resources', 'max-variables', 'nested-deployment-template-scoping',
  'no-conflicting-metadata', 'no-deployments-resources', 'no-explicit-any', 'no-hardcoded-env-urls', 'no-hardcoded-location',
  'no-loc-expr-outside-params', 'no-unnecessary-dependson', 'no-unused-existing-resources', 'no-unused-params',
  'no-unused-imports', 'no-unused-vars', 'outputs-should-not-contain-secrets',
  'prefer-interpolation', 'prefer-unquoted-property-names', 'protect-commandtoexecute-secrets', 'secure-params-in-nested-deploy',
  'secure-secrets-in-params', 'secure-parameter-default', 'simplify-interpolation', 'simplify-json-null',
  'stacks-extensibility-compat', 'use-parent-property', 'use-safe-access', 'use-recent-api-versions', 'use-recent-module-versions',
  'use-resource-id-functions', 'use-resource-symbol-reference', 'use-secure-value-for-secure-inputs',
  'use-stable-resource-identifiers', 'use-stable-vm-image', 'use-user-defined-types', 'what-if-short-circuiting',
  'use-recent-az-powershell-version', 'secure-params-in-parameters-file',
];

test("no rule id is one of Bicep's linter codes, so a Bicep pragma names one linter's rule", () => {
  const codes = new Set(BICEP_LINTER_CODES.map((c) => c.toLowerCase()));
  assert.equal(codes.size, BICEP_LINTER_CODES.length);
  assert.deepEqual(rules.map((r) => r.id).filter((id) => codes.has(id.toLowerCase())), []);
  // Bicep's lexer ends a pragma code at any character other than letters, digits, `_` and `-`.
  for (const r of rules) assert.match(r.id, /^[a-z0-9_-]+$/, r.id);
});
