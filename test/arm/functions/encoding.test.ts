import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { plain } from '../expression/fake-scope.js';

function table(cases: [string, unknown][]): void {
  for (const [expr, expected] of cases) it(`${expr} → ${JSON.stringify(expected)}`, () => assert.deepEqual(plain(expr), expected));
}

describe('json, base64, data URI and URI functions', () => {
  table([
    ["json('{\"a\": \"b\"}')", { a: 'b' }],
    ["json('null')", null],
    // Json.NET reads comments, as in the commented JSON files AVM modules load.
    ['json(\'{\n  // abbreviations\n  "a": /* inline */ "b"\n}\')', { a: 'b' }],
    ["json('[1, 2, 3]')", [1, 2, 3]],
    ["json('1.5')", 1.5],
    ["json('\"test\"')", 'test'],
    ["base64('one, two, three')", 'b25lLCB0d28sIHRocmVl'],
    ["base64ToString('b25lLCB0d28sIHRocmVl')", 'one, two, three'],
    ["base64ToJson('eyJvbmUiOiAiYSIsICJ0d28iOiAiYiJ9')", { one: 'a', two: 'b' }],
    ["base64ToString('%%%')", 'unknown: error: base64ToString() was given invalid base64'],
    ["dataUri('Hello')", 'data:text/plain;charset=utf8;base64,SGVsbG8='],
    ["dataUriToString('data:;base64,SGVsbG8sIFdvcmxkIQ==')", 'Hello, World!'],
    ["uri('http://contoso.org/firstpath', 'myscript.sh')", 'http://contoso.org/myscript.sh'],
    ["uri('http://contoso.org/firstpath/', 'myscript.sh')", 'http://contoso.org/firstpath/myscript.sh'],
    ["uriComponent('http://contoso.com/resources/nested/azuredeploy.json')", 'http%3A%2F%2Fcontoso.com%2Fresources%2Fnested%2Fazuredeploy.json'],
    ["uriComponent('(a)!')", '%28a%29%21'],
    ["uriComponentToString('http%3A%2F%2Fcontoso.com')", 'http://contoso.com'],
  ]);

  it('reports invalid JSON as an error', () => {
    assert.ok(String(plain("json('{bad')")).startsWith('unknown: error: json() was given invalid JSON: '));
  });

  it('refuses JSON nested deeper than 256 levels', () => {
    const deep = '['.repeat(300) + ']'.repeat(300);
    assert.equal(plain(`json('${deep}')`), 'unknown: limit: json() JSON nested deeper than 256 levels');
  });
});
