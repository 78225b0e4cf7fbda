// What a stranger gets from npm: links that lead to pages of one public repository, and a
// tarball with everything the CLI, the plugin and those links need.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, it } from 'node:test';
import plugin from '../../src/index.js';
import { cli, REPO_ROOT } from '../helpers/cli.js';

const read = (file: string): string => readFileSync(path.join(REPO_ROOT, file), 'utf8');

interface PackageJson {
  readonly name: string;
  readonly license: string;
  readonly homepage: string;
  readonly repository: { readonly type: string; readonly url: string };
  readonly bugs: { readonly url: string };
  readonly bin: Readonly<Record<string, string>>;
}

const pkg = JSON.parse(read('package.json')) as PackageJson;

/** Every page a docs URL names must exist in this repository, at the same path, on `main`. */
function assertPageExists(url: string): void {
  const prefix = `${pkg.homepage}/blob/main/`;
  assert.ok(url.startsWith(prefix), `${url} is not under ${prefix}`);
  assert.ok(existsSync(path.join(REPO_ROOT, url.slice(prefix.length))), `${url}: no such file in the repository`);
}

describe('package links', () => {
  it('homepage, repository and bugs name the same GitHub repository', () => {
    assert.match(pkg.homepage, /^https:\/\/github\.com\/[\w.-]+\/[\w.-]+$/);
    assert.deepEqual(pkg.repository, { type: 'git', url: `git+${pkg.homepage}.git` });
    assert.deepEqual(pkg.bugs, { url: `${pkg.homepage}/issues` });
  });

  it('the README and the CI guide point pre-commit and the Action at that repository', () => {
    const slug = new URL(pkg.homepage).pathname.slice(1);
    for (const file of ['README.md', 'docs/ci.md']) {
      const text = read(file);
      const repos = [...text.matchAll(/repo: (\S+)/g)].map((m) => m[1]);
      const actions = [...text.matchAll(/uses: (\S+\/azure-backup-lint)@/g)].map((m) => m[1]);
      assert.ok(repos.length >= 1 && actions.length >= 1, file);
      for (const repo of repos) assert.equal(repo, pkg.homepage, file);
      for (const action of actions) assert.equal(action, slug, file);
    }
  });

  it('every rule links to its page in the repository: --list-rules, SARIF helpUri and ESLint docs', async () => {
    const listed = JSON.parse((await cli(['--list-rules', '--format', 'json'], REPO_ROOT)).stdout) as { docsUrl: string }[];
    const sarif = JSON.parse((await cli(['examples', '--format', 'sarif'], REPO_ROOT)).stdout) as { runs: { tool: { driver: { rules: { helpUri?: string }[] } } }[] };
    const helpUris = sarif.runs[0]!.tool.driver.rules.flatMap((r) => (r.helpUri ? [r.helpUri] : []));
    const eslintDocs = Object.values(plugin.rules).map((r) => (r.meta?.docs as { url: string }).url);
    assert.ok(listed.length >= 20 && helpUris.length === listed.length && eslintDocs.length === listed.length + 1);
    for (const url of [...listed.map((r) => r.docsUrl), ...helpUris, ...eslintDocs]) assertPageExists(url);
  });
});

describe('npm tarball', () => {
  it('holds the license, the CLI, the plugin and every rule page', () => {
    // --ignore-scripts: dist/ is already built by `npm test`; `prepare` would rebuild it under running tests.
    const out = spawnSync('npm', ['pack', '--dry-run', '--json', '--ignore-scripts'], { cwd: REPO_ROOT, encoding: 'utf8' });
    assert.equal(out.status, 0, out.stderr);
    const files = new Set((JSON.parse(out.stdout) as { files: { path: string }[] }[])[0]!.files.map((f) => f.path));
    assert.equal(pkg.license, 'MIT');
    assert.match(read('LICENSE'), /^MIT License\n\nCopyright \(c\) \d{4} /);
    const needed = ['LICENSE', 'README.md', 'package.json', 'dist/src/index.js', 'dist/src/cli/bundle.cjs', 'dist/src/cli/bundle.cjs.v8-cache', ...Object.values(pkg.bin).map((b) => path.normalize(b))];
    for (const file of needed) assert.ok(files.has(file), `${file} is not in the tarball`);
    for (const r of Object.keys(plugin.rules)) assert.ok(files.has(`docs/rules/${r}.md`), `docs/rules/${r}.md is not in the tarball`);
    assert.ok(![...files].some((f) => f.startsWith('dist/test/') || f.startsWith('test/')), 'tests are in the tarball');
  });
});
