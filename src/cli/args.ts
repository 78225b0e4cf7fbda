import { parseArgs as parseNodeArgs } from 'node:util';
import type { MatrixEdition } from '../azure/matrix/matrix.js';
import type { Severity } from '../../rules/api.js';
import { FORMAT_NAMES, isFormatName } from '../reporters/index.js';
import { RULE_IDS } from '../setup.js';
import { didYouMean } from '../config/index.js';
import { checkGlob } from '../config/glob-syntax.js';

export interface OutputTarget {
  readonly format: string;
  readonly outputFile?: string;
}

export interface CliArgs {
  readonly command: 'lint' | 'inventory';
  readonly paths: string[];
  readonly outputs: OutputTarget[];
  readonly matrix?: MatrixEdition;
  readonly varFiles: string[];
  readonly paramFiles: string[];
  readonly compiledJson?: 'skip' | 'lint';
  readonly rules: Record<string, Severity>;
  readonly quiet: boolean;
  readonly maxWarnings?: number;
  readonly config?: string;
  readonly unknownValues?: 'ignore' | 'report';
  /** Directive comments that suppress nothing, reported with this severity (ESLint's flags). */
  readonly reportUnusedDisableDirectives?: 'off' | 'warn' | 'error';
  readonly preset?: 'recommended' | 'all';
  readonly baseline?: string;
  readonly writeBaseline?: string;
  readonly changedSince?: string;
  readonly ignorePatterns: string[];
  readonly color?: boolean;
  readonly progress?: boolean;
  /** Worker threads: a number, or `auto` (one per core); runs over few files stay on one thread. */
  readonly concurrency?: number | 'auto';
  /** Lint standard input as the file `stdinFilename`. */
  readonly stdin: boolean;
  readonly stdinFilename?: string;
  readonly printConfig?: string;
  readonly listRules: boolean;
  readonly help: boolean;
  readonly version: boolean;
}

export class UsageError extends Error {}

const OPTIONS = {
  format: { type: 'string', short: 'f' },
  'output-file': { type: 'string', short: 'o' },
  matrix: { type: 'string' },
  'var-file': { type: 'string' },
  'param-file': { type: 'string' },
  'compiled-json': { type: 'string' },
  rule: { type: 'string' },
  preset: { type: 'string' },
  'unknown-values': { type: 'string' },
  config: { type: 'string', short: 'c' },
  'ignore-pattern': { type: 'string' },
  baseline: { type: 'string' },
  'write-baseline': { type: 'string' },
  'changed-since': { type: 'string' },
  'max-warnings': { type: 'string' },
  concurrency: { type: 'string' },
  stdin: { type: 'boolean' },
  'stdin-filename': { type: 'string' },
  'print-config': { type: 'string' },
  'list-rules': { type: 'boolean' },
  'report-unused-disable-directives': { type: 'boolean' },
  'report-unused-disable-directives-severity': { type: 'string' },
  quiet: { type: 'boolean', short: 'q' },
  color: { type: 'boolean' },
  'no-color': { type: 'boolean' },
  'no-progress': { type: 'boolean' },
  help: { type: 'boolean', short: 'h' },
  version: { type: 'boolean', short: 'v' },
} as const;

type OptionName = keyof typeof OPTIONS;

const SEVERITY_WORDS: Readonly<Record<string, Severity>> = { off: 'off', warn: 'warn', error: 'error', 0: 'off', 1: 'warn', 2: 'error' };

/**
 * Parses argv (without node and script) with `node:util` parseArgs, in order, because `-o` pairs
 * with the `-f` next to it. Throws a UsageError naming the option for anything it cannot use;
 * whether named files exist is checked later, where the project root is known.
 */
export function parseArgs(argv: readonly string[]): CliArgs {
  const list = [...argv];
  const command = list[0] === 'inventory' ? 'inventory' : 'lint';
  if (command === 'inventory') list.shift();
  // Not strict: its errors are long and name options as the parser sees them; ours name the problem.
  const { tokens } = parseNodeArgs({ args: list, options: OPTIONS, strict: false, allowPositionals: true, tokens: true });
  const args = {
    command,
    paths: [] as string[],
    outputs: [] as OutputTarget[],
    varFiles: [] as string[],
    paramFiles: [] as string[],
    rules: {} as Record<string, Severity>,
    ignorePatterns: [] as string[],
    quiet: false,
    stdin: false,
    listRules: false,
    help: false,
    version: false,
  } as { -readonly [K in keyof CliArgs]: CliArgs[K] };
  const outputs = new OutputPairing();
  for (const token of tokens) {
    if (token.kind === 'positional') {
      args.paths.push(token.value);
      continue;
    }
    if (token.kind === 'option-terminator') continue;
    const { name, rawName } = token;
    if (!Object.hasOwn(OPTIONS, name)) throw new UsageError(`unknown option '${rawName}'`);
    const option = OPTIONS[name as OptionName];
    if (option.type === 'boolean') {
      if (token.value !== undefined) throw new UsageError(`${rawName} takes no value`);
      setFlag(args, name as OptionName);
      continue;
    }
    // `-f -q`: the next argument is an option, not this one's value (write `--format=-q` to mean it).
    if (token.value === undefined || (!token.inlineValue && token.value.startsWith('-') && token.value !== '-')) {
      throw new UsageError(`${rawName} needs a value`);
    }
    setValue(args, outputs, name as OptionName, rawName, token.value);
  }
  args.outputs = outputs.finish(command === 'inventory' ? 'table' : 'stylish');
  checkCombinations(args);
  return args;
}

function setFlag(args: { -readonly [K in keyof CliArgs]: CliArgs[K] }, name: OptionName): void {
  switch (name) {
    case 'quiet':
      args.quiet = true;
      break;
    case 'color':
      args.color = true;
      break;
    case 'no-color':
      args.color = false;
      break;
    case 'no-progress':
      args.progress = false;
      break;
    case 'stdin':
      args.stdin = true;
      break;
    case 'list-rules':
      args.listRules = true;
      break;
    case 'report-unused-disable-directives':
      args.reportUnusedDisableDirectives = 'error';
      break;
    case 'help':
      args.help = true;
      break;
    case 'version':
      args.version = true;
      break;
  }
}

function setValue(args: { -readonly [K in keyof CliArgs]: CliArgs[K] }, outputs: OutputPairing, name: OptionName, rawName: string, value: string): void {
  switch (name) {
    case 'format':
      outputs.format(value);
      break;
    case 'output-file':
      outputs.file(value, rawName);
      break;
    case 'matrix':
      args.matrix = oneOf(rawName, value, ['2021', '2025'] as const);
      break;
    case 'unknown-values':
      args.unknownValues = oneOf(rawName, value, ['ignore', 'report'] as const);
      break;
    case 'report-unused-disable-directives-severity':
      args.reportUnusedDisableDirectives = oneOf(rawName, SEVERITY_WORDS[value] ?? value, ['off', 'warn', 'error'] as const);
      break;
    case 'preset':
      args.preset = oneOf(rawName, value, ['recommended', 'all'] as const);
      break;
    case 'var-file':
      args.varFiles.push(value);
      break;
    case 'param-file':
      args.paramFiles.push(value);
      break;
    case 'compiled-json':
      args.compiledJson = oneOf(rawName, value, ['skip', 'lint'] as const);
      break;
    case 'rule': {
      const [id, severity] = ruleSetting(value);
      args.rules[id] = severity;
      break;
    }
    case 'max-warnings': {
      const n = Number(value);
      if (!/^\d+$/.test(value) || !Number.isSafeInteger(n)) throw new UsageError(`--max-warnings takes a whole number, not '${short(value)}'`);
      args.maxWarnings = n;
      break;
    }
    case 'concurrency': {
      const n = Number(value);
      if (value !== 'auto' && !(/^\d+$/.test(value) && n >= 1 && Number.isSafeInteger(n))) throw new UsageError(`--concurrency takes a whole number from 1 or 'auto', not '${short(value)}'`);
      args.concurrency = value === 'auto' ? 'auto' : n;
      break;
    }
    case 'ignore-pattern': {
      const problem = checkGlob(value);
      if (problem) throw new UsageError(`--ignore-pattern '${short(value)}': ${problem.message} at character ${problem.index + 1}`);
      args.ignorePatterns.push(value);
      break;
    }
    case 'changed-since':
      // git would read a ref starting with '-' as one of its own options.
      if (value.startsWith('-')) throw new UsageError(`--changed-since takes a git ref, not an option ('${short(value)}')`);
      args.changedSince = value;
      break;
    case 'config':
      args.config = value;
      break;
    case 'baseline':
      args.baseline = value;
      break;
    case 'write-baseline':
      args.writeBaseline = value;
      break;
    case 'stdin-filename':
      args.stdinFilename = value;
      break;
    case 'print-config':
      args.printConfig = value;
      break;
  }
}

function oneOf<T extends string>(option: string, value: string, allowed: readonly T[]): T {
  if ((allowed as readonly string[]).includes(value)) return value as T;
  throw new UsageError(`${option} must be ${allowed.slice(0, -1).join(', ')} or ${allowed.at(-1)}, not '${short(value)}'`);
}

function ruleSetting(value: string): [string, Severity] {
  const eq = value.lastIndexOf('=');
  if (eq < 0) throw new UsageError(`--rule takes id=off|warn|error, not '${short(value)}'`);
  const id = value.slice(0, eq).trim().replace(/^azure-backup\//, '');
  const word = value.slice(eq + 1).trim();
  if (!RULE_IDS.includes(id)) throw new UsageError(`--rule ${short(value)}: unknown rule id '${short(id)}'${didYouMean(id, RULE_IDS)}`);
  const severity = Object.hasOwn(SEVERITY_WORDS, word) ? SEVERITY_WORDS[word] : undefined;
  if (!severity) throw new UsageError(`--rule ${short(value)}: unknown severity '${short(word)}' (off, warn or error; or 0, 1, 2)`);
  return [id, severity];
}

/** A value as quoted in a one-line message: a pasted file or a runaway script cannot flood the terminal. */
function short(value: string): string {
  return value.length > 60 ? `${value.slice(0, 60)}…` : value;
}

/**
 * Pairs each `-o` with a `-f` in either order: an `-o` belongs to the `-f` just before it when that
 * one has no file yet, else to the next `-f`. A lone `-o` writes the default format, as in ESLint.
 */
class OutputPairing {
  private readonly outputs: { format: string; outputFile?: string }[] = [];
  private pending: string | undefined;
  private lastTakesFile = false;

  format(name: string): void {
    const output: { format: string; outputFile?: string } = { format: name };
    if (this.pending !== undefined) output.outputFile = this.pending;
    this.outputs.push(output);
    this.lastTakesFile = this.pending === undefined;
    this.pending = undefined;
  }

  file(file: string, rawName: string): void {
    const last = this.outputs.at(-1);
    if (last && this.lastTakesFile) {
      last.outputFile = file;
      this.lastTakesFile = false;
    } else if (this.pending === undefined) {
      this.pending = file;
    } else {
      throw new UsageError(`${rawName} ${file}: the ${rawName} before it (${this.pending}) has no --format yet; pair each --output-file with one --format`);
    }
  }

  finish(defaultFormat: string): OutputTarget[] {
    if (this.pending !== undefined) {
      if (this.outputs.length) throw new UsageError(`--output-file ${this.pending} has no --format of its own; pair each --output-file with one --format`);
      this.outputs.push({ format: defaultFormat, outputFile: this.pending });
    }
    const files = this.outputs.flatMap((o) => (o.outputFile === undefined ? [] : [o.outputFile]));
    const twice = files.find((f, i) => files.indexOf(f) !== i);
    if (twice !== undefined) throw new UsageError(`--output-file ${twice} is given twice; each output needs its own file`);
    return this.outputs;
  }
}

function checkCombinations(args: CliArgs): void {
  for (const out of args.outputs) {
    if (args.command === 'lint' && !isFormatName(out.format)) throw new UsageError(`unknown format '${short(out.format)}' (one of: ${FORMAT_NAMES.join(', ')})`);
    if (args.command === 'inventory' && out.format !== 'json' && out.format !== 'table') throw new UsageError(`inventory formats are table and json, not '${short(out.format)}'`);
  }
  if (args.command === 'inventory' && args.outputs.length > 1) throw new UsageError('inventory writes one output; give --format once');
  if (args.stdinFilename !== undefined && !args.stdin) throw new UsageError('--stdin-filename names the text read with --stdin; add --stdin');
  if (args.stdin) {
    // The name decides how the text is parsed and which files on disk it pairs with.
    if (args.stdinFilename === undefined) throw new UsageError('--stdin needs --stdin-filename <path>: the file name decides how the text is read');
    if (args.paths.length) throw new UsageError(`--stdin lints standard input; do not name paths too (${args.paths.join(', ')})`);
    if (args.changedSince !== undefined) throw new UsageError('--stdin and --changed-since cannot be combined');
    if (args.writeBaseline !== undefined) throw new UsageError('--write-baseline records a whole run, not standard input');
  }
  if (args.printConfig !== undefined && args.paths.length) throw new UsageError(`--print-config takes one file; do not name paths too (${args.paths.join(', ')})`);
}
