import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { ConfigError, loadConfig, toLintOptions } from '../config/index.js';
import { applyBaseline, writeBaseline } from '../results/baseline.js';
import { RULE_IDS } from '../setup.js';
import { lint } from '../api/lint.js';
import { VERSION } from '../kernel/meta.js';
import type { LintOptions } from '../engine/options.js';
import { tally, type LintResult, type RunReport } from '../results/results.js';
import { fileUrlBaseFromEnv, getFormatter, FORMAT_NAMES } from '../reporters/index.js';
import { HELP, parseArgs, UsageError, type CliArgs } from './args.js';
import { changedFilesSince } from './changed.js';
import { formatInventory } from './inventory.js';
import { ProgressLine } from './progress.js';
import { parallelExecutor, resolveConcurrency, WorkerFailure } from './workers.js';

export interface CliIo {
  readonly cwd: string;
  readonly env: Readonly<Record<string, string | undefined>>;
  readonly stdout: (text: string) => void;
  readonly stderr: (text: string) => void;
  readonly isTTY: boolean;
  readonly stderrIsTTY: boolean;
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
  const loaded = loadConfig(io.cwd, { ...(args.config ? { configPath: args.config } : {}), ruleIds: RULE_IDS });
  if (loaded instanceof ConfigError) {
    io.stderr(`azure-backup-lint: ${loaded.message}\n`);
    return 2;
  }
  const fromConfig = toLintOptions(loaded, io.cwd);
  // Flags win over the config file.
  const options: LintOptions = {
    ...fromConfig,
    ...(args.matrix ? { matrix: args.matrix } : {}),
    ...(args.unknownValues ? { unknownValues: args.unknownValues } : {}),
    ...(args.preset ? { preset: args.preset } : {}),
    rules: { ...fromConfig.rules, ...args.rules },
    ...(args.paramFiles.length ? { paramFiles: args.paramFiles } : {}),
    varFiles: [...(fromConfig.varFiles ?? []), ...args.varFiles.map((f) => path.resolve(io.cwd, f))],
  };
  const configDir = loaded.path ? path.dirname(loaded.path) : io.cwd;
  const ignores = [
    ...(loaded.config.ignore ?? []).map((pattern) => ({ pattern, base: configDir })),
    ...args.ignorePatterns.map((pattern) => ({ pattern, base: io.cwd })),
  ];
  let changedFiles: Set<string> | undefined;
  if (args.changedSince) {
    try {
      changedFiles = changedFilesSince(args.changedSince, io.cwd);
    } catch (e) {
      io.stderr(`azure-backup-lint: --changed-since ${args.changedSince}: ${String((e as { stderr?: string }).stderr ?? (e as Error).message).trim()}\n`);
      return 2;
    }
  }
  const progress = args.progress !== false && io.stderrIsTTY && !io.env.CI ? new ProgressLine(io.stderr) : undefined;
  let report: RunReport & { missing: readonly string[] };
  try {
    report = await lint(args.paths, options, {
      ignores,
      ...(changedFiles ? { changedFiles } : {}),
      ...(progress ? { onProgress: (done: number, total: number) => progress.update(done, total) } : {}),
      executor: parallelExecutor(resolveConcurrency(args.concurrency)),
    });
  } catch (e) {
    if (!(e instanceof WorkerFailure)) throw e;
    progress?.clear();
    io.stderr(`azure-backup-lint: ${e.message}\n`);
    return 2;
  }
  progress?.clear();
  if (report.missing.length) {
    io.stderr(`azure-backup-lint: no such file or directory: ${report.missing.join(', ')}\n`);
    return 2;
  }
  if (args.writeBaseline) {
    const code = emit(io, args.writeBaseline, writeBaseline(report));
    if (code) return code;
  }
  if (args.baseline) {
    try {
      report = { ...applyBaseline(report, readFileSync(path.resolve(io.cwd, args.baseline), 'utf8')), missing: report.missing };
    } catch (e) {
      io.stderr(`azure-backup-lint: baseline ${args.baseline}: ${(e as Error).message}\n`);
      return 2;
    }
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
  if (!args.quiet) io.stderr(summaryLine(report, errors, warnings));
  const maxWarnings = args.maxWarnings ?? loaded.config.maxWarnings;
  if (errors > 0) return 1;
  if (maxWarnings !== undefined && warnings > maxWarnings) {
    io.stderr(`azure-backup-lint: ${warnings} warnings, more than --max-warnings ${maxWarnings}\n`);
    return 1;
  }
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

function summaryLine(report: RunReport, errors: number, warnings: number): string {
  const s = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;
  const seconds = (report.stats.durationMs / 1000).toFixed(2);
  return `azure-backup-lint: ${s(report.stats.files, 'file')}, ${s(report.stats.vms, 'VM')}: ${s(errors, 'error')}, ${s(warnings, 'warning')} in ${seconds} s\n`;
}

function onlyErrors(report: RunReport): RunReport {
  const results: LintResult[] = report.results.map((r) => {
    const messages = r.messages.filter((m) => m.severity === 2);
    return { ...r, messages, ...tally(messages) };
  });
  return { ...report, results };
}
