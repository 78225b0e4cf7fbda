import type { Linter } from '../engine/linter.js';
import type { LintOptions, RuleSetting } from '../engine/options.js';
import { ProjectFs } from '../kernel/project-fs.js';
import { SizedCache } from '../kernel/sized-cache.js';
import type { LintMessage } from '../engine/lint-message.js';
import { createLinter, DEFAULT_SETUP, RULE_IDS } from '../setup.js';
import type { Parser } from '../sources/source-kind.js';

/** Characters of file text whose messages a session keeps. */
const RESULT_CHARS = 32_000_000;

/** `settings['azure-backup']` in an ESLint config. */
export interface PluginSettings {
  readonly matrix?: '2021' | '2025';
  readonly unknownValues?: 'ignore' | 'report';
  /** JSON that `bicep build` wrote beside its `.bicep`: left to the `.bicep` (`skip`, the default) or linted too. */
  readonly compiledJson?: 'skip' | 'lint';
  /** ARM parameter files (relative to ESLint's cwd) instead of the naming convention. */
  readonly paramFiles?: readonly string[];
  /** Terraform var files (relative to ESLint's cwd), applied after terraform.tfvars and *.auto.tfvars. */
  readonly varFiles?: readonly string[];
}

/** A parse the ESLint language made of the text being linted, with the engine parser it stands for. */
export interface AdoptedParse<T = unknown> {
  readonly parser: Parser<T>;
  readonly value: T;
}

/**
 * One engine for one project root and one set of settings, kept for the life of the process:
 * an ESLint run over a repository evaluates each unit once, and a warm editor re-evaluates only
 * the units of the file whose text changed.
 */
export class Session {
  readonly fs: ProjectFs;
  readonly linter: Linter;
  /** Messages per file for the text they were made from; bounded by that text's size (it is shared with the file system's copy). */
  private readonly results = new SizedCache<string, { readonly text: string; readonly messages: readonly LintMessage[] }>(RESULT_CHARS);
  private readonly linkersLinted = new Set<string>();
  /**
   * `callersNear` per file: it reads the other files of up to three directories, and does not
   * change while only the file itself is edited (see SourceKind.callersNear), which is every keystroke.
   */
  private readonly callers = new Map<string, readonly string[]>();

  constructor(cwd: string, options: LintOptions) {
    this.fs = new ProjectFs(cwd);
    // ESLint shows messages only: listing each unit's VMs cost a large template 5% of a re-lint.
    this.linter = createLinter(this.fs, options, DEFAULT_SETUP, false);
  }

  /**
   * The engine's messages for a file whose current text (an editor buffer, or the disk copy) is
   * `text`; `parse` is the ESLint language's parse of that text, which the engine then reuses.
   */
  messagesFor(file: string, text: string, parse?: AdoptedParse): readonly LintMessage[] {
    const cached = this.results.get(file);
    if (cached?.text === text) return cached.messages;
    this.sync(file, text, parse);
    this.lintLinkers(file);
    const messages = this.linter.messagesFor(file);
    this.results.set(file, { text, messages }, text.length);
    return messages;
  }

  /** Makes the engine see `text` for `file`; a change drops the units that read the file. */
  private sync(file: string, text: string, parse: AdoptedParse | undefined): void {
    const current = this.fs.read(file);
    if (!current.ok || current.text !== text) {
      this.fs.setOverride(file, text);
      this.linter.invalidate(file);
      // Any file's messages may come from a unit that read this one (parameter files, tfvars, linked templates).
      this.results.clear();
      this.linkersLinted.clear();
      // Another file's callers may be this one, in its new text.
      const own = this.callers.get(file);
      this.callers.clear();
      if (own) this.callers.set(file, own);
    }
    if (parse) this.linter.units.adopt(parse.parser, file, parse.value);
  }

  /**
   * Findings can land in a file from a unit it does not start (a linked template's finding
   * seen through its parent, a child module's through its caller). The CLI lints every unit
   * first; ESLint lints one file at a time, so evaluate the templates and modules nearby that
   * name this file before asking for its messages.
   */
  private lintLinkers(file: string): void {
    if (this.linkersLinted.has(file)) return;
    this.linkersLinted.add(file);
    const units = this.linter.units;
    let callers = this.callers.get(file);
    if (!callers) this.callers.set(file, (callers = units.callersNear(file)));
    for (const caller of callers) for (const unit of units.unitsOf(caller)) this.linter.lintUnit(unit);
  }
}

const MAX_SESSIONS = 8;
const sessions = new Map<string, Session>();

/** Options of the engine: every catalog rule runs (ESLint decides which findings it shows). */
export function engineOptions(cwd: string, settings: PluginSettings, ruleOptions: ReadonlyMap<string, Readonly<Record<string, unknown>>>): LintOptions {
  const rules: Record<string, RuleSetting> = {};
  for (const id of RULE_IDS) rules[id] = ['error', ruleOptions.get(id) ?? {}];
  return {
    cwd,
    rules,
    ...(settings.matrix ? { matrix: settings.matrix } : {}),
    ...(settings.unknownValues ? { unknownValues: settings.unknownValues } : {}),
    ...(settings.compiledJson ? { compiledJson: settings.compiledJson } : {}),
    ...(settings.paramFiles ? { paramFiles: settings.paramFiles } : {}),
    ...(settings.varFiles ? { varFiles: settings.varFiles } : {}),
  };
}

/** The session for a root, settings and rule options; the least recently used one is dropped past a few. */
export function sessionFor(cwd: string, settings: PluginSettings, ruleOptions: ReadonlyMap<string, Readonly<Record<string, unknown>>>): Session {
  const key = JSON.stringify([cwd, settings, [...ruleOptions].sort(([a], [b]) => a.localeCompare(b))]);
  let session = sessions.get(key);
  if (session) sessions.delete(key);
  else session = new Session(cwd, engineOptions(cwd, settings, ruleOptions));
  sessions.set(key, session);
  if (sessions.size > MAX_SESSIONS) sessions.delete(sessions.keys().next().value!);
  return session;
}
