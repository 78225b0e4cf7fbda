import { mkdirSync, mkdtempSync, realpathSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';

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
