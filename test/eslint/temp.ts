import { mkdirSync, mkdtempSync, realpathSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { REPO_ROOT } from '../helpers/cli.js';

/** A fresh directory with the given files (relative paths), removed by the returned function. */
export function tempProject(files: Readonly<Record<string, string>>): { dir: string; remove: () => void } {
  // realpath: ESLint reports real paths, and macOS' tmpdir is a symlink.
  const dir = realpathSync(mkdtempSync(path.join(os.tmpdir(), 'abl-eslint-')));
  for (const [name, text] of Object.entries(files)) {
    const file = path.join(dir, name);
    mkdirSync(path.dirname(file), { recursive: true });
    writeFileSync(file, text);
  }
  return { dir, remove: () => rmSync(dir, { recursive: true, force: true }) };
}

/**
 * A project as a user has it: the given files, an `eslint.config.js` with the built plugin's
 * recommended config, and `node_modules/eslint` (a link to ours), which ESLint's command line and
 * the editor's ESLint server load from the project.
 */
export function eslintProject(files: Readonly<Record<string, string>>): { dir: string; remove: () => void } {
  const plugin = pathToFileURL(path.join(REPO_ROOT, 'dist/src/index.js')).href;
  const project = tempProject({ ...files, 'eslint.config.js': `import azureBackup from ${JSON.stringify(plugin)};\nexport default [...azureBackup.configs.recommended];\n` });
  mkdirSync(path.join(project.dir, 'node_modules'));
  symlinkSync(path.join(REPO_ROOT, 'node_modules/eslint'), path.join(project.dir, 'node_modules/eslint'), 'junction');
  return project;
}
