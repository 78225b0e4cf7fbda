import type { SourceComment } from '../kernel/comment.js';
import type { Diagnostic } from '../kernel/diagnostic.js';
import type { Loc, LineIndex } from '../kernel/location.js';
import type { ProjectFs } from '../kernel/project-fs.js';
import type { Plain } from '../kernel/value.js';
import type { Model } from '../azure/model.js';

/**
 * One kind of source the linter reads (ARM JSON, a Terraform directory, a Terraform plan…):
 * which files it claims, how they form units, and how a unit evaluates to Azure models. The
 * engine knows kinds only through this interface; `sources/index.ts` lists them.
 */
export interface SourceKind {
  /** Stable id, also the `kind` of its units and of inventory entries. */
  readonly id: string;
  /** Globs of the files it claims (discovery, ESLint `files`, the pre-commit hook). */
  readonly files: readonly string[];
  /** Globs among `files` that another kind owns (`*.tf.json` is Terraform, not ARM). */
  readonly ignores?: readonly string[];
  /** The units a claimed file belongs to: an entry claims itself; a companion (parameter file, tfvars) names its entries. */
  unitsOf(file: string, ws: Workspace): UnitRef[];
  /** Records (as `ws.fact`s) what `unitsOf` needs to know of a file, before the engine lets its parse go. */
  remember?(file: string, ws: Workspace): void;
  /**
   * The keys of every unit of the run that may read `file`, when the kind can tell; the engine lets
   * the file's parse go once all of them are evaluated, instead of keeping it for the run.
   */
  readersOf?(file: string, ws: Workspace): ReadonlySet<string> | undefined;
  /** Evaluates a unit into one model per scenario, with its diagnostics and every file it read. */
  evaluate(unit: UnitRef, ws: Workspace): Evaluation;
  /** The fatal problem of a claimed file (unreadable, unparsable): ESLint's "Parsing error". */
  fileProblem(file: string, ws: Workspace): Diagnostic | undefined;
  /** Where a problem of the whole unit is shown when it has no better place. */
  anchorFile(unit: UnitRef, ws: Workspace): string;
  /**
   * Files near `file` whose units may read it (a parent template, a calling module): an editor lints them first.
   * Read from the other files only, never from `file`'s own text, so an editor keeps the answer while `file` is edited.
   */
  callersNear(file: string, ws: Workspace): string[];
  /** The comments of a claimed file, where directive comments suppress findings. */
  comments(file: string, text: string): SourceComment[];
  /** A suggestion's replacement value written in the syntax of `file`, one of the kind's files. */
  printLiteral(value: Plain, file: string): string;
}

export interface UnitRef {
  /** Stable identity: the kind and the template file, plan file or module directory. */
  readonly key: string;
  /** The id of the kind that evaluates it. */
  readonly kind: string;
  /** The template, plan file or module directory. */
  readonly entry: string;
}

/** What the sources need of a run's options. */
export interface SourceOptions {
  /** ARM parameter files to use instead of the naming convention. */
  readonly paramFiles?: readonly string[];
  /**
   * Parameter files for a template (absolute path in, absolute paths out), from the config
   * file's `paramFiles` map; `undefined` means the map does not name this template.
   */
  readonly paramFilesFor?: (template: string) => readonly string[] | undefined;
  /** Terraform var files, applied after terraform.tfvars and *.auto.tfvars. */
  readonly varFiles?: readonly string[];
  /** JSON that `bicep build` wrote beside its `.bicep`: left to the `.bicep` (`skip`, the default) or linted too. */
  readonly compiledJson?: 'skip' | 'lint';
}

/** How a kind parses a file; kinds that read the same syntax share one parser and so one parse. */
export interface Parser<T> {
  readonly id: string;
  /** `file` places the parse's diagnostics. */
  parse(text: string, file: string): T;
  /** The parse's line index, when it has one: positions then need not scan the text again. */
  lines?(parsed: T): LineIndex;
  /**
   * Keep a released file's parse until about a megabyte of newer text follows: its readers are
   * often linted just after it (a module, then the examples that call it). Worth it for small
   * files only; a JSON template's tree costs far more memory than its text.
   */
  readonly lingers?: boolean;
}

/** The engine's services to the kinds, one per run (or editor session). */
export interface Workspace {
  readonly fs: ProjectFs;
  readonly options: SourceOptions;
  /** A file's parse, made once per run and shared by every unit that reads it; undefined when the file cannot be read. */
  parsed<T>(parser: Parser<T>, file: string): T | undefined;
  /** A file's text, undefined when it cannot be read (`parsed` then says why); a fact may read it instead of parsing the file. */
  text(file: string): string | undefined;
  /** Why a file could not be read, after `parsed` returned undefined. */
  readError(file: string): string | undefined;
  /** A small fact about a file (what it is), kept after the file's parse is let go, until the file changes. */
  fact<T>(name: string, file: string, compute: () => T): T;
}

/** One unit evaluated: a model per scenario, plus what the VM inventory needs. */
export interface Evaluation {
  readonly models: readonly Model[];
  readonly diagnostics: readonly Diagnostic[];
  /** Every file the unit read (template, parameter files, linked templates, .tf, tfvars). */
  readonly files: readonly string[];
  /** VM declarations that deploy no instance (condition false, count 0), for the inventory. */
  readonly inactiveVms?: readonly { readonly at: Loc; readonly name: string }[];
}
