import path from 'node:path';
import picomatch from 'picomatch';
import type { SourceComment } from '../kernel/comment.js';
import type { Diagnostic } from '../kernel/diagnostic.js';
import type { LineIndex } from '../kernel/location.js';
import { resolvePath, type ProjectFs } from '../kernel/project-fs.js';
import type { Evaluation, Parser, SourceKind, SourceOptions, UnitRef, Workspace } from '../sources/source-kind.js';

/** Characters of released files whose parses linger (see UnitIndex.recent). */
const RECENT_BUDGET = 1 << 20;
/**
 * Characters of files other units read whose parses are kept (see UnitIndex.shared). In the
 * validation repositories more than 95% of the reads that find a shared parse come within 1 M
 * characters; at 4 M, avdaccelerator's Bicep parses held ~30 MB more at its peak for 1% less CPU.
 */
const SHARED_BUDGET = 1 << 20;

const NO_UNITS: readonly UnitRef[] = [];

/** A kind with its globs compiled. */
interface Claim {
  readonly kind: SourceKind;
  readonly matches: (file: string) => boolean;
}

/** Whether a file matches a kind's `files` and not its `ignores`, as discovery and ESLint's `files` see it. */
export function claimsOf(kinds: readonly SourceKind[]): (file: string) => SourceKind[] {
  const claims: Claim[] = kinds.map((kind) => ({ kind, matches: globsMatcher(kind.files, kind.ignores ?? []) }));
  return (file) => claims.filter((c) => c.matches(file)).map((c) => c.kind);
}

/** A glob compiled: the whole of it, and for `**\/name` the part a path's last segment must match. */
interface CompiledGlob {
  readonly whole: RegExp;
  readonly name: RegExp | undefined;
}

/** What can make `**` refuse a path: a segment starting with a dot, a line break (`.` in picomatch's expression stops there). */
const UNUSUAL_DIRS = /\/\.|[\n\r\u2028\u2029]/;

/**
 * The globs as regular expressions tested directly: picomatch's matcher re-parses the path on every call.
 * A glob `**\/name` (no other `/`) is tested on the path's last segment alone when no segment
 * before it starts with a dot (the `.` and `..` that `**` never matches) and no line break: the same answer, and
 * picomatch's expression for the whole path backtracks over every character of the directories.
 */
function globsMatcher(files: readonly string[], ignores: readonly string[]): (file: string) => boolean {
  const options = { dot: true, nocase: true };
  const compile = (globs: readonly string[]): CompiledGlob[] =>
    globs.map((g) => {
      const rest = g.startsWith('**/') ? g.slice(3) : undefined;
      return { whole: picomatch.makeRe(g, options), name: rest && !rest.includes('/') && !rest.startsWith('**') ? picomatch.makeRe(rest, options) : undefined };
    });
  const included = compile(files);
  const excluded = compile(ignores);
  return (file) => {
    const posix = path.sep === '\\' ? file.replaceAll('\\', '/') : file;
    const cut = posix.lastIndexOf('/');
    // A bare name (discovery asks about names) is its own last segment.
    const name = cut < posix.length - 1 && !posix.startsWith('.') && !UNUSUAL_DIRS.test(posix) ? posix.slice(cut + 1) : undefined;
    const test = (g: CompiledGlob) => (name !== undefined && g.name ? g.name.test(name) : g.whole.test(posix));
    return included.some(test) && !excluded.some(test);
  };
}

/**
 * The workspace of one run: parses files once and remembers what they are, and answers which
 * units they belong to through the source kinds. A template that several units read is parsed once.
 */
export class UnitIndex implements Workspace {
  /** Parses by file, then by parser: kinds that read the same syntax share one. */
  private readonly parses = new Map<string, Map<string, { readonly parser: Parser<unknown>; readonly value: unknown }>>();
  private readonly readErrors = new Map<string, string>();
  /** Small facts about files, kept after their parses are released: by fact, then file (a map per file took ~200 bytes of each). */
  private readonly facts = new Map<string, Map<string, unknown>>();
  private readonly problems = new Map<string, Diagnostic | undefined>();
  private readonly byId: ReadonlyMap<string, SourceKind>;
  private readonly claims: (file: string) => SourceKind[];
  /** What claims each file, asked for again and again as its units are linted and reported. */
  private readonly claimed = new Map<string, readonly SourceKind[]>();
  private readonly combinations: (readonly SourceKind[])[] = [];
  /**
   * The units of each file, asked for three times per file in a run (lint, inventory, count).
   * A parameter file's units depend on its neighbours, so any forgotten file drops them all.
   */
  private readonly units = new Map<string, readonly UnitRef[]>();
  /**
   * Files a unit other than their own read (a linked template, a called module), least recently
   * read first, with their text's length: kept, as other callers may read them too, until
   * SHARED_BUDGET characters of files read more recently follow. Kept for the run, a repository's
   * every linked template and module stayed parsed to its end.
   */
  private readonly shared = new TextWindow(SHARED_BUDGET);
  /**
   * Released files whose parser lingers, oldest first, with their text's length: let go only once
   * RECENT_BUDGET characters of newer ones follow, so a caller linted just after the module it
   * calls (examples/ after the module in the directory above) still finds it parsed.
   */
  private readonly recent = new TextWindow(RECENT_BUDGET);
  /**
   * Files parsed or read only to learn a fact (whether a neighbour is a template, or Bicep's output) and
   * read by no unit since: let go after the unit that asked, or every compiled twin beside a
   * `.bicep` stays parsed for the rest of the run.
   */
  private readonly parsedForFacts = new Set<string>();
  private computingFact = 0;
  /** Units evaluated so far: a file's parse goes once every unit that may read it is among them (see `dropWhenRead`). */
  private readonly evaluated = new Set<string>();
  private droppingReadParses = false;

  constructor(
    readonly fs: ProjectFs,
    readonly options: SourceOptions,
    readonly kinds: readonly SourceKind[],
  ) {
    this.byId = new Map(kinds.map((k) => [k.id, k]));
    this.claims = claimsOf(kinds);
  }

  /** The kinds that claim a file. */
  kindsOf(file: string): readonly SourceKind[] {
    let kinds = this.claimed.get(file);
    if (!kinds) {
      const claims = this.claims(file);
      // A run's files fall into a handful of combinations: one array each, not one per file.
      kinds = this.combinations.find((c) => c.length === claims.length && c.every((k, i) => k === claims[i]));
      if (!kinds) this.combinations.push((kinds = claims));
      this.claimed.set(file, kinds);
    }
    return kinds;
  }

  parsed<T>(parser: Parser<T>, file: string): T | undefined {
    const abs = resolvePath(file);
    if (this.computingFact === 0) this.parsedForFacts.delete(abs);
    const own = this.parses.get(abs)?.get(parser.id);
    if (own) return own.value as T | undefined;
    const read = this.fs.read(abs);
    let value: T | undefined;
    if (read.ok) value = parser.parse(read.text, abs);
    else this.readErrors.set(abs, read.reason);
    this.store(abs, parser, value);
    if (this.computingFact > 0) this.parsedForFacts.add(abs);
    return value;
  }

  text(file: string): string | undefined {
    const abs = resolvePath(file);
    if (this.computingFact === 0) this.parsedForFacts.delete(abs);
    else if (!this.parses.has(abs)) this.parsedForFacts.add(abs);
    const read = this.fs.read(abs);
    return read.ok ? read.text : undefined;
  }

  /**
   * Uses a tree already parsed from the file's current text (the ESLint language parsed the
   * editor buffer), so a large template is not parsed twice.
   */
  adopt<T>(parser: Parser<T>, file: string, value: T): void {
    const abs = resolvePath(file);
    this.parsedForFacts.delete(abs);
    this.store(abs, parser, value);
  }

  private store<T>(abs: string, parser: Parser<T>, value: T | undefined): void {
    let byParser = this.parses.get(abs);
    if (!byParser) this.parses.set(abs, (byParser = new Map()));
    byParser.set(parser.id, { parser: parser as Parser<unknown>, value });
  }

  /** The line index of a parse already made of the file, if its parser keeps one. */
  lineIndex(file: string): LineIndex | undefined {
    for (const { parser, value } of this.parses.get(resolvePath(file))?.values() ?? []) {
      if (value !== undefined && parser.lines) return parser.lines(value);
    }
    return undefined;
  }

  readError(file: string): string | undefined {
    return this.readErrors.get(resolvePath(file));
  }

  fact<T>(name: string, file: string, compute: () => T): T {
    const abs = resolvePath(file);
    let byFile = this.facts.get(name);
    if (!byFile) this.facts.set(name, (byFile = new Map()));
    if (byFile.has(abs)) return byFile.get(abs) as T;
    this.computingFact++;
    try {
      const value = compute();
      byFile.set(abs, value);
      return value;
    } finally {
      this.computingFact--;
    }
  }

  /** Lets go of the files parsed only for facts (see `parsedForFacts`). */
  releaseFactParses(): void {
    for (const file of this.parsedForFacts) this.release(file);
    this.parsedForFacts.clear();
  }

  /** Drops everything known about a file whose text changed (an editor buffer, a saved file). */
  forget(file: string): void {
    const abs = resolvePath(file);
    this.parses.delete(abs);
    this.readErrors.delete(abs);
    for (const byFile of this.facts.values()) byFile.delete(abs);
    this.problems.delete(abs);
    this.shared.delete(abs);
    this.recent.delete(abs);
    this.units.clear();
    // Units that read the file are evaluated again: until then none counts as done.
    this.evaluated.clear();
  }

  /**
   * Lets a file's trees go once its units are linted, keeping what it is and its syntax problem.
   * Holding every tree of a large run makes the garbage collector's work grow with the run.
   */
  release(file: string): void {
    const abs = resolvePath(file);
    if (this.recent.has(abs)) return;
    const byParser = this.parses.get(abs);
    if (byParser) this.remember(abs);
    if (this.shared.has(abs)) return;
    if (![...(byParser?.values() ?? [])].some((p) => p.parser.lingers)) {
      this.drop(abs);
      return;
    }
    for (const oldest of this.recent.add(abs, this.chars(abs))) this.drop(oldest);
  }

  private chars(abs: string): number {
    const read = this.fs.read(abs);
    return read.ok ? read.text.length : 0;
  }

  private drop(abs: string): void {
    this.parses.delete(abs);
    this.fs.release(abs);
  }

  /**
   * Keeps a file's parse and text: a unit other than its own read it (a caller of a linked
   * template or child module), and its other callers are likely to read it again.
   */
  share(file: string): void {
    const abs = resolvePath(file);
    this.recent.delete(abs);
    for (const oldest of this.shared.add(abs, this.chars(abs), abs)) {
      // What later questions about it need; its own units, if still to come, parse it again.
      if (this.parses.has(oldest)) this.remember(oldest);
      this.drop(oldest);
    }
  }

  /** Keeps the small facts about a parsed file that outlive its parse, and its syntax problem. */
  private remember(abs: string): void {
    for (const kind of this.kindsOf(abs)) kind.remember?.(abs, this);
    this.fileProblem(abs);
  }

  /** The units a file belongs to, by every kind that claims it. */
  unitsOf(file: string): readonly UnitRef[] {
    const known = this.units.get(file);
    if (known) return known;
    const abs = resolvePath(file);
    let units = this.units.get(abs);
    // A kind may name another kind's unit (a compiled twin's parameter file names its `.bicep`); a setup without that kind has no such unit.
    if (!units) this.units.set(abs, (units = this.known(this.kindsOf(abs).flatMap((kind) => kind.unitsOf(abs, this)).filter((u) => this.byId.has(u.kind)))));
    return units;
  }

  /**
   * The units as already listed for their entry file, when it was (a parameter file's unit is its
   * template's): one object, key and list for both, as all are kept for the run. Most files
   * belong to no unit or to one.
   */
  private known(units: readonly UnitRef[]): readonly UnitRef[] {
    if (units.length === 0) return NO_UNITS;
    const same = units.map((u) => this.units.get(u.entry)?.find((k) => k.key === u.key) ?? u);
    const entryUnits = this.units.get(same[0]!.entry);
    return entryUnits?.length === same.length && entryUnits.every((u, i) => u === same[i]) ? entryUnits : same;
  }

  evaluate(unit: UnitRef): Evaluation {
    const evaluation = this.kindOf(unit).evaluate(unit, this);
    this.evaluated.add(unit.key);
    if (this.dropsReadParses()) for (const file of evaluation.files) this.dropWhenRead(file);
    return evaluation;
  }

  /**
   * Whether parses go once their readers are evaluated. The kinds learn the readers by reading
   * every file the walk found (which module calls which): worth it once the run has evaluated
   * one unit per 32 directories walked, not in a run about a few changed files of a large repository.
   */
  private dropsReadParses(): boolean {
    if (!this.droppingReadParses) {
      const walked = this.fs.walkedDirs();
      if (!walked || this.evaluated.size * 32 < walked.length) return false;
      this.droppingReadParses = true;
      for (const file of [...this.parses.keys()]) this.dropWhenRead(file);
    }
    return true;
  }

  /**
   * Lets a file's parses go once every unit its kinds say may read it is evaluated. Trees kept for
   * the run made the collector copy them again and again: over 1,000 Terraform modules, an eighth
   * of the run's time went to keeping trees no unit would read again.
   */
  private dropWhenRead(file: string): void {
    const abs = resolvePath(file);
    const kinds = this.kindsOf(abs);
    if (kinds.length === 0 || !this.parses.has(abs)) return;
    for (const kind of kinds) {
      const readers = kind.readersOf?.(abs, this);
      if (!readers) return;
      for (const key of readers) if (!this.evaluated.has(key)) return;
    }
    this.remember(abs);
    this.parses.delete(abs);
  }

  anchorFile(unit: UnitRef): string {
    return this.kindOf(unit).anchorFile(unit, this);
  }

  printLiteral(unit: UnitRef): SourceKind['printLiteral'] {
    return this.kindOf(unit).printLiteral;
  }

  /** Files near `file` whose units may read it (a parent template, a calling module), by every kind that claims it. */
  callersNear(file: string): string[] {
    const abs = resolvePath(file);
    return this.kindsOf(abs).flatMap((kind) => kind.callersNear(abs, this));
  }

  /** A file's comments, as the first kind that claims it reads them; none for a file no kind claims. */
  commentsOf(file: string, text: string): SourceComment[] {
    const abs = resolvePath(file);
    return this.kindsOf(abs)[0]?.comments(abs, text) ?? [];
  }

  /** The fatal problem of a file (unreadable, unparsable), from the first kind that claims it and finds one. */
  fileProblem(file: string): Diagnostic | undefined {
    const abs = resolvePath(file);
    if (this.problems.has(abs)) return this.problems.get(abs);
    let problem: Diagnostic | undefined;
    for (const kind of this.kindsOf(abs)) if ((problem = kind.fileProblem(abs, this))) break;
    this.problems.set(abs, problem);
    return problem;
  }

  private kindOf(unit: UnitRef): SourceKind {
    const kind = this.byId.get(unit.kind);
    if (!kind) throw new Error(`no source kind '${unit.kind}'`);
    return kind;
  }
}

/** Files kept, oldest first, while the characters of those added after them stay within a budget. */
class TextWindow {
  private readonly chars = new Map<string, number>();
  private total = 0;

  constructor(private readonly budget: number) {}

  has(file: string): boolean {
    return this.chars.has(file);
  }

  delete(file: string): void {
    const chars = this.chars.get(file);
    if (chars === undefined) return;
    this.chars.delete(file);
    this.total -= chars;
  }

  /** Adds `file` as the newest and returns the oldest ones let go to keep within the budget (never `keep`). */
  add(file: string, chars: number, keep?: string): string[] {
    this.delete(file);
    this.chars.set(file, chars);
    this.total += chars;
    const letGo: string[] = [];
    for (const oldest of this.chars.keys()) {
      if (this.total <= this.budget || oldest === keep) break;
      this.delete(oldest);
      letGo.push(oldest);
    }
    return letGo;
  }
}
