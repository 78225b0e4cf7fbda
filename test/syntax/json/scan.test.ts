import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { scanJsonText } from '../../../src/syntax/json/scan.js';

/** Every event of a scan, as text, in order. */
function events(text: string, stopAt?: string): string[] {
  const out: string[] = [];
  scanJsonText(text, {
    string: (start, end) => out.push(`string ${text.slice(start, end)}`),
    comment: (kind, start, end, contentEnd) => out.push(`${kind} ${JSON.stringify(text.slice(start + 2, contentEnd))} ${start}-${end}`),
    other: (code, at) => {
      const c = String.fromCharCode(code);
      if (c.trim()) out.push(`${c}@${at}`);
      return c === stopAt;
    },
  });
  return out;
}

describe('scanJsonText', () => {
  it('reports strings whole, so brackets, slashes and escaped quotes inside them are not structure', () => {
    assert.deepEqual(events('{"a[//": "b\\"}/*"}'), ['{@0', 'string "a[//"', ':@7', 'string "b\\"}/*"', '}@17']);
  });

  it('reports line comments up to CR or LF and block comments with their text', () => {
    assert.deepEqual(events('[1, // one\r\n/* two */ 2]'), ['[@0', '1@1', ',@2', 'line " one" 4-10', 'block " two " 12-21', '2@22', ']@23']);
  });

  it('ends unterminated strings and block comments at the end of the text', () => {
    assert.deepEqual(events('["abc'), ['[@0', 'string "abc']);
    assert.deepEqual(events('[/* open'), ['[@0', 'block " open" 1-8']);
    // `/*/` is an opener followed by `/`, not an opener and a closer.
    assert.deepEqual(events('/*/'), ['block "/" 0-3']);
  });

  it('stops when a visitor asks it to', () => {
    assert.deepEqual(events('[[x]] "after"', ']'), ['[@0', '[@1', 'x@2', ']@3']);
  });
});
