import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { inert, inertJson, inertLines, printable } from '../../src/reporters/safe-text.js';

describe('safe text', () => {
  it('writes controls, bidi formatting and line separators as visible escapes', () => {
    assert.equal(printable('a\u001b[31mb'), 'a\\x1b[31mb');
    assert.equal(printable('x\ny\r\tz\u0000\u007f\u0085\u009b'), 'x\\ny\\r\\tz\\x00\\x7f\\x85\\x9b');
    assert.equal(printable('\u202e\u2066\u2069\u200f\u061c\u2028\u2029'), '\\u202e\\u2066\\u2069\\u200f\\u061c\\u2028\\u2029');
    assert.equal(printable('C:\\templates\\vm.json — ünïcode ✓'), 'C:\\templates\\vm.json — ünïcode ✓');
  });

  it('stops CI logging commands from starting, in any case, and leaves ordinary colons and hashes', () => {
    assert.equal(inert('a ##vso[task.complete]'), 'a ##vso\\[task.complete]');
    assert.equal(inert('##VsO[x] ##[error]y'), '##VsO\\[x] ##\\[error]y');
    assert.equal(inert('::error::x'), '\\::error::x');
    assert.equal(inert('  ::warning::x'), '  \\::warning::x');
    assert.equal(inert('a::b # c'), 'a::b # c');
    assert.equal(inert('x\n::error::y'), 'x\\n::error::y');
  });

  it('keeps line breaks apart for formats that write them their own way', () => {
    assert.deepEqual(inertLines('a\r\n::error::b\rc\n##vso[d'), ['a', '\\::error::b', 'c', '##vso\\[d']);
  });

  it('makes JSON inert without changing what it parses to', () => {
    const value = { name: 'vm\u001b[2J\u202e##vso[task.setvariable variable=x]1\n::error::y\u0085', list: ['##[group]', '\\##[x'] };
    const text = inertJson(JSON.stringify(value, null, 2));
    assert.deepEqual(JSON.parse(text), value);
    assert.doesNotMatch(text, /##(vso)?\[|[\u0000-\u0009\u000B-\u001F\u007F-\u009F\u202A-\u202E\u2066-\u2069]/i);
  });
});
