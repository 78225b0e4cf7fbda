import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { DiagnosticSink } from '../../../src/kernel/diagnostic.js';
import { DeferredObject, getProp, toPlain, type Val } from '../../../src/kernel/value.js';
import type { RunContext, TemplateEnv } from '../../../src/lang/arm/template/context.js';
import { evaluateBody, evaluateNode, type SkipKey } from '../../../src/lang/arm/template/evaluate-node.js';
import { parseJson } from '../../../src/syntax/json/parse.js';
import { FILE, fakeScope } from '../expression/fake-scope.js';

const TOP_SKIP: SkipKey = (key, depth) => depth === 0 && key === 'skipped';

function env(): TemplateEnv {
  const base = fakeScope({ parameters: {} });
  const ctx = { diagnostics: new DiagnosticSink(), work: base.work } as unknown as RunContext;
  const scope: TemplateEnv = { ...base, ctx, file: FILE, template: parseJson('{}').root!, withLoop: () => scope };
  return scope;
}

function both(json: string): { deferred: Val; eager: Val; scope: TemplateEnv } {
  const root = parseJson(json, FILE).root!;
  const scope = env();
  return { deferred: evaluateBody(root, scope, TOP_SKIP), eager: evaluateNode(root, env(), TOP_SKIP), scope };
}

/** Keys in order and plain values, all the way down. */
function shape(v: Val): unknown {
  if (v.kind === 'object') return [...v.props].map(([k, p]) => [k, shape(p.value)]);
  if (v.kind === 'array') return v.items.map(shape);
  return toPlain(v) ?? `unknown: ${v.kind === 'unknown' ? v.reason : ''}`;
}

describe('resource bodies evaluated as read', () => {
  const BODY = `{
    "name": "[concat('a', 'b')]", "skipped": "[concat('x')]",
    "properties": { "Xy": 1, "xY": 2, "Xy": 3, "list": [{ "a": "[add(1, 2)]" }, 4, "[createArray(1)]"], "nested": { "deep": { "v": "[toUpper('v')]" } } },
    "tags": { "t": "[string(range(0, 2000))]" }
  }`;

  it('read whole, are the value the eager evaluation gives: keys, order, duplicates, skipped keys', () => {
    const { deferred, eager } = both(BODY);
    assert.ok(deferred instanceof DeferredObject);
    assert.deepEqual(shape(deferred), shape(eager));
  });

  it('find a property as a map of the members would, case-insensitively', () => {
    const { deferred, eager } = both(BODY);
    for (const key of ['Xy', 'xY', 'xy', 'XY', 'list', 'LIST', 'missing']) {
      const read = (body: Val) => {
        const p = getProp(getProp(body, 'properties'), key);
        return p && shape(p);
      };
      assert.deepEqual(read(deferred), read(eager), key);
    }
    assert.equal(getProp(deferred, 'skipped'), undefined);
  });

  it('evaluate only what is read, and give the same value when read again', () => {
    const { deferred, scope } = both(BODY);
    const before = scope.work.spent;
    const name = getProp(deferred, 'name');
    assert.deepEqual(toPlain(name!), 'ab');
    assert.ok(scope.work.spent - before < 20, `reading the name cost ${scope.work.spent - before}`);
    assert.equal(getProp(deferred, 'NAME'), name);
    // Read whole afterwards, the property read before is the same value.
    assert.equal((deferred as Val & { kind: 'object' }).props.get('name')!.value, name);
    shape(deferred);
    assert.ok(scope.work.spent - before > 100, 'the tags are evaluated once everything is read');
  });

  it('are evaluated whole when a property copy loop is anywhere in them: its count is checked', () => {
    const { deferred, scope } = both(`{ "name": "n", "properties": { "unread": { "copy": [{ "name": "disks", "count": 801, "input": {} }] } } }`);
    assert.ok(!(deferred instanceof DeferredObject));
    assert.match(scope.ctx.diagnostics.list[0]?.summary ?? '', /Copy count 801 is outside ARM's limit/);
  });
});
