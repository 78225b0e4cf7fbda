// The README's VS Code setup, checked against the ESLint language server that VS Code's ESLint
// extension runs (vscode-eslint-language-server, from the vscode-langservers-extracted package).
// The test plays the extension: it answers the server's configuration requests as the extension
// does, with `validate` on only for the language ids in the README's `eslint.validate`.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, realpathSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';
import { pathToFileURL } from 'node:url';
import { REPO_ROOT } from '../helpers/cli.js';
import { pos } from '../helpers/lint.js';
import { ARM } from './fixtures-arm.js';
import { HCL } from './fixtures-hcl.js';
import { BICEP } from './fixtures-bicep.js';
import { LspClient } from './lsp-client.js';
import { eslintProject } from './temp.js';

const SERVER_PACKAGE = 'vscode-langservers-extracted@4.10.0';
const INSTALL_MS = 45_000;
const REQUEST_MS = 20_000;
const RULE = 'azure-backup/no-ultra-ssd';
const DISABLE = `// eslint-disable-next-line ${RULE} -- log disk, rebuilt from snapshots`;

/** The `eslint.*` settings of the README's VS Code section. */
function readmeSettings(): Record<string, unknown> {
  const readme = readFileSync(path.join(REPO_ROOT, 'README.md'), 'utf8');
  const section = readme.slice(readme.indexOf('### VS Code\n'));
  const block = /```json\n(\{[^`]*"eslint\.validate"[^`]*\})\n```/.exec(section);
  assert.ok(block, "the README's VS Code section has a settings.json block with eslint.validate");
  return JSON.parse(block[1]!) as Record<string, unknown>;
}

/** The server, installed from the registry into `dir`; a reason to skip when npm cannot get it (offline). */
function installServer(dir: string): { script: string } | { skip: string } {
  mkdirSync(dir);
  writeFileSync(path.join(dir, 'package.json'), '{ "private": true }\n');
  // Few retries: offline, npm would otherwise retry with backoff for longer than the test may take.
  const flags = ['--no-save', '--no-package-lock', '--no-audit', '--no-fund', '--ignore-scripts', '--loglevel=error', '--fetch-retries=1', '--fetch-retry-mintimeout=1000', '--fetch-retry-maxtimeout=5000'];
  const npm = spawnSync('npm', ['install', ...flags, SERVER_PACKAGE], {
    cwd: dir,
    encoding: 'utf8',
    timeout: INSTALL_MS,
    shell: process.platform === 'win32',
  });
  if (npm.status !== 0) {
    const why = npm.error?.message ?? npm.stderr.split('\n').filter((line) => /\w/.test(line) && !/complete log/.test(line)).slice(0, 2).join(' ');
    return { skip: `cannot install ${SERVER_PACKAGE} from the npm registry (offline?): ${why}` };
  }
  return { script: path.join(dir, 'node_modules/vscode-langservers-extracted/bin/vscode-eslint-language-server') };
}

/** 0-based LSP position of `needle` in `text`. */
function lspPosition(text: string, needle: string): { line: number; character: number } {
  const [line, column] = pos(text, needle).split(':').map(Number);
  return { line: line! - 1, character: column! - 1 };
}

interface TextEdit {
  readonly range: { readonly start: { line: number; character: number }; readonly end: { line: number; character: number } };
  readonly newText: string;
}

/** `text` with LSP text edits applied (their ranges refer to the text before any of them). */
function applyEdits(text: string, edits: readonly TextEdit[]): string {
  const lineStarts = [0, ...[...text.matchAll(/\n/g)].map((m) => m.index + 1)];
  const offset = (p: { line: number; character: number }) => lineStarts[p.line]! + p.character;
  return [...edits]
    .sort((a, b) => offset(b.range.start) - offset(a.range.start))
    .reduce((result, edit) => result.slice(0, offset(edit.range.start)) + edit.newText + result.slice(offset(edit.range.end)), text);
}

/** The text with `insert` as a new line before the line holding `needle`, indented like it. */
function withLineBefore(text: string, needle: string, insert: string): string {
  const lineStart = text.lastIndexOf('\n', text.indexOf(needle)) + 1;
  const indent = /^\s*/.exec(text.slice(lineStart))![0];
  return `${text.slice(0, lineStart)}${indent}${insert}\n${text.slice(lineStart)}`;
}

describe('the ESLint language server with the README settings', { timeout: 120_000 }, () => {
  let tmp: string;
  let skip: string | undefined;
  let client: LspClient | undefined;
  let project: ReturnType<typeof eslintProject> | undefined;
  const languages = new Map<string, string>();
  const appliedEdits: { textDocument: { uri: string }; edits: TextEdit[] }[] = [];

  before(async () => {
    tmp = realpathSync(mkdtempSync(path.join(os.tmpdir(), 'abl-lsp-')));
    const server = installServer(path.join(tmp, 'server'));
    if ('skip' in server) {
      skip = server.skip;
      return;
    }
    // The server loads the project's own eslint and config, as the extension does.
    project = eslintProject({});

    const validate = readmeSettings()['eslint.validate'] as string[];
    const folder = { name: 'project', uri: pathToFileURL(project.dir).href };
    client = new LspClient(process.execPath, [server.script, '--stdio'], project.dir);
    // What the extension's readConfiguration answers for a document with default settings;
    // `workingDirectory` stays unset, which the server reads as { mode: 'location' }.
    client.onRequest('workspace/configuration', (params) =>
      (params as { items: { scopeUri?: string }[] }).items.map((item) => ({
        validate: validate.includes(languages.get(item.scopeUri ?? '') ?? '') ? 'on' : 'off',
        packageManager: 'npm',
        useESLintClass: false,
        experimental: { useFlatConfig: false },
        codeActionOnSave: { mode: 'all' },
        format: false,
        quiet: false,
        onIgnoredFiles: 'off',
        options: {},
        rulesCustomizations: [],
        run: 'onType',
        problems: { shortenToSingleLine: false },
        nodePath: null,
        workspaceFolder: folder,
        codeAction: { disableRuleComment: { enable: true, location: 'separateLine', commentStyle: 'line' }, showDocumentation: { enable: true } },
      })),
    );
    // A quick fix is a command; the server sends its edit back to the client to apply.
    client.onRequest('workspace/applyEdit', (params) => {
      const { edit } = params as { edit: { documentChanges?: { textDocument: { uri: string }; edits: TextEdit[] }[] } };
      appliedEdits.push(...(edit.documentChanges ?? []));
      return { applied: true };
    });
    // The extension's answers to the server's own requests (no config, no library, probe failed, open docs).
    for (const method of ['eslint/noConfig', 'eslint/noLibrary', 'eslint/probeFailed', 'eslint/openDoc']) client.onRequest(method, () => ({}));
    const capabilities = {
      workspace: { applyEdit: true, workspaceEdit: { documentChanges: true }, configuration: true, workspaceFolders: true, didChangeConfiguration: { dynamicRegistration: true } },
      textDocument: { synchronization: { didSave: true }, diagnostic: { dynamicRegistration: false }, codeAction: {} },
    };
    await client.request('initialize', { processId: process.pid, rootUri: folder.uri, workspaceFolders: [folder], capabilities }, REQUEST_MS);
    client.notify('initialized', {});
  });

  after(async () => {
    await client?.stop(5_000);
    project?.remove();
    rmSync(tmp, { recursive: true, force: true });
  });

  /** Writes `file` in the project and opens it in the server as `languageId`. */
  function open(file: string, languageId: string, text: string): string {
    const filePath = path.join(project!.dir, file);
    mkdirSync(path.dirname(filePath), { recursive: true });
    writeFileSync(filePath, text);
    const uri = pathToFileURL(filePath).href;
    languages.set(uri, languageId);
    client!.open(uri, languageId, text);
    return uri;
  }

  const cases = [
    { languageId: 'terraform', file: 'tf/main.tf', text: HCL['no-ultra-ssd']!.invalid, needle: '"UltraSSD_LRS"' },
    { languageId: 'json', file: 'arm-json/azuredeploy.json', text: ARM['no-ultra-ssd']!.invalid, needle: '"UltraSSD_LRS"' },
    { languageId: 'jsonc', file: 'arm-jsonc/azuredeploy.json', text: ARM['no-ultra-ssd']!.invalid, needle: '"UltraSSD_LRS"' },
    { languageId: 'arm-template', file: 'arm-template/azuredeploy.json', text: ARM['no-ultra-ssd']!.invalid, needle: '"UltraSSD_LRS"' },
    { languageId: 'bicep', file: 'bicep/main.bicep', text: BICEP['no-ultra-ssd']!.invalid, needle: "'UltraSSD_LRS'" },
  ];

  const diagnostics = (uri: string) => client!.diagnostics(uri, REQUEST_MS);

  for (const { languageId, file, text, needle } of cases) {
    it(`${languageId}: the finding at its line and column, moved by an edit, removed by a disable comment`, async (t) => {
      if (skip) return t.skip(skip);
      const range = (body: string) => {
        const start = lspPosition(body, needle);
        return { start, end: { line: start.line, character: start.character + needle.length } };
      };
      const uri = open(file, languageId, text);
      const [opened, ...others] = await diagnostics(uri);
      assert.deepEqual(others, []);
      assert.deepEqual([opened!.code, opened!.range, opened!.severity, opened!.source], [RULE, range(text), 1, 'eslint']);
      assert.match(opened!.message, /UltraSSD_LRS/);
      // The editor links the rule id to its docs page.
      assert.match(opened!.codeDescription!.href, /\/docs\/rules\/no-ultra-ssd\.md$/);

      const moved = `\n\n${text}`;
      client!.change(uri, moved);
      assert.deepEqual((await diagnostics(uri)).map((d) => [d.code, d.range]), [[RULE, range(moved)]]);

      client!.change(uri, withLineBefore(moved, needle, DISABLE));
      assert.deepEqual(await diagnostics(uri), []);
    });
  }

  /** Runs the "Disable … for this line" quick fix on the document's only diagnostic, as VS Code does, and returns the new text. */
  async function disableLineQuickFix(uri: string): Promise<string> {
    const title = `Disable ${RULE} for this line`;
    const [diagnostic] = await diagnostics(uri);
    assert.ok(diagnostic, `a diagnostic to fix in ${uri}`);
    const context = { diagnostics: [diagnostic] };
    const actions = (await client!.request('textDocument/codeAction', { textDocument: { uri }, range: diagnostic.range, context }, REQUEST_MS)) as { title: string; command: unknown }[];
    const action = actions.find((a) => a.title === title);
    assert.ok(action, `'${title}' among ${JSON.stringify(actions.map((a) => a.title))}`);
    appliedEdits.length = 0;
    await client!.request('workspace/executeCommand', action.command, REQUEST_MS);
    assert.deepEqual(appliedEdits.map((e) => e.textDocument.uri), [uri]);
    const text = applyEdits(client!.text(uri), appliedEdits[0]!.edits);
    client!.change(uri, text);
    return text;
  }

  for (const { languageId, file, text, needle } of cases.filter((c) => ['terraform', 'jsonc', 'bicep'].includes(c.languageId))) {
    // Only the line fix: the server in vscode-langservers-extracted predates the extension's fix
    // of the file-wide one, which it writes as `/** eslint-disable … */` (no directive, as in JavaScript).
    it(`${languageId}: the quick fix's disable comment suppresses the finding`, async (t) => {
      if (skip) return t.skip(skip);
      const uri = open(file.replace('/', '-quick-fix/'), languageId, text);
      assert.match(await disableLineQuickFix(uri), new RegExp(`\\n\\s*// eslint-disable-next-line ${RULE}\\n\\s*.*${needle}`));
      assert.deepEqual(await diagnostics(uri), []);
    });
  }

  it('a language id missing from eslint.validate is not linted', async (t) => {
    if (skip) return t.skip(skip);
    const uri = open('plain/main.tf', 'plaintext', HCL['no-ultra-ssd']!.invalid);
    assert.deepEqual(await diagnostics(uri), []);
  });

  it('terraform-vars: a tfvars buffer gets its parse errors, and its unsaved value reaches the module', async (t) => {
    if (skip) return t.skip(skip);
    const main = `${HCL['no-ultra-ssd']!.valid.replace('"Premium_LRS"\n  disk_size_gb', 'var.disk_type\n  disk_size_gb')}
variable "disk_type" {
  type = string
}
`;
    const mainUri = open('tfvars/main.tf', 'terraform', main);
    const tfvarsUri = open('tfvars/terraform.tfvars', 'terraform-vars', 'disk_type = \n');
    const [parseError, ...others] = await diagnostics(tfvarsUri);
    assert.deepEqual(others, []);
    assert.match(parseError!.message, /^Parsing error: /);
    assert.deepEqual(parseError!.range.start, { line: 0, character: 12 });
    assert.deepEqual(await diagnostics(mainUri), []);

    client!.change(tfvarsUri, 'disk_type = "UltraSSD_LRS"\n');
    assert.deepEqual(await diagnostics(tfvarsUri), []);
    const [finding, ...more] = await diagnostics(mainUri);
    assert.deepEqual(more, []);
    assert.equal(finding!.code, RULE);
    assert.deepEqual(finding!.range.start, lspPosition(main, 'var.disk_type'));
    assert.match(finding!.message, /terraform\.tfvars/);
  });

  it('bicep-params: a .bicepparam buffer gets its parse errors and no findings, and its unsaved value reaches the .bicep', async (t) => {
    if (skip) return t.skip(skip);
    const main = `param diskType string = 'Premium_LRS'\n\n${BICEP['no-ultra-ssd']!.invalid.replace("'UltraSSD_LRS'", 'diskType')}`;
    const mainUri = open('bicepparam/main.bicep', 'bicep', main);
    const paramsUri = open('bicepparam/main.bicepparam', 'bicep-params', "using 'main.bicep'\n\nparam diskType = \n");
    const [parseError, ...others] = await diagnostics(paramsUri);
    assert.deepEqual(others, []);
    assert.match(parseError!.message, /^Parsing error: /);
    assert.equal(parseError!.range.start.line, 2);
    assert.deepEqual(await diagnostics(mainUri), []);

    client!.change(paramsUri, "using 'main.bicep'\n\nparam diskType = 'UltraSSD_LRS'\n");
    assert.deepEqual(await diagnostics(paramsUri), []);
    const [finding, ...more] = await diagnostics(mainUri);
    assert.deepEqual(more, []);
    assert.equal(finding!.code, RULE);
    assert.deepEqual(finding!.range.start, lspPosition(main, 'diskType\n'));
    assert.match(finding!.message, /main\.bicepparam/);
  });
});
