// E8: load*Content reads module-local files at compile time, as Bicep does.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { ProjectFs } from '../../../src/kernel/project-fs.js';
import { evaluateBicepUnit } from '../../../src/lang/bicep/index.js';
import { WorkBudget } from '../../../src/kernel/work.js';
import { jsonPathSteps, LOAD_LIMITS } from '../../../src/lang/bicep/loads.js';
import { parseBicep } from '../../../src/syntax/bicep/index.js';
import { parseJson } from '../../../src/syntax/json/parse.js';
import { bicepVm, diagnostics, ruleAt, where } from './helpers.js';

const vmWith = (size: string, before = ''): string => `${before}${bicepVm('vm', "'vm1'", size)}`;

describe('Bicep load functions', () => {
  it('loadJsonContent: the whole file, or the part a JSONPath selects, reported where the template reads it', () => {
    const json = '{\n  "vm": {\n    "size": "Standard_A0"\n  },\n  "sizes": ["Standard_D4s_v5", "Standard_A1"]\n}\n';
    const whole = { 'main.bicep': vmWith("cfg.vm['size']", "var cfg = loadJsonContent('cfg/vm.json')\n"), 'cfg/vm.json': json };
    assert.deepEqual(ruleAt(whole, 'min-vm-size'), [where(whole, 'main.bicep', "cfg.vm['size']")]);
    const part = { 'main.bicep': vmWith("loadJsonContent('cfg/vm.json', '$.vm.size')"), 'cfg/vm.json': json };
    assert.deepEqual(ruleAt(part, 'min-vm-size'), [where(part, 'main.bicep', 'loadJsonContent')]);
    const indexed = { 'main.bicep': vmWith("loadJsonContent('cfg/vm.json', 'sizes[1]', 'utf-8')"), 'cfg/vm.json': json };
    assert.deepEqual(ruleAt(indexed, 'min-vm-size'), [where(indexed, 'main.bicep', 'loadJsonContent')]);
    const good = { 'main.bicep': vmWith("loadJsonContent('cfg/vm.json', '$[\\'sizes\\'][0]')"), 'cfg/vm.json': json };
    assert.deepEqual(ruleAt(good, 'min-vm-size'), []);
    assert.deepEqual(diagnostics(good), []);
  });

  it('JSONPath: plain member and index steps are read; forms that select many stay unknown', () => {
    assert.deepEqual(jsonPathSteps('$.a.b[2]["c d"]'), ['a', 'b', 2, 'c d']);
    assert.deepEqual(jsonPathSteps('a'), ['a']);
    assert.deepEqual(jsonPathSteps('$'), []);
    for (const many of ['$..size', '$.a[*]', '$.a[?(@.x)]', '$.a[0:2]', "$['a','b']"]) assert.equal(jsonPathSteps(many), undefined, many);
    const files = { 'main.bicep': vmWith("loadJsonContent('vm.json', '$..size')"), 'vm.json': '{"size": "Standard_A0"}' };
    assert.deepEqual(ruleAt(files, 'min-vm-size'), []);
    assert.deepEqual(diagnostics(files), []);
  });

  it('loadTextContent and loadYamlContent (JSON-shaped YAML is read, other YAML stays unknown)', () => {
    const text = { 'main.bicep': vmWith("trim(loadTextContent('size.txt'))"), 'size.txt': 'Standard_A0\n' };
    assert.deepEqual(ruleAt(text, 'min-vm-size'), [where(text, 'main.bicep', "trim(")]);
    const yamlJson = { 'main.bicep': vmWith("loadYamlContent('vm.yaml', '$.size')"), 'vm.yaml': '{"size": "Standard_A0"}\n' };
    assert.deepEqual(ruleAt(yamlJson, 'min-vm-size'), [where(yamlJson, 'main.bicep', 'loadYaml')]);
    const yaml = { 'main.bicep': vmWith("loadYamlContent('vm.yaml').size"), 'vm.yaml': 'size: Standard_A0\n' };
    assert.deepEqual(ruleAt(yaml, 'min-vm-size'), []);
    assert.deepEqual(diagnostics(yaml), []);
    // Non-ASCII text in a single-byte encoding is not what the linter decoded.
    const latin = { 'main.bicep': vmWith("loadTextContent('size.txt', 'iso-8859-1')"), 'size.txt': 'Standard_A0 é' };
    assert.deepEqual(ruleAt(latin, 'min-vm-size'), []);
  });

  it('loadFileAsBase64 and loadDirectoryFileInfo', () => {
    const b64 = { 'main.bicep': vmWith("loadFileAsBase64('s.txt') == 'U3RhbmRhcmRfQTA=' ? 'Standard_A0' : 'Standard_D4s_v5'"), 's.txt': 'Standard_A0' };
    assert.equal(ruleAt(b64, 'min-vm-size').length, 1);
    const dir = {
      'main.bicep': vmWith("length(loadDirectoryFileInfo('cfg', '*.json')) == 2 && info[0].relativePath == 'cfg/a.json' ? 'Standard_A0' : 'Standard_D4s_v5'", "var info = loadDirectoryFileInfo('./cfg/', 'a.*')\n"),
      'cfg/a.json': '{}',
      'cfg/b.json': '{}',
      'cfg/c.txt': '',
    };
    assert.equal(ruleAt(dir, 'min-vm-size').length, 1);
  });

  it('a missing, outside-root or oversized file is a positioned problem; an unknown path is unknown', () => {
    const files = {
      'main.bicep': `var big = loadTextContent('big.txt')\nvar out = loadJsonContent('../../etc/x.json')\nvar badJson = loadJsonContent('bad.txt')\nvar none = loadJsonContent('a.json', '$.nope')\nparam p string\nvar unknownPath = loadTextContent(p)\n${['big', 'out', 'badJson', 'none', 'unknownPath', "loadTextContent('missing.txt')"].map((v, i) => bicepVm(`vm${i}`, `'vm${i}'`, v)).join('')}`,
      'big.txt': 'x'.repeat(LOAD_LIMITS.text + 1),
      'bad.txt': '{',
      'a.json': '{}',
    };
    const at = (needle: string) => where(files, 'main.bicep', needle);
    const texts = diagnostics(files).join('\n');
    for (const [needle, what] of [
      ["loadTextContent('big", `is ${LOAD_LIMITS.text + 1} characters, over Bicep's limit of ${LOAD_LIMITS.text}`],
      ["loadJsonContent('../", 'is outside the linted root'],
      ["loadJsonContent('bad", 'bad.txt is not valid JSON'],
      ["loadJsonContent('a.json'", "JSONPath '$.nope' selects nothing in a.json"],
      ["loadTextContent('missing", "'missing.txt' cannot be read: file not found"],
    ] as const) assert.ok(diagnostics(files).some((d) => d.startsWith(`${at(needle)} `) && d.includes(what)), `${needle}: ${what}\n${texts}`);
    assert.equal(diagnostics(files).length, 5, texts);
  });

  it('the files read are files of the evaluation, so editing one re-lints the template', () => {
    const fs = ProjectFs.virtual('/p', { 'main.bicep': "var t = loadTextContent('t.txt')\nvar j = loadJsonContent('d/j.json')\nresource s 'Microsoft.Storage/storageAccounts@2023-01-01' = {\n  name: '${t}${j}'\n}\nvar m = loadTextContent('gone.txt')\n", 't.txt': 'x', 'd/j.json': '1' });
    const services = {
      fs,
      bicep: (f: string) => {
        const r = fs.read(f);
        return r.ok ? parseBicep(r.text, { file: f }) : undefined;
      },
      json: (f: string) => {
        const r = fs.read(f);
        return r.ok ? parseJson(r.text, f) : undefined;
      },
      wants: () => true,
    };
    const run = evaluateBicepUnit('/p/main.bicep', services, { name: 'defaults', supplied: new Map() }, new WorkBudget());
    // Variables are evaluated on use: nothing reads `m`.
    assert.deepEqual([...run.files].sort(), ['/p/d/j.json', '/p/main.bicep', '/p/t.txt']);
  });
});
