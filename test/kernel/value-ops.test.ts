// The value operations both evaluators share, at their own seam.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { DiagnosticSink, reportTemplateErrors } from '../../src/kernel/diagnostic.js';
import { deepEqual, errorVal, forEachError, limitVal, MAX_ORIGINS, mergeOrigins, propagateUnknown } from '../../src/kernel/value-ops.js';
import { arr, moveTo, num, obj, str, unknown, type Origin } from '../../src/kernel/value.js';

const at = (start: number) => ({ file: 'main.tf', start, end: start + 1 });
const origin = (name: string): Origin => ({ kind: 'variable', name });

describe('value operations', () => {
  it('merges origins once each, in input order, up to the cap', () => {
    const a = str('a', undefined, [origin('x'), origin('y')]);
    const b = str('b', undefined, [origin('y'), origin('z')]);
    assert.deepEqual(mergeOrigins([a, b]).map((o) => o.name), ['x', 'y', 'z']);
    const many = Array.from({ length: 20 }, (_v, i) => str('s', undefined, [origin(`v${i}`)]));
    assert.equal(mergeOrigins(many).length, MAX_ORIGINS);
    assert.equal(mergeOrigins([a, { kind: 'lambda' }]), a.origins);
  });

  it('compares deeply, undecided on unknowns, keys folded only when asked', () => {
    const o = (key: string) => obj([{ key, value: num(1) }]);
    assert.equal(deepEqual(o('Sku'), o('sku'), { caseInsensitiveKeys: true }), true);
    assert.equal(deepEqual(o('Sku'), o('sku'), { caseInsensitiveKeys: false }), false);
    assert.equal(deepEqual(arr([num(1), unknown('later')]), arr([num(1), num(2)]), { caseInsensitiveKeys: false }), undefined);
    assert.equal(deepEqual(arr([num(1), unknown('later')]), arr([num(2), num(2)]), { caseInsensitiveKeys: false }), false);
    const rg = (loc: number) => unknown('at deployment', at(loc), { symbol: 'resourceGroup().location' });
    assert.equal(deepEqual(rg(1), rg(2), { caseInsensitiveKeys: true }), true);
    assert.equal(deepEqual(str('1'), num(1), { caseInsensitiveKeys: true }), false);
  });

  it('propagates an unknown, an error first, keeping where the error arose', () => {
    const later = unknown('known after apply', at(1));
    const wrong = errorVal(at(5), 'index 5 out of range');
    const u = propagateUnknown([later, wrong], at(9));
    assert.deepEqual([u.reason, u.cause, u.subject, u.loc], ['index 5 out of range', 'error', at(5), at(9)]);
    assert.equal(propagateUnknown([arr([str('a'), later])], at(9)).reason, 'known after apply');
    assert.equal(propagateUnknown([str('a')], at(9), 'no reason').reason, 'no reason');
    assert.equal(limitVal(at(1), 'too long').cause, 'limit');
  });

  it('keeps an error its subject as it moves to its use sites', () => {
    const moved = moveTo(errorVal(at(5), 'nope'), at(40), { kind: 'local', name: 'x' });
    assert.ok(moved.kind === 'unknown');
    assert.deepEqual([moved.cause, moved.subject, moved.loc], ['error', at(5), at(40)]);
  });

  it('finds errors anywhere in a structure of values, and reports each place once', () => {
    const e = errorVal(at(5), 'nope');
    const model: Record<string, unknown> = { vms: [{ size: e, disks: arr([str('a'), moveTo(e, at(7))]) }], other: obj([{ key: 'k', value: e }]) };
    model.self = model;
    const found: string[] = [];
    forEachError(model, (x) => found.push(`${x.loc?.start}`));
    assert.deepEqual(found, ['5', '7']);
    const sink = new DiagnosticSink();
    reportTemplateErrors(sink, model);
    reportTemplateErrors(sink, { again: e, subjectless: unknown('cycle', at(3), { cause: 'error' }) });
    assert.deepEqual(sink.list, [{ severity: 'warn', summary: 'nope', subject: at(5), code: 'template-error' }]);
  });
});
