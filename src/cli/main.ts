import path from 'node:path';
import { ConfigError, loadConfig, toLintOptions, type LoadedConfig } from '../config/index.js';
import { applyBaseline, BaselineError, parseBaseline, writeBaseline } from '../results/baseline.js';
import { DEFAULT_SETUP, RULE_IDS } from '../setup.js';
import { lint } from '../api/lint.js';
import { VERSION } from '../kernel/meta.js';
import type { LintOptions } from '../engine/options.js';
import { tally, type LintResult, type RunReport } from '../results/results.js';
import { fileUrlBaseFromEnv, getFormatter } from '../reporters/index.js';
import { parseArgs, UsageError, type CliArgs } from './args.js';
import { changedFilesSince } from './changed.js';
import { useColor } from './color.js';
import { outputPath, readNamedFile, writeOutput, type OutputPath } from './files.js';
import { HELP } from './help.js';
import { formatInventory } from './inventory.js';
import { listRules } from './list-rules.js';
import { printConfig } from './print-config.js';
import { ProgressLine } from './progress.js';
import { lintStdin, readAll } from './stdin.js';
import { parallelExecutor, resolveConcurrency, WorkerFailure } from './workers.js';

export interface CliIo {
  readonly cwd: string;
  readonly env: Readonly<Record<string, string | undefined>>;
  readonly stdout: (text: string) => void;
  readonly stderr: (text: string) => void;
  readonly isTTY: boolean;
  readonly stderrIsTTY: boolean;
  /** Standard input, read only with `--stdin`. */
  readonly stdin?: AsyncIterable<Uint8Array | string> | Iterable<Uint8Array | string>;
}

/** A problem with what the command asked for: exit 2 with this one line. */
class Refusal extends Error {}

/** Runs the CLI; resolves to the exit code (0 clean, 1 findings, 2 usage or configuration error). */
export async function runCli(argv: readonly string[], io: CliIo): Promise<number> {
  try {
    return await run(argv, io);
  } catch (e) {
    if (e instanceof UsageError) {
      io.stderr(`azure-backup-lint: ${e.message}\nRun 'azure-backup-lint --help' for usage.\n`);
      return 2;
    }
    if (e instanceof Refusal || e instanceof ConfigError || e instanceof WorkerFailure) {
      io.stderr(`azure-backup-lint: ${e.message}\n`);
      return 2;
    }
    throw e;
  }
}

async function run(argv: readonly string[], io: CliIo): Promise<number> {
  const args = parseArgs(argv);
  if (args.help) {
    io.stdout(HELP);
    return 0;
  }
  if (args.version) {
    io.stdout(`${VERSION}\n`);
    return 0;
  }
  if (args.listRules) return emitListRules(args, io);
  const loaded = loadConfig(io.cwd, { ...(args.config !== undefined ? { configPath: args.config } : {}), ruleIds: RULE_IDS });
  if (loaded instanceof ConfigError) throw loaded;
  const options = lintOptions(args, loaded, io.cwd);
  if (args.printConfig !== undefined) {
    io.stdout(printConfig(args.printConfig, options, DEFAULT_SETUP.rules, loaded.path, io.cwd));
    return 0;
  }
  // Every file the run will open or write is checked before linting, which can take a while.
  for (const f of args.paramFiles) readNamedFile(io.cwd, '--param-file', f);
  for (const f of args.varFiles) readNamedFile(io.cwd, '--var-file', f);
  const baselineText = args.baseline !== undefined && args.writeBaseline === undefined ? readBaseline(io.cwd, args.baseline) : undefined;
  const targets = new Map(args.outputs.flatMap((o) => (o.outputFile === undefined ? [] : [[o.outputFile, outputPath(io.cwd, o.outputFile)] as const])));
  const baselineTarget = args.writeBaseline === undefined ? undefined : outputPath(io.cwd, args.writeBaseline);

  let report = await lintRun(args, loaded, options, io);
  if (args.writeBaseline !== undefined && baselineTarget) {
    // Recording the findings accepts them: the run reports them as suppressed and passes.
    const written = writeBaseline(report);
    write(baselineTarget, args.writeBaseline, written);
    report = applyBaseline(report, written);
  } else if (baselineText !== undefined) {
    report = applyBaseline(report, baselineText);
  }
  if (args.command === 'inventory') {
    const out = args.outputs[0];
    const text = formatInventory(report, out?.format === 'json' ? 'json' : 'table');
    if (out?.outputFile === undefined) io.stdout(text);
    else write(targets.get(out.outputFile)!, out.outputFile, text);
    return 0;
  }
  const shown = args.quiet ? onlyErrors(report) : report;
  const fileUrlBase = fileUrlBaseFromEnv(io.env);
  for (const out of args.outputs.length ? args.outputs : [{ format: 'stylish' }]) {
    const text = getFormatter(out.format)!(shown, {
      color: useColor(args.color, io.env, io.isTTY, out.outputFile !== undefined),
      cwd: io.cwd,
      ...(fileUrlBase ? { fileUrlBase } : {}),
    });
    if (out.outputFile === undefined) io.stdout(text);
    else write(targets.get(out.outputFile)!, out.outputFile, text);
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

/** Flags win over the config file. */
function lintOptions(args: CliArgs, loaded: LoadedConfig, cwd: string): LintOptions {
  const fromConfig = toLintOptions(loaded, cwd);
  return {
    ...fromConfig,
    ...(args.matrix ? { matrix: args.matrix } : {}),
    ...(args.unknownValues ? { unknownValues: args.unknownValues } : {}),
    ...(args.reportUnusedDisableDirectives ? { reportUnusedDisableDirectives: args.reportUnusedDisableDirectives } : {}),
    ...(args.preset ? { preset: args.preset } : {}),
    ...(args.compiledJson ? { compiledJson: args.compiledJson } : {}),
    rules: { ...fromConfig.rules, ...args.rules },
    ...(args.paramFiles.length ? { paramFiles: args.paramFiles } : {}),
    varFiles: [...(fromConfig.varFiles ?? []), ...args.varFiles.map((f) => path.resolve(cwd, f))],
  };
}

async function lintRun(args: CliArgs, loaded: LoadedConfig, options: LintOptions, io: CliIo): Promise<RunReport> {
  if (args.stdin) {
    if (!io.stdin) throw new Refusal('--stdin: there is no standard input to read');
    return lintStdin(await readAll(io.stdin), args.stdinFilename!, io.cwd, options);
  }
  const configDir = loaded.path ? path.dirname(loaded.path) : io.cwd;
  const ignores = [
    ...(loaded.config.ignore ?? []).map((pattern) => ({ pattern, base: configDir })),
    ...args.ignorePatterns.map((pattern) => ({ pattern, base: io.cwd })),
  ];
  let changedFiles: Set<string> | undefined;
  if (args.changedSince !== undefined) {
    try {
      changedFiles = await changedFilesSince(args.changedSince, io.cwd);
    } catch (e) {
      throw new Refusal(`--changed-since ${args.changedSince}: ${String((e as { stderr?: string }).stderr ?? (e as Error).message).trim()}`);
    }
  }
  const progress = args.progress !== false && io.stderrIsTTY && !io.env.CI ? new ProgressLine(io.stderr) : undefined;
  try {
    const report = await lint(args.paths, options, {
      ignores,
      ...(changedFiles ? { changedFiles } : {}),
      ...(progress ? { onProgress: (done: number, total: number) => progress.update(done, total) } : {}),
      executor: parallelExecutor(resolveConcurrency(args.concurrency)),
    });
    if (report.missing.length) throw new Refusal(`no such file or directory: ${report.missing.join(', ')}`);
    return report;
  } finally {
    progress?.clear();
  }
}

function readBaseline(cwd: string, file: string): string {
  const text = readNamedFile(cwd, '--baseline', file);
  try {
    parseBaseline(text);
  } catch (e) {
    if (!(e instanceof BaselineError)) throw e;
    const where = e.line === undefined ? file : `${file}:${e.line}:${e.column}`;
    throw new Refusal(`--baseline ${where}: ${e.message}`);
  }
  return text;
}

function emitListRules(args: CliArgs, io: CliIo): number {
  const out = args.outputs[0];
  if (args.outputs.length > 1 || (out && out.format !== 'json' && out.format !== 'stylish')) throw new UsageError('--list-rules prints text, or JSON with --format json');
  const text = listRules(DEFAULT_SETUP.rules, out?.format === 'json' ? 'json' : 'text', args.matrix);
  if (out?.outputFile === undefined) io.stdout(text);
  else write(outputPath(io.cwd, out.outputFile), out.outputFile, text);
  return 0;
}

function write(target: OutputPath, name: string, text: string): void {
  try {
    writeOutput(target, text);
  } catch (e) {
    throw new Refusal(`cannot write ${name}: ${(e as Error).message}`);
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
