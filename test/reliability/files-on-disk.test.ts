import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { chmodSync, closeSync, ftruncateSync, openSync, symlinkSync } from 'node:fs';
import path from 'node:path';
import { describe, it } from 'node:test';
import { lintOnDisk, SMALL_VM, SMALL_VM_AT, SMALL_VM_TF, SMALL_VM_TF_AT } from './helpers.js';

function utf16(text: string, endian: 'le' | 'be'): Buffer {
  const body = Buffer.from(text, 'utf16le');
  if (endian === 'be') body.swap16();
  return Buffer.concat([Buffer.from(endian === 'le' ? [0xff, 0xfe] : [0xfe, 0xff]), body]);
}

describe('encodings and line endings', () => {
  it('reads UTF-8 with BOM, UTF-16 LE and BE with BOM at the same positions as plain UTF-8', async () => {
    const { byFile } = await lintOnDisk({
      'plain.json': SMALL_VM,
      'bom.json': `\ufeff${SMALL_VM}`,
      'utf16le.json': utf16(SMALL_VM, 'le'),
      'utf16be.json': utf16(SMALL_VM, 'be'),
      'bom.tf/main.tf': `\ufeff${SMALL_VM_TF}`,
      'utf16.tf/main.tf': utf16(SMALL_VM_TF, 'le'),
    });
    for (const f of ['plain.json', 'bom.json', 'utf16le.json', 'utf16be.json']) assert.deepEqual(byFile[f], [SMALL_VM_AT], f);
    assert.deepEqual(byFile['bom.tf/main.tf'], [SMALL_VM_TF_AT]);
    assert.deepEqual(byFile['utf16.tf/main.tf'], [SMALL_VM_TF_AT]);
  });

  it('gives CRLF files the positions of their LF copies, findings and syntax errors alike', async () => {
    const broken = SMALL_VM.replace('"westeurope",', '"westeurope"');
    const brokenTf = 'locals {\n  a = 1 +* 2\n}\n';
    const crlf = (t: string) => t.replace(/\n/g, '\r\n');
    const { byFile } = await lintOnDisk({
      'lf/ok.json': SMALL_VM,
      'crlf/ok.json': crlf(SMALL_VM),
      'lf/broken.json': broken,
      'crlf/broken.json': crlf(broken),
      'lf/tf/main.tf': SMALL_VM_TF + brokenTf,
      'crlf/tf/main.tf': crlf(SMALL_VM_TF + brokenTf),
    });
    assert.deepEqual(byFile['lf/broken.json'], ['10:7-10:19 Parsing error: Expected "," (found "\\"properties\\"")']);
    assert.deepEqual(byFile['lf/tf/main.tf'], [SMALL_VM_TF_AT, '6:10-6:11 Expected an expression, found "*"']);
    for (const f of ['ok.json', 'broken.json', 'tf/main.tf']) assert.deepEqual(byFile[`crlf/${f}`], byFile[`lf/${f}`], f);
  });
});

describe('files that are not text', () => {
  it('reports binary .json and .tf files once, clearly, and lints the rest', async () => {
    const elf = Buffer.from([0x7f, 0x45, 0x4c, 0x46, 0x02, 0x01, 0x01, 0x00, 0x00, 0x00]);
    const { code, byFile } = await lintOnDisk({ 'image.json': elf, 'mod/main.tf': elf, 'ok.json': SMALL_VM, 'mod/ok.tf': SMALL_VM_TF });
    assert.equal(code, 1);
    assert.deepEqual(byFile['image.json'], ['1:1-1:1 Cannot read file: binary file (contains NUL bytes)']);
    assert.deepEqual(byFile['mod/main.tf'], ['1:1-1:1 Cannot read file: binary file (contains NUL bytes)']);
    assert.deepEqual(byFile['ok.json'], [SMALL_VM_AT]);
    assert.deepEqual(byFile['mod/ok.tf'], [SMALL_VM_TF_AT]);
  });

  it('refuses a 100 MB file by its size without reading it', async () => {
    const started = performance.now();
    const { byFile } = await lintOnDisk({ 'ok.json': SMALL_VM }, (dir) => {
      // Sparse: 100 MB on paper, nothing written, so the test stays fast.
      for (const name of ['huge.json', 'huge.tf']) {
        const fd = openSync(path.join(dir, name), 'w');
        ftruncateSync(fd, 100 * 1024 * 1024);
        closeSync(fd);
      }
    });
    assert.deepEqual(byFile['huge.json'], ['1:1-1:1 Cannot read file: file is 100 MB, over the 16 MB limit']);
    assert.deepEqual(byFile['huge.tf'], ['1:1-1:1 Cannot read file: file is 100 MB, over the 16 MB limit']);
    assert.deepEqual(byFile['ok.json'], [SMALL_VM_AT]);
    assert.ok(performance.now() - started < 2000);
  });

  it('does not block on a FIFO or read a directory that a linked template names', async () => {
    const link = (name: string, relativePath: string) => ({ type: 'Microsoft.Resources/deployments', apiVersion: '2022-09-01', name, properties: { mode: 'Incremental', templateLink: { relativePath } } });
    const parent = JSON.stringify({ $schema: 'https://schema.management.azure.com/schemas/2019-04-01/deploymentTemplate.json#', contentVersion: '1.0.0.0', resources: [link('a', 'pipe.json'), link('b', 'folder.json')] }, null, 2);
    const { byFile } = await lintOnDisk({ 'parent.json': parent, 'folder.json/x.txt': '', 'ok.json': SMALL_VM }, (dir) => execFileSync('mkfifo', [path.join(dir, 'pipe.json')]));
    assert.deepEqual(byFile['parent.json'], [
      "12:27-12:38 Linked template 'pipe.json' cannot be read: not a regular file",
      "23:27-23:40 Linked template 'folder.json' cannot be read: is a directory",
    ]);
    assert.deepEqual(byFile['ok.json'], [SMALL_VM_AT]);
  });

  it('reports a file it may not read (chmod 000)', async (t) => {
    if (process.getuid?.() === 0) {
      t.skip('running as root, which reads any file regardless of its mode');
      return;
    }
    const { byFile } = await lintOnDisk({ 'locked.json': SMALL_VM, 'ok.json': SMALL_VM }, (dir) => chmodSync(path.join(dir, 'locked.json'), 0));
    assert.match(byFile['locked.json']![0]!, /^1:1-1:1 Cannot read file: EACCES: permission denied, open '.*locked\.json'$/);
    assert.deepEqual(byFile['ok.json'], [SMALL_VM_AT]);
  });
});

describe('the directory walk', () => {
  it('survives symlink loops and links out of the tree', async () => {
    const { code, byFile } = await lintOnDisk({ 'a/ok.json': SMALL_VM }, (dir) => {
      symlinkSync('..', path.join(dir, 'a', 'up'));
      symlinkSync('.', path.join(dir, 'self'));
      symlinkSync('/etc', path.join(dir, 'etc'));
      symlinkSync('loop2', path.join(dir, 'loop1.json'));
      symlinkSync('loop1.json', path.join(dir, 'loop2'));
    });
    assert.equal(code, 1);
    assert.deepEqual(Object.keys(byFile), ['a/ok.json']);
  });

  it('lints files whose names hold spaces and non-ASCII letters', async () => {
    const { byFile } = await lintOnDisk({ 'my templates/vm één.json': SMALL_VM, 'módulo ü/main.tf': SMALL_VM_TF, 'データ.json': SMALL_VM });
    assert.deepEqual(byFile, {
      'my templates/vm één.json': [SMALL_VM_AT],
      'módulo ü/main.tf': [SMALL_VM_TF_AT],
      'データ.json': [SMALL_VM_AT],
    });
  });
});

