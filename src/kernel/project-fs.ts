import { closeSync, constants, fstatSync, openSync, readdirSync, readFileSync, readSync, realpathSync, statSync, type Dirent } from 'node:fs';
import path from 'node:path';

/** Largest file the linter reads; bigger files get a diagnostic instead of being parsed. */
export const MAX_FILE_BYTES = 16 * 1024 * 1024;

export type ReadResult =
  | { readonly ok: true; readonly text: string }
  | { readonly ok: false; readonly reason: string };

/**
 * The files a lint run may read: confined to one root, with in-memory overrides
 * (an editor buffer replaces its file's disk copy; tests lint virtual files).
 * Every path is absolute and normalized.
 */
export class ProjectFs {
  private readonly overrides = new Map<string, string>();
  private readonly cache = new Map<string, ReadResult>();
  private readonly listings = new Map<string, readonly string[]>();
  /** `list` answers: pairing, twins and modules ask about each directory once per file in it. */
  private readonly lists = new Map<string, readonly string[]>();

  readonly root: string;
  /** Directories besides `root` the run may read: paths given on the command line outside it. */
  readonly extraRoots: readonly string[];
  /** The roots with their symbolic links resolved, made when the first file on disk is read. */
  private realRoots: readonly string[] | undefined;
  /** Names in a listing that are symbolic links to files, for the directories that have any. */
  private readonly linkedFiles = new Map<string, ReadonlySet<string>>();
  /** Directories file discovery entered from their parent: subdirectories, never links. */
  private readonly enteredFromParent = new Set<string>();
  /** Real paths of directories, resolved once: most files of a run share a few hundred. */
  private readonly realDirs = new Map<string, string | undefined>();
  /** The directories file discovery walked, in the order it told them. */
  private readonly walked: string[] = [];

  constructor(
    root: string,
    private readonly virtualOnly = false,
    extraRoots: readonly string[] = [],
  ) {
    this.root = path.resolve(root);
    this.extraRoots = extraRoots.map((r) => path.resolve(r)).filter((r) => !isWithin(this.root, r));
  }

  /** A file system holding only the given files, for tests and `lintSources`. */
  static virtual(root: string, files: Readonly<Record<string, string>>): ProjectFs {
    const fs = new ProjectFs(root, true);
    for (const [name, text] of Object.entries(files)) fs.setOverride(path.resolve(root, name), text);
    return fs;
  }

  setOverride(file: string, text: string): void {
    this.overrides.set(path.resolve(file), text);
    this.cache.delete(path.resolve(file));
    this.lists.delete(path.dirname(path.resolve(file)));
  }

  contains(file: string): boolean {
    const abs = resolvePath(file);
    return isWithin(this.root, abs) || this.extraRoots.some((r) => isWithin(r, abs));
  }

  /** Reads a text file inside the root; strips a UTF-8 BOM and decodes UTF-16 with a BOM. */
  read(file: string): ReadResult {
    // Callers pass the same absolute paths again and again: look up before normalizing.
    const hit = this.cache.get(file);
    if (hit) return hit;
    const abs = resolvePath(file);
    const cached = this.cache.get(abs);
    if (cached) return cached;
    const result = this.readUncached(abs);
    this.cache.set(abs, result);
    return result;
  }

  private readUncached(abs: string): ReadResult {
    const override = this.overrides.get(abs);
    if (override !== undefined) return { ok: true, text: stripBom(override) };
    if (this.virtualOnly) return { ok: false, reason: 'file not found' };
    if (!this.contains(abs)) return { ok: false, reason: 'outside the project root' };
    // The path's text is inside; a symbolic link on the way may still lead out of the project.
    if (!this.realInside(abs)) return { ok: false, reason: 'outside the project root (through a symbolic link)' };
    let fd: number | undefined;
    try {
      // Non-blocking, so that opening a FIFO does not wait for a writer; one open and one fstat
      // per file instead of a stat by path before reading.
      fd = openSync(abs, constants.O_RDONLY | constants.O_NONBLOCK);
      const stat = fstatSync(fd);
      // A FIFO or device would block or never end; a directory cannot be read as text.
      if (!stat.isFile()) return { ok: false, reason: stat.isDirectory() ? 'is a directory' : 'not a regular file' };
      const size = stat.size;
      if (size > MAX_FILE_BYTES) {
        return { ok: false, reason: `file is ${Math.round(size / 1048576)} MB, over the ${MAX_FILE_BYTES / 1048576} MB limit` };
      }
      return decode(readWhole(fd, size));
    } catch (e) {
      const code = (e as NodeJS.ErrnoException).code;
      if (code === 'EISDIR') return { ok: false, reason: 'is a directory' };
      return { ok: false, reason: code === 'ENOENT' ? 'file not found' : String((e as Error).message) };
    } finally {
      if (fd !== undefined) closeSync(fd);
    }
  }

  private realInside(abs: string): boolean {
    const real = this.realPathOf(abs);
    // A path that does not resolve does not exist: the open reports that.
    if (real === undefined) return true;
    return this.resolvedRoots().some((r) => isWithin(r, real));
  }

  private resolvedRoots(): readonly string[] {
    this.realRoots ??= [this.root, ...this.extraRoots].map((r) => realPath(r) ?? r);
    return this.realRoots;
  }

  /**
   * A file's path with symbolic links resolved (the same for every path to one file), and whether
   * no link inside the project lies on `file`'s way there; undefined when it does not resolve.
   */
  resolveLinks(file: string): { readonly real: string; readonly direct: boolean } | undefined {
    const abs = resolvePath(file);
    const real = this.realPathOf(abs);
    if (real === undefined) return undefined;
    const inRoot = relativeInside(this.root, abs);
    const realRoot = this.resolvedRoots()[0]!;
    return { real, direct: inRoot === undefined || real === (inRoot === '' ? realRoot : path.join(realRoot, inRoot)) };
  }

  /**
   * A file a directory listing showed as a regular file (not a link) is where its directory really
   * is; any other path is resolved whole.
   */
  private realPathOf(abs: string): string | undefined {
    const cut = abs.lastIndexOf(path.sep);
    const dir = parentAt(abs, cut);
    const name = abs.slice(cut + 1);
    if (cut < 0 || !this.listed(dir, name) || this.linkedFiles.get(dir)?.has(name)) return realPath(abs);
    const realDir = this.realDirOf(dir);
    if (realDir === undefined) return undefined;
    return childPath(realDir, name);
  }

  /** A directory the walk entered from its parent (never through a link) is where its parent really is. */
  private realDirOf(dir: string): string | undefined {
    if (!this.realDirs.has(dir)) {
      const cut = dir.lastIndexOf(path.sep);
      const viaParent = this.enteredFromParent.has(dir) ? this.realDirOf(parentAt(dir, cut)) : undefined;
      const real = viaParent !== undefined ? childPath(viaParent, dir.slice(cut + 1)) : realPath(dir);
      // Most directories are where they say: keep one string, not an equal second one per directory.
      this.realDirs.set(dir, real === dir ? dir : real);
    }
    return this.realDirs.get(dir);
  }

  /** Whether a listing already read showed `name` in `dir` (listings are sorted). */
  private listed(dir: string, name: string): boolean {
    const names = this.listings.get(dir);
    if (!names) return false;
    let lo = 0;
    let hi = names.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (names[mid]! < name) lo = mid + 1;
      else hi = mid;
    }
    return names[lo] === name;
  }

  /** Whether the file's text is held in memory (an editor buffer, standard input, a virtual file) rather than read from disk. */
  inMemory(file: string): boolean {
    return this.overrides.has(resolvePath(file));
  }

  /** A file's text if it is held now (read and not let go), without reading it. */
  heldText(file: string): string | undefined {
    const held = this.cache.get(resolvePath(file));
    return held?.ok ? held.text : undefined;
  }

  /** Lets a file's text go: a run that has linted it holds only what reporters need. */
  release(file: string): void {
    this.cache.delete(resolvePath(file));
  }

  exists(file: string): boolean {
    return this.read(file).ok;
  }

  /** File names (not paths) directly in `dir`, sorted; empty when unreadable. */
  list(dir: string): readonly string[] {
    const abs = resolvePath(dir);
    let listed = this.lists.get(abs);
    if (listed) return listed;
    const onDisk = !this.virtualOnly && this.contains(abs) ? this.diskListing(abs) : [];
    const buffers = [...this.overrides.keys()].filter((file) => path.dirname(file) === abs).map((file) => path.basename(file));
    // The disk listing is sorted already, and most directories have no buffer to add: one array, kept once.
    listed = buffers.length ? [...new Set([...buffers, ...onDisk])].sort() : onDisk;
    this.lists.set(abs, listed);
    return listed;
  }

  /**
   * Files on disk in `dir` as file discovery already read them: regular files, and `linked`,
   * symbolic links to files; `fromParent`: entered as a subdirectory.
   */
  seedListing(dir: string, names: readonly string[], fromParent = false, linked: readonly string[] = []): void {
    if (!this.listings.has(dir)) {
      this.setListing(dir, names, linked);
      this.walked.push(dir);
    }
    if (fromParent) this.enteredFromParent.add(dir);
  }

  /** The directories file discovery walked (see `seedListing`); undefined when no walk told any (an editor, virtual files). */
  walkedDirs(): readonly string[] | undefined {
    return this.walked.length ? this.walked : undefined;
  }

  /**
   * A file's text as `read` gives it, without keeping it when the run has not read it yet: for a
   * look at every file before the run (which files name which), the texts are not all held at once.
   */
  peek(file: string): ReadResult {
    const abs = resolvePath(file);
    return this.cache.get(abs) ?? this.readUncached(abs);
  }

  private setListing(dir: string, names: readonly string[], linked: readonly string[]): void {
    // Sorted once: `list` gives it out as it is and `listed` searches it (a set per directory cost more than its names).
    this.listings.set(dir, [...names, ...linked].sort());
    if (linked.length) this.linkedFiles.set(dir, new Set(linked));
  }

  /** Files on disk in `dir`, read once per run like file contents (pairing asks per file). */
  private diskListing(dir: string): readonly string[] {
    let names = this.listings.get(dir);
    if (!names) {
      let entries: Dirent[] = [];
      try {
        entries = readdirSync(dir, { withFileTypes: true });
      } catch {
        // An unreadable directory simply has no neighbours to pair with.
      }
      const { files, linked } = filesOfListing(dir, entries);
      this.setListing(dir, files, linked);
      names = this.listings.get(dir)!;
    }
    return names;
  }
}

/**
 * The directory of an absolute, normalized path whose last separator is at `cut`: path.dirname
 * without its parsing, for the paths a run asks about again and again.
 */
function parentAt(abs: string, cut: number): string {
  return cut === 0 ? abs.slice(0, 1) : abs.slice(0, cut);
}

/**
 * `path.join(dir, name)` for a name from a listing of `dir` (absolute and normalized): nothing to
 * normalize, and path.join's pass over the whole path showed in file discovery.
 */
export function childPath(dir: string, name: string): string {
  return dir.endsWith(path.sep) ? dir + name : dir + path.sep + name;
}

/**
 * `path.resolve(p)`, minus its splitting and joining for what a run passes around: paths that
 * are already absolute and normalized come back as they are.
 */
export function resolvePath(p: string): string {
  if (normalized.has(p)) return p;
  if (path.sep === '/' && p.length > 1 && p.charCodeAt(0) === 47 && !p.endsWith('/') && !p.includes('//') && !p.includes('/.')) {
    // Bounded, for a long editor session.
    if (normalized.size >= 20_000) normalized.clear();
    normalized.add(p);
    return p;
  }
  return path.resolve(p);
}

/** Paths `resolvePath` found absolute and normalized: a run asks about each file some thirty times. */
const normalized = new Set<string>();

/**
 * The files of a directory listing as Terraform and the source kinds see them: regular files, and
 * symbolic links to files (shared `.tf` files), which a read still refuses when they lead out of the project.
 */
export function filesOfListing(dir: string, entries: readonly Dirent[]): { files: string[]; linked: string[] } {
  const files: string[] = [];
  const linked: string[] = [];
  for (const entry of entries) {
    if (entry.isFile()) files.push(entry.name);
    else if (entry.isSymbolicLink() && linkTarget(path.join(dir, entry.name))?.directory === false) linked.push(entry.name);
  }
  return { files, linked };
}

/** Where a symbolic link leads, when that is a file or a directory; undefined when broken or a loop. */
export function linkTarget(link: string): { readonly real: string; readonly directory: boolean } | undefined {
  const real = realPath(link);
  if (real === undefined) return undefined;
  try {
    const stat = statSync(real);
    return stat.isFile() || stat.isDirectory() ? { real, directory: stat.isDirectory() } : undefined;
  } catch {
    return undefined;
  }
}

function realPath(p: string): string | undefined {
  try {
    return realpathSync.native(p);
  } catch {
    return undefined;
  }
}

function isWithin(root: string, abs: string): boolean {
  return relativeInside(root, abs) !== undefined;
}

/**
 * `abs` relative to `base` with `/` separators, or undefined when it is not inside `base`; both
 * paths absolute and normalized, as `resolvePath` gives them.
 */
export function relativeInside(base: string, abs: string): string | undefined {
  if (abs === base) return '';
  if (path.sep === '/') {
    const prefix = base.endsWith('/') ? base : `${base}/`;
    return abs.startsWith(prefix) ? abs.slice(prefix.length) : undefined;
  }
  // Windows compares paths without regard to case (`c:\` and `C:\`): path.relative knows how.
  const rel = path.relative(base, abs);
  return rel.startsWith('..') || path.isAbsolute(rel) ? undefined : rel.split(path.sep).join('/');
}

export function stripBom(text: string): string {
  return text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
}

/**
 * A file's text read again after a run let it go (a reporter quoting the lines of a finding), decoded
 * as the run read it; undefined when it can no longer be read.
 */
export function readBack(file: string): string | undefined {
  try {
    const r = decode(readFileSync(file));
    return r.ok ? r.text : undefined;
  } catch {
    return undefined;
  }
}

/** Files up to this size are read into one buffer kept for the run (see `readWhole`). */
const SHARED_BUFFER_BYTES = 1 << 20;
let sharedBuffer: Buffer | undefined;

/**
 * The bytes of an open file, valid until the next read: each file's text is decoded at once and
 * the bytes are not needed after. A buffer per file (readFileSync) is memory outside V8's heap
 * that is freed only once the collector has found its Buffer object dead: thousands of them
 * raised the run's peak memory and made V8 collect for the external memory they held.
 */
function readWhole(fd: number, size: number): Buffer {
  // One byte more than fstat said: a file that grew since is read to its end below.
  let buf = size < SHARED_BUFFER_BYTES ? (sharedBuffer ??= Buffer.allocUnsafeSlow(SHARED_BUFFER_BYTES)) : Buffer.allocUnsafeSlow(size + 1);
  let length = 0;
  for (;;) {
    if (length === buf.length) {
      const larger = Buffer.allocUnsafeSlow(buf.length * 2);
      buf.copy(larger, 0, 0, length);
      buf = larger;
    }
    const n = readSync(fd, buf, length, buf.length - length, null);
    if (n === 0) return buf.subarray(0, length);
    length += n;
    // All fstat promised, and the read stopped short of the room it had: the end of the file,
    // without one more read per file (a call and a system call) to be told so.
    if (length >= size && length < buf.length) return buf.subarray(0, length);
  }
}

function decode(buf: Buffer): ReadResult {
  if (buf.length >= 2 && buf[0] === 0xff && buf[1] === 0xfe) return { ok: true, text: stripBom(buf.subarray(2).toString('utf16le')) };
  if (buf.length >= 2 && buf[0] === 0xfe && buf[1] === 0xff) {
    const swapped = Buffer.from(buf.subarray(2));
    swapped.swap16();
    return { ok: true, text: swapped.toString('utf16le') };
  }
  const probe = buf.subarray(0, 8192);
  if (probe.includes(0)) return { ok: false, reason: 'binary file (contains NUL bytes)' };
  return { ok: true, text: stripBom(buf.toString('utf8')) };
}
