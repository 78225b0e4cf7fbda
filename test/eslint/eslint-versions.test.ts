// The plugin supports ESLint 9 from 9.7.0 (9.6.0 already runs a plugin's `language`, but shows
// its parse errors without the "Parsing error:" prefix) and ESLint 10. The ESLint 10 of
// devDependencies is here; each ESLint 9 is installed from the npm registry next to the packed
// plugin, as a user would, so npm checks the peer range too. Every ESLint must report the same
// problems, suppressions and parse errors on the same files.
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, readFileSync, realpathSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';
import { promisify } from 'node:util';
import { REPO_ROOT } from '../helpers/cli.js';
import { dataDisk, template, vm } from '../helpers/lint.js';

const run = promisify(execFile);

/** The oldest ESLint the peer range allows, and the newest 9.x. */
const ESLINT_9 = ['9.7.0', '9'] as const;

/** npm's codes for a registry it cannot reach, or a package it may not fetch with `--offline`. */
const OFFLINE = /\b(ENOTFOUND|EAI_AGAIN|ECONNREFUSED|ECONNRESET|ETIMEDOUT|ENETUNREACH|EHOSTUNREACH|ENOTCACHED)\b/;

/** Offline, npm's default retries with back-off would keep the suite waiting for minutes before the skip. */
const NO_LONG_RETRIES = ['--fetch-retries=1', '--fetch-retry-mintimeout=1000', '--fetch-retry-maxtimeout=5000'];

const CONFIG = "import plugin from 'eslint-plugin-azure-backup';\n\nexport default [...plugin.configs.recommended];\n";

/** examples/ with directives that suppress a finding and one that suppresses nothing, and a file that does not parse. */
function writeProject(dir: string): void {
  writeFileSync(path.join(dir, 'eslint.config.js'), CONFIG);
  cpSync(path.join(REPO_ROOT, 'examples'), path.join(dir, 'infra'), { recursive: true });
  const tf = path.join(dir, 'infra/terraform/main.tf');
  const main = readFileSync(tf, 'utf8');
  const ultra = '  storage_account_type = "UltraSSD_LRS"\n  create_option        = "Empty"\n';
  assert.equal(main.split(ultra).length, 2, 'examples/terraform/main.tf changed: update the directives below');
  writeFileSync(tf, main.replace(ultra, `  # eslint-disable-next-line azure-backup/no-ultra-ssd -- scratch disk\n${ultra.replace('\n', '\n  // eslint-disable-next-line azure-backup/no-spot-vm\n')}`));
  const logs = template({ resources: [vm('logs', { dataDisks: [dataDisk(0, 'UltraSSD_LRS')] })] }).replace(
    /^(\s*)"managedDisk": \{\s*"storageAccountType": "UltraSSD_LRS"\s*\}/m,
    '$1/* eslint-disable-next-line azure-backup/no-ultra-ssd -- log disk, rebuilt from snapshots */\n$1"managedDisk": { "storageAccountType": "UltraSSD_LRS" }',
  );
  mkdirSync(path.join(dir, 'infra/logs'));
  writeFileSync(path.join(dir, 'infra/logs/azuredeploy.json'), logs);
  writeFileSync(path.join(dir, 'infra/logs/broken.json'), '{ "resources": [ { "type": }\n');
}

interface JsonResult {
  readonly filePath: string;
  readonly messages: readonly Record<string, unknown>[];
  readonly suppressedMessages: readonly Record<string, unknown>[];
}

/** What a user sees of each problem, per file, in a stable order. */
function problems(results: readonly JsonResult[], dir: string): string[] {
  const show = (m: Record<string, unknown>) =>
    JSON.stringify([m.ruleId, m.severity, m.line, m.column, m.endLine, m.endColumn, m.message, m.fatal ?? false, m.suppressions ?? []]);
  return results.flatMap((r) => [...r.messages, ...r.suppressedMessages].map((m) => `${path.relative(dir, r.filePath)} ${show(m)}`)).sort();
}

async function eslint(bin: string, dir: string): Promise<JsonResult[]> {
  try {
    const { stdout } = await run(process.execPath, [bin, '--report-unused-disable-directives', '--format', 'json', 'infra'], { cwd: dir, maxBuffer: 64 << 20 });
    return JSON.parse(stdout) as JsonResult[];
  } catch (e) {
    const { code, stdout, stderr } = e as { code?: number; stdout?: string; stderr?: string };
    // Exit 1: the examples have errors, as they should.
    if (code === 1 && stdout) return JSON.parse(stdout) as JsonResult[];
    throw new Error(`${path.basename(bin)} exited ${code}: ${stderr}`);
  }
}

const eslintBin = (dir: string) => path.join(dir, 'node_modules/eslint/bin/eslint.js');

describe('ESLint 9 and 10 report the same', { timeout: 300_000 }, () => {
  let root: string;
  let reference: string[];
  /** Per ESLint 9 spec: its project directory, or why it could not be installed (offline). */
  const installs = new Map<string, { dir: string } | { offline: string }>();

  before(async () => {
    root = realpathSync(mkdtempSync(path.join(os.tmpdir(), 'abl-eslint9-')));
    // --ignore-scripts: `npm test` built dist/ already, and `prepare` would rebuild it under running tests.
    const packed = await run('npm', ['pack', '--ignore-scripts', '--json', '--pack-destination', root], { cwd: REPO_ROOT });
    const tarball = path.join(root, (JSON.parse(packed.stdout) as { filename: string }[])[0]!.filename);

    const current = path.join(root, 'eslint-10');
    mkdirSync(path.join(current, 'node_modules'), { recursive: true });
    writeProject(current);
    writeFileSync(path.join(current, 'package.json'), '{ "private": true, "type": "module" }\n');
    symlinkSync(REPO_ROOT, path.join(current, 'node_modules/eslint-plugin-azure-backup'), 'dir');
    reference = problems(await eslint(path.join(REPO_ROOT, 'node_modules/eslint/bin/eslint.js'), current), current);

    await Promise.all(
      ESLINT_9.map(async (spec) => {
        const dir = path.join(root, `eslint-${spec}`);
        mkdirSync(dir);
        writeProject(dir);
        writeFileSync(path.join(dir, 'package.json'), '{ "private": true, "type": "module" }\n');
        const args = ['install', '--no-audit', '--no-fund', '--ignore-scripts', '--prefer-offline', ...NO_LONG_RETRIES, `eslint@${spec}`, tarball];
        try {
          await run('npm', args, { cwd: dir, maxBuffer: 16 << 20 });
          installs.set(spec, { dir });
        } catch (e) {
          const stderr = (e as { stderr?: string }).stderr ?? String(e);
          const offline = OFFLINE.exec(stderr);
          if (!offline) throw new Error(`npm ${args.join(' ')} failed:\n${stderr}`);
          installs.set(spec, { offline: `the npm registry is unreachable (${offline[1]}), so eslint@${spec} could not be installed` });
        }
      }),
    );
  });
  after(() => rmSync(root, { recursive: true, force: true }));

  it('ESLint 10 finds errors, warnings, suppressed findings, an unused directive and a parse error', () => {
    const text = reference.join('\n');
    for (const wanted of [/"azure-backup\/no-ultra-ssd",2,/, /"azure-backup\/no-static-private-ip",1,/, /"kind":"directive","justification":"log disk, rebuilt from snapshots"/, /"justification":"scratch disk"/, /Unused eslint-disable directive.*no-spot-vm/, /^infra\/logs\/broken\.json \[null,2,1,\d+,.*Parsing error/m]) {
      assert.match(text, wanted);
    }
  });

  for (const spec of ESLINT_9) {
    it(`eslint@${spec}`, async (t) => {
      const install = installs.get(spec)!;
      if ('offline' in install) return t.skip(install.offline);
      const { stdout: version } = await run(process.execPath, [eslintBin(install.dir), '--version'], { cwd: install.dir });
      assert.match(version.trim(), spec === '9' ? /^v9\.\d+\.\d+$/ : new RegExp(`^v${spec.replace(/\./g, '\\.')}$`));
      assert.deepEqual(problems(await eslint(eslintBin(install.dir), install.dir), install.dir), reference);
    });
  }
});
