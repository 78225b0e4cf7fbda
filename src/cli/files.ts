import { closeSync, constants, fstatSync, ftruncateSync, lstatSync, mkdirSync, openSync, realpathSync, writeFileSync, writeSync } from 'node:fs';
import path from 'node:path';
import { ProjectFs, relativeInside } from '../kernel/project-fs.js';
import { UsageError } from './args.js';

// The files the CLI opens itself (beyond the linted units): the baseline, --param-file and
// --var-file, the --stdin-filename it lints as, and the outputs. A repository can hold symbolic
// links, FIFOs and huge files; none of them may make the CLI read or write outside the project,
// block, or quote a file it should not have read.

/** A file named by `option`, read inside `root` through ProjectFs (links resolved, size limit, no FIFOs or devices). */
export function readNamedFile(root: string, option: string, file: string): string {
  const read = new ProjectFs(root).read(path.resolve(root, file));
  if (!read.ok) throw new UsageError(`${option} ${file}: ${read.reason}`);
  return read.text;
}

/**
 * Where a path inside `root` really leads, following links in the part that exists; a
 * UsageError when that is outside the real root (a file need not exist yet).
 */
export function realInsideRoot(root: string, option: string, file: string): string {
  const abs = path.resolve(root, file);
  if (relativeInside(path.resolve(root), abs) === undefined) throw new UsageError(`${option} ${file}: outside the project root (${root})`);
  const realRoot = realpathSync.native(root);
  let existing = abs;
  const missing: string[] = [];
  for (;;) {
    try {
      lstatSync(existing);
      break;
    } catch {
      missing.unshift(path.basename(existing));
      existing = path.dirname(existing);
    }
  }
  let real: string;
  try {
    real = path.join(realpathSync.native(existing), ...missing);
  } catch {
    // A dangling link would be created wherever it points.
    throw new UsageError(`${option} ${file}: a symbolic link to nothing`);
  }
  if (relativeInside(realRoot, real) === undefined) throw new UsageError(`${option} ${file}: outside the project root (through a symbolic link)`);
  return real;
}

export interface OutputPath {
  readonly path: string;
  /** Inside the project: written only into a regular file. */
  readonly inside: boolean;
}

/**
 * Where an `--output-file` is written. Inside the project it must stay inside through links, so a
 * committed link cannot aim the CI job's write at another file. A path named outside the project
 * (`$GITHUB_STEP_SUMMARY`, an artifact directory, `/dev/stderr`) is the caller's choice and written as given.
 */
export function outputPath(root: string, file: string): OutputPath {
  const abs = path.resolve(root, file);
  if (relativeInside(path.resolve(root), abs) === undefined) return { path: abs, inside: false };
  return { path: realInsideRoot(root, '--output-file', file), inside: true };
}

/** Writes an output, creating its directory; inside the project, never into a FIFO, device or directory. */
export function writeOutput(target: OutputPath, text: string): void {
  mkdirSync(path.dirname(target.path), { recursive: true });
  if (!target.inside) {
    writeFileSync(target.path, text);
    return;
  }
  // Non-blocking: a FIFO without a reader fails at once instead of hanging the run.
  const fd = openSync(target.path, constants.O_WRONLY | constants.O_CREAT | constants.O_NONBLOCK, 0o666);
  try {
    if (!fstatSync(fd).isFile()) throw new Error('not a regular file');
    // Emptied only once it is known to be a regular file.
    ftruncateSync(fd, 0);
    const bytes = Buffer.from(text);
    for (let at = 0; at < bytes.length; ) at += writeSync(fd, bytes, at, bytes.length - at, at);
  } finally {
    closeSync(fd);
  }
}
