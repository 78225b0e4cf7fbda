import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { existsSync, openSync, closeSync } from 'node:fs';
import path from 'node:path';
import { describe, it } from 'node:test';
import { cli, REPO_ROOT, scratch } from '../helpers/cli.js';
import { template } from '../helpers/lint.js';
import { describeMessage, SMALL_VM, SMALL_VM_AT } from './helpers.js';

// Everything a hostile author can put into a name: an ANSI escape that clears the screen, a
// bidi override, CI logging commands for both runners (Azure's anywhere in a line, GitHub's at
// its start) and a newline to give them a line of their own.
const HOSTILE = '\u001b[2J\u202e##vso[task.setvariable variable=pwned]yes\n::error file=x::forged\u0085\u2066 @octocat ![x](https://t.example/p.png)';
const HOSTILE_FILE = `::warning::f\u001b[31m##VSO[task.complete result=Failed]\n::error::x.json`;

/** A VM with an Ultra SSD OS disk, its disk type from a parameter whose name is hostile (origins quote it). */
const HOSTILE_TEMPLATE = template({
  parameters: { [`sku${HOSTILE}`]: { type: 'string', defaultValue: 'UltraSSD_LRS' } },
  resources: [
    {
      type: 'Microsoft.Compute/virtualMachines',
      apiVersion: '2023-09-01',
      name: `vm${HOSTILE}`,
      location: 'westeurope',
      properties: {
        hardwareProfile: { vmSize: 'Standard_D2s_v3' },
        storageProfile: { osDisk: { createOption: 'FromImage', managedDisk: { storageAccountType: `[parameters('sku${HOSTILE}')]` } } },
      },
    },
  ],
});

const UNSAFE_CHAR = /[\u0000-\u0009\u000B-\u001F\u007F-\u009F\u061C\u200E\u200F\u2028\u2029\u202A-\u202E\u2066-\u2069]/u;

/**
 * No character that could repaint a terminal or reorder a line, and no logging command but the
 * product's own: for azure-devops one `##vso[task.logissue` at the start of each line, for
 * github one `::error`/`::warning` whose properties cannot hold a `::`.
 */
function assertInert(text: string, format: string): void {
  assert.doesNotMatch(text, UNSAFE_CHAR, `${format}: raw control or bidi character`);
  for (const line of text.split('\n')) {
    const commands = line.match(/##(vso)?\[/gi) ?? [];
    if (format === 'azure-devops' && line !== '') {
      assert.ok(line.startsWith('##vso[task.logissue '), line);
      assert.equal(commands.length, 1, line);
    } else {
      assert.equal(commands.length, 0, `${format}: ${line}`);
    }
    if (format === 'github' && line !== '') assert.match(line, /^::(error|warning) [^:]*::/, line);
    else assert.doesNotMatch(line, /^\s*::/, `${format}: ${line}`);
  }
}

function project(): string {
  return scratch({ [HOSTILE_FILE]: HOSTILE_TEMPLATE, 'control.json': HOSTILE_TEMPLATE, 'healthy.json': SMALL_VM });
}

describe('hostile names in the output', () => {
  for (const format of ['stylish', 'markdown', 'github', 'azure-devops', 'json', 'junit']) {
    it(`${format}: file names and template values cannot inject escapes or CI commands`, async () => {
      const dir = project();
      const { code, stdout } = await cli(['.', '-f', format], dir);
      assert.equal(code, 1);
      assertInert(stdout, format);
      assert.match(stdout, /healthy\.json/);
      assert.match(stdout, /min-vm-size/);
      assert.match(stdout, /no-ultra-ssd/);
      if (format === 'markdown') {
        assert.doesNotMatch(stdout, /@octocat/, 'no mention in a pull-request comment');
        assert.match(stdout, /@&#8203;octocat \\!\\\[x\\\]\(https:/, 'the value is still shown');
        assert.doesNotMatch(stdout, /!\[x\]\(/, 'no image that loads from elsewhere');
      }
    });
  }

  it('json keeps the values themselves: the hostile file has the findings of its benign copy, at the same positions', async () => {
    const { stdout } = await cli(['.', '-f', 'json'], project());
    const results = JSON.parse(stdout) as { filePath: string; messages: Parameters<typeof describeMessage>[0][] }[];
    const messagesOf = (name: string) => results.find((r) => path.basename(r.filePath) === name)?.messages.map(describeMessage);
    assert.deepEqual(messagesOf(HOSTILE_FILE), messagesOf('control.json'));
    assert.equal(messagesOf(HOSTILE_FILE)?.length, 1);
    assert.deepEqual(messagesOf('healthy.json'), [SMALL_VM_AT]);
    const ultra = results.find((r) => path.basename(r.filePath) === HOSTILE_FILE)?.messages[0] as { relatedLocations?: { message: string }[] };
    assert.ok(ultra.relatedLocations?.[0]?.message.includes(`sku${HOSTILE}`), 'the origin quotes the parameter as written');
  });

  it('stylish shows the hostile parts as visible escapes', async () => {
    const { stdout } = await cli(['.'], project());
    assert.ok(stdout.includes('\\::warning::f\\x1b[31m##VSO\\[task.complete result=Failed]\\n::error::x.json\n'), stdout);
    assert.ok(stdout.includes('\\x1b[2J\\u202e##vso\\[task.setvariable variable=pwned]yes\\n::error file=x::forged\\x85\\u2066 @octocat'));
  });

  for (const format of ['table', 'json']) {
    it(`inventory ${format}: VM names and file names are inert`, async () => {
      const { code, stdout } = await cli(['inventory', '.', '-f', format], project());
      assert.equal(code, 0);
      assertInert(stdout, format);
      assert.match(stdout, /healthy\.json/);
      if (format === 'json') {
        const rows = JSON.parse(stdout) as { name: string; filePath: string }[];
        assert.deepEqual(rows.map((r) => r.name).sort(), ['vm', `vm${HOSTILE}`, `vm${HOSTILE}`].sort());
        assert.ok(rows.some((r) => r.filePath === HOSTILE_FILE));
      }
    });
  }
});

/** Runs the real executable; `onStdout` sees the child's stdout stream as soon as it exists. */
function runBin(args: readonly string[], cwd: string, stdout: 'pipe' | number): Promise<{ code: number | null; stderr: string; child: ReturnType<typeof spawn> }> {
  const child = spawn(process.execPath, [path.join(REPO_ROOT, 'bin/azure-backup-lint.js'), ...args], { cwd, stdio: ['ignore', stdout, 'pipe'] });
  let stderr = '';
  child.stderr!.setEncoding('utf8').on('data', (t: string) => (stderr += t));
  // A reader that leaves after the first bytes, like `| head -c 1`.
  child.stdout?.once('data', () => child.stdout!.destroy());
  return new Promise((resolve) => child.on('close', (code) => resolve({ code, stderr, child })));
}

/** Far more output than a pipe buffers (64 KiB on Linux), so writes are still pending when the reader leaves. */
function bigProject(): string {
  const resources = Array.from({ length: 2000 }, (_, i) => ({
    type: 'Microsoft.Compute/virtualMachines',
    apiVersion: '2023-09-01',
    name: `vm${i}`,
    location: 'westeurope',
    properties: { hardwareProfile: { vmSize: 'Standard_A0' } },
  }));
  return scratch({ 'many.json': template({ resources }) });
}

describe('stdout that fails', () => {
  it('a reader that closes the pipe early ends the run with exit 2 and one line, no stack trace', async () => {
    const dir = bigProject();
    for (const format of ['stylish', 'json']) {
      const { code, stderr } = await runBin(['.', '-f', format], dir, 'pipe');
      assert.equal(code, 2, format);
      assert.equal(stderr, 'azure-backup-lint: cannot write to standard output: EPIPE\n', format);
    }
  });

  it('a full disk (/dev/full) ends the run with exit 2 and one line', { skip: !existsSync('/dev/full') }, async () => {
    const fd = openSync('/dev/full', 'w');
    try {
      const { code, stderr } = await runBin(['.'], bigProject(), fd);
      assert.equal(code, 2);
      assert.equal(stderr, 'azure-backup-lint: cannot write to standard output: ENOSPC\n');
    } finally {
      closeSync(fd);
    }
  });
});
