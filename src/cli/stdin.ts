import path from 'node:path';
import { lintFiles, onlyAbout, withCallers } from '../api/lint.js';
import type { LintOptions } from '../engine/options.js';
import { MAX_FILE_BYTES, ProjectFs } from '../kernel/project-fs.js';
import type { RunReport } from '../results/results.js';
import { DEFAULT_SETUP, isLintable } from '../setup.js';
import { UsageError } from './args.js';
import { realInsideRoot } from './files.js';

/**
 * Lints text from standard input as if it were `file` on disk (which need not exist): the same
 * report `azure-backup-lint <file>` gives, with the rest of the file's unit (templates, parameter
 * files, a module's other files) read from disk, as the ESLint plugin does with an editor buffer.
 */
export function lintStdin(text: string, file: string, cwd: string, options: LintOptions): RunReport {
  realInsideRoot(cwd, '--stdin-filename', file);
  const abs = path.resolve(cwd, file);
  if (!isLintable()(abs)) throw new UsageError(`--stdin-filename ${file}: not a kind of file azure-backup-lint reads (ARM or Terraform)`);
  const fs = new ProjectFs(cwd);
  fs.setOverride(abs, text);
  // As a hook run about this one file: its units, and templates or modules near it that may call it.
  return onlyAbout(lintFiles(fs, withCallers([abs], fs, options, DEFAULT_SETUP), { ...options, about: [abs] }), new Set([abs]));
}

/** Standard input as text, refused once it grows past the size a linted file may have. */
export async function readAll(input: AsyncIterable<Uint8Array | string> | Iterable<Uint8Array | string>): Promise<string> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of input) {
    const buf = typeof chunk === 'string' ? Buffer.from(chunk) : Buffer.from(chunk.buffer, chunk.byteOffset, chunk.byteLength);
    size += buf.length;
    if (size > MAX_FILE_BYTES) throw new UsageError(`--stdin: more than the ${MAX_FILE_BYTES / 1048576} MB a file may hold`);
    chunks.push(buf);
  }
  return Buffer.concat(chunks).toString('utf8');
}
