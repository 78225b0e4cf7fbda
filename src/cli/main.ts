import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { lint } from '../engine/run.js';
import { VERSION } from '../engine/meta.js';
import type { LintOptions } from '../engine/options.js';
import type { LintResult, RunReport } from '../engine/results.js';
import { fileUrlBaseFromEnv, getFormatter, FORMAT_NAMES } from '../reporters/index.js';
import { HELP, parseArgs, UsageError, type CliArgs } from './args.js';
import { formatInventory } from './inventory.js';

export interface CliIo {
  readonly cwd: string;
  readonly env: Readonly<Record<string, string | undefined>>;
  readonly stdout: (text: string) => void;
  readonly stderr: (text: string) => void;
  readonly isTTY: boolean;
}

/** Runs the CLI; resolves to the exit code (0 clean, 1 findings, 2 usage or configuration error). */
export async function runCli(argv: readonly string[], io: CliIo): Promise<number> {
  let args: CliArgs;
  try {
    args = parseArgs(argv);
  } catch (e) {
    if (e instanceof UsageError) {
      io.stderr(`azure-backup-lint: ${e.message}\nRun 'azure-backup-lint --help' for usage.\n`);
      return 2;
    }
    throw e;
  }
  if (args.help) {
    io.stdout(HELP);
    return 0;
  }
  if (args.version) {
    io.stdout(`${VERSION}\n`);
    return 0;
  }
  for (const out of args.outputs) {
    if (args.command === 'lint' && !getFormatter(out.format)) {
      io.stderr(`azure-backup-lint: unknown format '${out.format}' (one of: ${FORMAT_NAMES.join(', ')})\n`);
      return 2;
    }
    if (args.command === 'inventory' && out.format !== 'json' && out.format !== 'table') {
      io.stderr(`azure-backup-lint: inventory formats are table and json, not '${out.format}'\n`);
      return 2;
    }
  }
  const options: LintOptions = {
    cwd: io.cwd,
    ...(args.matrix ? { matrix: args.matrix } : {}),
    ...(args.unknownValues ? { unknownValues: args.unknownValues } : {}),
    ...(args.preset ? { preset: args.preset } : {}),
    rules: args.rules,
    paramFiles: args.paramFiles,
    varFiles: args.varFiles,
  };
  const report = await lint(args.paths, options, args.ignorePatterns);
  if (report.missing.length) {
    io.stderr(`azure-backup-lint: no such file or directory: ${report.missing.join(', ')}\n`);
    return 2;
  }
  if (args.command === 'inventory') {
    const format = args.outputs[0]?.format ?? 'table';
    return emit(io, args.outputs[0]?.outputFile, formatInventory(report, format === 'json' ? 'json' : 'table'));
  }
  const shown = args.quiet ? onlyErrors(report) : report;
  const outputs = args.outputs.length ? args.outputs : [{ format: 'stylish' }];
  for (const out of outputs) {
    const text = getFormatter(out.format)!(shown, {
      color: args.color ?? (io.isTTY && !out.outputFile && !io.env.NO_COLOR),
      cwd: io.cwd,
      ...(fileUrlBaseFromEnv(io.env) ? { fileUrlBase: fileUrlBaseFromEnv(io.env)! } : {}),
    });
    const code = emit(io, out.outputFile, text);
    if (code) return code;
  }
  const errors = report.results.reduce((n, r) => n + r.errorCount, 0);
  const warnings = report.results.reduce((n, r) => n + r.warningCount, 0);
  if (errors > 0) return 1;
  if (args.maxWarnings !== undefined && warnings > args.maxWarnings) return 1;
  return 0;
}

function emit(io: CliIo, outputFile: string | undefined, text: string): number {
  if (!outputFile) {
    io.stdout(text);
    return 0;
  }
  const target = path.resolve(io.cwd, outputFile);
  try {
    mkdirSync(path.dirname(target), { recursive: true });
    writeFileSync(target, text);
    return 0;
  } catch (e) {
    io.stderr(`azure-backup-lint: cannot write ${outputFile}: ${(e as Error).message}\n`);
    return 2;
  }
}

function onlyErrors(report: RunReport): RunReport {
  const results: LintResult[] = report.results.map((r) => ({ ...r, messages: r.messages.filter((m) => m.severity === 2), warningCount: 0 }));
  return { ...report, results };
}
