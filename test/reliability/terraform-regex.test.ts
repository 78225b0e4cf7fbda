import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { known, unknownReason, valueOf } from '../terraform/regex-helpers.js';
import { lintVirtual, SMALL_VM_TF, SMALL_VM_TF_AT } from './helpers.js';
import { HOSTILE_REGEXES } from './regex-cases.js';

/** What each hostile input gives, in the order of HOSTILE_REGEXES: a value, or the reason it is unknown. */
const OUTCOMES: readonly ({ readonly value: unknown } | { readonly unknown: RegExp })[] = [
  { unknown: /^regex: pattern did not match any part of the given string$/ },
  { unknown: /^regex: pattern did not match any part of the given string$/ },
  { value: [] },
  { value: 'a'.repeat(50_000) },
  { value: [] },
  { unknown: /more work than the linter allows for one call/ },
  { unknown: /more work than the linter allows for one call/ },
  { unknown: /^regex: pattern did not match any part of the given string$/ },
  { value: [] },
  { unknown: /^a regular expression longer than 32768 characters is not evaluated$/ },
  { unknown: /^regex: invalid regexp pattern: expression nests too deeply$/ },
  { unknown: /^replace would build a string longer than 4194304 characters$/ },
];

// The runner's timeout is the hang guard: a backtracking engine would not finish these in hours.
describe('hostile regular expressions in Terraform', { timeout: 120_000 }, () => {
  it('has an expected outcome for every hostile input', () => {
    assert.equal(OUTCOMES.length, HOSTILE_REGEXES.length);
  });

  HOSTILE_REGEXES.forEach(({ name, expr }, i) => {
    it(name, () => {
      const outcome = OUTCOMES[i]!;
      if ('value' in outcome) assert.deepEqual(known(expr), outcome.value);
      else assert.match(unknownReason(expr), outcome.unknown);
    });
  });

  it('places the unknown value at the call', () => {
    const v = valueOf(HOSTILE_REGEXES[5]!.expr);
    assert.equal(v.kind, 'unknown');
    assert.equal(v.loc?.start, 58);
    assert.equal(v.loc?.end, 58 + HOSTILE_REGEXES[5]!.expr.length);
  });

  it('keeps a limit of the linter unknown inside can() and try(), where a Terraform error is false or the fallback', () => {
    const quadratic = HOSTILE_REGEXES[5]!.expr;
    assert.match(unknownReason(`can(${quadratic})`), /more work than the linter allows/);
    assert.match(unknownReason(`try(${quadratic}, "fallback")`), /more work than the linter allows/);
    assert.equal(known(`can(${HOSTILE_REGEXES[0]!.expr})`), false);
    assert.equal(known(`try(${HOSTILE_REGEXES[0]!.expr}, "fallback")`), 'fallback');
  });

  it('lints the module that uses them all and its healthy neighbour', () => {
    const locals = HOSTILE_REGEXES.map(({ expr }, i) => `  r${i} = ${expr}`).join('\n');
    const uses = HOSTILE_REGEXES.map((_, i) => `local.r${i}`).join(', ');
    const vm = [
      'resource "azurerm_linux_virtual_machine" "x" {',
      `  name = jsonencode([${uses}])`,
      '  size = replace("Standard-A0", "/^(\\\\w+)-(\\\\w+)$/", "$${1}_$2")',
      '}',
    ].join('\n');
    const out = lintVirtual({ 'hostile/main.tf': `locals {\n${locals}\n}\n${vm}\n`, 'neighbour/main.tf': SMALL_VM_TF });
    assert.deepEqual(out['neighbour/main.tf'], [SMALL_VM_TF_AT]);
    const sizeLine = HOSTILE_REGEXES.length + 5;
    // The VM's name holds the first regex error, which Terraform would stop at: a warning at that call.
    const first = HOSTILE_REGEXES[0]!.expr;
    assert.deepEqual(out['hostile/main.tf'], [`2:8-2:${8 + first.length} regex: pattern did not match any part of the given string`, `${sizeLine}:10-${sizeLine}:65 azure-backup/min-vm-size`]);
  });
});
