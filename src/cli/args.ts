import type { MatrixEdition } from '../azure/matrix/matrix.js';
import type { Severity } from '../../rules/api.js';

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
  readonly rules: Record<string, Severity>;
  readonly quiet: boolean;
  readonly maxWarnings?: number;
  readonly config?: string;
  readonly unknownValues?: 'ignore' | 'report';
  readonly preset?: 'recommended' | 'all';
  readonly baseline?: string;
  readonly writeBaseline?: string;
  readonly changedSince?: string;
  readonly ignorePatterns: string[];
  readonly color?: boolean;
  readonly progress?: boolean;
  /** Worker threads: a number, or `auto` (one per core); runs over few files stay on one thread. */
  readonly concurrency?: number | 'auto';
  readonly help: boolean;
  readonly version: boolean;
}

export class UsageError extends Error {}

const VALUE_FLAGS = new Set([
  '--format', '-f', '--output-file', '-o', '--matrix', '--var-file', '--param-file', '--rule', '--max-warnings',
  '--config', '-c', '--unknown-values', '--preset', '--baseline', '--write-baseline', '--changed-since', '--ignore-pattern',
  '--concurrency',
]);

/** Parses argv (without node and script). `--format x --output-file y` pairs may repeat. */
export function parseArgs(argv: readonly string[]): CliArgs {
  const args = {
    command: 'lint' as CliArgs['command'],
    paths: [] as string[],
    outputs: [],
    varFiles: [] as string[],
    paramFiles: [] as string[],
    rules: {} as Record<string, Severity>,
    ignorePatterns: [] as string[],
    quiet: false,
    help: false,
    version: false,
  } as { -readonly [K in keyof CliArgs]: CliArgs[K] };
  const outputs: { format: string; outputFile?: string }[] = [];
  args.outputs = outputs;
  let pendingOutputFile: string | undefined;
  const list = [...argv];
  if (list[0] === 'inventory') {
    args.command = 'inventory';
    list.shift();
  }
  for (let i = 0; i < list.length; i++) {
    let arg = list[i]!;
    let value: string | undefined;
    const eq = arg.startsWith('--') ? arg.indexOf('=') : -1;
    if (eq > 0) {
      value = arg.slice(eq + 1);
      arg = arg.slice(0, eq);
    }
    if (VALUE_FLAGS.has(arg) && value === undefined) {
      value = list[++i];
      if (value === undefined) throw new UsageError(`${arg} needs a value`);
    }
    switch (arg) {
      case '--format':
      case '-f':
        outputs.push({ format: value! });
        break;
      case '--output-file':
      case '-o': {
        const last = outputs.at(-1);
        if (last && last.outputFile === undefined) last.outputFile = value!;
        else if (outputs.length === 0) pendingOutputFile = value!;
        else throw new UsageError('--output-file must follow its --format');
        break;
      }
      case '--matrix':
        if (value !== '2021' && value !== '2025') throw new UsageError(`--matrix must be 2021 or 2025, not '${value}'`);
        args.matrix = value;
        break;
      case '--var-file':
        args.varFiles.push(value!);
        break;
      case '--param-file':
        args.paramFiles.push(value!);
        break;
      case '--rule': {
        const m = /^([a-z0-9-]+)=(off|warn|error|0|1|2)$/.exec(value!);
        if (!m) throw new UsageError(`--rule takes id=off|warn|error, not '${value}'`);
        const sev = m[2]!;
        args.rules[m[1]!.replace(/^azure-backup\//, '')] = sev === '0' ? 'off' : sev === '1' ? 'warn' : sev === '2' ? 'error' : (sev as Severity);
        break;
      }
      case '--max-warnings': {
        const n = Number(value);
        if (!Number.isInteger(n) || n < 0) throw new UsageError(`--max-warnings takes a whole number, not '${value}'`);
        args.maxWarnings = n;
        break;
      }
      case '--config':
      case '-c':
        args.config = value!;
        break;
      case '--unknown-values':
        if (value !== 'ignore' && value !== 'report') throw new UsageError(`--unknown-values must be ignore or report, not '${value}'`);
        args.unknownValues = value;
        break;
      case '--preset':
        if (value !== 'recommended' && value !== 'all') throw new UsageError(`--preset must be recommended or all, not '${value}'`);
        args.preset = value;
        break;
      case '--baseline':
        args.baseline = value!;
        break;
      case '--write-baseline':
        args.writeBaseline = value!;
        break;
      case '--changed-since':
        args.changedSince = value!;
        break;
      case '--ignore-pattern':
        args.ignorePatterns.push(value!);
        break;
      case '--concurrency': {
        const n = Number(value);
        if (value !== 'auto' && !(Number.isInteger(n) && n >= 1)) throw new UsageError(`--concurrency takes a whole number from 1 or 'auto', not '${value}'`);
        args.concurrency = value === 'auto' ? 'auto' : n;
        break;
      }
      case '--quiet':
      case '-q':
        args.quiet = true;
        break;
      case '--color':
        args.color = true;
        break;
      case '--no-color':
        args.color = false;
        break;
      case '--no-progress':
        args.progress = false;
        break;
      case '--help':
      case '-h':
        args.help = true;
        break;
      case '--version':
      case '-v':
        args.version = true;
        break;
      default:
        if (arg.startsWith('-') && arg !== '-') throw new UsageError(`Unknown option '${arg}'`);
        args.paths.push(arg);
    }
  }
  if (pendingOutputFile !== undefined) outputs.push({ format: 'stylish', outputFile: pendingOutputFile });
  return args;
}

export const HELP = `Usage: azure-backup-lint [paths…] [options]
       azure-backup-lint inventory [paths…] [--format table|json]

Lints ARM templates, Bicep-compiled JSON and Terraform for settings Azure Backup
cannot protect or restore. Paths default to the current directory.

Options:
  -f, --format <name>        stylish (default), json, sarif, github, azure-devops, junit, markdown
  -o, --output-file <file>   write the preceding --format to a file (pairs may repeat)
  --matrix <2021|2025>       support-matrix edition (default 2021)
  --param-file <file>        ARM parameter file to use instead of the naming convention (repeatable)
  --var-file <file>          Terraform variable file (repeatable)
  --rule <id=off|warn|error> set a rule's severity (repeatable)
  --preset <recommended|all> base rule set (default recommended)
  --unknown-values <ignore|report>  report "may be" findings for unknown values
  -c, --config <file>        configuration file (default: .azure-backup-lint.json found upward)
  --ignore-pattern <glob>    skip matching files (repeatable)
  --baseline <file>          report only findings not in this baseline
  --write-baseline <file>    record the current findings as the baseline
  --changed-since <git-ref>  lint only units with files changed since the ref
  --max-warnings <n>         exit 1 when there are more than n warnings
  -q, --quiet                report errors only
  --color, --no-color        force or disable colors
  --no-progress              no progress line on a terminal
  --concurrency <n|auto>     threads for large runs (default auto: one per core from 3 cores)
  -h, --help                 this help
  -v, --version              print the version

Exit codes: 0 no errors, 1 error findings (or too many warnings), 2 usage or configuration error.
`;
